import PostgresNIO

/// Why the PostgreSQL mirror could not be used. Messages never contain the password.
public struct PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What happened and what to do, for a person.
    public var description: String

    static func invalidURL(_ problem: String) -> PostgresStoreError {
        PostgresStoreError(description: "Invalid PostgreSQL URL: \(problem)")
    }

    static func failed(_ what: String, _ error: any Error) -> PostgresStoreError {
        var detail = detail(of: error)
        while detail.hasSuffix(".") { detail.removeLast() }
        return PostgresStoreError(description: "PostgreSQL could not \(what): \(detail).")
    }

    /// The server's message, or the kind of failure; PSQLError's own description is deliberately
    /// generic because its debug form can include the query.
    private static func detail(of error: any Error) -> String {
        if String(describing: type(of: error)) == "ConnectionPoolError" {
            // The pool gives up after repeated failed connection attempts; the attempts' own errors
            // are not part of it, so say what usually causes it.
            return "no connection could be opened. Check that the server is running and reachable at the URL's host "
                + "and port, and that the user, password and database name are right"
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if error.code == .connectionError {
            let cause = error.underlying.map { "\($0)" } ?? ""
            let reason =
                cause.contains("refused")
                ? "connection refused"
                : (cause.contains("timed out") || cause.contains("Timeout") ? "timed out" : "failed")
            return "the server could not be reached (\(reason)). Check that it is running and that the URL's host "
                + "and port are right"
        }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
