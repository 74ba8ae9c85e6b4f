public import Logging
internal import ServiceLifecycle

/// Runs a sandbox for the duration of `body`: starts the server (inside a `ServiceGroup`) on the
/// configured port (0, a free one, by default), waits until it listens, calls `body`, then shuts the
/// server down gracefully, also when `body` throws.
///
/// ```swift
/// try await withTrackerSandbox(SandboxConfiguration(applicationCount: 500)) { sandbox in
///     // point a client at sandbox.baseURL with sandbox.apiKey / sandbox.apiPassword
///     sandbox.control.mutate(count: 10)
/// }
/// ```
/// - Parameters:
///   - configuration: the sandbox's configuration.
///   - logger: where the server logs; nothing is logged by default.
///   - isolation: the caller's actor, inherited so that `body` runs where the caller does.
///   - body: the work to do while the sandbox runs.
/// - Returns: what `body` returns.
/// - Throws: ``SandboxConfigurationError``, the server's start-up error, or what `body` throws.
public func withTrackerSandbox<Result: Sendable>(
    _ configuration: SandboxConfiguration = SandboxConfiguration(),
    logger: Logger = SandboxServer.loggingDisabled,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RunningSandbox) async throws -> Result
) async throws -> Result {
    let server = try SandboxServer(configuration: configuration, logger: logger)
    // The server may stop before `body` returns (`control.stop()`); that ends the group quietly.
    let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)],
            logger: logger
        )
    )
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
        tasks.addTask { try await group.run() }
        let outcome: Swift.Result<Result, any Error>
        do {
            let running = try await server.waitUntilRunning()
            outcome = .success(try await body(running))
        } catch {
            outcome = .failure(error)
        }
        // Held requests would keep the graceful shutdown waiting for them.
        server.control.releaseRequests()
        server.control.endStalls()
        await group.triggerGracefulShutdown()
        // The server's own error matters only when the body did not fail first.
        do {
            try await tasks.waitForAll()
        } catch {
            if case .success = outcome { throw error }
        }
        return try outcome.get()
    }
}
