import ATSCore
public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bridge journal in a file: a header line naming the bridge, then one JSON object per line.
///
/// - The file comes into being whole: the header is written to a temporary file that is then
///   linked into place, so a crash while creating it never leaves a file without its header.
/// - Each entry is one `write(2)` of a whole line before ``record(_:)`` returns, so it survives the
///   process being killed; ``synchronizesEachEntry`` adds a disk flush per entry, which also
///   survives a power loss. A line cut short by a crash at the very end is ignored (the step it
///   describes is taken only after the line is complete) and cut off before the next entry.
/// - The run holds an exclusive `flock` on the file while it is open, so two bridge runs never
///   share a journal; the kernel releases it however the process ends. A dry run takes a shared
///   lock and never creates the file.
/// - A file whose first line is not a bridge journal's header, or the header of another bridge
///   (other source or target), is refused: it is someone else's file.
/// - The file is readable by its owner only: it names people by e-mail address.
public actor FileBridgeJournal: BridgeJournal {
    /// The journal's file.
    public nonisolated let url: URL
    /// Which bridge the journal belongs to, as written in its header.
    public nonisolated let bridge: String
    /// Whether each entry is flushed to the disk before ``record(_:)`` returns.
    public nonisolated let synchronizesEachEntry: Bool
    private let descriptor: FileDescriptor?
    private var recorded: [BridgeJournalEntry]

    /// The header's format name; a file that does not start with it is not a bridge journal.
    public static let formatName = "ats-bridge-journal"

    /// Opens a journal file, creating it unless `readOnly`, and locks it for this run.
    /// - Parameters:
    ///   - url: The file.
    ///   - bridge: The bridge it belongs to, e.g. `workable https://acme.workable.com → tracker https://…`;
    ///     a file written by another bridge is refused.
    ///   - readOnly: For a dry run: the file is read (if it exists) under a shared lock and never written.
    ///   - synchronizesEachEntry: Flush each entry to the disk (default false: survives a killed
    ///     process, not a power loss).
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` for someone else's or a damaged file,
    ///   ``ATSError/Code/conflict`` when another run holds it).
    public init(url: URL, bridge: String, readOnly: Bool = false, synchronizesEachEntry: Bool = false) throws {
        self.url = url
        self.bridge = bridge
        self.synchronizesEachEntry = synchronizesEachEntry
        let header = JournalHeader(format: Self.formatName, version: 1, bridge: bridge)
        if !readOnly, !FileManager.default.fileExists(atPath: url.path) {
            try Self.createWhole(url, header: header)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            descriptor = nil
            recorded = []
            return
        }
        let opened = try FileDescriptor.opening(url, readOnly: readOnly)
        try opened.lock(exclusive: !readOnly, path: url.path)
        let contents = try opened.readAll(path: url.path)
        let parsed = try Self.parse(contents, expecting: header, path: url.path)
        if !readOnly, parsed.wholeLength < contents.count {
            try opened.truncate(to: parsed.wholeLength, path: url.path)
        }
        descriptor = readOnly ? nil : opened
        recorded = parsed.entries
        if readOnly { opened.release() }
    }

    /// Every entry in the file, oldest first (as read when it was opened, plus those recorded since).
    public func entries() -> [BridgeJournalEntry] { recorded }

    /// Appends an entry as one line.
    /// - Parameter entry: The entry.
    /// - Throws: ``ATSError`` when the file cannot be written, or the journal was opened read-only.
    public func record(_ entry: BridgeJournalEntry) throws {
        guard let descriptor else {
            throw Self.failure(url.path, "was opened for a dry run and cannot be written")
        }
        var line = try Self.encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        try descriptor.append(line, path: url.path)
        if synchronizesEachEntry { try descriptor.synchronize(path: url.path) }
        recorded.append(entry)
    }

    /// Closes the file and lets go of its lock; a journal cannot be written after.
    public func close() {
        descriptor?.release()
    }

    // MARK: The file

    private struct JournalHeader: Codable, Equatable {
        var format: String
        var version: Int
        var bridge: String
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func createWhole(_ url: URL, header: JournalHeader) throws {
        var line = try encoder.encode(header)
        line.append(UInt8(ascii: "\n"))
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8))")
        // The journal names people by e-mail address: readable by its owner only.
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: line, attributes: [.posixPermissions: 0o600])
        else {
            throw failure(url.path, "cannot be created (check the folder exists and is writable)")
        }
        defer { unlink(temporary.path) }
        // link(2) never replaces: when another run created the journal meanwhile, its file stays.
        if link(temporary.path, url.path) != 0, errno != EEXIST {
            throw failure(url.path, "cannot be created: \(String(cString: strerror(errno)))")
        }
    }

    private static func parse(_ contents: Data, expecting header: JournalHeader, path: String) throws
        -> (entries: [BridgeJournalEntry], wholeLength: Int)
    {
        let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let first = lines.first, let found = try? decoder.decode(JournalHeader.self, from: Data(first)),
            found.format == formatName
        else {
            throw ATSError(
                code: .invalidInput, operation: "bridge",
                message: "\(path) is not an ats bridge journal (its first line is not a bridge journal's header); "
                    + "it may belong to another program or command, and the bridge leaves it alone.",
                suggestion:
                    "Give --journal a new file, or the file an earlier `ats bridge` run with this configuration wrote.")
        }
        guard found.version == header.version else {
            throw failure(path, "was written by a newer ats (journal version \(found.version))")
        }
        guard found.bridge == header.bridge else {
            throw ATSError(
                code: .invalidInput, operation: "bridge",
                message:
                    "\(path) is the journal of another bridge (\(found.bridge)), not of this one (\(header.bridge)).",
                suggestion: "Give each bridge configuration its own journal file.")
        }
        // The last piece follows the last newline: empty for a whole file, or a line torn by a crash
        // mid-write, which never took effect and is cut off before the next entry.
        var entries: [BridgeJournalEntry] = []
        for (index, line) in lines.enumerated().dropFirst().dropLast() where !line.isEmpty {
            do {
                entries.append(try decoder.decode(BridgeJournalEntry.self, from: Data(line)))
            } catch {
                throw failure(path, "has a damaged line \(index + 1)")
            }
        }
        return (entries, contents.count - (lines.count > 1 ? lines.last?.count ?? 0 : 0))
    }

    static func failure(_ path: String, _ problem: String) -> ATSError {
        ATSError(
            code: .invalidInput, operation: "bridge", message: "The bridge journal \(path) \(problem).",
            suggestion: "Give another journal file, or repair this one (a header line, then one JSON object per line).")
    }
}

/// An open file and its lock; closing it lets go of the lock.
private final class FileDescriptor: Sendable {
    let raw: Int32
    private let released = Atomic(false)

    private init(raw: Int32) { self.raw = raw }

    static func opening(_ url: URL, readOnly: Bool) throws -> FileDescriptor {
        let flags = (readOnly ? O_RDONLY : (O_RDWR | O_APPEND)) | O_CLOEXEC | O_NOFOLLOW
        let raw = open(url.path, flags)
        guard raw >= 0 else {
            throw FileBridgeJournal.failure(url.path, "cannot be opened: \(String(cString: strerror(errno)))")
        }
        return FileDescriptor(raw: raw)
    }

    func lock(exclusive: Bool, path: String) throws {
        while flock(raw, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            release()
            if code == EWOULDBLOCK {
                throw ATSError(
                    code: .conflict, operation: "bridge",
                    message: "Another `ats bridge` run is using the journal \(path).",
                    suggestion:
                        "Wait for it to finish (two runs on one journal could each create the same application).")
            }
            throw FileBridgeJournal.failure(path, "cannot be locked: \(String(cString: strerror(code)))")
        }
    }

    func readAll(path: String) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(raw, $0.baseAddress, $0.count, offset) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw FileBridgeJournal.failure(path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            offset += off_t(count)
        }
    }

    func truncate(to length: Int, path: String) throws {
        guard ftruncate(raw, off_t(length)) == 0 else {
            throw FileBridgeJournal.failure(path, "cannot be repaired: \(String(cString: strerror(errno)))")
        }
    }

    func append(_ data: Data, path: String) throws {
        try data.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = write(raw, bytes.baseAddress?.advanced(by: written), bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    throw FileBridgeJournal.failure(path, "cannot be written: \(String(cString: strerror(errno)))")
                }
                written += count
            }
        }
    }

    func synchronize(path: String) throws {
        guard fsync(raw) == 0 else {
            throw FileBridgeJournal.failure(path, "cannot be flushed: \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the file once; later calls do nothing (the number may already name another file).
    func release() {
        guard !released.exchange(true, ordering: .relaxed) else { return }
        _ = close(raw)
    }

    deinit { release() }
}
