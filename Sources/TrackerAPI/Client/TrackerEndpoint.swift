import Foundation

/// One call to make: method, path template (the metric label), resolved path, query and body.
struct TrackerEndpoint: Sendable {
    /// Where the path hangs: under the API root (and company prefix), or at the host root
    /// (only `add_applicant`).
    enum Scope: Sendable {
        case api
        case hostRoot
    }

    var method: TrackerHTTPMethod
    /// The path with placeholders, such as `/jobs/{id}`.
    var template: String
    /// The path with values.
    var path: String
    var scope: Scope = .api
    var query: [(String, String)] = []
    /// The body, always JSON (in memory, or streamed for uploads).
    var body: TrackerHTTPRequestBody?

    /// `GET /jobs/{id}`: the label used in logs, metrics and errors.
    var label: String { "\(method) \(template)" }

    init(_ method: TrackerHTTPMethod, _ template: String, path: String? = nil, scope: Scope = .api) {
        self.method = method
        self.template = template
        self.path = path ?? template
        self.scope = scope
    }

    /// Adds a JSON body.
    func with(json: TrackerJSON) -> TrackerEndpoint {
        var copy = self
        copy.body = .bytes(json.serialized())
        return copy
    }

    /// Adds a JSON body produced while it is sent.
    func with(streamedJSON body: TrackerHTTPRequestBody) -> TrackerEndpoint {
        var copy = self
        copy.body = body
        return copy
    }

    /// Percent-encodes one path segment (ids come from callers and must not add path levels).
    static func segment(_ text: String) -> String {
        percentEncode(text)
    }

    static func percentEncode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

/// The resolved roots of every URL, checked once when a ``TrackerAPI`` is made.
struct EndpointRoots: Sendable {
    /// The API root with the company prefix, without a trailing slash.
    let apiRoot: String
    /// `scheme://host[:port]`.
    let hostRoot: String
    /// The host, for redirect decisions.
    let host: String
    /// Why the base URL cannot be Tracker's API root (its path does not end in `/api/v1`), or `nil`
    /// when it can. Said with every 404, since nothing below a wrong root exists.
    let wrongRootCause: String?

    init(baseURL: String, companyID: TrackerCompanyID?) throws {
        func invalid(_ reason: String) -> TrackerAPIError {
            TrackerAPIError(code: .invalidConfiguration, underlying: "baseURL: " + reason)
        }
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw invalid("not an absolute URL")
        }
        guard components.query == nil, components.fragment == nil else { throw invalid("must not have a query") }
        // A user name or password in the URL would be shown wherever the URL is (descriptions, logs)
        // and is how `http://127.0.0.1@example.com` dresses a remote host as loopback.
        guard components.user == nil, components.password == nil else {
            throw invalid("must not contain a user name or password; give them as apiKey and apiPassword")
        }
        guard scheme == "https" || (scheme == "http" && Self.isLoopback(host)) else {
            throw invalid("HTTPS is required except for loopback addresses (127.0.0.1, ::1, localhost)")
        }
        let port = components.port.map { ":\($0)" } ?? ""
        let bracketedHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        hostRoot = "\(scheme)://\(bracketedHost)\(port)"
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        wrongRootCause =
            path.lowercased().hasSuffix("/api/v1")
            ? nil
            : "the base URL's path is '\(path.isEmpty ? "/" : path)', but Tracker's API root ends in /api/v1 "
                + "(such as https://api.applicant-tracking.com/api/v1)"
        if let companyID {
            path += "/companies/" + EndpointRoots.encodeSegment(companyID.rawValue)
        }
        apiRoot = hostRoot + path
        self.host = host.lowercased()
    }

    private static func encodeSegment(_ text: String) -> String { TrackerEndpoint.segment(text) }

    /// Loopback addresses may use plain HTTP: nothing leaves the machine.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if lowered == "localhost" || lowered == "::1" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    func url(for endpoint: TrackerEndpoint) -> String {
        var url = (endpoint.scope == .api ? apiRoot : hostRoot) + endpoint.path
        if !endpoint.query.isEmpty {
            url +=
                "?"
                + endpoint.query.map { TrackerEndpoint.percentEncode($0.0) + "=" + TrackerEndpoint.percentEncode($0.1) }
                .joined(separator: "&")
        }
        return url
    }
}
