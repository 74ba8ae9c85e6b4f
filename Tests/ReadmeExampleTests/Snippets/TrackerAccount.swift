import Foundation
import TrackerAPI

/// How to reach an account: the API key and password of its "Account Details → API" page, and the
/// time zone its timestamps are written in.
func trackerAccount(apiKey: String, apiPassword: String) -> TrackerAPI.Configuration {
    TrackerAPI.Configuration(
        baseURL: "https://api.applicant-tracking.com/api/v1",
        apiKey: apiKey,
        apiPassword: apiPassword,
        accountTimeZone: TimeZone(identifier: "America/Chicago")
    )
}
