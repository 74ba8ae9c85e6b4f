internal import Hummingbird
public import Logging
public import ServiceLifecycle
internal import Synchronization

/// The Tracker RMS sandbox as a swift-service-lifecycle `Service`: an HTTP server that emulates the
/// widget API (and the REST API's document calls). Run it in a `ServiceGroup`, or use
/// ``withTrackerRMSSandbox(_:logger:isolation:_:)`` in tests.
public final class RMSSandboxServer: Service, Sendable {
    /// The configuration it was made with.
    public let configuration: RMSSandboxConfiguration
    /// The control handle.
    public let control: RMSSandboxControl
    private let store: RMSSandboxStore
    private let logger: Logger
    private let port = RMSPortSignal()

    /// A logger that drops everything.
    public static let loggingDisabled = Logger(label: "TrackerRMSSandbox", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates the server and seeds its data.
    /// - Parameters:
    ///   - configuration: Where to listen, the data and the initial knobs.
    ///   - logger: Where the server logs; nothing by default.
    /// - Throws: ``RMSSandboxConfigurationError``.
    public init(configuration: RMSSandboxConfiguration, logger: Logger = RMSSandboxServer.loggingDisabled) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        store = RMSSandboxStore(configuration: configuration)
        control = RMSSandboxControl(store: store)
    }

    /// Runs until graceful shutdown.
    /// - Throws: The HTTP server's error, e.g. when the port is taken.
    public func run() async throws {
        let port = port
        let application = Application(
            responder: RMSSandboxResponder(store: store),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in port.set(.success(channel.localAddress?.port ?? 0)) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup)],
                logger: logger))
        store.stop.withLock { $0 = { await group.triggerGracefulShutdown() } }
        do {
            try await group.run()
        } catch {
            port.set(.failure(error))
            throw error
        }
        port.set(.failure(RMSSandboxStopped()))
    }

    /// Waits until the server listens.
    /// - Returns: How to reach it.
    /// - Throws: The start-up error, or ``RMSSandboxStopped``.
    public func waitUntilRunning() async throws -> RunningRMSSandbox {
        let port = try await port.wait()
        return RunningRMSSandbox(host: configuration.host, port: port, configuration: configuration, control: control)
    }
}

/// A running sandbox: where it listens, its credentials, and its control handle.
public struct RunningRMSSandbox: Sendable {
    /// The host.
    public let host: String
    /// The port.
    public let port: Int
    let configuration: RMSSandboxConfiguration
    /// The control handle.
    public let control: RMSSandboxControl

    /// `http://HOST:PORT`, the widget API root a client is configured with (and the REST root).
    public var baseURL: String { "http://\(host):\(port)" }
    /// The API key.
    public var apiKey: String { configuration.apiKey }
    /// The active recruiter's username (e-mail address).
    public var username: String { configuration.username }
    /// The users' password.
    public var password: String { configuration.password }
    /// A valid OAuth token.
    public var oauthToken: String { configuration.oauthToken }
    /// A valid REST token.
    public var restToken: String { configuration.restToken }
}

/// The sandbox stopped before the caller got its address.
public struct RMSSandboxStopped: Error, Hashable, Sendable, CustomStringConvertible {
    /// Says the server stopped.
    public var description: String { "the Tracker RMS sandbox is not running" }
}

/// The port a port-0 server was given, once known.
final class RMSPortSignal: Sendable {
    private let state = Mutex<(result: Result<Int, any Error>?, waiters: [CheckedContinuation<Int, any Error>])>(
        (nil, []))

    func set(_ result: Result<Int, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, any Error>] in
            guard state.result == nil else { return [] }
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Int, any Error>? in
                if state.result == nil { state.waiters.append(continuation) }
                return state.result
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}

/// Runs a sandbox for the duration of `body`: starts it on a free port, waits until it listens,
/// calls `body`, then shuts it down gracefully, also when `body` throws.
/// - Parameters:
///   - configuration: The sandbox's configuration.
///   - logger: Where the server logs.
///   - isolation: The caller's isolation.
///   - body: The work to do while it runs.
/// - Returns: What `body` returns.
/// - Throws: ``RMSSandboxConfigurationError``, the server's start-up error, or what `body` throws.
public func withTrackerRMSSandbox<Result: Sendable>(
    _ configuration: RMSSandboxConfiguration = RMSSandboxConfiguration(),
    logger: Logger = RMSSandboxServer.loggingDisabled,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RunningRMSSandbox) async throws -> Result
) async throws -> Result {
    let server = try RMSSandboxServer(configuration: configuration, logger: logger)
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
        tasks.addTask { try await group.run() }
        let outcome: Swift.Result<Result, any Error>
        do {
            let running = try await server.waitUntilRunning()
            outcome = .success(try await body(running))
        } catch {
            outcome = .failure(error)
        }
        await group.triggerGracefulShutdown()
        do {
            try await tasks.waitForAll()
        } catch {
            if case .success = outcome { throw error }
        }
        return try outcome.get()
    }
}
