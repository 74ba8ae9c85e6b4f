import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The receiver behind `ats webhooks listen`: a Hummingbird server run as a service, so that SIGINT
/// and SIGTERM stop it gracefully (requests in flight are answered first).
struct WebhookListener: Sendable {
    /// Where to listen.
    var host: String
    /// The port; 0 picks a free one (reported to `onListening`).
    var port: Int
    /// Checks each delivery's signature, the provider's way.
    var verifier: any WebhookDeliveryCheck
    /// The largest body accepted; larger ones get 413 without being read to the end.
    var maximumBodyBytes: Int
    /// Where verified deliveries go, one JSON line each.
    var output: CommandOutput
    /// Where each request's outcome goes (standard error for the command).
    var onOutcome: @Sendable (WebhookResponder.Outcome) -> Void = { _ in }

    /// The server and its service group, ready to run.
    /// - Parameters:
    ///   - signals: The signals that stop it gracefully.
    ///   - onListening: Called with the port once the server accepts connections.
    /// - Returns: The group; `run()` it, and `triggerGracefulShutdown()` to stop it.
    func makeServiceGroup(
        signals: [UnixSignal], onListening: @escaping @Sendable (Int) async -> Void
    ) -> ServiceGroup {
        let lines = OneLineAtATime(output)
        let responder = WebhookResponder(
            verifier: verifier, maximumBodyBytes: maximumBodyBytes, onDelivery: { lines.write($0) },
            onOutcome: onOutcome)
        let quiet = Logger(label: "ats.webhooks") { _ in SwiftLogNoOpLogHandler() }
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: quiet)
        return ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: application)], gracefulShutdownSignals: signals, logger: quiet))
    }
}

/// Deliveries arrive concurrently; writing one line at a time keeps long lines whole in a pipe
/// (writes above the pipe's atomic size could otherwise interleave).
private final class OneLineAtATime: Sendable {
    private let lock = Mutex(())
    private let output: CommandOutput

    init(_ output: CommandOutput) { self.output = output }

    func write(_ line: String) {
        lock.withLock { _ in output.line(line) }
    }
}
