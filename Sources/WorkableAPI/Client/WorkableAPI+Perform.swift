import Foundation
import Logging
import Synchronization

/// An answer whose body has been read.
struct ReceivedAnswer: Sendable {
    let status: Int
    let body: Data
}

extension WorkableAPI {
    /// Sends a call with pacing and retries, reads the whole body and decodes it.
    ///
    /// `decode` runs inside the retry loop, so an unreadable 2xx (a proxy's HTML page) is retried
    /// like a 5xx where that is safe.
    func perform<Value: Sendable>(
        _ endpoint: WorkableEndpoint, logger: Logger?,
        decode: @Sendable (ReceivedAnswer) throws(WorkableAPIError) -> Value
    ) async throws(WorkableAPIError) -> Value {
        let logger = logger ?? configuration.logger
        guard !isClosed else {
            throw WorkableAPIError(
                code: .transportFailure, endpoint: endpoint.template, underlying: "the client was shut down")
        }
        let policy = configuration.retryPolicy
        let started = clock.now()
        let request = makeRequest(endpoint)
        var attempt = 0
        while true {
            attempt += 1
            guard !Task.isCancelled else { throw WorkableAPIError(code: .cancelled, endpoint: endpoint.template) }
            // An earlier call's 429 may hold every request past this call's deadline (a window that
            // resets in an hour), also while this request already waits in the pacer: fail then
            // rather than wait that long.
            do {
                metrics.recordRateLimitWait(
                    try await pacer.acquire(waitingAtMost: policy.deadline - (clock.now() - started)))
            } catch let held as WorkableRequestPacer.HeldPastDeadline {
                throw final(
                    WorkableAPIError(
                        code: .rateLimited, endpoint: endpoint.template,
                        underlying: "the account's rate limit holds requests for "
                            + "\(Int(held.remaining.seconds.rounded(.up))) s more, past this call's deadline"),
                    attempt - 1, endpoint)
            } catch {
                throw WorkableAPIError(code: .cancelled, endpoint: endpoint.template)
            }
            let remaining = policy.deadline - (clock.now() - started)
            guard remaining > .zero else {
                throw final(WorkableAPIError(code: .timedOut, endpoint: endpoint.template), attempt - 1, endpoint)
            }
            count {
                $0.requests += 1
                if attempt > 1 { $0.retries += 1 }
            }
            let outcome = await self.attempt(
                request, endpoint, timeout: min(configuration.timeouts.request, remaining), logger: logger,
                decode: decode)
            let error: WorkableAPIError
            let retry: RetryKind
            switch outcome {
            case .success(let value): return value
            case .failure(let failure, let kind):
                error = failure
                retry = kind
            }
            guard retry != .never, attempt < policy.maximumAttempts, !Task.isCancelled else {
                throw final(error, attempt, endpoint)
            }
            var wait: Duration = .zero
            if retry == .afterBackoff {
                wait = policy.backoff(after: attempt, randomUnit: Double.random(in: 0..<1))
            }
            let holding = await pacer.holdRemaining()
            if max(wait, holding) >= policy.deadline - (clock.now() - started) {
                throw final(error, attempt, endpoint)
            }
            let reason = error.status.map { "status_\($0 == 429 ? "429" : WorkableMetrics.statusClass($0))" }
            metrics.recordRetry(endpoint: endpoint.template, reason: reason ?? "transport")
            logger.debug(
                "Workable request will be retried",
                metadata: [
                    "workable.endpoint": "\(endpoint.template)", "workable.attempt": "\(attempt)",
                    "workable.retry.wait_ms": "\(Int(max(wait, holding).seconds * 1000))",
                ])
            if wait > .zero {
                do { try await clock.sleep(wait) } catch {
                    throw WorkableAPIError(code: .cancelled, endpoint: endpoint.template)
                }
            }
        }
    }

    private func final(_ error: WorkableAPIError, _ attempts: Int, _ endpoint: WorkableEndpoint) -> WorkableAPIError {
        var error = error
        error.attempts = max(1, attempts)
        metrics.recordFailure(endpoint: endpoint.template, code: error.code)
        return error
    }

    /// How a failed attempt may be retried.
    enum RetryKind: Sendable {
        /// Not at all.
        case never
        /// Once the rate-limit hold has passed (the pacer enforces it).
        case afterRateLimit
        /// After an exponential backoff.
        case afterBackoff
    }

    private enum Outcome<Value> {
        case success(Value)
        case failure(WorkableAPIError, RetryKind)
    }

    private func attempt<Value>(
        _ request: WorkableHTTPRequest, _ endpoint: WorkableEndpoint, timeout: Duration, logger: Logger,
        decode: (ReceivedAnswer) throws(WorkableAPIError) -> Value
    ) async -> Outcome<Value> {
        let sentAt = clock.now()
        logger.trace(
            "Workable request sent",
            metadata: ["workable.endpoint": "\(endpoint.template)", "workable.method": "\(endpoint.method)"])
        let response: WorkableHTTPResponse
        let body: Data
        do {
            response = try await http.execute(request, timeout: timeout, logger: logger)
            await learnRateLimit(from: response, endpoint: endpoint, logger: logger)
            if (200..<300).contains(response.status) {
                body = try await http.collect(response, upTo: configuration.maximumResponseBytes)
            } else {
                // An error body only feeds the message: a huge or broken one is not worth a retry.
                body = (try? await http.collect(response, upTo: 64 * 1024)) ?? Data()
            }
        } catch let failure as WorkableTransportFailure {
            count { $0.failed += 1 }
            metrics.recordAttempt(endpoint: endpoint.template, statusClass: "transport", duration: clock.now() - sentAt)
            return transportOutcome(failure, endpoint)
        } catch {
            if Task.isCancelled || error is CancellationError {
                return .failure(WorkableAPIError(code: .cancelled, endpoint: endpoint.template), .never)
            }
            return transportOutcome(
                WorkableTransportFailure(neverSent: false, isTimeout: false, reason: "the connection failed"), endpoint)
        }
        metrics.recordAttempt(
            endpoint: endpoint.template, statusClass: WorkableMetrics.statusClass(response.status),
            duration: clock.now() - sentAt)
        logger.debug(
            "Workable response received",
            metadata: [
                "workable.endpoint": "\(endpoint.template)", "workable.status": "\(response.status)",
                "workable.duration_ms": "\(Int((clock.now() - sentAt).seconds * 1000))",
            ])
        guard (200..<300).contains(response.status) else {
            return statusOutcome(response.status, body: body, endpoint)
        }
        if response.status == 202, endpoint.method != "GET" {
            observe(.writeAccepted, endpoint: endpoint.template, logger: logger)
        }
        if ErrorBody.isHTML(body) {
            let error = WorkableAPIError(
                code: endpoint.isIdempotent ? .malformedResponse : .outcomeUnknown, endpoint: endpoint.template,
                status: response.status, bodyExcerpt: ErrorBody.excerpt(body, scrubbing: configuration.token),
                underlying: "an HTML page instead of JSON (a proxy, a login page or the wrong base URL)")
            return .failure(error, endpoint.isIdempotent ? .afterBackoff : .never)
        }
        do throws(WorkableAPIError) {
            return .success(try decode(ReceivedAnswer(status: response.status, body: body)))
        } catch {
            var error = error
            error.endpoint = endpoint.template
            error.status = response.status
            return .failure(error, endpoint.isIdempotent ? .afterBackoff : .never)
        }
    }

    private func transportOutcome<Value>(_ failure: WorkableTransportFailure, _ endpoint: WorkableEndpoint)
        -> Outcome<Value>
    {
        // A request that never reached the server may be sent again whatever it is; one that may
        // have arrived only when repeating it is harmless.
        if failure.neverSent || endpoint.isIdempotent {
            let code: WorkableAPIError.Code = failure.isTimeout ? .timedOut : .transportFailure
            return .failure(
                WorkableAPIError(code: code, endpoint: endpoint.template, underlying: failure.reason), .afterBackoff)
        }
        return .failure(
            WorkableAPIError(code: .outcomeUnknown, endpoint: endpoint.template, underlying: failure.reason), .never)
    }

    private func statusOutcome<Value>(_ status: Int, body: Data, _ endpoint: WorkableEndpoint) -> Outcome<Value> {
        var error = ErrorBody.error(status: status, body: body, endpoint: endpoint.template, token: configuration.token)
        switch status {
        case 429:
            count { $0.rateLimited += 1 }
            // The server did not act on a 429, so any call may be sent again once the window passes.
            return .failure(error, .afterRateLimit)
        case 403:
            error.requiredScope = endpoint.scope
            return .failure(error, .never)
        case 408, 500...599:
            count { $0.failed += 1 }
            if endpoint.isIdempotent { return .failure(error, .afterBackoff) }
            error.code = .outcomeUnknown
            return .failure(error, .never)
        default:
            return .failure(error, .never)
        }
    }

    /// Feeds the answer's rate-limit headers to the pacer, and notes unusual forms.
    private func learnRateLimit(from response: WorkableHTTPResponse, endpoint: WorkableEndpoint, logger: Logger) async {
        let headers = RateLimitHeaders(header: response.header, wallClock: clock.wallClock())
        for kind in headers.unusualForms { observe(kind, endpoint: endpoint.template, logger: logger) }
        await pacer.observe(
            serverLimit: headers.limit, remaining: headers.remaining, resetIn: headers.resetIn,
            rateLimited: response.status == 429)
        if response.status == 429 {
            logger.debug(
                "Workable rate limit reached",
                metadata: [
                    "workable.endpoint": "\(endpoint.template)",
                    "workable.reset_ms": "\(Int((headers.resetIn ?? .zero).seconds * 1000))",
                ])
        }
    }

    /// The request to send: the token goes only to the configured origin (the URL is built from it,
    /// or checked against it for `paging.next`).
    func makeRequest(_ endpoint: WorkableEndpoint) -> WorkableHTTPRequest {
        var headers = [
            ("Authorization", authorization), ("Accept", "application/json"), ("User-Agent", configuration.userAgent),
        ]
        if endpoint.body != nil { headers.append(("Content-Type", "application/json")) }
        let url = endpoint.absoluteURL ?? base.url(path: endpoint.path, query: endpoint.query)
        return WorkableHTTPRequest(method: endpoint.method, url: url, headers: headers, body: endpoint.body?.encoded())
    }
}
