import ATSCore
import Foundation

/// The checks an upload passes before anything is sent: a name Tracker can store, an accepted
/// type, a size under the limit, and bytes that look like the type they claim.
struct UploadCheck {
    let settings: TrackerATSClient.WriteSettings
    let operation: ATSOperation

    /// The bytes read from the source in chunks, refused as soon as they pass the limit.
    let chunkSize = 64 * 1024

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

    /// The file's bytes, read in chunks; refused after at most one chunk past the limit.
    func bytes(of upload: AttachmentUpload) throws -> Data {
        let limit = settings.maximumUploadBytes
        switch upload.source {
        case .bytes(let data):
            guard data.count <= limit else { throw tooLarge(upload.filename, size: data.count) }
            return data
        case .file(let url):
            if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limit {
                throw tooLarge(upload.filename, size: size)
            }
            let handle: FileHandle
            do {
                handle = try FileHandle(forReadingFrom: url)
            } catch {
                throw problem("\(url.path) cannot be read: \(error.localizedDescription)")
            }
            defer { try? handle.close() }
            var data = Data()
            while true {
                try Task.checkCancellation()
                let chunk: Data?
                do {
                    chunk = try handle.read(upToCount: chunkSize)
                } catch {
                    throw problem("\(url.path) cannot be read: \(error.localizedDescription)")
                }
                guard let chunk, !chunk.isEmpty else { break }
                data.append(chunk)
                // The file may be growing: the size checked above is not trusted.
                if data.count > limit { throw tooLarge(upload.filename, size: nil) }
            }
            return data
        }
    }

    /// Refuses bytes that are empty or do not start the way their type requires.
    func checkContent(_ data: Data, type: String, filename: String) throws {
        guard !data.isEmpty else { throw problem("\(filename) is empty; Tracker would store an empty file.") }
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
        let head = Array(data.prefix(8))
        guard expected.contains(where: { head.starts(with: $0) }) else {
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
