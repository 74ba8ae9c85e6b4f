import ATSCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Saves downloads into a folder so that a name chosen by the server can never escape it or
/// replace an existing file.
enum SafeFileWriter {
    /// A file written.
    struct Saved {
        var url: URL
        var bytes: Int
    }

    /// A server-supplied file name reduced to one harmless path component.
    ///
    /// Everything up to the last `/` or `\` goes (so `../../etc/passwd` becomes `passwd`), control
    /// characters go, leading dots and surrounding spaces go (no hidden files, no `..`), and the
    /// name is cut to 200 bytes keeping its extension. An empty result becomes `fallback`, itself
    /// reduced the same way (it is made from the server's file id, which is no more trustworthy),
    /// or `file` when nothing of it is left.
    static func safeName(_ serverName: String, fallback: String) -> String {
        reduced(serverName) ?? reduced(fallback) ?? "file"
    }

    private static func reduced(_ serverName: String) -> String? {
        // Separators are looked for among Unicode scalars, not Characters: a "/" followed by a
        // combining mark is one Character to Swift but still a separator to the file system.
        let scalars = serverName.unicodeScalars
        let start = scalars.lastIndex { $0 == "/" || $0 == "\\" }.map(scalars.index(after:)) ?? scalars.startIndex
        var kept = String.UnicodeScalarView(
            scalars[start...].filter { !($0.properties.generalCategory == .control || $0.value == 0x7F) })
        // No hidden files and no "." or "..": leading dots and spaces go, in any mix, and trailing spaces.
        while let first = kept.first, first == "." || first.properties.isWhitespace { kept.removeFirst() }
        while let last = kept.last, last.properties.isWhitespace { kept.removeLast() }
        guard !kept.isEmpty else { return nil }
        let name = String(kept)
        guard name.utf8.count > 200 else { return name }
        let ext = (name as NSString).pathExtension
        let suffix = ext.isEmpty || ext.utf8.count > 16 ? "" : "." + ext
        // Cut by scalars: one Character can hold thousands of combining marks.
        let budget = 200 - suffix.utf8.count
        var stem = String.UnicodeScalarView()
        var used = 0
        for scalar in kept.dropLast(suffix.unicodeScalars.count) {
            let width = UTF8.width(scalar)
            guard used + width <= budget else { break }
            stem.append(scalar)
            used += width
        }
        return (stem.isEmpty ? "file" : String(stem)) + suffix
    }

    /// Streams a download into `folder` under its sanitised name, adding ` (1)`, ` (2)` … when a
    /// file of that name exists. The file is created exclusively and never through a symbolic link;
    /// a partial file is removed when the download fails.
    /// - Parameters:
    ///   - download: The download.
    ///   - folder: The folder (created if missing).
    /// - Returns: Where the file went and how many bytes it has.
    /// - Throws: ``CommandFailure`` when the folder or file cannot be written, or the download's error.
    static func save(_ download: ATSFileDownload, into folder: URL) async throws -> Saved {
        let directory = folder.standardizedFileURL
        do {
            // Downloads are people's documents (CVs, letters): folders ATSKit creates are its owner's only.
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure.failed("Cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        let name = safeName(download.filename, fallback: "file-\(download.attachment.id.rawValue)")
        let (url, descriptor) = try createExclusively(name, in: directory)
        var bytes = 0
        do {
            for try await chunk in download.body {
                try writeAll(chunk, to: descriptor, path: url.path)
                bytes += chunk.count
            }
            close(descriptor)
        } catch {
            close(descriptor)
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return Saved(url: url, bytes: bytes)
    }

    private static func createExclusively(_ name: String, in directory: URL) throws -> (URL, Int32) {
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        for attempt in 0..<1_000 {
            let candidate = attempt == 0 ? name : "\(stem) (\(attempt))" + (ext.isEmpty ? "" : ".\(ext)")
            let url = directory.appendingPathComponent(candidate, isDirectory: false)
            // The name has no separators, but check the parent anyway: the invariant is what matters.
            guard url.deletingLastPathComponent().standardizedFileURL.path == directory.path else {
                throw CommandFailure.failed("Refusing to write \(candidate): it is not inside \(directory.path).")
            }
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            if descriptor >= 0 { return (url, descriptor) }
            guard errno == EEXIST else {
                throw CommandFailure.failed("Cannot create \(url.path): \(FileErrorText.reason(errno)).")
            }
        }
        throw CommandFailure.failed("Too many files named like \(name) in \(directory.path).")
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure.failed("Cannot write \(path): \(FileErrorText.reason(errno)).")
                }
                offset += written
            }
        }
    }
}
