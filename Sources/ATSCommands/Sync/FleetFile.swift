import Foundation
import TrackerAPI

/// `ats sync --accounts FILE`: the accounts a fleet of workers shares out.
///
/// A JSON array of objects; passwords are never in the file, only the name of the environment
/// variable that holds each one:
///
/// ```json
/// [{"name": "acme", "base_url": "https://api.applicant-tracking.com/api/v1",
///   "api_key": "…", "api_password_env": "ACME_TRACKER_PASSWORD", "timezone": "America/Chicago"}]
/// ```
struct FleetFile {
    struct Account: Decodable {
        var name: String
        var baseURL: String
        var apiKey: String
        var apiPasswordEnv: String
        var timezone: String?

        enum CodingKeys: String, CodingKey {
            case name
            case baseURL = "base_url"
            case apiKey = "api_key"
            case apiPasswordEnv = "api_password_env"
            case timezone
        }
    }

    var accounts: [Account]

    /// Reads and checks the file.
    /// - Throws: ``CommandFailure`` naming the file and what is wrong with it.
    init(path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure.usage("Cannot read the accounts file \(path): \(error.localizedDescription).")
        }
        do {
            accounts = try JSONDecoder().decode([Account].self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw CommandFailure.usage(
                "The accounts file \(path) lacks \"\(key.stringValue)\" in entry \(Self.entry(context.codingPath)). "
                    + "Each entry needs name, base_url, api_key and api_password_env (timezone is optional).")
        } catch {
            throw CommandFailure.usage(
                "The accounts file \(path) is not a JSON array of accounts: \(Self.reason(error)). Each entry needs "
                    + "name, base_url, api_key and api_password_env (timezone is optional).")
        }
        guard !accounts.isEmpty else { throw CommandFailure.usage("The accounts file \(path) lists no accounts.") }
        var seen: Set<String> = []
        for account in accounts where !seen.insert(account.name).inserted {
            throw CommandFailure.usage("The accounts file \(path) names the account '\(account.name)' twice.")
        }
    }

    /// An account's connection, with its password from the environment.
    /// - Throws: ``CommandFailure`` when the password variable is unset or the zone unknown.
    static func connection(
        for account: Account,
        environment: [String: String],
        candidateIDSecret: [UInt8]?
    ) throws -> ConnectionOptions.Connection {
        guard let password = environment[account.apiPasswordEnv], !password.isEmpty else {
            throw CommandFailure.usage(
                "The password of account '\(account.name)' is read from $\(account.apiPasswordEnv), which is not set.")
        }
        var zone: TimeZone?
        if let name = account.timezone {
            guard let known = TimeZone(identifier: name) else {
                throw CommandFailure.usage("Account '\(account.name)' has an unknown time zone '\(name)'.")
            }
            zone = known
        }
        var configuration = TrackerAPI.Configuration(
            baseURL: account.baseURL, apiKey: account.apiKey, apiPassword: password, accountTimeZone: zone)
        configuration.timeouts.connect = .seconds(5)
        return ConnectionOptions.Connection(
            configuration: configuration, timeZone: zone, knownStatuses: [], candidateIDSecret: candidateIDSecret)
    }

    private static func entry(_ path: [any CodingKey]) -> String {
        path.first?.intValue.map { "#\($0 + 1)" } ?? "?"
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "entry \(entry(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            context.debugDescription
        default:
            "\(error)"
        }
    }
}
