internal import HTTPTypes
internal import Hummingbird
internal import NIOCore

/// The bodies and transformations of the injected faults, and the conversion of a reply into a
/// Hummingbird `Response`.
enum FaultResponses {
    /// The error the body writer throws to make Hummingbird close the connection mid-body.
    struct ConnectionAbort: Error {}

    /// The canned reply of a fault that replaces the request (the request has no effect), or `nil`
    /// for faults that damage the real reply.
    static func replacement(for fault: SandboxFault) -> SandboxReply? {
        switch fault {
        case .serverError:
            return .error(SandboxHTTPError(status: 500, message: "internal server error (injected by the sandbox)"))
        case .badGatewayHTML:
            return SandboxReply(
                status: 502, contentType: "text/html; charset=utf-8",
                body: Array(
                    """
                    <html>\r
                    <head><title>502 Bad Gateway</title></head>\r
                    <body>\r
                    <center><h1>502 Bad Gateway</h1></center>\r
                    <hr><center>nginx</center>\r
                    </body>\r
                    </html>\r

                    """.utf8
                )
            )
        case .nonJSONSuccess:
            return SandboxReply(
                status: 200, contentType: "text/html; charset=utf-8",
                body: Array(
                    "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We'll be right back</h1><p>Tracker is undergoing scheduled maintenance.</p></body></html>\n"
                        .utf8
                )
            )
        case .connectionClosedMidBody, .truncatedJSON:
            return nil
        }
    }

    /// The Hummingbird response for a reply, damaged as `fault` says.
    static func response(for reply: SandboxReply, fault: SandboxFault?) -> Response {
        var headers = HTTPFields()
        if !reply.contentType.isEmpty { headers[.contentType] = reply.contentType }
        for header in reply.headers {
            if let name = HTTPField.Name(header.name) { headers[name] = header.value }
        }
        let status = HTTPResponse.Status(code: reply.status)
        switch fault {
        case .truncatedJSON?:
            // A complete HTTP response whose JSON stops halfway: the length matches what is sent.
            let cut = Array(reply.body.prefix(max(reply.body.count / 2, 1)))
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: cut)))
        case .connectionClosedMidBody?:
            // The head promises the full length; half the body goes out, then the connection closes.
            let full = reply.body
            let half = ByteBuffer(bytes: full.prefix(full.count / 2))
            let body = ResponseBody(contentLength: full.count) { writer in
                try await writer.write(half)
                throw ConnectionAbort()
            }
            return Response(status: status, headers: headers, body: body)
        default:
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
    }
}
