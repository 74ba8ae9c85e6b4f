import Foundation

/// Where the configuration file is: `--config`, else `ATS_CONFIG`, else the platform's place for
/// a user's configuration.
struct ConfigLocation: Sendable, Equatable {
    /// How the path was chosen.
    enum Origin: Sendable, Equatable {
        case flag
        case environment
        case platformDefault
    }

    /// The file's path.
    var path: String
    /// How it was chosen; an explicitly named file must exist, the default one may not.
    var origin: Origin

    /// The location the flag, the environment and the platform give.
    /// - Parameters:
    ///   - flag: `--config`, when given.
    ///   - environment: The process environment.
    static func resolve(flag: String?, environment: [String: String]) -> ConfigLocation {
        if let flag, !flag.isEmpty { return ConfigLocation(path: flag, origin: .flag) }
        if let path = environment["ATS_CONFIG"], !path.isEmpty {
            return ConfigLocation(path: path, origin: .environment)
        }
        return ConfigLocation(path: defaultPath(environment: environment), origin: .platformDefault)
    }

    /// The platform's default: `~/Library/Application Support/ats/config.toml` on macOS;
    /// `$XDG_CONFIG_HOME/ats/config.toml`, or `~/.config/ats/config.toml`, elsewhere.
    ///
    /// The home folder is `HOME` of the given environment only: without it (a test's empty
    /// environment) the path stays `~/…`, which names no file, so nothing outside is read.
    static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "~"
        #if os(macOS)
            return home + "/Library/Application Support/ats/config.toml"
        #else
            // The XDG base-directory rule: a relative XDG_CONFIG_HOME is invalid and ignored.
            if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/ats/config.toml" }
            return home + "/.config/ats/config.toml"
        #endif
    }

    /// What `ats config path` and `config show` say about where the path came from.
    var originDescription: String {
        switch origin {
        case .flag: "--config"
        case .environment: "ATS_CONFIG"
        case .platformDefault: "the default location"
        }
    }

    /// Whether a file is there.
    var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The file's profiles: none when the default file is missing.
    /// - Throws: ``CommandFailure`` for a named file that is missing, or a file that is not valid.
    func load() throws -> ProfileFile? {
        guard exists else {
            guard origin == .platformDefault else {
                throw CommandFailure.usage(
                    "No configuration file at \(path) (from \(originDescription)). Create it (see "
                        + "docs/CONFIGURATION.md) or point \(originDescription) at an existing file.")
            }
            return nil
        }
        return try ProfileFile.load(path: path)
    }
}
