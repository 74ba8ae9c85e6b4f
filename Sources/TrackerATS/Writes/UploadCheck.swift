import ATSCore
import Foundation
import TrackerAPI

/// The checks an upload passes before anything is sent: a name Tracker can store, an accepted
/// type, a size under the limit, and first bytes that look like the type they claim. Only the
/// size and the first bytes of the source are read here; the rest is read while it is sent.
struct UploadCheck {
    let settings: TrackerATSClient.WriteSettings
    let operation: ATSOperation

    /// The content type the upload will be stored with.
    func contentType(of upload: AttachmentUpload) throws -> String {
        let name = upload.filename.trimmingSpaces
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            throw problem("'\(upload.filename)' cannot be a file name in Tracker: give a name without folders.")
        }
        let accepted = acceptedList
        let fileExtension =
            name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map(String.init) : nil
        guard let fileExtension, let type = settings.uploadContentTypes[fileExtension.lowercased()] else {
            throw problem(
                "\(name) cannot be uploaded: Tracker takes the type from the file name, and accepts \(accepted) files.")
        }
        if let declared = upload.contentType?.split(separator: ";").first.map({ String($0).trimmingSpaces.lowercased() }
        ),
            !declared.isEmpty, declared != type
        {
            throw problem(
                "\(name) is declared as \(declared), but its name makes it \(type); Tracker would store it as \(type).",
                suggestion: "Rename the file to match its type, or drop the declared type.")
        }
        return type
    }

    /// Checks everything Tracker would refuse that can be known before sending: the name and
    /// type, the size (from the source's size, without reading it), and the first bytes.
    func verify(_ upload: AttachmentUpload) async throws {
        let type = try contentType(of: upload)
        let size = try size(of: upload)
        guard size <= settings.maximumUploadBytes else { throw tooLarge(upload.filename, size: size) }
        guard size > 0 else { throw problem("\(upload.filename) is empty; Tracker would store an empty file.") }
        try checkSignature(try await head(of: upload), type: type, filename: upload.filename)
    }

    /// The upload's bytes as TrackerAPI takes them: a file or chunks stream, bytes in memory stay so.
    func content(of upload: AttachmentUpload) -> TrackerFileUploadRequest.Content {
        switch upload.source {
        case .bytes(let data): .data(data)
        case .file(let url): .file(url)
        case .chunks(let chunks): .chunks(chunks, size: chunks.size)
        }
    }

    /// The source's size: a file's from the file system. A file that grows afterwards is caught
    /// while it is sent (the request's length is fixed from this size).
    private func size(of upload: AttachmentUpload) throws -> Int {
        switch upload.source {
        case .bytes(let data):
            return data.count
        case .chunks(let chunks):
            return chunks.size
        case .file(let url):
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            } catch {
                throw problem("\(url.path) cannot be read: \(error.localizedDescription)")
            }
            guard (attributes[.type] as? FileAttributeType) == .typeRegular, let size = attributes[.size] as? Int else {
                throw problem("\(url.path) is not a regular file.")
            }
            return size
        }
    }

    /// The first bytes of the source (at most ``signatureLength``); only those are read.
    private func head(of upload: AttachmentUpload) async throws -> Data {
        switch upload.source {
        case .bytes(let data):
            return data.prefix(Self.signatureLength)
        case .file(let url):
            do {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                return try handle.read(upToCount: Self.signatureLength) ?? Data()
            } catch {
                throw problem("\(url.path) cannot be read: \(error.localizedDescription)")
            }
        case .chunks(let chunks):
            var head = Data()
            do {
                for try await chunk in chunks {
                    head.append(chunk.prefix(Self.signatureLength - head.count))
                    if head.count >= Self.signatureLength { break }
                }
            } catch {
                throw problem("\(upload.filename) cannot be read: \(error)")
            }
            return head
        }
    }

    /// How many leading bytes the type check reads.
    static let signatureLength = 8

    /// Refuses bytes that do not start the way their type requires.
    private func checkSignature(_ head: Data, type: String, filename: String) throws {
        let signatures: [String: [[UInt8]]] = [
            "application/pdf": [Array("%PDF-".utf8)],
            "image/png": [[0x89, 0x50, 0x4E, 0x47]],
            "image/jpeg": [[0xFF, 0xD8, 0xFF]],
            "image/gif": [Array("GIF8".utf8)],
            "application/msword": [[0xD0, 0xCF, 0x11, 0xE0]],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [[0x50, 0x4B, 0x03, 0x04]],
            "application/vnd.oasis.opendocument.text": [[0x50, 0x4B, 0x03, 0x04]],
            "application/rtf": [Array("{\\rtf".utf8)],
        ]
        guard let expected = signatures[type] else { return }
        let bytes = Array(head)
        guard expected.contains(where: { bytes.starts(with: $0) }) else {
            throw problem(
                "\(filename) does not look like \(type): its first bytes do not match that format.",
                suggestion:
                    "Check that the file is what its name says (a renamed file is refused by recruiters' viewers).")
        }
    }

    private var acceptedList: String {
        settings.uploadContentTypes.keys.sorted().map { "." + $0 }.joined(separator: ", ")
    }

    func tooLarge(_ filename: String, size: Int?) -> ATSError {
        let limit = Self.format(bytes: settings.maximumUploadBytes)
        let actual = size.map { " is \(Self.format(bytes: $0)) and" } ?? ""
        return problem(
            "\(filename)\(actual) is larger than Tracker accepts (at most \(limit)).",
            suggestion:
                "Compress or shorten the file, or raise WriteSettings.maximumUploadBytes if the account allows more.")
    }

    func problem(_ message: String, suggestion: String? = nil, wasSent: Bool = false) -> ATSError {
        ATSError(
            code: .invalidInput, operation: operation.rawValue, provider: .tracker,
            message: message + (wasSent ? " Nothing was stored." : " Nothing was sent."), suggestion: suggestion)
    }

    static func format(bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) bytes"
    }
}
