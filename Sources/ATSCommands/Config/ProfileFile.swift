import Foundation
import TOMLKit

/// One named profile of the configuration file: an account's connection settings.
///
/// A profile never holds the API password: it names the environment variable that does
/// (`api_password_env`), so the file can be kept, copied and shown without the secret.
struct Profile: Sendable, Equatable {
    /// The profile's name (the `NAME` of `[profiles.NAME]`).
    var name: String
    var provider: String?
    var baseURL: String?
    var apiKey: String?
    /// The name of the environment variable holding the API password.
    var apiPasswordEnv: String?
    /// Tracker RMS: the user's e-mail address.
    var username: String?
    /// Tracker RMS: the name of the environment variable holding the user's password.
    var passwordEnv: String?
    /// Tracker RMS: the name of the environment variable holding the REST API token (documents).
    var restTokenEnv: String?
    /// Workable: the name of the environment variable holding the API token.
    var apiTokenEnv: String?
    /// Workable: the member whom moves, disqualifications and comments are recorded against.
    var memberID: String?
    var timezone: String?
    var rejectionStatus: String?
    var knownStages: [String]?
    var rateLimit: Double?
    var database: String?
    /// The line of each key in the file, for messages, when it could be found.
    var lines: [String: Int] = [:]

    /// The environment variable this profile names for a secret setting, and the profile key that
    /// names it (`api_password_env` …), when it names one.
    func secretVariable(of key: SettingKey) -> (variable: String, key: String)? {
        let named: (String?, String)? =
            switch key {
            case .apiPassword: (apiPasswordEnv, "api_password_env")
            case .password: (passwordEnv, "password_env")
            case .restToken: (restTokenEnv, "rest_token_env")
            case .apiToken: (apiTokenEnv, "api_token_env")
            default: nil
            }
        guard let (variable, profileKey) = named, let variable else { return nil }
        return (variable, profileKey)
    }
}

/// The `ats` configuration file: named profiles, and which one is used when none is named.
///
/// ```toml
/// default_profile = "acme"
///
/// [profiles.acme]
/// base_url = "https://api.applicant-tracking.com/api/v1"
/// api_key = "3f9a…"
/// api_password_env = "ACME_TRACKER_PASSWORD"
/// timezone = "America/Chicago"
/// ```
struct ProfileFile: Sendable, Equatable {
    /// Where the file is.
    var path: String
    /// The profiles by name.
    var profiles: [String: Profile]
    /// The profile used when neither `--profile` nor `ATS_PROFILE` names one.
    var defaultProfile: String?

    /// The keys a profile may have.
    static let profileKeys = [
        "provider", "base_url", "api_key", "api_password_env", "username", "password_env", "rest_token_env",
        "api_token_env", "member_id", "timezone", "rejection_status", "known_stages", "rate_limit", "database",
    ]

    /// Keys that would hold a secret itself, refused with a pointer to `api_password_env`.
    static let literalSecretKeys: Set<String> = [
        "api_password", "password", "api_secret", "secret", "token", "candidate_id_secret", "api_token", "rest_token",
    ]

    /// Reads and checks the file.
    /// - Parameter path: The file.
    /// - Returns: The profiles.
    /// - Throws: ``CommandFailure`` naming the file (and line) for a file that cannot be read, is not
    ///   TOML, has an unknown key or a value of the wrong type, or is readable by other users while it
    ///   holds an API key or a database password.
    static func load(path: String) throws -> ProfileFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure.usage("Cannot read the configuration file \(path): \(Self.reason(error)).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.usage("The configuration file \(path) is not UTF-8 text.")
        }
        let file = try parse(text, path: path)
        try checkPermissions(of: file)
        return file
    }

    /// Parses the text of a configuration file.
    /// - Throws: ``CommandFailure`` naming the file and line of the first problem.
    static func parse(_ text: String, path: String) throws -> ProfileFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CommandFailure.usage(
                "\(path):\(error.source.begin.line): not valid TOML: \(error.description). "
                    + "See docs/CONFIGURATION.md for the format.")
        } catch {
            throw CommandFailure.usage("\(path): not valid TOML: \(error).")
        }
        let lines = KeyLines(text)
        var file = ProfileFile(path: path, profiles: [:], defaultProfile: nil)
        for key in table.keys {
            let line = lines.line(of: key, in: "")
            switch key {
            case "default_profile":
                file.defaultProfile = try string(table[key], key: key, path: path, line: line)
            case "profiles":
                guard let profiles = table[key]?.table else {
                    throw problem(path, line, "'profiles' must be a table of [profiles.NAME] sections.")
                }
                for name in profiles.keys {
                    guard let section = profiles[name]?.table else {
                        throw problem(
                            path, lines.line(of: name, in: "profiles"),
                            "'profiles.\(name)' must be a [profiles.\(name)] section of keys.")
                    }
                    file.profiles[name] = try profile(name, section, path: path, lines: lines)
                }
            default:
                throw problem(
                    path, line,
                    "unknown key '\(key)'. At the top level only default_profile and [profiles.NAME] sections are "
                        + "allowed.")
            }
        }
        if let name = file.defaultProfile, file.profiles[name] == nil {
            throw problem(
                path, lines.line(of: "default_profile", in: ""),
                "default_profile names '\(name)', but there is no [profiles.\(name)] section.")
        }
        return file
    }

    private static func profile(_ name: String, _ section: TOMLTable, path: String, lines: KeyLines) throws
        -> Profile
    {
        var profile = Profile(name: name)
        let scope = "profiles.\(name)"
        for key in section.keys {
            let line = lines.line(of: key, in: scope)
            if let line { profile.lines[key] = line }
            let value = section[key]
            switch key {
            case "provider": profile.provider = try string(value, key: key, path: path, line: line)
            case "base_url": profile.baseURL = try string(value, key: key, path: path, line: line)
            case "api_key": profile.apiKey = try string(value, key: key, path: path, line: line)
            case "api_password_env", "password_env", "rest_token_env", "api_token_env":
                let variable = try string(value, key: key, path: path, line: line)
                guard variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !variable.isEmpty else {
                    throw problem(
                        path, line,
                        "\(key) must be the NAME of an environment variable (letters, digits, _), such "
                            + "as \"ACME_TRACKER_PASSWORD\", not the secret itself.")
                }
                switch key {
                case "password_env": profile.passwordEnv = variable
                case "rest_token_env": profile.restTokenEnv = variable
                case "api_token_env": profile.apiTokenEnv = variable
                default: profile.apiPasswordEnv = variable
                }
            case "username": profile.username = try string(value, key: key, path: path, line: line)
            case "member_id": profile.memberID = try string(value, key: key, path: path, line: line)
            case "timezone": profile.timezone = try string(value, key: key, path: path, line: line)
            case "rejection_status": profile.rejectionStatus = try string(value, key: key, path: path, line: line)
            case "database": profile.database = try string(value, key: key, path: path, line: line)
            case "known_stages":
                let names = value?.array?.compactMap(\.string)
                guard let names, names.count == value?.array?.count else {
                    throw problem(path, line, "known_stages must be a list of status names, like [\"New\", \"Hired\"].")
                }
                profile.knownStages = names
            case "rate_limit":
                guard let rate = value?.double ?? value?.int.map(Double.init), rate > 0, rate.isFinite else {
                    throw problem(path, line, "rate_limit must be a number of requests per second above 0, like 5.")
                }
                profile.rateLimit = rate
            default:
                if literalSecretKeys.contains(key) {
                    throw problem(
                        path, line,
                        "'\(key)' would keep a secret in the file, which ats refuses. Put the secret in an "
                            + "environment variable and name it: api_password_env (tracker), password_env or "
                            + "rest_token_env (tracker-rms), api_token_env (workable), e.g. "
                            + "api_password_env = \"ACME_TRACKER_PASSWORD\".")
                }
                throw problem(
                    path, line,
                    "unknown key '\(key)' in [\(scope)]. A profile may have: "
                        + profileKeys.joined(separator: ", ") + ".")
            }
        }
        return profile
    }

    private static func string(_ value: (any TOMLValueConvertible)?, key: String, path: String, line: Int?) throws
        -> String
    {
        guard let text = value?.string else {
            throw problem(path, line, "\(key) must be a string in double quotes.")
        }
        return text
    }

    static func problem(_ path: String, _ line: Int?, _ message: String) -> CommandFailure {
        CommandFailure.usage("\(path)\(line.map { ":\($0)" } ?? ""): \(message)")
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            switch code {
            case .ENOENT: return "no such file"
            case .EACCES: return "permission denied"
            case .EISDIR: return "it is a directory"
            default: break
            }
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}

/// The line of each `key = value` in a TOML text, by the `[section]` it is under.
///
/// TOMLKit reports positions of syntax errors only; this finds keys by a plain scan, which covers
/// the file's documented shape (sections and `key = value` lines). A key it cannot place (a dotted
/// key, an inline table) simply has no line in messages.
private struct KeyLines {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                section = Self.unquoted(String(inner))
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = Self.unquoted(String(line[..<equals]))
            let id = section + "\u{1F}" + key
            if lines[id] == nil { lines[id] = index + 1 }
        }
    }

    func line(of key: String, in section: String) -> Int? { lines[section + "\u{1F}" + key] }

    private static func unquoted(_ text: String) -> String {
        text.split(separator: ".").map { part in
            part.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.joined(separator: ".")
    }
}
