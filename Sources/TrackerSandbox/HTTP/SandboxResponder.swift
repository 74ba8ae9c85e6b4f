internal import Foundation
internal import Hummingbird
internal import Synchronization

/// The sandbox's request pipeline: credentials, rate limit, fault injection, routing, latency,
/// and the request log. One responder handles every path, so unknown routes and wrong methods get
/// the same JSON error shape as everything else.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SandboxStore
    private var api: SandboxAPI { SandboxAPI(store: store) }

    init(store: SandboxStore) {
        self.store = store
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let query = request.uri.query ?? ""
        let method = request.method.rawValue
        let (number, hold) = store.traffic.withLock { traffic -> (Int, SandboxHeldRequest?) in
            traffic.requestCount += 1
            traffic.begin()
            return (traffic.requestCount, traffic.holds.isEmpty ? nil : traffic.takeHold(for: traffic.requestCount))
        }
        defer { store.traffic.withLock { $0.end() } }
        await store.gate.pass(number)
        // The account has changed as the sandbox clock says by the time a request is looked at.
        store.makeDueMutations()
        let behavior = store.behavior
        let latency = Self.latency(for: number, behavior: behavior, hash: store.generator.hash)
        var fault: SandboxFault?
        var reply: SandboxReply
        var cut: Response?
        let redirect = store.redirects.withLock { ScriptedRedirect.take(from: &$0, method: method, path: path) }
        do throws(SandboxHTTPError) {
            if let redirect {
                let location =
                    redirect.location.contains("?") || query.isEmpty
                    ? redirect.location : redirect.location + "?" + query
                throw SandboxHTTPError(
                    status: redirect.status, message: "moved to \(location)", headers: [("Location", location)])
            }
            let credential = try authorize(request)
            try limitRate(credential: credential, behavior: behavior)
            let scripted = store.uploadCuts.withLock { ScriptedUploadCut.take(from: &$0, method: method, path: path) }
            if let scripted {
                let answer = await scripted.answer(request)
                cut = answer.response
                reply = SandboxReply(status: answer.status, body: [])
            } else {
                fault = takeFault(number: number, method: method, path: path, behavior: behavior)
                if let fault, let canned = FaultResponses.replacement(for: fault) {
                    reply = canned
                } else {
                    reply = try await handle(
                        request, method: method, path: path, query: query,
                        hold: hold?.point == .beforeHandling ? hold.map { ($0, number) } : nil)
                }
            }
        } catch {
            reply = .error(error)
        }
        // Held after handling, or (refused before it got that far) held now all the same, so that a
        // test awaiting the hold is never left waiting.
        if let hold, hold.caught == nil {
            _ = await hold.hold(method: method, path: path, number: number)
        }
        if latency > .zero {
            try? await Task.sleep(for: latency)
        }
        let entry = SandboxRequestLogEntry(
            method: method, path: path, query: query, status: reply.status, fault: fault, latency: latency
        )
        let limit = store.configuration.requestLogLimit
        store.traffic.withLock { $0.append(entry, limit: limit) }
        store.answers.notify()
        if let cut { return cut }
        if store.stalls.withLock({ $0.take(method: method, path: path) }) {
            return stalledResponse(reply)
        }
        return FaultResponses.response(for: reply, fault: fault)
    }

    /// Reads the request's body, then (when a test holds it before it takes effect) waits for the
    /// release, then routes it.
    private func handle(
        _ request: Request, method: String, path: String, query: String, hold: (SandboxHeldRequest, Int)?
    ) async throws(SandboxHTTPError) -> SandboxReply {
        let segments: [Substring]
        if path == "/applicant_webhooks/add_applicant" || path == "/applicant_webhooks/add_applicant/" {
            segments = []
        } else if let api = try SandboxAPI.apiSegments(of: path, companyID: store.configuration.companyID) {
            segments = api
        } else {
            throw .notFound("no such endpoint: \(method) \(path); the API lives under /api/v1")
        }
        var body: [UInt8] = []
        if method == "POST" || method == "PUT" || method == "PATCH" {
            let limit = store.configuration.maximumRequestBodyBytes
            do {
                let buffer = try await request.body.collect(upTo: limit)
                body = Array(buffer.readableBytesView)
            } catch {
                throw .payloadTooLarge("the request body is larger than \(limit) bytes")
            }
        }
        // Held once the whole request has arrived, so that a client killed meanwhile does not
        // take the body with it; dropped, it is answered without effect.
        if let (held, number) = hold {
            try Self.refuseIfDropped(!(await held.hold(method: method, path: path, number: number)))
        }
        let host = request.head.authority ?? "\(store.configuration.host)"
        let call = APICall(
            method: method, path: path, segments: segments, query: QueryParameters(query), body: body,
            origin: "http://\(host)"
        )
        if let missing = Self.missingModelEndpoint(method: method, segments: segments, store.behavior.modelEndpoints) {
            return missing
        }
        if segments.isEmpty {
            guard method == "POST" else { throw .methodNotAllowed(method, path: path, allowed: ["POST"]) }
            return try api.quickApply(call)
        }
        return try api.route(call)
    }

    private static func refuseIfDropped(_ dropped: Bool) throws(SandboxHTTPError) {
        guard !dropped else {
            throw SandboxHTTPError(status: 503, message: "request dropped by the test before it took effect")
        }
    }

    /// The 404 an undocumented endpoint answers when ``SandboxBehavior/modelEndpoints`` says it is missing,
    /// or `nil` when it answers as usual.
    static func missingModelEndpoint(method: String, segments: [Substring], _ mode: SandboxModelEndpoints)
        -> SandboxReply?
    {
        guard mode != .present, !segments.isEmpty,
            SandboxOptionalEndpoint.all.contains(where: { $0.matches(method: method, segments: segments) })
        else { return nil }
        if mode == .missingJSON {
            return .error(.notFound("Not Found"))
        }
        return SandboxReply(
            status: 404, contentType: "text/html; charset=utf-8",
            body: Array(
                """
                <!DOCTYPE html>
                <html><head><title>The page you were looking for doesn't exist (404)</title></head>
                <body><h1>The page you were looking for doesn't exist.</h1>
                <p>You may have mistyped the address or the page may have moved.</p></body></html>

                """.utf8))
    }

    /// Checks HTTP Basic credentials (user = API key, password = API password).
    /// - Returns: the API key, the rate limiter's bucket name.
    /// - Throws: `403` with a JSON error when they are missing or wrong.
    private func authorize(_ request: Request) throws(SandboxHTTPError) -> String {
        guard let header = request.headers[.authorization] else {
            throw .forbidden("missing credentials: use HTTP Basic auth with your API key and API password")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1]).trimmingSpaces()),
            let text = String(data: decoded, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else {
            throw .forbidden("malformed credentials: use HTTP Basic auth with your API key and API password")
        }
        let key = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard key == store.configuration.apiKey, password == store.configuration.apiPassword else {
            throw .forbidden("invalid API key or API password")
        }
        return key
    }

    private func limitRate(credential: String, behavior: SandboxBehavior) throws(SandboxHTTPError) {
        guard let rate = behavior.rateLimit else { return }
        let now = store.configuration.clock.now()
        let wait = store.traffic.withLock { $0.takeToken(credential: credential, rate: rate, now: now) }
        if let wait {
            throw SandboxHTTPError(
                status: 429, message: "rate limit of \(rate) requests per second exceeded; retry after \(wait) s",
                headers: [("Retry-After", String(wait))]
            )
        }
    }

    /// A fault targeted at this request, else the next scripted fault, else a draw against the
    /// fault rate (deterministic per request number).
    private func takeFault(number: Int, method: String, path: String, behavior: SandboxBehavior) -> SandboxFault? {
        if let targeted = store.traffic.withLock({ $0.takeTargetedFault(method: method, path: path) }) {
            return targeted
        }
        if let scripted = store.traffic.withLock({ $0.scriptedFaults.isEmpty ? nil : $0.scriptedFaults.removeFirst() })
        {
            return scripted
        }
        let hash = store.generator.hash
        guard behavior.faultRate > 0, !behavior.faultKinds.isEmpty, hash.unit(.fault, number, 0) < behavior.faultRate
        else { return nil }
        return behavior.faultKinds[hash.below(behavior.faultKinds.count, .fault, number, 1)]
    }

    /// The head and half the body of `reply`, then nothing until the sandbox stops; then the
    /// connection closes.
    private func stalledResponse(_ reply: SandboxReply) -> Response {
        var headers = HTTPFields()
        if !reply.contentType.isEmpty { headers[.contentType] = reply.contentType }
        let store = store
        let half = ByteBuffer(bytes: reply.body.prefix(reply.body.count / 2))
        let body = ResponseBody(contentLength: reply.body.count) { writer in
            try await writer.write(half)
            await store.awaitStallsEnded()
            throw FaultResponses.ConnectionAbort()
        }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers, body: body)
    }

    /// Fixed latency plus a deterministic share of the jitter.
    static func latency(for number: Int, behavior: SandboxBehavior, hash: SeededHash) -> Duration {
        guard behavior.latencyJitter > .zero else { return behavior.latency }
        return behavior.latency + behavior.latencyJitter * hash.unit(.latency, number, 0)
    }
}
