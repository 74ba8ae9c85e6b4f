internal import Foundation
internal import Hummingbird
public import Logging
public import ServiceLifecycle
internal import Synchronization

/// The Tracker sandbox as a swift-service-lifecycle `Service`: an HTTP server that emulates the
/// Tracker REST API, plus its background work (workflow actions, background mutations, webhook
/// deliveries). Run it in a `ServiceGroup` (the `ats sandbox` command does, with SIGINT and SIGTERM
/// as graceful-shutdown signals), or use ``withTrackerSandbox(_:logger:isolation:_:)`` in tests.
public final class SandboxServer: Service, Sendable {
    /// The configuration the server was created with (see ``SandboxControl`` for the live knobs).
    public let configuration: SandboxConfiguration
    /// The handle tests and tools use to inspect and steer the running sandbox.
    public let control: SandboxControl
    private let store: SandboxStore
    private let logger: Logger
    private let readiness = Readiness()

    /// A logger that drops everything: the sandbox logs nothing unless given a logger.
    public static let loggingDisabled = Logger(label: "TrackerSandbox", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates the server and generates (procedurally, in constant time) its data.
    /// - Parameters:
    ///   - configuration: where to listen, the data and the initial behaviour.
    ///   - logger: where the server logs; nothing is logged by default.
    /// - Throws: ``SandboxConfigurationError`` when the configuration is invalid.
    public init(configuration: SandboxConfiguration, logger: Logger = SandboxServer.loggingDisabled) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        store = SandboxStore(configuration: configuration)
        control = SandboxControl(store: store)
    }

    /// Runs the server until graceful shutdown (from the enclosing `ServiceGroup` or ``stop()``).
    /// - Throws: the HTTP server's error, e.g. when the port is taken.
    public func run() async throws {
        let readiness = readiness
        let application = Application(
            responder: SandboxResponder(store: store),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil
            ),
            onServerRunning: { channel in readiness.succeed(port: channel.localAddress?.port ?? 0) },
            logger: logger
        )
        // The HTTP server returning ends the group gracefully (so ``stop()`` works); the background
        // loops only return when shut down, and then must not take the server with them.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: BackgroundWork(store: store), successTerminationBehavior: .ignore),
                    .init(service: application, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                logger: logger
            )
        )
        let stopped = OneShotSignal()
        store.shutdown.withLock {
            $0 = {
                await group.triggerGracefulShutdown()
                await stopped.wait()
            }
        }
        defer { stopped.fire() }
        do {
            try await group.run()
        } catch {
            readiness.finish(error)
            throw error
        }
        readiness.finish(SandboxServerStopped())
    }

    /// Shuts the server down gracefully (it stops accepting connections and finishes the requests in
    /// flight) and returns when it has stopped; ``run()`` then returns.
    public func stop() async {
        await control.stop()
    }

    /// Waits until the server listens and returns how to reach it.
    /// - Throws: the start-up error, or ``SandboxServerStopped`` when it stopped first.
    public func waitUntilRunning() async throws -> RunningSandbox {
        let port = try await readiness.port()
        return RunningSandbox(
            host: configuration.host, port: port, apiKey: configuration.apiKey, apiPassword: configuration.apiPassword,
            control: control
        )
    }
}

/// The background loops as one service, so they start and stop with the server.
private struct BackgroundWork: Service {
    let store: SandboxStore

    func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await BackgroundLoops.runActions(store) }
            group.addTask { await BackgroundLoops.runMutations(store) }
            group.addTask { await WebhookDeliverer.run(store) }
        }
    }
}

/// A running sandbox: where it listens, its credentials, and its control handle.
public struct RunningSandbox: Sendable {
    /// The host the server listens on.
    public let host: String
    /// The port the server listens on (the real one when port 0 was requested).
    public let port: Int
    /// The API key (Basic-auth user).
    public let apiKey: String
    /// The API password (Basic-auth password).
    public let apiPassword: String
    /// The control handle.
    public let control: SandboxControl

    /// `http://HOST:PORT`, the origin, for paths outside `/api/v1` such as
    /// `/applicant_webhooks/add_applicant`.
    public var origin: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }

    /// `http://HOST:PORT/api/v1`, the API root a client is configured with.
    public var baseURL: String { origin + "/api/v1" }

    /// The `Authorization` header value for the sandbox's credentials.
    public var authorizationHeader: String {
        "Basic " + Data("\(apiKey):\(apiPassword)".utf8).base64EncodedString()
    }
}
