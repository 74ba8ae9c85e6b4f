import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The API's pipeline: background changes due, the path form, the bearer token, the rate limit,
/// faults, routing, scopes, latency and the request log.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let store: WorkableSandboxStore

    func respond(to request: Request, context: Context) async throws -> Response {
        store.applyDueMutations()
        let path = request.uri.path
        let query = request.uri.query ?? ""
        let method = request.method.rawValue
        let hadAuthorization = request.headers[.authorization] != nil
        let behavior = store.behavior
        var fault: WorkableSandboxFault?
        var reply: SandboxReply
        var rateHeaders: [(String, String)] = []
        do throws(SandboxError) {
            guard let segments = APICall.apiSegments(path, subdomain: store.configuration.subdomain) else {
                throw .notFound
            }
            let token = try authorize(request)
            rateHeaders = try limitRate(token: token, behavior: behavior)
            fault = takeFault(path: path, behavior: behavior)
            if let fault, let canned = Self.canned(fault, rateHeaders: &rateHeaders, behavior: behavior) {
                reply = canned
            } else {
                if method != "GET", token == store.configuration.readOnlyToken, segments.first != "subscriptions" {
                    throw SandboxError(403, "The access token does not have the w_candidates scope")
                }
                var body: [UInt8] = []
                if ["POST", "PUT", "PATCH"].contains(method) {
                    let buffer = try? await request.body.collect(upTo: 4 * 1024 * 1024)
                    guard let buffer else { throw SandboxError(400, "the body is larger than 4 MiB") }
                    body = Array(buffer.readableBytesView)
                }
                let call = APICall(
                    method: method, segments: segments, query: APICall.parseQuery(query), body: body,
                    origin: "http://\(request.head.authority ?? store.configuration.host)", token: token)
                reply = try SandboxAPI(store: store).route(call)
            }
        } catch {
            reply = .error(error)
        }
        reply.headers += rateHeaders
        if behavior.latency > .zero { try? await Task.sleep(for: behavior.latency) }
        store.log(
            WorkableSandboxRequest(
                host: .api, method: method, path: path, query: query, status: reply.status,
                hadAuthorization: hadAuthorization, receivedAt: store.configuration.clock.now(), fault: fault))
        return Self.response(reply, dropMidBody: fault == .droppedConnection)
    }

    private func authorize(_ request: Request) throws(SandboxError) -> String {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw SandboxError(401, "Not authorized")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard token == store.configuration.token || token == store.configuration.readOnlyToken else {
            throw SandboxError(401, "Not authorized")
        }
        return token
    }

    /// Fixed windows aligned on Unix time; a 429 does not use up the budget.
    private func limitRate(token: String, behavior: WorkableSandboxBehavior) throws(SandboxError) -> [(String, String)]
    {
        guard let limit = behavior.rateLimit else { return [] }
        let now = store.configuration.clock.now().timeIntervalSince1970
        let window = Int64(max(1, behavior.rateWindowSeconds))
        let start = Int64(now.rounded(.down)) / window * window
        let (allowed, used) = store.traffic.withLock { traffic -> (Bool, Int) in
            var entry = traffic.windows[token] ?? (start, 0)
            if entry.start != start { entry = (start, 0) }
            guard entry.count < limit else { return (false, entry.count) }
            entry.count += 1
            traffic.windows[token] = entry
            return (true, entry.count)
        }
        let headers = Self.rateHeaders(limit: limit, remaining: limit - used, reset: start + window, now: now, behavior)
        guard allowed else {
            var all = headers
            if behavior.sendsRetryAfter {
                all.append(("Retry-After", String(max(1, Int64((Double(start + window) - now).rounded(.up))))))
            }
            throw SandboxError(429, "Rate limit exceeded: \(limit) requests per \(window) seconds", headers: all)
        }
        return headers
    }

    static func rateHeaders(limit: Int, remaining: Int, reset: Int64, now: Double, _ behavior: WorkableSandboxBehavior)
        -> [(String, String)]
    {
        let resetText: String
        switch behavior.resetFormat {
        case .unixSeconds: resetText = String(reset)
        case .secondsFromNow: resetText = String(max(0, Int64((Double(reset) - now).rounded(.up))))
        case .iso8601: resetText = SandboxTime.text(reset * 1000)
        }
        return [
            ("X-Rate-Limit-Limit", String(limit)), ("X-Rate-Limit-Remaining", String(max(0, remaining))),
            ("X-Rate-Limit-Reset", resetText),
        ]
    }

    private func takeFault(path: String, behavior: WorkableSandboxBehavior) -> WorkableSandboxFault? {
        store.traffic.withLock { traffic in
            traffic.requestNumber += 1
            if let index = traffic.scripted.firstIndex(where: { $0.path == nil || path.hasSuffix($0.path ?? "") }) {
                return traffic.scripted.remove(at: index).fault
            }
            guard behavior.faultRate > 0, !behavior.faultKinds.isEmpty else { return nil }
            var random = SeededRandom(seed: store.configuration.seed ^ UInt64(traffic.requestNumber))
            guard random.chance(behavior.faultRate) else { return nil }
            return behavior.faultKinds[random.below(behavior.faultKinds.count)]
        }
    }

    private static func canned(
        _ fault: WorkableSandboxFault, rateHeaders: inout [(String, String)], behavior: WorkableSandboxBehavior
    ) -> SandboxReply? {
        switch fault {
        case .serverError: return .error(SandboxError(500, "Internal server error (injected by the sandbox)"))
        case .serviceUnavailable:
            return .error(SandboxError(503, "The request took too long (injected by the sandbox)"))
        case .badGatewayHTML:
            return SandboxReply(
                status: 502, contentType: "text/html",
                body: Array(
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
                        .utf8))
        case .rateLimited:
            if let index = rateHeaders.firstIndex(where: { $0.0 == "X-Rate-Limit-Remaining" }) {
                rateHeaders[index].1 = "0"
            }
            if behavior.sendsRetryAfter { rateHeaders.append(("Retry-After", "1")) }
            return .error(SandboxError(429, "Rate limit exceeded (injected by the sandbox)"))
        case .droppedConnection: return nil
        }
    }

    /// The error the body writer throws to make the server close the connection mid-body.
    struct ConnectionAbort: Error {}

    static func response(_ reply: SandboxReply, dropMidBody: Bool = false) -> Response {
        var headers = HTTPFields()
        if !reply.contentType.isEmpty { headers[.contentType] = reply.contentType }
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let status = HTTPResponse.Status(code: reply.status)
        guard dropMidBody else {
            return Response(
                status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
        let full = reply.body.isEmpty ? Array("{\"dropped\":true}".utf8) : reply.body
        let half = ByteBuffer(bytes: full.prefix(full.count / 2))
        return Response(
            status: status, headers: headers,
            body: ResponseBody(contentLength: full.count) { writer in
                try await writer.write(half)
                throw ConnectionAbort()
            })
    }
}

extension WorkableSandboxStore {
    func log(_ entry: WorkableSandboxRequest) {
        let limit = configuration.requestLogLimit
        traffic.withLock { traffic in
            traffic.log.append(entry)
            if traffic.log.count > limit { traffic.log.removeFirst(traffic.log.count - limit) }
        }
        answers.increment()
    }
}
