import Foundation
import Logging

extension TrackerAPI {
    /// Classifies a non-2xx answer. A 429's `Retry-After` also holds back every request of the
    /// client (the request budget and the rate limiter), not just the one that was refused.
    func statusFailure(_ response: TrackerHTTPResponse, _ endpoint: TrackerEndpoint) async -> (
        RetryState.Failure, TrackerAPIError
    ) {
        let body = (try? await response.body.collect(upTo: 64 * 1024)) ?? Data()
        let retryAfter = response.headers["Retry-After"].flatMap { RetryAfter.parse($0, now: Date()) }
        if response.status == 429 {
            // Capped: a wait the policy would not sit out must not stall the client's later calls.
            if let retryAfter { budget.pause(for: min(retryAfter, configuration.retryPolicy.maximumRetryAfter)) }
            if let rateLimiter {
                await rateLimiter.pause(for: retryAfter ?? configuration.retryPolicy.initialBackoff)
            }
        }
        let code: TrackerAPIError.Code
        switch response.status {
        case 401: code = .unauthorized
        case 403: code = .forbidden
        case 404:
            // A list path has no record to be missing, an API never answers with an HTML page, and
            // below a base URL that is not an API root nothing exists: the endpoint is what is missing.
            let endpointMissing = !endpoint.template.contains("{") || Self.isHTML(body) || roots.wrongRootCause != nil
            code = endpointMissing ? .endpointNotFound : .notFound
        case 429: code = .rateLimited
        case 408, 500...599: code = endpoint.method.isIdempotent ? .serverError : .outcomeUnknown
        default: code = .requestRejected
        }
        let error = TrackerAPIError(
            code: code,
            endpoint: endpoint.label,
            status: response.status,
            retryAfter: retryAfter,
            bodyExcerpt: excerpt(body),
            underlying: (300..<400).contains(response.status)
                ? "redirect not followed"
                : response.status == 404 && roots.wrongRootCause != nil
                    ? roots.wrongRootCause : Self.isHTML(body) ? Self.htmlCause : nil
        )
        if code == .endpointNotFound { recordMissingEndpoint(endpoint.label) }
        return (.status(response.status, retryAfter: retryAfter), error)
    }

    /// Classifies a failure below HTTP. For a POST, anything after the connection was made
    /// leaves the outcome unknown.
    func transportError(_ error: TrackerTransportError, _ endpoint: TrackerEndpoint) -> TrackerAPIError {
        let code: TrackerAPIError.Code
        if error.phase == .exchange && !endpoint.method.isIdempotent {
            code = .outcomeUnknown
        } else if error.isTimeout && error.phase == .exchange {
            code = .timedOut
        } else {
            code = .transportFailure
        }
        // Name the server a connection could not be made to: the person checks that address first.
        var cause = error.description
        if error.phase == .connect, let components = URLComponents(string: configuration.baseURL),
            let host = components.host
        {
            cause += " (server \(host)\(components.port.map { ":\($0)" } ?? ""))"
        }
        return TrackerAPIError(code: code, endpoint: endpoint.label, underlying: redact(cause))
    }

    /// Whether a body is an HTML page (a proxy's error page, a login or maintenance page, a web
    /// site at the wrong base URL) rather than anything the Tracker API sends.
    static func isHTML(_ body: Data) -> Bool {
        let start = body.prefix(512).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        let text = String(decoding: start.prefix(64), as: UTF8.self).lowercased()
        return text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<head")
            || text.hasPrefix("<body") || text.hasPrefix("<!--") || text.hasPrefix("<?xml")
    }

    /// The cause given for an HTML answer.
    static let htmlCause =
        "the answer is an HTML page, not the Tracker API: check the base URL (the API root ends in /api/v1), "
        + "or a proxy, login or maintenance page answered"

    /// A bounded, single-line, secret-free excerpt of a body (HTML included).
    func excerpt(_ data: Data) -> String? {
        guard !data.isEmpty else { return nil }
        let text = String(decoding: data.prefix(TrackerAPIError.excerptLimit * 4), as: UTF8.self)
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(redact(collapsed).prefix(TrackerAPIError.excerptLimit))
    }

    /// Removes the password and the encoded credentials from text that will be shown or logged.
    func redact(_ text: String) -> String {
        var result = text
        let token = String(authorization.dropFirst("Basic ".count))
        for secret in [configuration.apiPassword, token] where secret.count >= 3 {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }

    /// Sends one request, following up to five redirects. Credentials go only to the configured
    /// host or its sibling subdomains (`api.` → `acme.applicant-tracking.com`), never over a
    /// downgrade to plain HTTP on a non-loopback host. A streamed body that cannot start over
    /// (``TrackerHTTPRequestBody/isReplayable``) is not sent again once read: its redirect is
    /// returned as the answer.
    func exchange(
        _ request: TrackerHTTPRequest,
        timeout: Duration,
        logger: Logger,
        bodyReads: BodyReadMark
    ) async throws -> TrackerHTTPResponse {
        var current = request
        for hop in 0...5 {
            let response = try await transport.execute(current, timeout: timeout, logger: logger)
            guard [301, 302, 303, 307, 308].contains(response.status), hop < 5,
                let location = response.headers["Location"],
                let target = URL(string: location, relativeTo: URL(string: current.url))?.absoluteURL,
                let scheme = target.scheme?.lowercased(), let host = target.host?.lowercased(),
                scheme == "https" || (scheme == "http" && EndpointRoots.isLoopback(host))
            else {
                return response
            }
            if response.status == 303 {
                current.method = .get
                current.content = nil
                current.headers.remove(name: "Content-Type")
            } else if let content = current.content, !content.isReplayable, bodyReads.wasRead {
                return response
            }
            if !mayReceiveCredentials(host: host) {
                current.headers.remove(name: "Authorization")
            }
            current.url = target.absoluteString
            logger.debug(
                "Tracker redirect followed",
                metadata: ["tracker.status": "\(response.status)", "tracker.redirect.host": "\(host)"]
            )
        }
        return try await transport.execute(current, timeout: timeout, logger: logger)
    }

    private func mayReceiveCredentials(host: String) -> Bool {
        if host == roots.host { return true }
        let parent = roots.host.split(separator: ".").dropFirst().joined(separator: ".")
        return parent.contains(".") && host.hasSuffix("." + parent)
    }
}
