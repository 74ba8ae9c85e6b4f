import Foundation
import Testing
import TrackerSandbox

@Suite("Applications over HTTP")
struct ApplicationEndpointTests {
    @Test("a page is a bare array with the six paging headers, ascending ids as strings")
    func pageTwo() async throws {
        try await Fixture.run { sandbox, wire in
            let response = try await wire.get("/applications?page=2&per_page=100")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let records = try response.array()
            #expect(records.count == 100)
            #expect(records.map { $0.string("id") } == (101...200).map { String($0) })
            #expect(response.header("Total-Count") == "300")
            #expect(response.header("Pages") == "3")
            #expect(response.header("Results-Per-Page") == "100")
            #expect(response.header("Current-Page") == "2")
            #expect(response.header("First-Link") == "\(sandbox.baseURL)/applications?page=1&per_page=100")
            #expect(response.header("Last-Link") == "\(sandbox.baseURL)/applications?page=3&per_page=100")
        }
    }

    @Test("records carry the documented fields and match the ground truth")
    func fields() async throws {
        try await Fixture.run { sandbox, wire in
            let records = try await wire.all("/applications")
            let truth = sandbox.control.applications()
            #expect(records.count == truth.count)
            let record = try #require(records.first)
            for key in [
                "id", "company_id", "job_id", "first_name", "last_name", "email", "phone", "address", "address_2",
                "city",
                "state", "gender", "status", "rating", "source", "applied_at", "archived", "tags", "created_at",
                "updated_at", "custom_fields",
            ] {
                #expect(record.keys.contains(key), "missing \(key)")
            }
            #expect(record.string("company_id") == "1")
            for (wireRecord, expected) in zip(records, truth) {
                #expect(wireRecord.id() == expected.id)
                #expect(wireRecord.string("status") == expected.status)
                #expect(wireRecord.string("email") == expected.email)
                #expect(wireRecord.id("job_id") == expected.jobID)
            }
        }
    }

    @Test("default page size 1000, maximum 5000; out-of-range or non-numeric paging is 400")
    func pageSizes() async throws {
        try await Fixture.run(Fixture.configuration(applications: 6000)) { _, wire in
            let first = try await wire.get("/applications")
            #expect(try first.array().count == 1000)
            #expect(first.header("Results-Per-Page") == "1000")
            #expect(first.header("Current-Page") == "1")
            let biggest = try await wire.get("/applications?per_page=5000&page=2")
            #expect(try biggest.array().count == 1000)
            #expect(biggest.header("Results-Per-Page") == "5000")
            #expect(biggest.header("Current-Page") == "2")
            for query in ["per_page=5001", "per_page=0", "page=0", "page=-3"] {
                let refused = try await wire.get("/applications?\(query)")
                #expect(refused.status == 400, "\(query)")
                #expect(try refused.errorMessage().contains(query.split(separator: "=")[0]), "\(query)")
            }
            let past = try await wire.get("/applications?page=99&per_page=100")
            #expect(past.status == 200)
            #expect(try past.array().isEmpty)
            let bad = try await wire.get("/applications?per_page=lots")
            #expect(bad.status == 400)
            #expect(try bad.errorMessage().contains("per_page"))
        }
    }

    @Test("GET /applications/{id} answers the record; unknown ids are 404 JSON")
    func single() async throws {
        try await Fixture.run { sandbox, wire in
            let response = try await wire.get("/applications/7")
            #expect(response.status == 200)
            let record = try response.object()
            #expect(record.string("id") == "7")
            #expect(record.string("last_name") == sandbox.control.application(id: 7)?.lastName)
            let missing = try await wire.get("/applications/999999")
            #expect(missing.status == 404)
            #expect(try missing.errorMessage().contains("999999"))
            for junk in ["abc", "0", "-4", "12345678901234567"] {
                let response = try await wire.get("/applications/\(junk)")
                #expect(response.status == 400, "\(junk) is not an id")
            }
        }
    }

    @Test("POST /applications creates with 201, validates job, names and custom fields")
    func create() async throws {
        try await Fixture.run { sandbox, wire in
            let body = """
                {"job_id": "3", "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org",
                 "phone": "555-0100", "source": "Referral", "custom_fields": {"years_experience": 12,
                 "work_authorization": "Green Card"}}
                """
            let response = try await wire.send(.post, "/applications", json: body)
            #expect(response.status == 201)
            let record = try response.object()
            let id = try #require(record.id())
            #expect(id == 301)
            #expect(record.string("status") == "New")
            #expect((record["custom_fields"] as? [String: Any])?["years_experience"] as? Int == 12)
            #expect(sandbox.control.application(id: id)?.email == "ada@example.org")
            #expect(sandbox.control.events().contains(SandboxEvent(name: "applicant_new", applicationID: id)))
            let list = try await wire.get("/applications?page=2&per_page=200")
            #expect(try list.array().last?.id() == 301)
            #expect(list.header("Total-Count") == "301")

            let noJob = try await wire.send(
                .post, "/applications",
                json: #"{"job_id": 9999, "first_name": "A", "last_name": "B", "email": "a@b.c"}"#)
            #expect(noJob.status == 422)
            #expect(try noJob.errorMessage().contains("job_id"))
            let noName = try await wire.send(.post, "/applications", json: #"{"job_id": 1, "last_name": "B"}"#)
            #expect(noName.status == 422)
            #expect(try noName.errorMessage().contains("first_name"))
            let badSelect = try await wire.send(
                .post, "/applications",
                json:
                    #"{"job_id": 1, "first_name": "A", "last_name": "B", "email": "a@b.c", "custom_fields": {"work_authorization": "Alien"}}"#
            )
            #expect(badSelect.status == 422)
            #expect(try badSelect.errorMessage().contains("work_authorization"))
            let badType = try await wire.send(
                .post, "/applications",
                json:
                    #"{"job_id": 1, "first_name": "A", "last_name": "B", "email": "a@b.c", "custom_fields": {"years_experience": "ten"}}"#
            )
            #expect(badType.status == 422)
            let noEmail = try await wire.send(
                .post, "/applications", json: #"{"job_id": 1, "first_name": "A", "last_name": "B"}"#)
            #expect(noEmail.status == 422)
            #expect(try noEmail.errorMessage().contains("email"))
            let unknown = try await wire.send(
                .post, "/applications",
                json: #"{"job_id": 1, "first_name": "A", "last_name": "B", "email": "a@b.c", "stage": 3}"#
            )
            #expect(unknown.status == 422)
            #expect(try unknown.errorMessage().contains("stage"))
            let notJSON = try await wire.send(.post, "/applications", json: "{job_id: 1")
            #expect(notJSON.status == 422)
            #expect(try notJSON.errorMessage().contains("not valid JSON"))
        }
    }

    @Test("PUT /applications/{id} edits applicant fields and bumps updated_at; status is refused")
    func update() async throws {
        let clock = ManualSandboxClock(start: Fixture.start)
        try await Fixture.run(Fixture.configuration(clock: clock)) { sandbox, wire in
            let before = try #require(sandbox.control.application(id: 5))
            clock.advance(by: .seconds(3600))
            let response = try await wire.send(
                .put, "/applications/5",
                json: #"{"phone": "(555) 010-9999", "rating": 4, "custom_fields": {"referral_name": "Grace"}}"#
            )
            #expect(response.status == 200)
            let after = try #require(sandbox.control.application(id: 5))
            #expect(after.phone == "(555) 010-9999")
            #expect(after.rating == 4)
            #expect(after.customFields["referral_name"] == .string("Grace"))
            #expect(after.firstName == before.firstName)
            #expect(after.updatedAt == Fixture.start.addingTimeInterval(3600))
            let status = try await wire.send(.put, "/applications/5", json: #"{"status": "Hired"}"#)
            #expect(status.status == 422)
            #expect(try status.errorMessage().contains("workflow action"))
            let missing = try await wire.send(.put, "/applications/77777", json: #"{"phone": "1"}"#)
            #expect(missing.status == 404)
        }
    }

    @Test("updated_after is inclusive and reads naive values in the account zone")
    func updatedAfter() async throws {
        try await Fixture.run { sandbox, wire in
            let truth = sandbox.control.applications()
            let pivot = try #require(truth.map(\.updatedAt).sorted().dropFirst(200).first)
            let expected = truth.filter { $0.updatedAt >= pivot }.map(\.id)
            let utc = ISO8601DateFormatter().string(from: pivot)
            let viaUTC = try await wire.all("/applications?updated_after=\(utc)")
            #expect(viaUTC.compactMap { $0.id() } == expected)
            // The same instant as a naive Los Angeles wall time.
            let local = DateFormatter()
            local.timeZone = TimeZone(identifier: "America/Los_Angeles")
            local.locale = Locale(identifier: "en_US_POSIX")
            local.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
            let viaLocal = try await wire.all("/applications?updated_after=\(local.string(from: pivot))")
            #expect(viaLocal.compactMap { $0.id() } == expected)
            let bad = try await wire.get("/applications?updated_after=last-week")
            #expect(bad.status == 400)
            #expect(try bad.errorMessage().contains("updated_after"))
        }
    }

    @Test("quick-apply at /applicant_webhooks/add_applicant answers 201 and stores resume and cover letter")
    func quickApply() async throws {
        try await Fixture.run { sandbox, wire in
            let job = try #require(sandbox.control.job(id: 2))
            let resume = Data("%PDF-1.4 resume".utf8).base64EncodedString()
            let response = try await wire.send(
                .post, "/applicant_webhooks/add_applicant",
                json: """
                    {"reference_number": "\(job.jobCode)", "name": "Grace Brewster Hopper", "email": "grace@example.org",
                     "phone": "+1 555 010 0000", "coverletter": "I debug.", "resume": {"filename": "grace.pdf", "data": "\(resume)"}}
                    """
            )
            #expect(response.status == 201)
            let id = try #require(try response.object().id())
            let created = try #require(sandbox.control.application(id: id))
            #expect(created.firstName == "Grace Brewster")
            #expect(created.lastName == "Hopper")
            #expect(created.jobID == 2)
            let files = try await wire.get("/files?app_id=\(id)")
            let file = try #require(try files.array().first)
            #expect(file.string("kind") == "resume")
            let download = try await wire.get("/files/\(file.id() ?? 0)/download")
            #expect(download.text == "%PDF-1.4 resume")
            let notes = try await wire.get("/notes?app_id=\(id)")
            #expect(try notes.array().first?.string("body") == "I debug.")
            let unknown = try await wire.send(
                .post, "/applicant_webhooks/add_applicant",
                json: #"{"reference_number": "NOPE", "name": "A B", "email": "a@b.c"}"#
            )
            #expect(unknown.status == 422)
        }
    }
}
