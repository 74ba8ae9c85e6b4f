import Foundation

/// The configured API root, taken apart: where requests go, and how to tell whether a URL the
/// server hands back (`paging.next`) is on the same origin, the only one the token may go to.
struct WorkableBaseURL: Sendable, Hashable {
    let scheme: String
    let host: String
    let port: Int?
    /// The root's path without a trailing slash, e.g. `/spi/v3`.
    let path: String

    init(_ text: String) throws(WorkableAPIError) {
        func invalid(_ reason: String) -> WorkableAPIError {
            WorkableAPIError(code: .invalidConfiguration, underlying: reason)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw invalid("the base URL cannot be read; use https://SUBDOMAIN.workable.com/spi/v3")
        }
        guard components.user == nil, components.password == nil else {
            throw invalid("the base URL must not contain a user name or password; pass the token separately")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw invalid(
                "the base URL must use https:// (plain http:// is allowed only for a sandbox on this machine)")
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = components.port
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.path = path
    }

    var origin: String {
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return scheme + "://" + hostPart + (port.map { ":\($0)" } ?? "")
    }

    /// The absolute URL of `path` (which starts with `/`) with `query`.
    func url(path relative: String, query: [(String, String)]) -> String {
        origin + path + relative + Self.queryString(query)
    }

    /// Whether `url` has this root's scheme, host and port.
    func isSameOrigin(_ url: URLComponents) -> Bool {
        url.scheme?.lowercased() == scheme && url.host?.lowercased() == host && url.port == port
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
