import ATSCore
import Foundation

/// `bridge.json`: the source and target accounts, the job mapping, and the names of the
/// environment variables that hold the secrets (never the secrets themselves).
///
/// ```json
/// {
///   "source": {"provider": "workable", "base_url": "https://acme.workable.com/spi/v3",
///              "api_token_env": "WORKABLE_API_TOKEN"},
///   "target": {"provider": "tracker", "base_url": "https://api.applicant-tracking.com/api/v1",
///              "api_key": "acme", "api_password_env": "TRACKER_API_PASSWORD"},
///   "jobs": {"GROOV005": "1204", "03FF356C8B": "1207"}
/// }
/// ```
struct BridgeConfiguration: Sendable, Hashable {
    /// One side of the bridge: a provider account.
    struct Endpoint: Sendable, Hashable {
        /// `source` or `target`, for messages.
        var side: String
        /// The provider's name (`tracker`, `workable`).
        var provider: String
        /// The API root.
        var baseURL: String
        /// A non-secret account key given inline (Tracker's API key is the Basic-auth user name).
        var apiKey: String?
        /// The variable holding the API key, when it is not given inline.
        var apiKeyEnv: String?
        /// The variable holding the API password (Tracker).
        var apiPasswordEnv: String?
        /// The variable holding the API token (Workable).
        var apiTokenEnv: String?
        /// The account's IANA time zone.
        var timezone: String?
        /// Tracker RMS: the user name, when signing in with a user name and password.
        var username: String?
        /// Tracker RMS: the variable holding the REST token (files and resumes).
        var restTokenEnv: String?
        /// Where each setting was written, for messages ("line 4").
        var lines: [String: Int]

        /// "tracker https://…": how the journal's header names this side.
        var identity: String { "\(provider) \(baseURL)" }

        /// Where a key of this side was written: " (source.api_key_env, line 4)".
        func origin(_ key: String) -> String {
            " (\(side).\(key)\(lines[key].map { ", line \($0)" } ?? ""))"
        }
    }

    /// Where applications are read.
    var source: Endpoint
    /// Where they are found or created.
    var target: Endpoint
    /// Source job id → target job id.
    var jobs: [JobID: JobID]
    /// The `source` written on created applications; nil for the source provider's name.
    var sourceLabel: String?

    /// "workable https://… → tracker https://…": what the journal's header names.
    var identity: String { "\(source.identity) → \(target.identity)" }
}

/// Reads and checks `bridge.json`; every problem is reported with its key and line.
enum BridgeConfigurationReader {
    static let endpointKeys: Set<String> = [
        "provider", "base_url", "api_key", "api_key_env", "api_password_env", "api_token_env", "timezone",
        "username", "rest_token_env",
    ]
    static let topKeys: Set<String> = ["source", "target", "jobs", "source_label"]
    /// Keys that would hold a secret itself: refused, with the `_env` key to use instead.
    static let secretKeys: [String: String] = [
        "api_password": "api_password_env", "password": "api_password_env", "api_token": "api_token_env",
        "token": "api_token_env", "access_token": "api_token_env", "secret": "api_token_env",
        "api_secret": "api_token_env",
    ]

    /// Reads the file.
    /// - Throws: ``CommandFailure`` with exit status 2.
    static func read(path: String) throws -> BridgeConfiguration {
        guard FileManager.default.fileExists(atPath: path) else {
            throw failure("The bridge configuration \(path) does not exist. Give --config the path of bridge.json.")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw failure("Cannot read the bridge configuration \(path): \(error.localizedDescription).")
        }
        return try parse(data, name: path)
    }

    /// Parses a configuration's text.
    /// - Parameters:
    ///   - data: The JSON.
    ///   - name: The file's name, for messages.
    /// - Throws: ``CommandFailure`` with exit status 2.
    static func parse(_ data: Data, name: String) throws -> BridgeConfiguration {
        let text = String(decoding: data, as: UTF8.self)
        let locate = KeyLocator(text: text)
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw failure("\(name) must hold one JSON object with source, target and jobs.")
            }
            root = object
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw failure("\(name) is not valid JSON, \(syntaxProblem(error, in: text)).")
        }
        for key in root.keys.sorted() where !topKeys.contains(key) {
            throw failure(
                "\(name), line \(locate.line(of: [key])): unknown key '\(key)'. The keys are source, target, jobs "
                    + "and source_label.")
        }
        let source = try endpoint("source", in: root, locate: locate, name: name)
        let target = try endpoint("target", in: root, locate: locate, name: name)
        guard let jobsObject = root["jobs"] else {
            throw failure("\(name): the key 'jobs' is missing; map each source job id to a target job id.")
        }
        guard let jobsMap = jobsObject as? [String: Any], !jobsMap.isEmpty else {
            throw failure(
                "\(name), line \(locate.line(of: ["jobs"])): 'jobs' must be an object of source job id → target job "
                    + "id, with at least one job, e.g. {\"GROOV005\": \"1204\"}.")
        }
        var jobs: [JobID: JobID] = [:]
        for (sourceJob, value) in jobsMap.sorted(by: { $0.key < $1.key }) {
            let targetJob: String
            if let text = value as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                targetJob = text.trimmingCharacters(in: .whitespaces)
            } else if let number = value as? NSNumber, let integer = Int(exactly: number.doubleValue) {
                targetJob = String(integer)
            } else {
                throw failure(
                    "\(name), line \(locate.line(of: ["jobs", sourceJob])): jobs.\(sourceJob) must be the target job "
                        + "id, as text or a whole number.")
            }
            jobs[JobID(sourceJob.trimmingCharacters(in: .whitespaces))] = JobID(targetJob)
        }
        var label: String?
        if let value = root["source_label"] {
            guard let text = value as? String else {
                throw failure("\(name), line \(locate.line(of: ["source_label"])): source_label must be text.")
            }
            label = text
        }
        return BridgeConfiguration(source: source, target: target, jobs: jobs, sourceLabel: label)
    }

    private static func endpoint(_ side: String, in root: [String: Any], locate: KeyLocator, name: String) throws
        -> BridgeConfiguration.Endpoint
    {
        guard let value = root[side] else {
            throw failure(
                "\(name): the key '\(side)' is missing; give the \(side) account's provider, base_url and the names "
                    + "of the environment variables that hold its secrets.")
        }
        guard let object = value as? [String: Any] else {
            throw failure("\(name), line \(locate.line(of: [side])): '\(side)' must be an object.")
        }
        var lines: [String: Int] = [:]
        var texts: [String: String] = [:]
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let line = locate.line(of: [side, key])
            lines[key] = line
            if let envKey = secretKeys[key.lowercased()] {
                throw failure(
                    "\(name), line \(line): \(side).\(key) would hold a secret in the file. Put the secret in an "
                        + "environment variable and give its name as \(side).\(envKey) (for example "
                        + "\"\(envKey)\": \"\(side.uppercased())_\(envKey.dropLast(4).uppercased())\").")
            }
            guard endpointKeys.contains(key) else {
                throw failure(
                    "\(name), line \(line): unknown key '\(side).\(key)'. The keys of \(side) are "
                        + endpointKeys.sorted().joined(separator: ", ") + ".")
            }
            guard let text = value as? String else {
                throw failure("\(name), line \(line): \(side).\(key) must be text.")
            }
            if key.hasSuffix("_env") {
                // Variable names are upper case by convention; a long mixed or lower-case run of
                // letters and digits is a token pasted where its variable's name belongs.
                guard isVariableName(text), !(looksLikeSecret(text) && text.contains(where: \.isLowercase)) else {
                    throw failure(
                        "\(name), line \(line): \(side).\(key) must name an environment variable (letters, digits "
                            + "and _), not hold a value; '\(text.count > 4 ? "\(text.prefix(2))…" : "…")' does not look "
                            + "like a variable name, and may be the secret itself. Move the secret into a variable.")
                }
            } else if looksLikeSecret(text) {
                throw failure(
                    "\(name), line \(line): \(side).\(key) looks like a secret (a long random token). The bridge "
                        + "configuration holds no secrets: put it in an environment variable and name the variable "
                        + "in an _env key.")
            }
            texts[key] = text
        }
        guard let provider = texts["provider"] else {
            throw failure(
                "\(name), line \(locate.line(of: [side])): \(side).provider is missing (tracker or workable).")
        }
        guard let baseURL = texts["base_url"] else {
            throw failure("\(name), line \(locate.line(of: [side])): \(side).base_url is missing (the API root).")
        }
        if let url = URLComponents(string: baseURL), url.user != nil || url.password != nil {
            throw failure(
                "\(name), line \(lines["base_url"] ?? 0): \(side).base_url carries credentials in it; give the URL "
                    + "without them and name the variables that hold them.")
        }
        return BridgeConfiguration.Endpoint(
            side: side, provider: provider.lowercased(), baseURL: baseURL, apiKey: texts["api_key"],
            apiKeyEnv: texts["api_key_env"], apiPasswordEnv: texts["api_password_env"],
            apiTokenEnv: texts["api_token_env"], timezone: texts["timezone"], username: texts["username"],
            restTokenEnv: texts["rest_token_env"], lines: lines)
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first,
            first == "_" || (first.isASCII && CharacterSet.letters.contains(first))
        else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    /// A long run of token characters mixing letters and digits, with no spaces, dots or slashes:
    /// an API key or token pasted into the file.
    static func looksLikeSecret(_ text: String) -> Bool {
        guard text.count >= 24 else { return false }
        let tokenCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_+=~"))
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && tokenCharacters.contains($0) }) else { return false }
        return text.contains(where: \.isLetter) && text.contains(where: \.isNumber)
    }

    /// The parser's complaint with its place as a line and column: Foundation says "around character N"
    /// (a byte offset), which a person cannot find in an editor.
    static func syntaxProblem(_ error: any Error, in text: String) -> String {
        var described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        while described.hasSuffix(".") { described.removeLast() }
        guard let marker = described.range(of: "around character "),
            let offset = Int(described[marker.upperBound...].prefix { $0.isNumber })
        else { return described }
        let before = text.utf8.prefix(offset)
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column =
            before.count
            - (before.lastIndex(of: UInt8(ascii: "\n")).map { before.distance(from: before.startIndex, to: $0) + 1 }
                ?? 0) + 1
        return "line \(line), column \(column): " + described[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
    }

    static func failure(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: BridgeCommand.configurationErrorStatus)
    }
}

/// Finds the line a key path was written on, by searching the text for each key in turn.
struct KeyLocator {
    let text: String

    /// The 1-based line of the last key of `path`, each key searched after the previous one's place;
    /// the line of the last key found when one is not found.
    func line(of path: [String]) -> Int {
        var start = text.startIndex
        var found = text.startIndex
        for key in path {
            guard let range = text.range(of: "\"\(key)\"", range: start..<text.endIndex) else { break }
            found = range.lowerBound
            start = range.upperBound
        }
        return text[..<found].count { $0 == "\n" } + 1
    }
}
