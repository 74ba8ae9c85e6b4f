import Foundation
import Testing
import TrackerAPI

@Suite struct ConfigurationTests {
    private func make(_ baseURL: String) throws {
        _ = try TestAPI.make(TestAPI.configuration(baseURL: baseURL)) { _, _ in .text(200, "") }
    }

    @Test(arguments: [
        "https://api.applicant-tracking.com/api/v1", "http://127.0.0.1:8080/api/v1", "http://localhost:9/api/v1",
        "http://[::1]:8080/api/v1", "https://acme.applicant-tracking.com/api/v1/",
    ])
    func acceptedBaseURLs(url: String) throws {
        try make(url)
    }

    @Test(arguments: ["http://api.applicant-tracking.com/api/v1", "ftp://x/api", "not a url", "http://10.0.0.1/api/v1"])
    func rejectedBaseURLs(url: String) {
        #expect {
            try make(url)
        } throws: { error in
            (error as? TrackerAPIError)?.code == .invalidConfiguration
        }
    }

    @Test func descriptionHidesThePassword() {
        let configuration = TestAPI.configuration()
        #expect(!configuration.description.contains(TestAPI.password))
        #expect(configuration.description.contains("apiPassword: <redacted>"))
        #expect(!configuration.description.contains("key-1234"))
    }

    @Test func invalidNumbersAreRejected() {
        var configuration = TestAPI.configuration()
        configuration.pageSize = 6000
        #expect(throws: TrackerAPIError.self) {
            _ = try TrackerAPI(
                configuration: configuration, transport: ScriptedTransport { _, _ in .text(200, "") },
                clock: ManualClock())
        }
    }
}

/// Every endpoint's method, path, query and body against a transport double.
@Suite struct EndpointRoutingTests {
    private func makeAPI(
        _ configuration: TrackerAPI.Configuration = TestAPI.configuration(),
        body: String = #"{"id": 1}"#
    ) throws -> (TrackerAPI, ScriptedTransport) {
        let (api, transport, _) = try TestAPI.make(configuration) { request, _ in
            if request.method == .delete { return .text(204, "") }
            if request.url.contains("/download") {
                return .text(200, "PDFBYTES", headers: ["Content-Type": "application/pdf"])
            }
            return .json(body)
        }
        return (api, transport)
    }

    private func sent(_ transport: ScriptedTransport) throws -> TrackerHTTPRequest {
        try #require(transport.requests.last)
    }

    private func json(_ request: TrackerHTTPRequest) throws -> [String: TrackerJSON] {
        try #require(try TrackerJSON.parse(request.body ?? Data()).objectValue)
    }

    @Test func jobSetsUseTheirPaths() async throws {
        let paths: [(TrackerJobSet, String)] = [
            (.all, "/api/v1/jobs"), (.active, "/api/v1/jobs/active"), (.activeVisible, "/api/v1/jobs/active_visible"),
            (.hidden, "/api/v1/jobs/hidden"), (.archived, "/api/v1/jobs/archived"),
        ]
        for (set, path) in paths {
            let (api, transport) = try makeAPI(body: "[]")
            _ = try await api.jobs.list(.init(set: set)).collect()
            #expect(try sent(transport).path == path)
            #expect(try sent(transport).query == ["page": "1", "per_page": "3"])
        }
    }

    @Test func updatedAfterIsSentWithTheAccountOffset() async throws {
        let (api, transport) = try makeAPI(body: "[]")
        let since = Date(timeIntervalSince1970: 1_581_612_120)
        _ = try await api.applications.list(.init(updatedAfter: since, jobID: 7)).collect()
        let request = try sent(transport)
        #expect(request.query["updated_after"] == "2020-02-13T08:42:00-08:00")
        #expect(request.query["job_id"] == "7")
        #expect(request.url.contains("updated_after=2020-02-13T08%3A42%3A00-08%3A00"))
    }

    @Test func partnerKeysActUnderTheCompany() async throws {
        var configuration = TestAPI.configuration()
        configuration.companyID = 42
        let (api, transport) = try makeAPI(configuration)
        _ = try await api.jobs.get(1)
        #expect(try sent(transport).url == "https://api.example.test/api/v1/companies/42/jobs/1")
        _ = try await api.applications.addApplicant(.init(referenceNumber: "R1", name: "A B", email: "a@b.c"))
        #expect(try sent(transport).url == "https://api.example.test/applicant_webhooks/add_applicant")
    }

    @Test func addApplicantLivesAtTheHostRoot() async throws {
        let (api, transport) = try makeAPI(TestAPI.configuration(baseURL: "http://127.0.0.1:8080/api/v1"))
        let result = try await api.applications.addApplicant(
            .init(
                referenceNumber: "JOB-7",
                name: "Ada Lovelace",
                email: "ada@example.com",
                phone: "555",
                coverLetter: "Hi",
                resume: .init(filename: "cv.pdf", data: Data("%PDF".utf8))
            )
        )
        #expect(result.status == 200)
        let request = try sent(transport)
        #expect(request.url == "http://127.0.0.1:8080/applicant_webhooks/add_applicant")
        let body = try json(request)
        #expect(body["reference_number"] == "JOB-7")
        #expect(body["coverletter"] == "Hi")
        #expect(body["resume"] == ["filename": "cv.pdf", "data": .string(Data("%PDF".utf8).base64EncodedString())])
    }

    @Test func applicationWrites() async throws {
        let (api, transport) = try makeAPI()
        _ = try await api.applications.create(
            .init(jobID: 7, firstName: "Ada", lastName: "L", email: "a@x", source: "API", customFields: ["visa": true])
        )
        var request = try sent(transport)
        #expect(request.method == .post)
        #expect(request.path == "/api/v1/applications")
        #expect(
            try json(request) == [
                "job_id": 7, "first_name": "Ada", "last_name": "L", "email": "a@x", "source": "API",
                "custom_fields": ["visa": true],
            ])
        _ = try await api.applications.update(3, .init(email: "new@x", additionalFields: ["city": "Oslo"]))
        request = try sent(transport)
        #expect(request.method == .put)
        #expect(request.path == "/api/v1/applications/3")
        #expect(try json(request) == ["email": "new@x", "city": "Oslo"])
        _ = try await api.applications.get(3)
        #expect(try sent(transport).path == "/api/v1/applications/3")
    }

    @Test func notes() async throws {
        let (api, transport) = try makeAPI(body: "[]")
        _ = try await api.notes.list(.init(applicationID: 5, jobID: 6, beginDate: Date(timeIntervalSince1970: 0)))
            .collect()
        let query = try sent(transport).query
        #expect(query["app_id"] == "5")
        #expect(query["job_id"] == "6")
        #expect(query["begin_date"] == "1969-12-31T16:00:00-08:00")
        let (writer, writes) = try makeAPI()
        _ = try await writer.notes.create(.init(applicationID: 5, body: "Called back"))
        #expect(try json(try sent(writes)) == ["app_id": 5, "body": "Called back"])
    }

    @Test func files() async throws {
        let (api, transport) = try makeAPI()
        _ = try await api.files.upload(
            .init(applicationID: 5, filename: "cv.pdf", kind: .resume, data: Data("abc".utf8)))
        #expect(try json(try sent(transport)) == ["app_id": 5, "filename": "cv.pdf", "kind": "resume", "data": "YWJj"])
        let download = try await api.files.download(9)
        #expect(try sent(transport).path == "/api/v1/files/9/download")
        #expect(download.contentType == "application/pdf")
        #expect(try await download.body.collect(upTo: 100) == Data("PDFBYTES".utf8))
        try await api.files.delete(9)
        #expect(try sent(transport).method == .delete)
        #expect(try sent(transport).path == "/api/v1/files/9")
        let (lister, lists) = try makeAPI(TestAPI.configuration(pageSize: 5000), body: "[]")
        _ = try await lister.files.list(.init(applicationID: 5)).collect()
        #expect(try sent(lists).query["per_page"] == "1000")
    }

    @Test func triggersWebhooksUsers() async throws {
        let (api, transport) = try makeAPI()
        let conditions: TrackerJSON = ["if": ["and": ["==": [["app": "status"], "Not Selected"]]]]
        _ = try await api.triggers.create(
            .init(eventType: .appStatusUpdated, actionType: .sendTBNTEmail, data: ["delay": 24], conditions: conditions)
        )
        #expect(
            try json(try sent(transport)) == [
                "event_type": "app_status_updated", "action_type": "send_tbnt_email", "data": ["delay": 24],
                "conditions": conditions,
            ]
        )
        try await api.triggers.delete(4)
        #expect(try sent(transport).path == "/api/v1/triggers/4")
        _ = try await api.webhooks.register(.init(url: "https://hooks.example/x", event: .applicantNew))
        #expect(try json(try sent(transport)) == ["url": "https://hooks.example/x", "event": "applicant_new"])
        try await api.webhooks.delete(8)
        #expect(try sent(transport).path == "/api/v1/webhooks/8")

        let (lister, lists) = try makeAPI(
            body: #"[{"id": 1, "first_name": "A", "last_name": "B", "email": "a@b", "role": "admin"}]"#)
        let users = try await lister.users.list()
        #expect(users.first?.role == "admin")
        #expect(try sent(lists).path == "/api/v1/users")
        _ = try await lister.triggers.list()
        #expect(try sent(lists).path == "/api/v1/triggers")
        _ = try await lister.webhooks.list()
        #expect(try sent(lists).path == "/api/v1/webhooks")
    }
}
