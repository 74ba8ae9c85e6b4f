import Foundation
import Logging

/// Whether repeating a request after a failure that may have taken effect is harmless.
enum RMSRepeatability: Sendable {
    /// Reads, checks and updates of a value: repeating lands on the same state.
    case repeatable
    /// Creates the server de-duplicates (status 3 with the existing `recordId` on a repeat).
    case deduplicatedByServer
    /// Creates without a server-side duplicate check: repeated only when the request provably
    /// did not take effect (never sent, 429, status 99), else checked with `verify` first.
    case notRepeatable
}

/// One widget operation to send.
struct RMSCall: Sendable {
    /// The operation, such as `getRecords` (the URL's last segment and the envelope's key).
    var operation: String
    /// A bounded label for logs and metrics, such as `getRecords X`.
    var label: String
    /// The payload beside `credentials`: `instructions`, `resource`, `updates` …
    var payload: [String: RMSJSON]
    var repeatability: RMSRepeatability
    /// Whether status 3 is an answer for the caller rather than a failure.
    var acceptsExists = false
    /// The most attempts a status-99 answer gets, when fewer than the policy's: a probe (the
    /// page-base check) or a lookup of one id, where 99 usually means "no such page or record".
    var status99Attempts: Int?
}

extension TrackerRMSClient {
    /// Sends a widget call with pacing, retries and one deadline, and returns the envelope of a
    /// status-0 answer (or status 3 when the call accepts it).
    /// - Parameter verify: For ``RMSRepeatability/notRepeatable`` calls, asked after a failure
    ///   that may have taken effect; it returns the reply standing for the landed write, or `nil`
    ///   when the write did not land (the call is then repeated).
    func send(
        _ call: RMSCall, logger: Logger?, verify: (@Sendable () async throws -> RMSReply?)? = nil
    ) async throws -> RMSReply {
        var envelopeBody = call.payload
        envelopeBody["credentials"] = configuration.credentials.bodyMember
        let body = RMSJSONWriter.bytes(.object(["trackerrms": .object([call.operation: .object(envelopeBody)])]))
        var headers = [
            ("Content-Type", "application/json; charset=utf-8"), ("Accept", "application/json"),
            ("User-Agent", configuration.userAgent),
        ]
        if let authorization = configuration.credentials.authorizationHeader {
            headers.append(("Authorization", authorization))
        }
        let request = RMSHTTPRequest(
            method: "POST", url: widgetRoot + "/api/widget/" + call.operation, headers: headers, body: body)
        return try await attempts(
            call.label, url: request.url, repeatability: call.repeatability, status99Attempts: call.status99Attempts,
            logger: logger, verify: verify
        ) {
            response in
            self.envelope(response, call: call)
        } send: { timeout, logger in
            try await self.transport.execute(request, timeout: timeout, logger: logger)
        }
    }

    /// How one answered attempt turned out.
    enum AttemptResult<Value> {
        case success(Value)
        /// Retry; `tookEffect` says whether the failed attempt may have changed anything.
        case retry(TrackerRMSError, reason: String, tookEffect: Bool, retryAfter: Duration?)
        case fail(TrackerRMSError)
    }

    /// The retry loop shared by widget and REST calls; `url` is the request's, whose server is
    /// named when no connection can be made.
    func attempts<Value: Sendable>(
        _ label: String, url: String, repeatability: RMSRepeatability, status99Attempts: Int? = nil, logger: Logger?,
        verify: (@Sendable () async throws -> Value?)?,
        interpret: (RMSHTTPResponse) -> AttemptResult<Value>,
        send: (Duration, Logger) async throws -> RMSHTTPResponse
    ) async throws -> Value {
        let logger = logger ?? configuration.logger
        let policy = configuration.retryPolicy
        let started = clock.now()
        let origin = Self.origin(of: url)
        var attempt = 0
        guard !isClosed else {
            throw TrackerRMSError(code: .transportFailure, operation: label, detail: "the client was shut down")
        }
        while true {
            if Task.isCancelled { throw TrackerRMSError(code: .cancelled, operation: label, attempts: attempt) }
            do { try await rateLimiter.acquire() } catch {
                throw TrackerRMSError(code: .cancelled, operation: label, attempts: attempt)
            }
            attempt += 1
            let remaining = policy.overallTimeout - (clock.now() - started)
            guard remaining > .zero else {
                throw fail(TrackerRMSError(code: .timedOut, operation: label, attempts: attempt - 1))
            }
            count { $0.requests += 1 }
            let attemptStart = clock.now()
            logger.trace("Tracker RMS request sent", metadata: ["trackerrms.operation": "\(label)"])
            var result: AttemptResult<Value>
            var couldNotConnect = false
            do {
                let response = try await send(min(configuration.requestTimeout, remaining), logger)
                noteAnswered(origin)
                let elapsed = clock.now() - attemptStart
                metrics.recordAttempt(operation: label, statusClass: Self.statusClass(response), duration: elapsed)
                logger.debug(
                    "Tracker RMS response received",
                    metadata: [
                        "trackerrms.operation": "\(label)", "trackerrms.http_status": "\(response.status)",
                        "trackerrms.duration_ms": "\(Int(elapsed.seconds * 1000))",
                    ])
                result = interpret(response)
                if response.status == 429 { count { $0.rateLimited += 1 } }
            } catch is CancellationError {
                throw TrackerRMSError(code: .cancelled, operation: label, attempts: attempt)
            } catch let error as RMSTransportError {
                if Task.isCancelled { throw TrackerRMSError(code: .cancelled, operation: label, attempts: attempt) }
                metrics.recordAttempt(operation: label, statusClass: "transport", duration: clock.now() - attemptStart)
                let code: TrackerRMSError.Code = error.isTimeout ? .timedOut : .transportFailure
                couldNotConnect = error.neverSent
                let detail =
                    error.neverSent
                    ? "no connection could be made to \(origin) (\(redact(error.reason))); check the base URL (the "
                        + "widget root of the account's region, such as https://evoapius.tracker-rms.com) and that "
                        + "the server is running and reachable from this machine"
                    : redact(error.reason)
                result = .retry(
                    TrackerRMSError(code: code, operation: label, detail: detail),
                    reason: error.isTimeout ? "timeout" : "transport", tookEffect: !error.neverSent, retryAfter: nil)
            } catch {
                result = .retry(
                    TrackerRMSError(code: .transportFailure, operation: label, detail: "the connection failed"),
                    reason: "transport", tookEffect: true, retryAfter: nil)
            }
            switch result {
            case .success(let value):
                return value
            case .fail(var error):
                error.attempts = attempt
                throw fail(error)
            case .retry(var error, let reason, let tookEffect, let retryAfter):
                error.attempts = attempt
                if tookEffect && repeatability == .notRepeatable {
                    guard let verify else {
                        error.code = .outcomeUnknown
                        throw fail(error)
                    }
                    if let landed = try await verify() { return landed }
                }
                if let retryAfter {
                    guard retryAfter <= policy.maximumRetryAfter else {
                        error.code = .rateLimited
                        error.detail =
                            "the server asked to wait \(Int(retryAfter.seconds)) s, longer than the policy allows"
                        throw fail(error)
                    }
                    await rateLimiter.pause(for: retryAfter)
                }
                guard attempt < policy.maximumAttempts else { throw fail(error) }
                // A server that never answered and cannot be connected to is most likely the wrong address.
                if couldNotConnect, attempt >= max(1, policy.unreachableServerAttempts), !hasAnswered(origin) {
                    throw fail(error)
                }
                if error.rmsStatus == 99, let status99Attempts, attempt >= status99Attempts { throw fail(error) }
                let wait = retryAfter ?? policy.backoff(forRetry: attempt, randomUnit: Double.random(in: 0..<1))
                guard clock.now() - started + wait < policy.overallTimeout else {
                    if error.code == .transportFailure { error.code = .timedOut }
                    throw fail(error)
                }
                count { $0.retries += 1 }
                metrics.recordRetry(operation: label, reason: reason)
                logger.debug(
                    "Tracker RMS request will be retried",
                    metadata: [
                        "trackerrms.operation": "\(label)", "trackerrms.attempt": "\(attempt)",
                        "trackerrms.retry.reason": "\(reason)",
                        "trackerrms.retry.wait_ms": "\(Int(wait.seconds * 1000))",
                    ])
                if retryAfter == nil {
                    do { try await clock.sleep(wait) } catch {
                        throw TrackerRMSError(code: .cancelled, operation: label, attempts: attempt)
                    }
                }
            }
        }
    }

    private func fail(_ error: TrackerRMSError) -> TrackerRMSError {
        metrics.recordFailure(operation: error.operation, code: error.code)
        return error
    }

    /// Reads one widget answer.
    private func envelope(_ response: RMSHTTPResponse, call: RMSCall) -> AttemptResult<RMSReply> {
        let label = call.label
        let status = response.status
        if status == 429 {
            let wait = Self.retryAfter(response.header("Retry-After"))
            return .retry(
                TrackerRMSError(code: .rateLimited, operation: label, httpStatus: 429), reason: "status_429",
                tookEffect: false, retryAfter: wait)
        }
        if status >= 500 {
            let message = ReplyShape.isHTML(response.body) ? nil : ReplyShape.aspNetMessage(response.body)
            return .retry(
                TrackerRMSError(
                    code: .httpStatus, operation: label, httpStatus: status, serverMessage: message.map(redact),
                    detail: ReplyShape.isHTML(response.body) ? "an HTML page came back (a proxy or gateway)" : nil),
                reason: "status_5xx", tookEffect: true, retryAfter: nil)
        }
        if status == 404 || status == 405 {
            return .fail(
                TrackerRMSError(
                    code: .notSupported, operation: label, httpStatus: status,
                    serverMessage: ReplyShape.aspNetMessage(response.body).map(redact),
                    detail: "the server has no widget operation \(call.operation) at this base URL"))
        }
        if status == 401 || status == 403 {
            return .fail(TrackerRMSError(code: .authenticationFailed, operation: label, httpStatus: status))
        }
        guard (200..<300).contains(status) else {
            return .fail(TrackerRMSError(code: .httpStatus, operation: label, httpStatus: status))
        }
        if ReplyShape.isHTML(response.body) {
            return .retry(
                TrackerRMSError(
                    code: .malformedResponse, operation: label, httpStatus: status,
                    detail: "an HTML page came back instead of JSON (a proxy, login or maintenance page, or the"
                        + " wrong base URL)"), reason: "malformed", tookEffect: true, retryAfter: nil)
        }
        let reply: RMSReply
        do {
            reply = try RMSReply.decode(response.body)
        } catch {
            return .retry(
                TrackerRMSError(code: .malformedResponse, operation: label, httpStatus: status, detail: error.reason),
                reason: "malformed", tookEffect: true, retryAfter: nil)
        }
        let message = reply.message.map(redact)
        switch reply.status {
        case 0:
            return .success(reply)
        case 1:
            return .fail(
                TrackerRMSError(code: .authenticationFailed, operation: label, rmsStatus: 1, serverMessage: message))
        case 2:
            return .fail(TrackerRMSError(code: .userInactive, operation: label, rmsStatus: 2, serverMessage: message))
        case 3:
            if call.acceptsExists { return .success(reply) }
            return .fail(TrackerRMSError(code: .recordExists, operation: label, rmsStatus: 3, serverMessage: message))
        case 99:
            count { $0.status99 += 1 }
            // Status 99 is the server refusing the request, so it did not take effect.
            return .retry(
                TrackerRMSError(code: .invalidRequest, operation: label, rmsStatus: 99, serverMessage: message),
                reason: "status_99", tookEffect: false, retryAfter: nil)
        default:
            return .fail(
                TrackerRMSError(
                    code: .invalidRequest, operation: label, rmsStatus: reply.status, serverMessage: message))
        }
    }

    static func statusClass(_ response: RMSHTTPResponse) -> String {
        switch response.status {
        case 200..<300: return "2xx"
        case 400..<500: return response.status == 429 ? "429" : "4xx"
        case 500..<600: return "5xx"
        default: return "other"
        }
    }

    /// `Retry-After` as seconds or an HTTP date, `nil` when absent or unreadable.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.rmsTrimmed, !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSinceNow))
    }
}
