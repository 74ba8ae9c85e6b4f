import ATSCore
import Configuration
import Foundation

/// A setting of an account's connection that flags, the environment and a profile can give.
enum SettingKey: String, CaseIterable, Sendable {
    case provider
    case baseURL = "base_url"
    case apiKey = "api_key"
    case apiPassword = "api_password"
    case username
    case password
    case restToken = "rest_token"
    case apiToken = "api_token"
    case memberID = "member_id"
    case timezone
    case rejectionStatus = "rejection_status"
    case knownStages = "known_stages"
    case rateLimit = "rate_limit"
    case database

    /// The key in swift-configuration's namespace, for the default provider (tracker).
    var configKey: ConfigKey { configKey(for: .tracker) }

    /// The key in swift-configuration's namespace for a provider. The environment provider spells a
    /// key by joining its parts with `_` in capitals, so `tracker.base_url` is read from
    /// `TRACKER_BASE_URL` and `tracker_rms.base_url` from `TRACKER_RMS_BASE_URL`.
    func configKey(for provider: ATSProvider) -> ConfigKey { ConfigKey([namespace(for: provider), rawValue]) }

    /// The environment variable that gives it to the default provider (tracker).
    var environmentName: String { environmentName(for: .tracker) }

    /// The environment variable that gives it to a provider: each provider reads its own
    /// (`TRACKER_API_KEY`, `TRACKER_RMS_API_KEY`, `WORKABLE_API_TOKEN`), so that one shell can hold
    /// the settings of several providers without one's reaching another.
    func environmentName(for provider: ATSProvider) -> String {
        "\(namespace(for: provider))_\(rawValue)".uppercased()
    }

    /// The flag that gives it, on the commands that have it.
    var flag: String? {
        switch self {
        case .knownStages: "--known-stage"
        default: "--" + rawValue.replacingOccurrences(of: "_", with: "-")
        }
    }

    /// Whether its value is never shown.
    var isSecret: Bool { [.apiKey, .apiPassword, .password, .restToken, .apiToken].contains(self) }

    /// The settings that concern a provider, in display order: the shared ones and its own.
    /// A provider this list does not name (one a test registers) is given Tracker's.
    static func keys(for provider: ATSProvider) -> [SettingKey] {
        allCases.filter { $0.applies(to: provider) }
    }

    /// Whether a provider reads this setting.
    func applies(to provider: ATSProvider) -> Bool {
        switch self {
        case .provider, .baseURL, .rateLimit, .database: return true
        default: break
        }
        switch provider.rawValue {
        case "tracker-rms":
            return [.apiKey, .username, .password, .restToken, .timezone, .rejectionStatus, .knownStages]
                .contains(self)
        case "workable": return [.apiToken, .memberID].contains(self)
        default: return [.apiKey, .apiPassword, .timezone, .rejectionStatus, .knownStages].contains(self)
        }
    }

    /// The value used when nothing gives one, with what it means.
    var defaultValue: String? {
        switch self {
        case .provider: "tracker"
        case .database: "tracker.sqlite"
        default: nil
        }
    }

    /// `ats` for the settings of every provider; the provider's name in snake case for its own.
    private func namespace(for provider: ATSProvider) -> String {
        switch self {
        case .provider, .rateLimit, .database: "ats"
        default: provider.rawValue.lowercased().replacingOccurrences(of: "-", with: "_")
        }
    }
}

/// Where a resolved setting came from.
enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line flag.
    case flag(String)
    /// An environment variable.
    case environment(String)
    /// A key of a profile in the configuration file.
    case profile(name: String, path: String, line: Int?)
    /// The environment variable a profile's `api_password_env` (or another `*_env` key) names.
    case passwordVariable(String, profile: String, key: String = "api_password_env")
    /// The built-in default.
    case defaultValue
    /// Nothing gave it.
    case unset

    var description: String {
        switch self {
        case .flag(let flag): "flag \(flag)"
        case .environment(let name): "environment \(name)"
        case .profile(let name, let path, let line): "profile '\(name)' (\(path)\(line.map { ":\($0)" } ?? ""))"
        case .passwordVariable(let variable, let profile, let key): "environment \(variable) (\(key) of '\(profile)')"
        case .defaultValue: "default"
        case .unset: "not set"
        }
    }

    /// The description without the file's path (`ats config show` prints it once, above).
    var brief: String {
        guard case .profile(let name, _, let line) = self else { return description }
        return "profile '\(name)'" + (line.map { ", line \($0)" } ?? "")
    }
}
