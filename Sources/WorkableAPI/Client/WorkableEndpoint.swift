import Foundation

/// One call: method, path under the API root (or an absolute same-origin URL from `paging.next`),
/// query, body, and the bounded template that names it in logs, metrics and errors.
struct WorkableEndpoint: Sendable {
    var method: String
    var path: String
    var template: String
    var query: [(String, String)] = []
    var body: WorkableJSON?
    /// A same-origin URL to use as given (a `paging.next` link); overrides path and query.
    var absoluteURL: String?
    /// The scope a 403 on this call points at.
    var scope: String?

    init(
        _ method: String, _ path: String, template: String, query: [(String, String)] = [], body: WorkableJSON? = nil,
        scope: String? = nil
    ) {
        self.method = method
        self.path = path
        self.template = method + " " + template
        self.query = query
        self.body = body
        self.scope = scope
    }

    /// Whether sending it twice has the effect of sending it once.
    var isIdempotent: Bool { method == "GET" || method == "PUT" || method == "DELETE" || method == "HEAD" }
}

/// A path segment percent-encoded, so an id can never add a segment or a query.
func segment(_ text: String) -> String {
    WorkableBaseURL.encode(text)
}
