import Testing
import TrackerAPI
import TrackerSync

/// A mirror files every row under its account's name, so a new version must derive exactly the
/// name the previous one did, including the short digest of the API key (SHA-256, whose
/// implementation changed; these values were computed with Python's `hashlib`).
@Suite struct AccountNamePinningTests {
    @Test func theAccountNameOfAKeyIsTheSameAsInEarlierVersions() {
        let configuration = TrackerAPI.Configuration(
            baseURL: "https://api.applicant-tracking.com/api/v1", apiKey: "tk_live_0123456789abcdef",
            apiPassword: "unused")
        #expect(TrackerAccountName.of(configuration) == "api.applicant-tracking.com/api/v1#d86c1e85350e")
    }

    @Test func aPartnerKeyNamesTheCompanyAndAPortIsKept() {
        let configuration = TrackerAPI.Configuration(
            baseURL: "http://127.0.0.1:8080/api/v1", apiKey: "k", apiPassword: "unused",
            companyID: TrackerCompanyID(rawValue: "42"))
        #expect(TrackerAccountName.of(configuration) == "127.0.0.1:8080/api/v1/companies/42#8676eb3fc5c3")
    }
}
