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

/// Scripted stalls: the sandbox sends the head and half the body of an answer, then nothing more
/// until the sandbox stops (when the connection is closed), as a server that hangs mid-answer does.
extension SandboxControl {
    /// Stalls the answer of the next request with this method and a path ending in `pathSuffix`.
    /// The request is acted on (a POST creates its record) before its answer stalls.
    public func scriptStallMidBody(method: String, pathSuffix: String) {
        store.stalls.withLock { $0.scripted.append((method: method, pathSuffix: pathSuffix)) }
    }

    /// Ends every stalled answer (their connections close); later scripted stalls end at once.
    public func endStalls() {
        store.endStalls()
    }
}

/// The stalls scripted and whether the sandbox is stopping (which ends the stalled answers).
struct StallState: Sendable {
    var scripted: [(method: String, pathSuffix: String)] = []
    var ended = false

    mutating func take(method: String, path: String) -> Bool {
        guard let index = scripted.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) }) else {
            return false
        }
        scripted.remove(at: index)
        return true
    }
}
