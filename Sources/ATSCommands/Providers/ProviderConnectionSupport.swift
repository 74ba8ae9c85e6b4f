import ATSCore
import Foundation

/// What the providers' connections share: reading the time zone and refusing settings that
/// `--sandbox` replaces.
enum ProviderSettings {
    /// The account's time zone, when a setting gives one.
    /// - Throws: ``CommandFailure`` for a name that is not an IANA zone, saying where it came from.
    static func timeZone(_ settings: ResolvedSettings) throws -> TimeZone? {
        guard let name = settings.text(.timezone) else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            throw CommandFailure.usage(
                "Unknown time zone '\(name)'\(settings.origin(of: .timezone)). "
                    + "Use an IANA name such as America/Los_Angeles, Pacific/Honolulu or UTC.")
        }
        return zone
    }

    /// Refuses connection settings given as flags together with `--sandbox`, which brings its own.
    /// - Throws: ``CommandFailure`` (usage) naming the flags to drop.
    static func refuseConnectionFlags(
        with options: ConnectionOptions, named keys: [SettingKey], settings: ResolvedSettings
    ) throws {
        let given = keys.filter { settings.source(of: $0) == .flag($0.flag ?? $0.rawValue) }
        guard !given.isEmpty else { return }
        let flags = given.compactMap(\.flag).joined(separator: ", ")
        throw CommandFailure.usage(
            "--sandbox starts its own server with its own credentials; drop \(flags), or drop --sandbox to use "
                + "them.")
    }
}

/// Errors of a real account's connection, told in the provider's words with what to do.
enum ProviderErrors {
    /// What a person should check for each kind of connection failure.
    struct Advice: Sendable {
        /// When the credentials are refused.
        var credentials: String
        /// When the server cannot be reached or has no such API.
        var baseURL: String
    }

    /// Runs `work`; a refusal of the credentials, an unreachable server and a server without the
    /// API become one paragraph naming the provider, where the settings came from and what to do.
    /// - Throws: ``CommandFailure`` for those, and anything else `work` throws unchanged.
    static func explaining(
        provider: String, settings: ResolvedSettings, advice: Advice, _ work: () async throws -> Void
    ) async throws {
        do {
            try await work()
        } catch let error as ATSError {
            let base = "\(settings.text(.baseURL) ?? "?")\(settings.origin(of: .baseURL))"
            switch error.code {
            case .unauthorized:
                throw CommandFailure.failed(
                    "\(provider) at \(base) refused the credentials: \(sentence(error.message)) \(advice.credentials)")
            case .transport:
                throw CommandFailure.failed(
                    "\(provider) could not be reached at \(base): \(sentence(error.message)) \(advice.baseURL)")
            // An optional endpoint an account lacks is not a wrong base URL; the core lists are.
            case .endpointMissing where coreOperations.contains(error.operation):
                throw CommandFailure.failed(
                    "\(base) does not answer like \(provider)'s API: \(sentence(error.message)) \(advice.baseURL)")
            default:
                throw error
            }
        }
    }

    private static let coreOperations: Set<String> = Set(
        [ATSOperation.streamJobs, .streamApplications, .streamCandidates, .job, .application].map(\.rawValue))

    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text + "."
    }
}
