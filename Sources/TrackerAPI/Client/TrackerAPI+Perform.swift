import Foundation
import Logging
import Synchronization

/// A response whose body has been read.
struct ReceivedResponse: Sendable {
    let status: Int
    let headers: TrackerHTTPHeaders
    let body: Data
}

extension TrackerAPI {
    /// The most bytes of an error body read for its excerpt.
    private static let errorBodyLimit = 64 * 1024

    /// Sends a request with rate limiting and retries, reads the whole body and decodes it.
    ///
    /// `decode` runs once per successful attempt, inside the retry loop, so that an unreadable
    /// 2xx (a truncated body, a proxy's HTML page) is retried like a 5xx where that is safe.
    func perform<Value: Sendable>(
        _ endpoint: TrackerEndpoint,
        logger: Logger?,
        decode: @Sendable (ReceivedResponse) throws -> Value
    ) async throws -> Value {
        let limit = configuration.maximumResponseBytes
        return try await performAttempts(endpoint, logger: logger) { response, slot in
            let body: Data
            do {
                body = try await response.body.collect(upTo: limit)
                // The answer is in: the next request may use the place while this one decodes.
                slot.release(.answered)
            } catch is TrackerBodyTooLargeError {
                throw TrackerAPIError(
                    code: .malformedResponse,
                    endpoint: endpoint.label,
                    status: response.status,
                    field: "(body)",
                    underlying: "body larger than \(limit) bytes"
                )
            }
            // The API answers JSON or nothing: an HTML page with a 2xx is a proxy, a login or
            // maintenance page or the wrong base URL, even where the body would be ignored (DELETE).
            if Self.isHTML(body) {
                throw TrackerAPIError(
                    code: .malformedResponse, endpoint: endpoint.label, status: response.status, field: "(body)",
                    bodyExcerpt: excerpt(body), underlying: Self.htmlCause)
            }
            return try decode(ReceivedResponse(status: response.status, headers: response.headers, body: body))
        }
    }

    /// Sends a request with rate limiting and retries until a 2xx head arrives, and hands back
    /// the streaming body. The body itself is never retried: a broken download surfaces as the
    /// transport's error while iterating.
    /// Its place in the request budget is given back when the head arrives, so a download read
    /// slowly (or never) does not hold up other calls.
    func performStreaming(_ endpoint: TrackerEndpoint, logger: Logger?) async throws -> TrackerHTTPResponse {
        try await performAttempts(endpoint, logger: logger) { response, _ in response }
    }

    private func performAttempts<Value: Sendable>(
        _ endpoint: TrackerEndpoint,
        logger: Logger?,
        onSuccess: (TrackerHTTPResponse, RequestBudgetSlot) async throws -> Value
    ) async throws -> Value {
        let logger = logger ?? configuration.logger
        guard !isClosed else {
            throw TrackerAPIError(
                code: .transportFailure, endpoint: endpoint.label, underlying: "the client was shut down")
        }
        var state = RetryState(policy: configuration.retryPolicy, method: endpoint.method, startedAt: clock.now())
        let bodyReads = BodyReadMark()
        let request = makeRequest(endpoint, bodyReads: bodyReads)
        while true {
            try checkCancellation(endpoint)
            // Every attempt, retries included, waits for its turn in the client-wide window first
            // and only then for the rate limiter, so the limiter's order is the window's fair order.
            let slot: RequestBudgetSlot
            do { slot = try await budget.acquire(lane: RequestLane.current) } catch { throw cancelledError(endpoint) }
            if let rateLimiter {
                do {
                    try await rateLimiter.acquire()
                } catch {
                    slot.release(.failed)
                    throw cancelledError(endpoint)
                }
            }
            state.beginAttempt()
            let attemptStart = clock.now()
            let remaining = state.remaining(now: attemptStart)
            guard remaining > .zero, !Task.isCancelled else {
                slot.release(.failed)
                if Task.isCancelled { throw cancelledError(endpoint) }
                throw finalError(
                    TrackerAPIError(code: .timedOut, endpoint: endpoint.label),
                    attempts: state.attempts - 1,
                    endpoint
                )
            }
            let outcome = await attempt(
                request,
                endpoint,
                timeout: min(configuration.timeouts.request, remaining),
                logger: logger,
                bodyReads: bodyReads,
                slot: slot,
                onSuccess: onSuccess
            )
            let (failure, error): (RetryState.Failure, TrackerAPIError)
            switch outcome {
            case .success(let value):
                return value
            case .cancelled:
                throw cancelledError(endpoint)
            case .failed(let attemptFailure, let attemptError):
                (failure, error) = (attemptFailure, interruptedRequest(attemptError, bodyReads: bodyReads, endpoint))
            }
            try checkCancellation(endpoint)
            if bodyReads.wasRead { state.streamedBodyWasSent() }
            state.record(failure)
            let decision = state.decide(after: failure, now: clock.now(), randomUnit: Double.random(in: 0..<1))
            switch decision {
            case .retry(let wait):
                let reason = Self.retryReason(failure)
                metrics.recordRetry(endpoint: endpoint.label, reason: reason)
                recordTrafficRetry()
                logger.debug(
                    "Tracker request will be retried",
                    metadata: [
                        "tracker.endpoint": "\(endpoint.label)", "tracker.attempt": "\(state.attempts)",
                        "tracker.retry.reason": "\(reason)", "tracker.retry.wait_ms": "\(Int(wait.seconds * 1000))",
                    ]
                )
                do { try await clock.sleep(wait) } catch { throw cancelledError(endpoint) }
            case .giveUp(let reason):
                var final = error
                if reason == .deadline, error.code == .transportFailure { final.code = .timedOut }
                throw finalError(final, attempts: state.attempts, endpoint)
            }
        }
    }

    private enum AttemptOutcome<Value> {
        case success(Value)
        case failed(RetryState.Failure, TrackerAPIError)
        case cancelled
    }

    private func attempt<Value>(
        _ request: TrackerHTTPRequest,
        _ endpoint: TrackerEndpoint,
        timeout: Duration,
        logger: Logger,
        bodyReads: BodyReadMark,
        slot: RequestBudgetSlot,
        onSuccess: (TrackerHTTPResponse, RequestBudgetSlot) async throws -> Value
    ) async -> AttemptOutcome<Value> {
        // Whatever happens below, the place is given back; the first release says how it went.
        defer { slot.release(.failed) }
        let started = clock.now()
        logger.trace(
            "Tracker request sent",
            metadata: [
                "tracker.endpoint": "\(endpoint.label)", "tracker.method": "\(request.method)",
                "tracker.path": "\(endpoint.path)", "tracker.headers": "\(request.headers.redactedDescription)",
            ]
        )
        do {
            let response = try await exchange(request, timeout: timeout, logger: logger, bodyReads: bodyReads)
            bodyReads.answerArrived()
            recordTrafficAttempt(status: response.status)
            serverClockRecorder.record(dateHeader: response.headers["Date"])
            metrics.recordAttempt(
                endpoint: endpoint.label,
                statusClass: TrackerMetrics.statusClass(response.status),
                duration: clock.now() - started
            )
            logger.debug(
                "Tracker response received",
                metadata: [
                    "tracker.endpoint": "\(endpoint.label)", "tracker.path": "\(endpoint.path)",
                    "tracker.status": "\(response.status)",
                    "tracker.duration_ms": "\(Int((clock.now() - started).seconds * 1000))",
                ]
            )
            guard (200..<300).contains(response.status) else {
                let (failure, error) = await statusFailure(response, endpoint)
                slot.release(response.status == 429 ? .rateLimited : .answered)
                return .failed(failure, error)
            }
            do {
                let value = try await onSuccess(response, slot)
                slot.release(.answered)
                return .success(value)
            } catch let error as TrackerAPIError where error.code == .malformedResponse {
                return .failed(.malformed, error)
            }
        } catch is CancellationError {
            return .cancelled
        } catch let error as TrackerRequestBodyError {
            let failure = TrackerAPIError(
                code: .requestBodyFailed, endpoint: endpoint.label, underlying: redact(error.reason))
            return .failed(.requestBody, failure)
        } catch let error as TrackerTransportError {
            if Task.isCancelled { return .cancelled }
            recordTrafficAttempt(status: nil)
            metrics.recordAttempt(endpoint: endpoint.label, statusClass: "transport", duration: clock.now() - started)
            return .failed(.transport(error), transportError(error, endpoint))
        } catch let error as TrackerAPIError {
            return .failed(.status(error.status ?? 0, retryAfter: nil), error)
        } catch {
            if Task.isCancelled { return .cancelled }
            let wrapped = TrackerTransportError(phase: .exchange, reason: String(describing: type(of: error)))
            return .failed(.transport(wrapped), transportError(wrapped, endpoint))
        }
    }

    /// The request to send; a streamed body reports each read to `bodyReads`, which is what
    /// stops retries once part of it went out.
    private func makeRequest(_ endpoint: TrackerEndpoint, bodyReads: BodyReadMark) -> TrackerHTTPRequest {
        var headers: TrackerHTTPHeaders = [
            "Authorization": authorization,
            "Accept": "application/json",
            "User-Agent": configuration.userAgent,
        ]
        if endpoint.body != nil {
            headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        }
        return TrackerHTTPRequest(
            method: endpoint.method, url: roots.url(for: endpoint), headers: headers,
            content: endpoint.body?.observingReads { bodyReads.record($0) })
    }

    private func checkCancellation(_ endpoint: TrackerEndpoint) throws {
        if Task.isCancelled { throw cancelledError(endpoint) }
    }

    private func cancelledError(_ endpoint: TrackerEndpoint) -> TrackerAPIError {
        TrackerAPIError(code: .cancelled, endpoint: endpoint.label)
    }

    private func finalError(_ error: TrackerAPIError, attempts: Int, _ endpoint: TrackerEndpoint) -> TrackerAPIError {
        var error = error
        error.attempts = max(1, attempts)
        metrics.recordFailure(endpoint: endpoint.label, code: error.code)
        return error
    }

    private static func retryReason(_ failure: RetryState.Failure) -> String {
        switch failure {
        case .transport(let error): error.isTimeout ? "timeout" : "transport"
        case .status(429, _): "status_429"
        case .status(let status, _): "status_" + TrackerMetrics.statusClass(status)
        case .malformed: "malformed"
        case .requestBody: "request_body"
        }
    }
}

/// What the sends of a call's streamed body read, over all its attempts: whether any chunk was
/// read (which stops retries), and for the latest send how many bytes and whether to the end —
/// as things stood when the answer's head arrived, if it did. (After an error answer, the
/// transport may go on reading the body and dropping it, so later reads say nothing about what
/// the server received.)
final class BodyReadMark: Sendable {
    private struct Reads {
        var any = false
        var bytes = 0
        var ended = false
        var atAnswer: (bytes: Int, ended: Bool)?
    }

    private let reads = Mutex(Reads())

    /// Whether any chunk was read, by any send.
    var wasRead: Bool { reads.withLock { $0.any } }

    /// The bytes the latest send had read, and whether it had read the body to its end, when its
    /// answer arrived (or now, when none did).
    var latestSend: (bytes: Int, ended: Bool) { reads.withLock { $0.atAnswer ?? ($0.bytes, $0.ended) } }

    /// Notes the reads so far as those before the answer.
    func answerArrived() {
        reads.withLock { $0.atAnswer = ($0.bytes, $0.ended) }
    }

    func record(_ event: BodyReadEvent) {
        reads.withLock { reads in
            switch event {
            case .started: (reads.bytes, reads.ended, reads.atAnswer) = (0, false, nil)
            case .reading: reads.any = true
            case .produced(let count): reads.bytes += count
            case .ended: reads.ended = true
            }
        }
    }
}
