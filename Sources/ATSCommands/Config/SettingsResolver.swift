import ATSCore
import Configuration
import Foundation
import Synchronization

/// Resolves ``ResolvedSettings`` with swift-configuration: one provider per layer, in precedence
/// order, and an access reporter that notes which layer answered each key.
enum SettingsResolver {
    /// The settings the flags, the environment and the configuration file give.
    /// - Parameters:
    ///   - configFlag: `--config`, when given.
    ///   - profileFlag: `--profile`, when given.
    ///   - flags: The settings given as flags.
    ///   - environment: The process environment.
    ///   - implicitProfile: Whether `ATS_PROFILE` and the file's `default_profile` choose a profile
    ///     (false for `--sandbox`, so that a default account's mirror or settings never meet sandbox data).
    /// - Throws: ``CommandFailure`` for a bad configuration file, a missing profile, or a value of the
    ///   wrong type (naming where it came from).
    static func resolve(
        configFlag: String?,
        profileFlag: String?,
        flags: [SettingKey: SettingValue],
        environment: [String: String],
        implicitProfile: Bool = true
    ) throws -> ResolvedSettings {
        let location = ConfigLocation.resolve(flag: configFlag, environment: environment)
        let file = try location.load()
        var chooser = environment
        if !implicitProfile { chooser["ATS_PROFILE"] = nil }
        let (profile, chosenBy) = try chooseProfile(
            flag: profileFlag, environment: chooser, file: implicitProfile ? file : file.map(\.withoutDefault),
            at: location)
        let given = environment.filter { !$0.value.isEmpty }
        // The provider first (its key is the same for every provider), then every setting under the
        // chosen provider's names: `--provider workable` reads WORKABLE_API_TOKEN, never TRACKER_API_KEY.
        let chosen = try read(
            [.provider], provider: .tracker, flags: flags, environment: given, profile: profile, location: location)
        let providerName = chosen[.provider]?.value.flatMap { value -> String? in
            if case .text(let text) = value { return text }
            return nil
        }
        let provider = ATSProvider(
            rawValue: (providerName ?? "tracker").trimmingCharacters(in: .whitespaces).lowercased())
        let entries = try read(
            SettingKey.allCases, provider: provider, flags: flags, environment: given, profile: profile,
            location: location)
        if let rate = entries[.rateLimit].flatMap({ $0.value }), case .number(let number) = rate,
            !(number > 0 && number.isFinite)
        {
            throw CommandFailure.usage(
                "rate_limit (from \(entries[.rateLimit]?.source ?? .unset)) must be a number of requests per second "
                    + "above 0, not \(number).")
        }
        let settings = ResolvedSettings(
            location: location, fileExists: file != nil, profile: profile, profileChosenBy: chosenBy,
            entries: entries)
        // An unknown provider is refused here, with the known ones, before anything connects.
        _ = try ProviderRegistry.active.registration(for: settings)
        return settings
    }

    /// Reads `keys` through the four layers, under `provider`'s environment names.
    private static func read(
        _ keys: [SettingKey],
        provider: ATSProvider,
        flags: [SettingKey: SettingValue],
        environment given: [String: String],
        profile: Profile?,
        location: ConfigLocation
    ) throws -> [SettingKey: ResolvedSettings.Entry] {
        var profileValues: [AbsoluteConfigKey: ConfigValue] = [:]
        if let profile {
            for (key, value) in Self.values(of: profile, environment: given) {
                profileValues[AbsoluteConfigKey(key.configKey(for: provider))] = ConfigValue(
                    value.content, isSecret: key.isSecret)
            }
        }
        var defaults: [AbsoluteConfigKey: ConfigValue] = [:]
        for key in SettingKey.allCases {
            if let value = key.defaultValue {
                defaults[AbsoluteConfigKey(key.configKey(for: provider))] = ConfigValue(
                    .string(value), isSecret: false)
            }
        }
        var flagValues: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, value) in flags {
            flagValues[AbsoluteConfigKey(key.configKey(for: provider))] = ConfigValue(
                value.content, isSecret: key.isSecret)
        }
        let secretVariables = SettingKey.allCases.filter(\.isSecret).map { $0.environmentName(for: provider) }
        let recorder = LayerRecorder()
        let reader = ConfigReader(
            providers: [
                InMemoryProvider(name: "flags", values: flagValues),
                EnvironmentVariablesProvider(
                    environmentVariables: given, secretsSpecifier: .specific(Set(secretVariables))),
                InMemoryProvider(name: "profile", values: profileValues),
                InMemoryProvider(name: "defaults", values: defaults),
            ],
            accessReporter: recorder)
        var entries: [SettingKey: ResolvedSettings.Entry] = [:]
        for key in keys {
            let configKey = key.configKey(for: provider)
            let value: SettingValue?
            switch key {
            case .knownStages:
                value = reader.stringArray(forKey: configKey).map { list in
                    .list(list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                }
            case .rateLimit: value = reader.double(forKey: configKey).map(SettingValue.number)
            default: value = reader.string(forKey: configKey, isSecret: key.isSecret).map(SettingValue.text)
            }
            let layer = recorder.layer(of: configKey)
            let source = Self.source(
                key, provider: provider, layer: layer?.index, profile: profile, location: location)
            if layer?.failed == true {
                throw CommandFailure.usage("\(source) does not give \(key.rawValue) a valid \(Self.kind(of: key)).")
            }
            entries[key] = ResolvedSettings.Entry(value: value, source: value == nil ? .unset : source)
        }
        return entries
    }

    private static func chooseProfile(
        flag: String?,
        environment: [String: String],
        file: ProfileFile?,
        at location: ConfigLocation
    ) throws -> (Profile?, String?) {
        let named: (String, String)?
        if let flag, !flag.isEmpty {
            named = (flag, "--profile")
        } else if let variable = environment["ATS_PROFILE"], !variable.isEmpty {
            named = (variable, "ATS_PROFILE")
        } else {
            named = file?.defaultProfile.map { ($0, "default_profile") }
        }
        guard let (name, chosenBy) = named else { return (nil, nil) }
        guard let file else {
            throw CommandFailure.usage(
                "\(chosenBy) names the profile '\(name)', but there is no configuration file at \(location.path) "
                    + "(\(location.originDescription)). Create it with a [profiles.\(name)] section "
                    + "(docs/CONFIGURATION.md), or pass --config PATH.")
        }
        guard let profile = file.profiles[name] else {
            let known = file.profiles.keys.sorted()
            throw CommandFailure.usage(
                "\(chosenBy) names the profile '\(name)', but \(file.path) has no [profiles.\(name)] section; "
                    + (known.isEmpty
                        ? "it has no profiles."
                        : "its profiles are: \(known.joined(separator: ", ")).")
            )
        }
        return (profile, chosenBy)
    }

    /// A profile's settings; the password is read from the variable the profile names.
    private static func values(of profile: Profile, environment: [String: String]) -> [SettingKey: SettingValue] {
        var values: [SettingKey: SettingValue] = [:]
        values[.provider] = profile.provider.map(SettingValue.text)
        values[.baseURL] = profile.baseURL.map(SettingValue.text)
        values[.apiKey] = profile.apiKey.map(SettingValue.text)
        values[.apiPassword] = profile.apiPasswordEnv.flatMap { environment[$0] }.map(SettingValue.text)
        values[.username] = profile.username.map(SettingValue.text)
        values[.password] = profile.passwordEnv.flatMap { environment[$0] }.map(SettingValue.text)
        values[.restToken] = profile.restTokenEnv.flatMap { environment[$0] }.map(SettingValue.text)
        values[.apiToken] = profile.apiTokenEnv.flatMap { environment[$0] }.map(SettingValue.text)
        values[.memberID] = profile.memberID.map(SettingValue.text)
        values[.timezone] = profile.timezone.map(SettingValue.text)
        values[.rejectionStatus] = profile.rejectionStatus.map(SettingValue.text)
        values[.knownStages] = profile.knownStages.map(SettingValue.list)
        values[.rateLimit] = profile.rateLimit.map(SettingValue.number)
        values[.database] = profile.database.map(SettingValue.text)
        return values
    }

    private static func source(
        _ key: SettingKey, provider: ATSProvider, layer: Int?, profile: Profile?, location: ConfigLocation
    ) -> SettingSource {
        switch layer {
        case 0: return .flag(key.flag ?? key.rawValue)
        case 1: return .environment(key.environmentName(for: provider))
        case 2:
            guard let profile else { return .unset }
            if let (variable, profileKey) = profile.secretVariable(of: key) {
                return .passwordVariable(variable, profile: profile.name, key: profileKey)
            }
            return .profile(name: profile.name, path: location.path, line: profile.lines[key.rawValue])
        case 3: return .defaultValue
        default: return .unset
        }
    }

    private static func kind(of key: SettingKey) -> String {
        switch key {
        case .knownStages: "list of names"
        case .rateLimit: "number"
        default: "text"
        }
    }
}

extension ProfileFile {
    /// The file without its `default_profile`.
    fileprivate var withoutDefault: ProfileFile {
        var file = self
        file.defaultProfile = nil
        return file
    }
}

/// Notes which provider (by position) answered each key, or failed to.
private final class LayerRecorder: AccessReporter, Sendable {
    struct Layer {
        var index: Int
        var failed: Bool
    }

    private let layers = Mutex<[String: Layer]>([:])

    func report(_ event: AccessEvent) {
        let answered = event.providerResults.firstIndex { result in
            switch result.result {
            case .success(let lookup): lookup.value != nil
            case .failure: true
            }
        }
        guard let answered else { return }
        var failed = false
        if case .failure = event.providerResults[answered].result { failed = true }
        let key = event.metadata.key.components.joined(separator: ".")
        layers.withLock { $0[key] = Layer(index: answered, failed: failed) }
    }

    func layer(of key: ConfigKey) -> Layer? {
        layers.withLock { $0[key.components.joined(separator: ".")] }
    }
}
