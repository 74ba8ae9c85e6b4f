internal import Synchronization

/// Scripted redirects: the sandbox answers a request with a `3xx` and a `Location`, before it
/// checks credentials (as a proxy or a moved endpoint does), so tests can see over real sockets
/// what a client does with a redirect to the same host or to another one.
extension SandboxControl {
    /// Answers the next request with this method and a path ending in `pathSuffix` with `status`
    /// and `Location: location` (absolute, or relative to the request). The request's own query is
    /// appended to a location that has none.
    /// - Parameters:
    ///   - status: 301, 302, 303, 307 or 308.
    ///   - location: where to.
    ///   - method: the HTTP method, e.g. `GET`.
    ///   - pathSuffix: the end of the path, e.g. `/jobs`.
    public func scriptRedirect(status: Int, to location: String, method: String, pathSuffix: String) {
        store.redirects.withLock {
            $0.append(ScriptedRedirect(status: status, location: location, method: method, pathSuffix: pathSuffix))
        }
    }
}

/// One redirect waiting for its request.
struct ScriptedRedirect: Sendable {
    var status: Int
    var location: String
    var method: String
    var pathSuffix: String

    /// Takes the first redirect scripted for this request, if any.
    static func take(from list: inout [ScriptedRedirect], method: String, path: String) -> ScriptedRedirect? {
        guard let index = list.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) }) else {
            return nil
        }
        return list.remove(at: index)
    }
}
