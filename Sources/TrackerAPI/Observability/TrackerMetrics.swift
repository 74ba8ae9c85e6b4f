import CoreMetrics

/// The library's metrics. Labels are bounded: endpoint templates (`GET /jobs/{id}`), methods,
/// status classes and fixed reason names; never ids, URLs or account data.
struct TrackerMetrics: Sendable {
    let factory: (any MetricsFactory)?

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        if let factory { return Counter(label: label, dimensions: dimensions, factory: factory) }
        return Counter(label: label, dimensions: dimensions)
    }

    /// One finished attempt: its outcome class (`2xx`…`5xx`, or `transport`) and its duration.
    func recordAttempt(endpoint: String, statusClass: String, duration: Duration) {
        counter("tracker_api_requests_total", [("endpoint", endpoint), ("status_class", statusClass)]).increment()
        let dimensions = [("endpoint", endpoint)]
        let timer =
            factory.map {
                CoreMetrics.Timer(label: "tracker_api_request_duration", dimensions: dimensions, factory: $0)
            }
            ?? CoreMetrics.Timer(label: "tracker_api_request_duration", dimensions: dimensions)
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        timer.recordNanoseconds(nanoseconds)
    }

    /// One retry, with a bounded reason (`transport`, `status_429`, `status_5xx`, `malformed`…).
    func recordRetry(endpoint: String, reason: String) {
        counter("tracker_api_retries_total", [("endpoint", endpoint), ("reason", reason)]).increment()
    }

    /// Records delivered by a list, and records dropped because the server ignored `updated_after`.
    func recordRecords(endpoint: String, delivered: Int, droppedStale: Int) {
        counter("tracker_api_records_total", [("endpoint", endpoint)]).increment(by: delivered)
        if droppedStale > 0 {
            counter("tracker_api_stale_records_dropped_total", [("endpoint", endpoint)]).increment(by: droppedStale)
        }
    }

    /// A call that ended in an error, by code.
    func recordFailure(endpoint: String, code: TrackerAPIError.Code) {
        counter("tracker_api_failures_total", [("endpoint", endpoint), ("code", code.description)]).increment()
    }

    static func statusClass(_ status: Int) -> String {
        switch status {
        case 100..<200: "1xx"
        case 200..<300: "2xx"
        case 300..<400: "3xx"
        case 400..<500: "4xx"
        case 500..<600: "5xx"
        default: "other"
        }
    }
}
