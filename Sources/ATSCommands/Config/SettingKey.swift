import Configuration
import Foundation

/// A setting of an account's connection that flags, the environment and a profile can give.
enum SettingKey: String, CaseIterable, Sendable {
    case provider
    case baseURL = "base_url"
    case apiKey = "api_key"
    case apiPassword = "api_password"
    case timezone
    case rejectionStatus = "rejection_status"
    case knownStages = "known_stages"
    case rateLimit = "rate_limit"
    case database

    /// The key in swift-configuration's namespace. The environment provider spells a key by joining
    /// its parts with `_` in capitals, so `tracker.base_url` is read from `TRACKER_BASE_URL`.
    var configKey: ConfigKey { ConfigKey([namespace, rawValue]) }

    /// The environment variable that gives it.
    var environmentName: String { "\(namespace)_\(rawValue)".uppercased() }

    /// The flag that gives it, on the commands that have it.
    var flag: String? {
        switch self {
        case .knownStages: "--known-stage"
        default: "--" + rawValue.replacingOccurrences(of: "_", with: "-")
        }
    }

    /// Whether its value is never shown.
    var isSecret: Bool { self == .apiKey || self == .apiPassword }

    /// The value used when nothing gives one, with what it means.
    var defaultValue: String? {
        switch self {
        case .provider: "tracker"
        case .database: "tracker.sqlite"
        default: nil
        }
    }

    private var namespace: String {
        switch self {
        case .provider, .rateLimit, .database: "ats"
        default: "tracker"
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
    /// The environment variable a profile's `api_password_env` names.
    case passwordVariable(String, profile: String)
    /// The built-in default.
    case defaultValue
    /// Nothing gave it.
    case unset

    var description: String {
        switch self {
        case .flag(let flag): "flag \(flag)"
        case .environment(let name): "environment \(name)"
        case .profile(let name, let path, let line): "profile '\(name)' (\(path)\(line.map { ":\($0)" } ?? ""))"
        case .passwordVariable(let variable, let profile): "environment \(variable) (api_password_env of '\(profile)')"
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
