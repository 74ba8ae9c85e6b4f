import PostgresNIO

/// Why the PostgreSQL mirror could not be used. Messages never contain the password.
public struct PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What happened and what to do, for a person.
    public var description: String

    static func invalidURL(_ problem: String) -> PostgresStoreError {
        PostgresStoreError(description: "Invalid PostgreSQL URL: \(problem)")
    }

    static func failed(_ what: String, _ error: any Error) -> PostgresStoreError {
        PostgresStoreError(description: "PostgreSQL could not \(what): \(detail(of: error)).")
    }

    /// The server's message, or the kind of failure; PSQLError's own description is deliberately
    /// generic because its debug form can include the query.
    private static func detail(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
