import Foundation
import Testing
import TrackerRMSSandbox

@Suite("Tracker RMS sandbox: envelope, routing and credentials")
struct SandboxEnvelopeAndAuthTests {
    @Test("Each credential kind is accepted, and the log names the kind, never the secret")
    func credentialKinds() async throws {
        try await withTrackerRMSSandbox { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let basic = Data("\(sandbox.username):\(sandbox.password)".utf8).base64EncodedString()
            let cases: [(String, [String: Any], [(String, String)])] = [
                ("apikey", ["apikey": sandbox.apiKey], []),
                ("username", ["username": sandbox.username, "password": sandbox.password], []),
                ("oauthtoken", ["oauthtoken": "Bearer " + sandbox.oauthToken], []),
                ("bearer", [:], [("Authorization", "Bearer " + sandbox.oauthToken)]),
                ("basic", [:], [("Authorization", "Basic " + basic)]),
            ]
            for (kind, credentials, headers) in cases {
                let reply = try await wire.post("checkLogon", credentials: credentials, headers: headers)
                #expect(reply.status == 200)
                #expect(try reply.rmsStatus() == 0, "\(kind) should authenticate")
            }
            let kinds = sandbox.control.requestLog.compactMap(\.credentialKind)
            #expect(kinds == cases.map(\.0))
            let logText = "\(sandbox.control.requestLog)"
            for secret in [sandbox.apiKey, sandbox.password, sandbox.oauthToken] {
                #expect(!logText.contains(secret))
            }
        }
    }

    @Test("Bad credentials answer HTTP 200 with status 1; an inactive user status 2")
    func failures() async throws {
        try await withTrackerRMSSandbox { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let wrongKey = try await wire.post("getSettings", credentials: ["apikey": "not-the-key"])
            #expect(wrongKey.status == 200)
            #expect(try wrongKey.rmsStatus() == 1)
            let wrongPassword = try await wire.post(
                "checkLogon", credentials: ["username": sandbox.username, "password": "wrong"])
            #expect(try wrongPassword.rmsStatus() == 1)
            let inactive = try await wire.post(
                "checkLogon",
                credentials: ["username": RMSSandboxConfiguration.inactiveUsername, "password": sandbox.password])
            #expect(try inactive.rmsStatus() == 2)
            let none = try await wire.post("checkLogon", credentials: ["apikey": "", "username": "", "password": ""])
            #expect(try none.rmsStatus() == 1, "empty strings count as absent")
        }
    }

    @Test("The first credential present wins: a valid Bearer header beats a wrong API key in the body")
    func precedence() async throws {
        try await withTrackerRMSSandbox { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let reply = try await wire.post(
                "checkLogon", credentials: ["apikey": "wrong"],
                headers: [("Authorization", "Bearer " + sandbox.oauthToken)])
            #expect(try reply.rmsStatus() == 0)
            let wrongFirst = try await wire.post(
                "checkLogon", credentials: ["oauthtoken": "nope", "apikey": sandbox.apiKey])
            #expect(try wrongFirst.rmsStatus() == 1, "oauthtoken comes before apikey and is the only one used")
        }
    }

    @Test(
        "Routing: other verbs 405, unknown operations 404 with an ASP.NET body, a trailing slash and another key work")
    func routing() async throws {
        try await withTrackerRMSSandbox { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let get = try await wire.send("GET", "/api/widget/getRecords")
            #expect(get.status == 405)
            let unknown = try await wire.post("getEverything")
            #expect(unknown.status == 404)
            #expect(try unknown.object()["Message"] is String)
            let slash = try await wire.post("checkLogon", path: "/api/widget/checkLogon/")
            #expect(try slash.rmsStatus() == 0)
            let otherKey = try await wire.post(
                "getRecords", ["instructions": ["recordtype": "O", "numrecords": 2, "pagenum": 0]], key: "somethingElse"
            )
            #expect(try otherKey.results().count == 2)
            let notJSON = try await wire.send("POST", "/api/widget/getRecords", body: Array("hello".utf8))
            #expect(try notJSON.rmsStatus() == 99)
        }
    }
}
