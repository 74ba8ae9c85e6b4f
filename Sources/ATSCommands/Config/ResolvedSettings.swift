import ATSCore
import Configuration
import Foundation

/// A setting's value.
enum SettingValue: Sendable, Equatable {
    case text(String)
    case list([String])
    case number(Double)

    var content: ConfigContent {
        switch self {
        case .text(let text): .string(text)
        case .list(let list): .stringArray(list)
        case .number(let number): .double(number)
        }
    }
}

/// The settings of one run: flags over the environment over the chosen profile over the defaults,
/// each with where it came from (for `ats config show` and for messages).
struct ResolvedSettings: Sendable {
    /// One setting's value and source.
    struct Entry: Sendable, Equatable {
        var value: SettingValue?
        var source: SettingSource
    }

    /// The configuration file's location.
    var location: ConfigLocation
    /// Whether the file was there.
    var fileExists: Bool
    /// The profile used, if any.
    var profile: Profile?
    /// What chose the profile: `--profile`, `ATS_PROFILE` or the file's `default_profile`.
    var profileChosenBy: String?
    /// Every setting.
    var entries: [SettingKey: Entry]

    /// A text setting, when given.
    func text(_ key: SettingKey) -> String? {
        if case .text(let text)? = entries[key]?.value { return text }
        return nil
    }

    /// The chosen provider's name (`tracker` when nothing chooses one), in lower case.
    var provider: ATSProvider {
        ATSProvider(rawValue: (text(.provider) ?? "tracker").trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Where a setting came from.
    func source(of key: SettingKey) -> SettingSource { entries[key]?.source ?? .unset }

    /// The status names the account is known to have.
    var knownStages: [String] {
        if case .list(let list)? = entries[.knownStages]?.value { return list }
        return []
    }

    /// Requests per second at most, when given.
    var rateLimit: Double? {
        if case .number(let rate)? = entries[.rateLimit]?.value { return rate }
        return nil
    }

    /// What a message says about where a setting came from: " (from flag --timezone)".
    func origin(of key: SettingKey) -> String { " (from \(source(of: key)))" }
}
