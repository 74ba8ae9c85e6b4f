import CoreMetrics

/// The library's metrics. Labels are bounded: endpoint templates (`GET /candidates/{id}`), status
/// classes and fixed reason names; never ids, URLs or account data.
struct WorkableMetrics: Sendable {
    let factory: (any MetricsFactory)?

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        if let factory { return Counter(label: label, dimensions: dimensions, factory: factory) }
        return Counter(label: label, dimensions: dimensions)
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        if let factory { return CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory) }
        return CoreMetrics.Timer(label: label, dimensions: dimensions)
    }

    func recordAttempt(endpoint: String, statusClass: String, duration: Duration) {
        counter("workable_api_requests_total", [("endpoint", endpoint), ("status_class", statusClass)]).increment()
        timer("workable_api_request_duration", [("endpoint", endpoint)]).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    func recordRetry(endpoint: String, reason: String) {
        counter("workable_api_retries_total", [("endpoint", endpoint), ("reason", reason)]).increment()
    }

    func recordRateLimitWait(_ duration: Duration) {
        guard duration > .zero else { return }
        timer("workable_api_rate_limit_wait", []).recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    func recordFailure(endpoint: String, code: WorkableAPIError.Code) {
        counter("workable_api_failures_total", [("endpoint", endpoint), ("code", code.description)]).increment()
    }

    static func statusClass(_ status: Int) -> String {
        switch status {
        case 200..<300: "2xx"
        case 300..<400: "3xx"
        case 400..<500: "4xx"
        case 500..<600: "5xx"
        default: "other"
        }
    }
}
