/// A request as the handlers see it: method, path segments after the API prefix, query, body.
struct APICall: Sendable {
    var method: String
    /// The full request path, e.g. `/api/v1/companies/1/applications`.
    var path: String
    /// The path below `/api/v1` (and below `/companies/{id}` for partner paths), split on `/`.
    var segments: [Substring]
    var query: QueryParameters
    var body: [UInt8]
    /// `scheme://host[:port]` the client used, for the paging links.
    var origin: String

    /// The body as a JSON object.
    /// - Throws: `422` when the body is empty, not JSON, or not an object. [model, as
    ///   docs/tracker-api.openapi.yaml says: `400` is for query and path parameters]
    /// - Parameter allowed: the members the body may have; others are refused with `422`
    ///   (`nil` accepts any).
    func jsonObject(allowing allowed: Set<String>? = nil) throws(SandboxHTTPError) -> SandboxJSON {
        guard !body.isEmpty else { throw .unprocessable("the request body must be a JSON object; it was empty") }
        let value: SandboxJSON
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .unprocessable("the request body is not valid JSON: \(error)")
        }
        guard value.objectMembers != nil else {
            throw .unprocessable("the request body must be a JSON object, not \(value.typeName)")
        }
        if let allowed {
            try rejectUnknownMembers(of: value, allowed: allowed, in: "\(method) \(path)")
        }
        return value
    }

    /// Refuses body members other than `allowed`.
    /// - Throws: `422` naming the first unknown member and the accepted ones.
    func rejectUnknownMembers(of body: SandboxJSON, allowed: Set<String>, in context: String) throws(SandboxHTTPError) {
        for member in body.objectMembers ?? [] where !allowed.contains(member.key) {
            throw .unprocessable(
                "unknown field '\(member.key)' in \(context); accepted: \(allowed.sorted().joined(separator: ", "))"
            )
        }
    }
}

/// A decoded query string, keeping repeated keys in order.
struct QueryParameters: Sendable {
    private(set) var pairs: [(key: String, value: String)] = []
    let raw: String

    /// Splits on `&` and `=` and decodes `%XX`. A `+` stays a `+`: the values here are ids, names
    /// and timestamps, where an unencoded `+` is an offset sign far more often than a space.
    init(_ raw: String) {
        self.raw = raw
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.percentDecode(pieces[0])
            let value = pieces.count > 1 ? Self.percentDecode(pieces[1]) : ""
            pairs.append((key, value))
        }
    }

    subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// The query with `page` set (or replaced) and every other parameter kept, for paging links.
    func replacingPage(with page: Int, perPage: Int) -> String {
        var parts = ["page=\(page)", "per_page=\(perPage)"]
        for part in raw.split(separator: "&") {
            let key = part.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            if key != "page" && key != "per_page" { parts.append(String(part)) }
        }
        return parts.joined(separator: "&")
    }

    private static func percentDecode(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// A response before it becomes a Hummingbird `Response` (and before any fault is applied to it).
struct SandboxReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)] = []
    var contentType: String = "application/json; charset=utf-8"
    var body: [UInt8]

    static func json(
        _ status: Int = 200, headers: [(name: String, value: String)] = [], _ write: (inout JSONWriter) -> Void
    )
        -> SandboxReply
    {
        var writer = JSONWriter(capacity: 512)
        write(&writer)
        return SandboxReply(status: status, headers: headers, body: writer.bytes)
    }

    static func error(_ error: SandboxHTTPError) -> SandboxReply {
        json(error.status, headers: error.headers) { writer in
            writer.beginObject()
            writer.key("error")
            writer.string(error.message)
            writer.endObject()
        }
    }

    static let noContent = SandboxReply(status: 204, contentType: "", body: [])
}
