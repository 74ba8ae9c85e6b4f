import GRDB

/// Why the SQLite mirror could not be used.
public struct SQLiteStoreError: Error, CustomStringConvertible, @unchecked Sendable {
    /// What happened and what to do, for a person.
    public let description: String
    /// The GRDB or SQLite error underneath. (`@unchecked Sendable`: it is never mutated after init,
    /// and GRDB's errors are value types.)
    public let underlying: any Error

    static func cannotOpen(path: String, underlying: any Error) -> SQLiteStoreError {
        if isBusy(underlying) { return inUse(path: path, underlying: underlying) }
        return SQLiteStoreError(
            description: "Cannot open the SQLite database at \(path): \(underlying). "
                + "Check that the folder exists and is writable, and that the file is an SQLite database.",
            underlying: underlying)
    }

    static func cannotCreate(path: String, reason: String) -> SQLiteStoreError {
        SQLiteStoreError(
            description: "Cannot create the SQLite mirror \(path): \(reason). Check that the folder exists and is "
                + "writable, or choose another --database.",
            underlying: PlainReason(reason))
    }

    static func notAMirror(path: String, tables: [String]) -> SQLiteStoreError {
        let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
        return SQLiteStoreError(
            description: "\(path) is an SQLite database that is not an ATSKit mirror (it has the tables \(shown)). "
                + "It was left untouched; give a new file or an existing ATSKit mirror as --database.",
            underlying: PlainReason("not an ATSKit mirror"))
    }

    static func cannotMigrate(path: String?, underlying: any Error) -> SQLiteStoreError {
        if isBusy(underlying) { return inUse(path: path ?? "the mirror", underlying: underlying) }
        return SQLiteStoreError(
            description: "The SQLite mirror\(path.map { " " + $0 } ?? "") could not be prepared: \(underlying). "
                + "If it is corrupt, restore it from a backup or give a new file as --database (a new mirror is "
                + "filled by a full sync).",
            underlying: underlying)
    }

    /// Another process keeps the database locked: one that does not take ATSKit's mirror lock
    /// (an `ats` from before it, or a tool writing to the file).
    private static func inUse(path: String, underlying: any Error) -> SQLiteStoreError {
        SQLiteStoreError(
            description: "\(path) is in use by another process that is writing to it (SQLite reports it locked). "
                + "Wait for that process to finish and run this again.",
            underlying: underlying)
    }

    private static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }
}

/// A reason without an error value underneath.
struct PlainReason: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
