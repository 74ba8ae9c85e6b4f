import Crypto
import Foundation
public import TrackerAPI

/// The name a mirror gives a Tracker account, so that rows of several accounts can share a database.
///
/// It is the API's host and path plus a short digest of the API key (never the key itself): two
/// companies on the shared `api.applicant-tracking.com` host get different names, and the same
/// account gets the same name on every run and every machine.
public enum TrackerAccountName {
    /// The default name of the account a configuration signs in to.
    /// - Parameter configuration: The API configuration.
    /// - Returns: For example `api.applicant-tracking.com/api/v1#3fa2c81b09d4`.
    public static func of(_ configuration: TrackerAPI.Configuration) -> String {
        let url = URL(string: configuration.baseURL)
        var place = (url?.host ?? configuration.baseURL) + (url?.port.map { ":\($0)" } ?? "")
        place += url?.path ?? ""
        if let company = configuration.companyID?.rawValue {
            place += "/companies/\(company)"
        }
        let digest = SHA256.hash(data: Array(("ATSKit account v1\u{0}" + configuration.apiKey).utf8))
        let hex = digest.prefix(6).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 0x10 ? "0" + digits : digits
        }
        return place + "#" + hex.joined()
    }
}
