import CoreMetrics

/// The client's metrics, with bounded labels only (operation names, never ids or URLs):
/// `trackerrms_requests_total{operation,status_class}`, `trackerrms_retries_total{operation,reason}`,
/// `trackerrms_failures_total{operation,code}` and the timer `trackerrms_request_duration{operation}`.
struct RMSMetrics: Sendable {
    let factory: (any MetricsFactory)?

    func recordAttempt(operation: String, statusClass: String, duration: Duration) {
        let dimensions = [("operation", operation), ("status_class", statusClass)]
        counter("trackerrms_requests_total", dimensions).increment()
        timer("trackerrms_request_duration", [("operation", operation)])
            .recordNanoseconds(
                Int64(duration.components.seconds) * 1_000_000_000
                    + duration.components.attoseconds / 1_000_000_000)
    }

    func recordRetry(operation: String, reason: String) {
        counter("trackerrms_retries_total", [("operation", operation), ("reason", reason)]).increment()
    }

    func recordFailure(operation: String, code: TrackerRMSError.Code) {
        counter("trackerrms_failures_total", [("operation", operation), ("code", code.description)]).increment()
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        if let factory { return Counter(label: label, dimensions: dimensions, factory: factory) }
        return Counter(label: label, dimensions: dimensions)
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> Timer {
        if let factory { return Timer(label: label, dimensions: dimensions, factory: factory) }
        return Timer(label: label, dimensions: dimensions)
    }
}
