import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A webhook receiver for tests: records each delivery's raw body, one header and query, and
/// answers with the status the test chooses.
///
/// Every wait is event-driven (a delivery or the server's start resumes it) and has a generous
/// deadline that only turns a hang into a failure with a message: on a loaded machine a test
/// process can be starved for tens of seconds, which must not decide a verdict.
public final class WebhookReceiver: Sendable {
    /// One request the receiver answered.
    public struct Delivery: Sendable {
        /// The raw body.
        public var body: [UInt8]
        /// The value of the watched header (the signature), if sent.
        public var signature: String?
        /// The query string, without `?`.
        public var query: String
    }

    private struct State {
        var deliveries: [Delivery] = []
        var waiters: [(count: Int, signal: OneShot<Void>)] = []
    }

    /// The header recorded as ``Delivery/signature``.
    let signatureHeader: HTTPField.Name
    private let state = Mutex(State())
    private let answer = Mutex(200)

    private init(signatureHeader: HTTPField.Name) {
        self.signatureHeader = signatureHeader
    }

    /// The deliveries so far, in order of arrival.
    public var deliveries: [Delivery] { state.withLock { $0.deliveries } }

    /// Sets the status code of the answers from now on.
    /// - Parameter status: An HTTP status code.
    public func answer(with status: Int) {
        answer.withLock { $0 = status }
    }

    /// Waits until `count` deliveries have arrived.
    /// - Parameters:
    ///   - count: How many deliveries to wait for.
    ///   - limit: The longest wait.
    /// - Returns: Every delivery so far (at least `count`).
    /// - Throws: ``DeadlineExceeded`` naming the count and what arrived.
    public func waitFor(_ count: Int, within limit: Duration = .seconds(120)) async throws -> [Delivery] {
        let signal = OneShot<Void>()
        let ready = state.withLock { state -> Bool in
            if state.deliveries.count >= count { return true }
            state.waiters.append((count, signal))
            return false
        }
        if !ready {
            do {
                try await withDeadline("\(count) webhook deliveries", within: limit) { try await signal.value }
            } catch let error as DeadlineExceeded {
                throw DeadlineExceeded(awaited: "\(error.awaited) (\(deliveries.count) arrived)", limit: error.limit)
            }
        }
        return deliveries
    }

    private func record(_ delivery: Delivery) -> Int {
        let due = state.withLock { state -> [OneShot<Void>] in
            state.deliveries.append(delivery)
            let arrived = state.deliveries.count
            let due = state.waiters.filter { $0.count <= arrived }.map(\.signal)
            state.waiters.removeAll { $0.count <= arrived }
            return due
        }
        for signal in due { signal.resolve(.success(())) }
        return answer.withLock { $0 }
    }

    /// Runs a receiver on a free loopback port for the duration of `body`.
    /// - Parameters:
    ///   - signatureHeader: The name of the header to record with each delivery.
    ///   - body: The test, given the receiver and its URL (`http://127.0.0.1:PORT/hook`).
    /// - Returns: What `body` returns.
    /// - Throws: When the header name is not one, or the server cannot start within two minutes;
    ///   `body`'s errors.
    public static func run<Result: Sendable>(
        signatureHeader: String,
        _ body: (WebhookReceiver, String) async throws -> Result
    ) async throws -> Result {
        guard let header = HTTPField.Name(signatureHeader) else { throw NotAHeaderName(name: signatureHeader) }
        let receiver = WebhookReceiver(signatureHeader: header)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let status = receiver.record(
                Delivery(
                    body: Array(buffer.readableBytesView), signature: request.headers[receiver.signatureHeader],
                    query: request.uri.query ?? ""))
            return Response(status: .init(code: status))
        }
        let listening = OneShot<Int>()
        let quiet = Logger(label: "webhook-receiver") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { listening.resolve(.success(port)) }
            },
            logger: quiet)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: quiet))
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                    listening.resolve(.failure(ReceiverStopped()))
                } catch {
                    listening.resolve(.failure(error))
                }
            }
            let outcome: Swift.Result<Result, any Error>
            do {
                let port = try await withDeadline("the webhook receiver to listen", within: .seconds(120)) {
                    try await listening.value
                }
                outcome = .success(try await body(receiver, "http://127.0.0.1:\(port)/hook"))
            } catch {
                outcome = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            return try outcome.get()
        }
    }

    /// A signature header name that HTTP does not allow.
    struct NotAHeaderName: Error, CustomStringConvertible {
        var name: String
        var description: String { "'\(name)' is not an HTTP header name" }
    }

    /// The receiver's server stopped before it listened.
    struct ReceiverStopped: Error, CustomStringConvertible {
        var description: String { "the webhook receiver stopped before it listened" }
    }
}
