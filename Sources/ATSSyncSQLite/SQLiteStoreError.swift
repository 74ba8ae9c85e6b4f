/// Why the SQLite mirror could not be used.
public struct SQLiteStoreError: Error, CustomStringConvertible, @unchecked Sendable {
    /// What happened and what to do, for a person.
    public let description: String
    /// The GRDB or SQLite error underneath. (`@unchecked Sendable`: it is never mutated after init,
    /// and GRDB's errors are value types.)
    public let underlying: any Error

    static func cannotOpen(path: String, underlying: any Error) -> SQLiteStoreError {
        SQLiteStoreError(
            description: "Cannot open the SQLite database at \(path): \(underlying). "
                + "Check that the folder exists and is writable, and that the file is an SQLite database.",
            underlying: underlying)
    }

    static func cannotMigrate(underlying: any Error) -> SQLiteStoreError {
        SQLiteStoreError(
            description: "The SQLite database could not be prepared: \(underlying). "
                + "If the file is not an ATSKit mirror (or is corrupt), point --database at a new file.",
            underlying: underlying)
    }
}
