import Foundation

/// Keyset paging as Workable does it: `limit` (default 50, at most 100), `since_id` and `max_id`
/// by position in insertion order (ids are not ordered text), and `paging.next` carrying
/// `since_id` = the first record of the next page, with the other parameters repeated.
struct Paging {
    let call: APICall
    let behavior: WorkableSandboxBehavior
    let subdomain: String
    /// The collection's path under the API root, e.g. `candidates` or `candidates/{id}/activities`.
    let collection: String

    func limit() throws(SandboxError) -> Int {
        guard let text = call.parameter("limit") else { return 50 }
        guard let value = Int(text) else { throw .validation("limit", "must be a number") }
        return min(max(value, 1), 100)
    }

    /// One page of `records` (already filtered, in insertion order), with `positionOf` giving an
    /// id's position in the full collection.
    func page<Record>(
        _ records: [Record], key: String, id: (Record) -> String, position: (String) -> Int?,
        render: (Record) -> JSONOut
    ) throws(SandboxError) -> SandboxReply {
        let limit = try limit()
        var selected = records
        if let since = call.parameter("since_id") {
            guard let start = position(since) else { return .json(.object([(key, .list([]))])) }
            selected = selected.filter { (position(id($0)) ?? -1) >= start }
        }
        if let max = call.parameter("max_id") {
            guard let end = position(max) else { return .json(.object([(key, .list([]))])) }
            selected = selected.filter { (position(id($0)) ?? Int.max) <= end }
        }
        let shown = selected.prefix(limit)
        var members: [(String, JSONOut)] = [(key, .list(shown.map(render)))]
        if selected.count > limit {
            members.append(("paging", .object([("next", .text(nextLink(sinceID: id(selected[limit]), limit: limit)))])))
        } else if behavior.nextLinks == .nullOnLastPage {
            members.append(("paging", .object([("next", .null)])))
        }
        return .json(.object(members))
    }

    private func nextLink(sinceID: String, limit: Int) -> String {
        var query = call.query.filter { $0.0 != "since_id" && $0.0 != "limit" }
        query.insert(("limit", String(limit)), at: 0)
        query.append(("since_id", sinceID))
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let text = query.map {
            ($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.0) + "="
                + ($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)
        }.joined(separator: "&")
        switch behavior.nextLinks {
        case .modernPath: return "\(call.origin)/spi/v3/\(collection)?\(text)"
        case .otherHost: return "https://www.workable.com/spi/v3/accounts/\(subdomain)/\(collection)?\(text)"
        case .legacyPath, .nullOnLastPage: return "\(call.origin)/spi/v3/accounts/\(subdomain)/\(collection)?\(text)"
        }
    }
}
