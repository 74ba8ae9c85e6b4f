internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import Synchronization

/// Scripted upload cuts: the sandbox reads only the start of a request's body, then answers with
/// an error or with nothing and closes the connection, as a proxy or a failing server does in the
/// middle of a large upload. The request has no effect, so tests can check over real sockets that
/// a client neither sends it again blindly nor claims that it may have been stored.
extension SandboxControl {
    /// Cuts the next request with this method and a path ending in `pathSuffix` once at least
    /// `afterBytes` of its body have arrived (or the body ended sooner). Credentials are checked
    /// first, as for any request.
    /// - Parameters:
    ///   - afterBytes: how much of the body the sandbox reads before it stops reading.
    ///   - status: the error status sent before the connection closes (such as 503), or `nil` to
    ///     close it with no usable answer (the head promises a body that never comes).
    ///   - method: the HTTP method, `POST` by default.
    ///   - pathSuffix: the end of the path, e.g. `/files`.
    public func scriptUploadCut(afterBytes: Int, status: Int?, method: String = "POST", pathSuffix: String) {
        store.uploadCuts.withLock {
            $0.append(ScriptedUploadCut(afterBytes: afterBytes, status: status, method: method, pathSuffix: pathSuffix))
        }
    }
}

/// One upload cut waiting for its request.
struct ScriptedUploadCut: Sendable {
    var afterBytes: Int
    var status: Int?
    var method: String
    var pathSuffix: String

    /// Takes the first cut scripted for this request, if any.
    static func take(from list: inout [ScriptedUploadCut], method: String, path: String) -> ScriptedUploadCut? {
        guard let index = list.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) }) else {
            return nil
        }
        return list.remove(at: index)
    }

    /// Reads the start of `request`'s body, then returns the answer that ends the connection
    /// without reading the rest (Hummingbird would otherwise drain it and keep the connection).
    func answer(_ request: Request) async -> (status: Int, response: Response) {
        var read = 0
        do {
            for try await chunk in request.body {
                read += chunk.readableBytes
                if read >= afterBytes { break }
            }
        } catch {
            // The client went away first: the answer below goes nowhere, which is fine.
        }
        let reply = SandboxReply.error(
            SandboxHTTPError(
                status: status ?? 500,
                message: "the upload was cut off by the sandbox after \(read) bytes of its body (scripted)"))
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.connection] = "close"
        let bytes = ByteBuffer(bytes: reply.body)
        let sendsAnswer = status != nil
        let body = ResponseBody(contentLength: reply.body.count) { writer in
            if sendsAnswer { try await writer.write(bytes) }
            throw FaultResponses.ConnectionAbort()
        }
        return (reply.status, Response(status: HTTPResponse.Status(code: reply.status), headers: headers, body: body))
    }
}
