import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A webhook receiver for tests: records each delivery's raw body and signature header and
/// answers with the status the test chooses.
final class Receiver: Sendable {
    struct Delivery: Sendable {
        var body: [UInt8]
        var signature: String?
        var query: String
    }

    let signatureHeader = HTTPField.Name("X-Workable-Signature") ?? .contentType
    let deliveries = Mutex<[Delivery]>([])
    let status = Mutex(200)

    /// Waits until `count` deliveries arrived, polling with a deadline that fails with a message.
    func waitFor(_ count: Int, deadline: Duration = .seconds(20)) async throws -> [Delivery] {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while clock.now < end {
            let received = deliveries.withLock { $0 }
            if received.count >= count { return received }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ReceiverTimeout(expected: count, received: deliveries.withLock { $0.count })
    }

    struct ReceiverTimeout: Error, CustomStringConvertible {
        var expected: Int
        var received: Int
        var description: String { "expected \(expected) deliveries within the deadline, received \(received)" }
    }

    /// Runs a receiver on a free port for the duration of `body`.
    static func run<Result: Sendable>(_ body: (Receiver, String) async throws -> Result) async throws -> Result {
        let receiver = Receiver()
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            receiver.deliveries.withLock {
                $0.append(
                    Delivery(
                        body: Array(buffer.readableBytesView), signature: request.headers[receiver.signatureHeader],
                        query: request.uri.query ?? ""))
            }
            return Response(status: .init(code: receiver.status.withLock { $0 }))
        }
        let port = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } },
            logger: Logger(label: "receiver") { _ in SwiftLogNoOpLogHandler() })
        let group = ServiceGroup(
            configuration: .init(
                services: [app], gracefulShutdownSignals: [],
                logger: Logger(label: "receiver") { _ in SwiftLogNoOpLogHandler() }))
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
            tasks.addTask { try await group.run() }
            let clock = ContinuousClock()
            let end = clock.now + .seconds(20)
            var listening: Int?
            while listening == nil, clock.now < end {
                listening = port.withLock { $0 }
                if listening == nil { try await Task.sleep(for: .milliseconds(10)) }
            }
            let outcome: Swift.Result<Result, any Error>
            if let listening {
                do { outcome = .success(try await body(receiver, "http://127.0.0.1:\(listening)/hook")) } catch {
                    outcome = .failure(error)
                }
            } else {
                outcome = .failure(ReceiverTimeout(expected: 0, received: 0))
            }
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            return try outcome.get()
        }
    }
}
