import PostgresNIO

/// Why the PostgreSQL mirror could not be used. Messages never contain the password.
public struct PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What happened and what to do, for a person.
    public var description: String

    static func invalidURL(_ problem: String) -> PostgresStoreError {
        PostgresStoreError(description: "Invalid PostgreSQL URL: \(problem)")
    }

    static func failed(_ what: String, _ error: any Error, hint: String? = nil) -> PostgresStoreError {
        var detail = detail(of: error)
        while detail.hasSuffix(".") { detail.removeLast() }
        return PostgresStoreError(description: "PostgreSQL could not \(what): \(detail).\(hint.map { " " + $0 } ?? "")")
    }

    /// The sync lost its account's lock while it ran: writing on could overwrite another worker's.
    static func lostAccountLock(_ account: String) -> PostgresStoreError {
        PostgresStoreError(
            description: "Lost the sync lock of account \(account): the PostgreSQL connection that held it has ended "
                + "(the server closed it or it broke), so another worker may be syncing the account now. Stopped "
                + "writing it; its next sync resumes from the last committed page.")
    }

    /// Whether the server refused for lack of a privilege (SQLSTATE 42501).
    static func isPermissionDenied(_ error: any Error) -> Bool {
        var error: any Error = error
        if let wrapped = error as? PostgresTransactionError {
            error = wrapped.closureError ?? wrapped.commitError ?? wrapped.beginError ?? error
        }
        return (error as? PSQLError)?.serverInfo?[.sqlState] == "42501"
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
        if let wrapped = error as? PostgresTransactionError,
            let inner = wrapped.closureError ?? wrapped.beginError ?? wrapped.commitError
        {
            return detail(of: inner)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if error.code == .sslUnsupported {
            return "the server does not offer TLS, which the URL's sslmode requires"
        }
        if error.code == .connectionError || error.code == .failedToAddSSLHandler,
            let cause = error.underlying.map({ "\($0)" }),
            cause.contains("NIOSSL") || cause.contains("certificate") || cause.contains("handshake")
        {
            return "the TLS handshake failed (\(cause)). Check the URL's sslmode, and sslrootcert when the server's "
                + "certificate is not signed by an authority this machine trusts"
        }
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
