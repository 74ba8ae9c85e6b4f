public import Foundation

/// A bulk rejection journal in a file: one JSON object per line, appended.
///
/// Each entry is written with one `write(2)` of a whole line before ``record(_:)`` returns, so it
/// survives the process being killed (the kernel holds it). With ``synchronizesEachEntry`` each
/// line is also flushed to the disk, which survives a power loss too at the cost of one disk
/// flush per entry. A line cut short by a crash at the very end of the file is ignored when the
/// journal is read back; damage anywhere else is reported, never guessed around.
public actor FileBulkRejectionJournal: BulkRejectionJournal {
    /// The journal's file.
    public nonisolated let url: URL
    /// Whether each entry is flushed to the disk before ``record(_:)`` returns.
    public nonisolated let synchronizesEachEntry: Bool
    private var handle: FileHandle?

    /// Opens (or creates) a journal file.
    /// - Parameters:
    ///   - url: The file.
    ///   - synchronizesEachEntry: Flush each entry to the disk (default false: survives a killed
    ///     process, not a power loss).
    public init(url: URL, synchronizesEachEntry: Bool = false) {
        self.url = url
        self.synchronizesEachEntry = synchronizesEachEntry
    }

    /// Every entry in the file, oldest first.
    /// - Returns: The entries; none when the file does not exist yet.
    /// - Throws: ``ATSError`` with ``ATSError/Code/invalidInput`` when a line other than the last
    ///   cannot be read.
    public func entries() throws -> [BulkRejectionJournalEntry] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw failure("cannot be read: \(error.localizedDescription)")
        }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var result: [BulkRejectionJournalEntry] = []
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                result.append(try decoder.decode(BulkRejectionJournalEntry.self, from: Data(line)))
            } catch {
                // Only the final line can be torn by a crash mid-write; it never had an effect
                // because the step it describes is taken only after the line is complete.
                if index == lines.count - 1 { break }
                throw failure("line \(index + 1) is not a journal entry")
            }
        }
        return result
    }

    /// Appends an entry as one line.
    /// - Parameter entry: The entry.
    /// - Throws: ``ATSError`` when the file cannot be written.
    public func record(_ entry: BulkRejectionJournalEntry) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var line: Data
        do {
            line = try encoder.encode(entry)
        } catch {
            throw failure("cannot encode an entry: \(error)")
        }
        line.append(UInt8(ascii: "\n"))
        do {
            let handle = try openHandle()
            try handle.write(contentsOf: line)
            if synchronizesEachEntry { try handle.synchronize() }
        } catch let error as ATSError {
            throw error
        } catch {
            throw failure("cannot be written: \(error.localizedDescription)")
        }
    }

    /// Closes the file; a later ``record(_:)`` opens it again.
    public func close() {
        try? handle?.close()
        handle = nil
    }

    private func openHandle() throws -> FileHandle {
        if let handle { return handle }
        if !FileManager.default.fileExists(atPath: url.path) {
            // The journal names the applications and the reasons: readable by its owner only.
            let ownerOnly: [FileAttributeKey: Any] = [.posixPermissions: 0o600]
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: ownerOnly) else {
                throw failure("cannot be created (check the folder exists and is writable)")
            }
        }
        let opened = try FileHandle(forWritingTo: url)
        // A line torn by a crash mid-write is cut off, so the next entry starts on a line of its own.
        let existing = try Data(contentsOf: url)
        if let last = existing.last, last != UInt8(ascii: "\n") {
            let keep = existing.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            try opened.truncate(atOffset: UInt64(keep))
        }
        try opened.seekToEnd()
        handle = opened
        return opened
    }

    private func failure(_ problem: String) -> ATSError {
        ATSError(
            code: .invalidInput, operation: ATSOperation.bulkRejectApplications.rawValue,
            message: "The bulk rejection journal \(url.path) \(problem).",
            suggestion: "Give another journal file, or repair this one (one JSON object per line)."
        )
    }
}
