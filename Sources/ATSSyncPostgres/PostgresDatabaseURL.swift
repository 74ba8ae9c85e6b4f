import Foundation
public import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…&sslrootcert=…` URL, parsed into a client
/// configuration.
///
/// `sslmode` means what it means to libpq: `disable`, `allow` and `prefer` (the default) connect
/// without TLS; `require` encrypts without checking the server's certificate (unless `sslrootcert`
/// is given, when it checks it as `verify-ca` does); `verify-ca` checks that the certificate is
/// signed by a trusted authority; `verify-full` also checks that it names the host. `sslrootcert`
/// is a PEM file of the authorities to trust instead of the system's.
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
    /// How the server's certificate is checked when TLS is required.
    public var certificateCheck: CertificateCheck
    /// A PEM file of the certificate authorities to trust (`sslrootcert`), instead of the system's.
    public var rootCertificatePath: String?

    /// How much of the server's certificate is checked.
    public enum CertificateCheck: Sendable {
        /// Not at all: encryption only (`sslmode=require` without `sslrootcert`).
        case none
        /// Signed by a trusted authority (`verify-ca`, or `require` with `sslrootcert`).
        case authority
        /// Signed by a trusted authority and naming the host (`verify-full`).
        case authorityAndHost
    }

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
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(mode) else {
            throw PostgresStoreError.invalidURL(
                "Unknown sslmode '\(mode)'; use disable, prefer, require, verify-ca or verify-full.")
        }
        self.requiresTLS = ["require", "verify-ca", "verify-full"].contains(mode)
        let root = components.queryItems?.first { $0.name == "sslrootcert" }?.value
        self.rootCertificatePath = root.flatMap { $0.isEmpty ? nil : $0 }
        switch mode {
        case "verify-full": self.certificateCheck = .authorityAndHost
        case "verify-ca": self.certificateCheck = .authority
        default: self.certificateCheck = rootCertificatePath == nil ? .none : .authority
        }
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
        let tls: PostgresClient.Configuration.TLS = requiresTLS ? .require(try tlsConfiguration()) : .disable
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The TLS settings `sslmode` and `sslrootcert` ask for.
    /// - Throws: ``PostgresStoreError`` when the `sslrootcert` file cannot be read.
    func tlsConfiguration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch certificateCheck {
        case .none: tls.certificateVerification = .none
        case .authority: tls.certificateVerification = .noHostnameVerification
        case .authorityAndHost: tls.certificateVerification = .fullVerification
        }
        if let rootCertificatePath {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootCertificatePath))
            } catch {
                throw PostgresStoreError.invalidURL(
                    "sslrootcert \(rootCertificatePath) is not a readable PEM file of certificates (\(error)).")
            }
        }
        return tls
    }

    /// The settings of one direct connection, for the pre-flight check that fails fast with the
    /// server's own reason (the pool retries for a minute before it gives up, and then no longer
    /// says why).
    /// - Throws: ``PostgresStoreError`` when the TLS settings cannot be used.
    func preflightConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        if requiresTLS {
            do {
                tls = .require(try NIOSSLContext(configuration: try tlsConfiguration()))
            } catch let error as PostgresStoreError {
                throw error
            } catch {
                throw PostgresStoreError.invalidURL("TLS cannot be set up: \(error).")
            }
        } else {
            tls = .disable
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}
