import Foundation
public import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` URL, parsed into a client configuration.
///
/// Its ``description`` never shows the password, so it is safe in logs and error messages.
public struct PostgresDatabaseURL: Sendable, CustomStringConvertible {
    /// The host name or address.
    public var host: String
    /// The port.
    public var port: Int
    /// The user name.
    public var username: String
    /// The password, if the URL has one. Never printed.
    public var password: String?
    /// The database name.
    public var database: String
    /// Whether TLS is required (`sslmode=require` or stricter); otherwise the connection is plain.
    public var requiresTLS: Bool

    /// Parses a URL.
    /// - Parameter text: `postgres://` or `postgresql://` URL.
    /// - Throws: ``PostgresStoreError`` naming what is missing, without echoing the password.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw PostgresStoreError.invalidURL(
                "The database URL must look like postgres://user:password@host:5432/database.")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.invalidURL("The database URL has no host.")
        }
        let database = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !database.isEmpty else {
            throw PostgresStoreError.invalidURL("The database URL names no database (…/DATABASE at its end).")
        }
        self.host = host
        self.port = components.port ?? 5432
        // Decoded once, from the text as written: a password may itself contain "%25" (a "%").
        self.username = components.percentEncodedUser.map(Self.decoded) ?? "postgres"
        self.password = components.percentEncodedPassword.map(Self.decoded)
        self.database = database
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        self.requiresTLS = ["require", "verify-ca", "verify-full"].contains(mode)
    }

    /// A URL part's text with its `%XX` escapes decoded, or as written when they are not valid.
    private static func decoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// The configuration for a `PostgresClient`.
    /// - Throws: When TLS is required but cannot be configured.
    public func clientConfiguration() throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = requiresTLS ? .require(.clientDefault) : .disable
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The settings of one direct plain-text connection, for the pre-flight check that fails fast
    /// with the server's own reason (the pool retries for a minute before it gives up, and then no
    /// longer says why); nil when the URL requires TLS, which a direct connection would need its own
    /// TLS context for.
    var preflightConfiguration: PostgresConnection.Configuration? {
        guard !requiresTLS else { return nil }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
