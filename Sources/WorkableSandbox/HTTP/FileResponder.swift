import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The storage host behind pre-signed file URLs: it refuses any request that carries an
/// `Authorization` header (400, as S3 does), and expired or altered URLs (403), with XML bodies.
struct FileResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: WorkableSandboxStore

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let query = APICall.parseQuery(request.uri.query ?? "")
        let hadAuthorization = request.headers[.authorization] != nil
        let reply = answer(path: path, query: query, hadAuthorization: hadAuthorization)
        store.log(
            WorkableSandboxRequest(
                host: .files, method: request.method.rawValue, path: path, query: request.uri.query ?? "",
                status: reply.status, hadAuthorization: hadAuthorization, receivedAt: store.configuration.clock.now(),
                fault: nil))
        return APIResponder.response(reply)
    }

    private func answer(path: String, query: [(String, String)], hadAuthorization: Bool) -> SandboxReply {
        func xml(_ status: Int, _ code: String, _ message: String) -> SandboxReply {
            SandboxReply(
                status: status, contentType: "application/xml",
                body: Array(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message></Error>\n"
                        .utf8))
        }
        if hadAuthorization {
            return xml(
                400, "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified"
            )
        }
        let segments = path.split(separator: "/")
        guard segments.count == 2, segments[0] == "files" else {
            return xml(404, "NoSuchKey", "The specified key does not exist.")
        }
        let key = String(segments[1])
        let file = store.state.withLock { state in state.files.values.lazy.flatMap { $0 }.first { $0.key == key } }
        guard let file else { return xml(404, "NoSuchKey", "The specified key does not exist.") }
        guard let expiresText = query.last(where: { $0.0 == "expires" })?.1, let expires = Int64(expiresText),
            let signature = query.last(where: { $0.0 == "signature" })?.1,
            signature == SandboxAPI.fileSignature(key: key, expires: expires, secret: store.fileSigningKey)
        else {
            return xml(
                403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.")
        }
        guard store.nowMillis / 1000 <= expires else { return xml(403, "AccessDenied", "Request has expired") }
        return SandboxReply(status: 200, contentType: file.contentType, body: file.bytes)
    }
}
