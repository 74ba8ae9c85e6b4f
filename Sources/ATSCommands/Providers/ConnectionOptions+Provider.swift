import ATSCore
import Foundation

extension ConnectionOptions {
    /// The provider the flags, the environment and the profile choose.
    /// - Throws: ``CommandFailure`` for a bad configuration or an unknown provider.
    func providerRegistration(
        environment: [String: String], flags: [SettingKey: SettingValue] = [:]
    ) throws -> ProviderRegistration {
        try ProviderRegistry.active.registration(for: settings(environment: environment, flags: flags))
    }

    /// Runs `body` with the chosen provider's client: against the configured server, or the
    /// provider's embedded sandbox with `--sandbox`.
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - flags: Settings given by the command's own flags.
    ///   - body: The work.
    /// - Throws: ``CommandFailure`` or what `body` throws.
    func withATSClient(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        flags: [SettingKey: SettingValue] = [:],
        _ body: (any ATSClient) async throws -> Void
    ) async throws {
        let registration = try providerRegistration(environment: environment, flags: flags)
        try await registration.withClient(
            ProviderRequest(options: self, environment: environment, flags: flags, tuning: nil), body)
    }
}
