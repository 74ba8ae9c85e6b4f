internal import Foundation
internal import Hummingbird
public import Logging
public import ServiceLifecycle
internal import Synchronization

/// The Workable sandbox as a `Service`: the API server, the file host (another port: pre-signed
/// URLs live on another origin) and the subscriptions' deliverer. Run it in a `ServiceGroup`, or
/// use ``withWorkableSandbox(_:logger:_:)`` in tests.
public final class WorkableSandboxServer: Service, Sendable {
    /// The configuration it was made with.
    public let configuration: WorkableSandboxConfiguration
    /// The handle tests use to inspect and steer the running sandbox.
    public let control: WorkableSandboxControl
    let store: WorkableSandboxStore
    private let logger: Logger
    private let ports = Mutex<
        (api: Int?, files: Int?, waiters: [CheckedContinuation<(Int, Int), any Error>], failure: (any Error)?)
    >((nil, nil, [], nil))

    /// A logger that drops everything.
    public static let loggingDisabled = Logger(label: "WorkableSandbox") { _ in SwiftLogNoOpLogHandler() }

    /// Creates the server and generates its data.
    /// - Parameters:
    ///   - configuration: Where to listen, the data and the behaviour.
    ///   - logger: Where the server logs; nothing by default.
    public init(configuration: WorkableSandboxConfiguration, logger: Logger = WorkableSandboxServer.loggingDisabled) {
        self.configuration = configuration
        self.logger = logger
        store = WorkableSandboxStore(configuration: configuration)
        control = WorkableSandboxControl(store: store)
    }

    /// Runs until graceful shutdown.
    /// - Throws: The HTTP servers' errors, e.g. when a port is taken.
    public func run() async throws {
        let api = Application(
            responder: APIResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { [self] channel in self.listening(api: channel.localAddress?.port ?? 0) },
            logger: logger)
        let files = Application(
            responder: FileResponder(store: store),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.filePort)),
            onServerRunning: { [self] channel in self.listening(files: channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: api, successTerminationBehavior: .gracefullyShutdownGroup),
                    .init(service: files, successTerminationBehavior: .gracefullyShutdownGroup),
                    .init(service: DelivererService(store: store), successTerminationBehavior: .ignore),
                ],
                gracefulShutdownSignals: [], logger: logger))
        do {
            try await group.run()
        } catch {
            fail(error)
            throw error
        }
        fail(WorkableSandboxStopped())
    }

    /// Waits until both servers listen and returns how to reach them.
    /// - Throws: The start-up error, or ``WorkableSandboxStopped``.
    public func waitUntilRunning() async throws -> RunningWorkableSandbox {
        let (api, files) = try await withCheckedThrowingContinuation { continuation in
            let ready = ports.withLock { state -> Result<(Int, Int), any Error>? in
                if let failure = state.failure { return .failure(failure) }
                if let api = state.api, let files = state.files { return .success((api, files)) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
        return RunningWorkableSandbox(
            host: configuration.host, port: api, filePort: files, subdomain: configuration.subdomain,
            token: configuration.token, readOnlyToken: configuration.readOnlyToken, control: control)
    }

    private func listening(api: Int? = nil, files: Int? = nil) {
        if let files { store.filePort.withLock { $0 = files } }
        let ready = ports.withLock { state -> ([CheckedContinuation<(Int, Int), any Error>], (Int, Int))? in
            if let api { state.api = api }
            if let files { state.files = files }
            guard let apiPort = state.api, let filePort = state.files else { return nil }
            defer { state.waiters = [] }
            return (state.waiters, (apiPort, filePort))
        }
        if let (waiters, value) = ready { for waiter in waiters { waiter.resume(returning: value) } }
    }

    private func fail(_ error: any Error) {
        let waiters = ports.withLock { state -> [CheckedContinuation<(Int, Int), any Error>] in
            if state.failure == nil { state.failure = error }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}

private struct DelivererService: Service {
    let store: WorkableSandboxStore
    func run() async {
        await withGracefulShutdownHandler {
            await Deliverer.run(store)
        } onGracefulShutdown: {
            store.eventSink.finish()
        }
    }
}

/// The sandbox stopped before the caller got its address.
public struct WorkableSandboxStopped: Error, Hashable, Sendable, CustomStringConvertible {
    /// Says the server stopped.
    public var description: String { "the Workable sandbox is not running" }
}

/// A running sandbox: where it listens, its tokens, and its control handle.
public struct RunningWorkableSandbox: Sendable {
    /// The host.
    public let host: String
    /// The API port.
    public let port: Int
    /// The file host's port.
    public let filePort: Int
    /// The account's subdomain.
    public let subdomain: String
    /// The full-scope token (also the webhook signing key).
    public let token: String
    /// A token without `w_candidates`.
    public let readOnlyToken: String
    /// The control handle.
    public let control: WorkableSandboxControl

    /// `http://HOST:PORT`.
    public var origin: String { "http://\(host):\(port)" }
    /// `http://HOST:PORT/spi/v3`: the base URL a client is configured with.
    public var baseURL: String { origin + "/spi/v3" }
    /// The older path form, `http://HOST:PORT/spi/v3/accounts/{subdomain}`.
    public var legacyBaseURL: String { baseURL + "/accounts/" + subdomain }
    /// `http://HOST:FILEPORT`, the file host.
    public var fileOrigin: String { "http://\(host):\(filePort)" }
}

/// Runs a sandbox for the duration of `body`, then shuts it down gracefully (also when `body` throws).
/// - Parameters:
///   - configuration: The sandbox's configuration.
///   - logger: Where the server logs.
///   - body: The work to do while it runs.
/// - Returns: What `body` returns.
/// - Throws: The server's start-up error, or what `body` throws.
public func withWorkableSandbox<Result: Sendable>(
    _ configuration: WorkableSandboxConfiguration = WorkableSandboxConfiguration(),
    logger: Logger = WorkableSandboxServer.loggingDisabled,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RunningWorkableSandbox) async throws -> Result
) async throws -> Result {
    let server = WorkableSandboxServer(configuration: configuration, logger: logger)
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [], logger: logger))
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
