import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `ats sandbox --provider NAME` for the providers whose sandbox is a service: runs it until SIGINT
/// or SIGTERM (requests in flight answered first) and prints its banner once it listens.
enum SandboxServing {
    /// Serves `server` until it is stopped.
    /// - Parameters:
    ///   - server: The sandbox's server.
    ///   - logger: The service group's logger (the sandboxes pass one that logs nothing).
    ///   - name: The provider's name, for the line printed when it stops.
    ///   - banner: Waits until the server listens and returns what to print then.
    static func serve(
        _ server: some Service, logger: Logger, name: String,
        banner: @escaping @Sendable () async throws -> String
    ) async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: server, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        let group = ServiceGroup(configuration: groupConfiguration)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                // A server that stops before it listens has already said why through group.run().
                guard let text = try? await banner() else { return }
                print(text)
                fflush(nil)
            }
            try await tasks.waitForAll()
        }
        print("\(name) sandbox stopped.")
        fflush(nil)
    }
}
