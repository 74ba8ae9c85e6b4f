internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Synchronization

/// The sandbox's request pipeline: routing, credentials, rate limit, fault injection, the
/// operation, latency and the request log. One responder handles every path so that unknown
/// routes and wrong methods answer in the server's own shapes.
struct RMSSandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: RMSSandboxStore

    /// The facts of one request the log records.
    struct Facts {
        var operation: String?
        var recordType: String?
        var pageNumber: Int?
        var pageSize: Int?
        var updatedAfter: String?
        var credentialKind: String?
        var fault: RMSSandboxFault?
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let number = store.traffic.withLock { traffic -> Int in
            traffic.requestCount += 1
            return traffic.requestCount
        }
        store.applyDueMutations()
        let behavior = store.behavior
        let method = request.method.rawValue
        let path = request.uri.path
        var facts = Facts()
        var body: [UInt8] = []
        if method == "POST" {
            if let buffer = try? await request.body.collect(upTo: store.configuration.maximumRequestBodyBytes) {
                body = Array(buffer.readableBytesView)
            } else {
                let reply = RMSSandboxReply.aspNet(413, "The request body is too large.")
                return finish(reply, number: number, method: method, path: path, facts: facts)
            }
        }
        let headers = (
            authorization: request.headers[.authorization], contentType: request.headers[.contentType]
        )
        let reply = route(
            method: method, path: path, body: body, authorization: headers.authorization, behavior: behavior,
            number: number, facts: &facts)
        if behavior.latency > .zero {
            try? await Task.sleep(for: behavior.latency)
        }
        return finish(reply, number: number, method: method, path: path, facts: facts)
    }

    private func finish(_ reply: RMSSandboxReply, number: Int, method: String, path: String, facts: Facts) -> Response {
        let entry = RMSSandboxRequestLogEntry(
            number: number, method: method, path: path, operation: facts.operation, recordType: facts.recordType,
            pageNumber: facts.pageNumber, pageSize: facts.pageSize, updatedAfter: facts.updatedAfter,
            credentialKind: facts.credentialKind, httpStatus: reply.status, rmsStatus: reply.rmsStatus,
            fault: facts.fault)
        let limit = store.configuration.requestLogLimit
        store.traffic.withLock { $0.append(entry, limit: limit) }
        store.answers.increment()
        var fields = HTTPFields()
        fields[.contentType] = reply.contentType
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let status = HTTPResponse.Status(code: reply.status)
        if facts.fault == .droppedConnection {
            let half = ByteBuffer(bytes: reply.body.prefix(reply.body.count / 2))
            return Response(
                status: status, headers: fields,
                body: ResponseBody(contentLength: reply.body.count) { writer in
                    try await writer.write(half)
                    throw DroppedConnection()
                })
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    private struct DroppedConnection: Error {}

    private func route(
        method: String, path: String, body: [UInt8], authorization: String?, behavior: RMSSandboxBehavior, number: Int,
        facts: inout Facts
    ) -> RMSSandboxReply {
        let segments = path.split(separator: "/").map(String.init)
        if segments.count >= 2, segments[0].lowercased() == "api", segments[1].lowercased() != "widget" {
            return RMSSandboxREST(store: store).handle(
                method: method, segments: segments, body: body, authorization: authorization)
        }
        guard segments.count == 3, segments[0].lowercased() == "api", segments[1].lowercased() == "widget" else {
            return .aspNet(404, "No HTTP resource was found that matches the request URI '\(path)'.")
        }
        let operation = segments[2]
        facts.operation = operation
        guard method == "POST" else {
            return .aspNet(405, "The requested resource does not support http method '\(method)'.")
        }
        let handler = RMSSandboxOperations(store: store)
        guard handler.knows(operation, behavior: behavior) else {
            return .aspNet(404, "No action was found on the controller 'Widget' that matches the request.")
        }
        // The single child of `trackerrms` is the payload, whatever its key.
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let envelope = RMSSandboxBody(parsed).object("trackerrms"),
            envelope.members.count == 1, let payload = envelope.members.values.first as? [String: Any]
        else {
            return .invalid("Invalid request: the body must be {\"trackerrms\": {\"\(operation)\": {...}}}")
        }
        let request = RMSSandboxBody(payload)
        let instructions = request.object("instructions")
        facts.recordType = instructions?.string("recordtype")
        facts.pageNumber = instructions?.int("pagenum")
        facts.pageSize = instructions?.int("numrecords")
        facts.updatedAfter = instructions?.string("updatedafter")
        let caller: RMSSandboxCaller
        switch RMSSandboxAuth(store: store).authenticate(authorization: authorization, payload: request) {
        case .success(let found): caller = found
        case .failure(let failure):
            facts.credentialKind = failure.kind
            return .envelope(status: failure.status, message: failure.message)
        }
        facts.credentialKind = caller.kind
        if let rate = behavior.rateLimit {
            let now = store.configuration.clock.now().timeIntervalSince1970
            let key = caller.kind == "apikey" ? "account" : "user-\(caller.userID)"
            if let wait = store.traffic.withLock({ $0.takeToken(key: key, rate: rate, now: now) }) {
                var reply = RMSSandboxReply.aspNet(429, "Too many requests.")
                reply.headers.append(("Retry-After", String(wait)))
                return reply
            }
        }
        if let fault = takeFault(number: number, operation: operation, behavior: behavior) {
            facts.fault = fault
            switch fault {
            case .serverError: return .aspNet(500, "An error has occurred.")
            case .badGatewayHTML:
                return RMSSandboxReply(
                    status: 502, contentType: "text/html",
                    body: Array(
                        "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\r\n"
                            .utf8))
            case .htmlSuccess:
                return RMSSandboxReply(
                    status: 200, contentType: "text/html",
                    body: Array(
                        "<!DOCTYPE html><html><body><h1>Tracker is being updated</h1><p>Please try again shortly.</p></body></html>"
                            .utf8))
            case .status99:
                return .invalid("Invalid request: the service is temporarily unavailable")
            case .droppedConnection:
                break
            }
        }
        return handler.perform(operation, request: request, caller: caller, behavior: behavior)
    }

    /// The next scripted fault, else a deterministic draw against the fault rate.
    private func takeFault(number: Int, operation: String, behavior: RMSSandboxBehavior) -> RMSSandboxFault? {
        let key = operation.lowercased()
        if let targeted = store.traffic.withLock({ traffic -> RMSSandboxFault? in
            guard var queue = traffic.scriptedOperationFaults[key], !queue.isEmpty else { return nil }
            defer { traffic.scriptedOperationFaults[key] = queue }
            return queue.removeFirst()
        }) {
            return targeted
        }
        if let scripted = store.traffic.withLock({ $0.scriptedFaults.isEmpty ? nil : $0.scriptedFaults.removeFirst() })
        {
            return scripted
        }
        guard behavior.faultRate > 0, !behavior.faultKinds.isEmpty else { return nil }
        var random = RMSSandboxRandom(seed: store.configuration.seed &+ UInt64(number) &* 0x2545_F491_4F6C_DD1D)
        guard random.unit() < behavior.faultRate else { return nil }
        return random.pick(behavior.faultKinds)
    }
}
