import Foundation
import Testing
import TrackerSandbox

@Suite("Jobs, notes, files, users and schemas over HTTP")
struct RecordEndpointTests {
    @Test("the job lists hold exactly their sets, ascending")
    func jobLists() async throws {
        try await Fixture.run { sandbox, wire in
            let jobs = sandbox.control.jobs()
            let cases: [(String, (SandboxJob) -> Bool)] = [
                ("/jobs", { _ in true }),
                ("/jobs/active", { $0.active }),
                ("/jobs/active_visible", { $0.active && !$0.hidden }),
                ("/jobs/hidden", { $0.hidden && !$0.archived }),
                ("/jobs/archived", { $0.archived }),
            ]
            for (path, member) in cases {
                let response = try await wire.get(path)
                #expect(response.status == 200, "\(path)")
                let ids = try response.array().compactMap { $0.id() }
                #expect(ids == jobs.filter(member).map(\.id), "\(path)")
                #expect(!ids.isEmpty, "\(path) has members")
                #expect(response.header("Total-Count") == String(ids.count))
            }
            let job = try await wire.get("/jobs/1")
            let record = try job.object()
            for key in [
                "id", "title", "description", "abstract", "city", "state", "country", "remote", "joblink",
                "distribution_status", "active", "posted_at", "created_at", "updated_at", "job_code", "company",
                "archived", "url", "category", "custom_fields",
            ] {
                #expect(record.keys.contains(key), "job field \(key)")
            }
            #expect((try await wire.get("/jobs/4242")).status == 404)
        }
    }

    @Test("notes filter by app_id, job_id, begin_date; POST adds a plain-text note")
    func notes() async throws {
        try await Fixture.run { sandbox, wire in
            let notes = sandbox.control.notes()
            let sample = try #require(notes.dropFirst(10).first)
            let byApplication = try await wire.all("/notes?app_id=\(sample.applicationID)")
            #expect(
                byApplication.compactMap { $0.id() }
                    == notes.filter { $0.applicationID == sample.applicationID }.map(\.id))
            #expect(
                byApplication.first?.keys.sorted() == [
                    "app_id", "author", "body", "created_at", "id", "job_id", "updated_at",
                ])
            let byJob = try await wire.all("/notes?job_id=\(sample.jobID)")
            #expect(byJob.compactMap { $0.id() } == notes.filter { $0.jobID == sample.jobID }.map(\.id))
            let pivot = try #require(notes.map(\.createdAt).sorted().dropFirst(notes.count / 2).first)
            let begin = ISO8601DateFormatter().string(from: pivot)
            let since = try await wire.all("/notes?begin_date=\(begin)")
            #expect(since.compactMap { $0.id() } == notes.filter { $0.createdAt >= pivot }.map(\.id))

            let created = try await wire.send(.post, "/notes", json: #"{"app_id": 3, "body": "Called, no answer."}"#)
            #expect(created.status == 201)
            let note = try created.object()
            #expect(note.string("body") == "Called, no answer.")
            #expect(note["author"] is NSNull, "notes written through the API have no author")
            #expect(note.string("app_id") == "3")
            let forThree = try await wire.all("/notes?app_id=3")
            #expect(forThree.last?.string("body") == "Called, no answer.")
            let orphan = try await wire.send(.post, "/notes", json: #"{"app_id": 123456, "body": "x"}"#)
            #expect(orphan.status == 422)
            let empty = try await wire.send(.post, "/notes", json: #"{"app_id": 3}"#)
            #expect(empty.status == 422)
            let extra = try await wire.send(.post, "/notes", json: #"{"app_id": 3, "body": "x", "pinned": true}"#)
            #expect(extra.status == 422)
            #expect(try extra.errorMessage().contains("pinned"))
            #expect((try await wire.get("/notes?app_id=0")).status == 400)
        }
    }

    @Test("files: list by app_id, max 1000 per page, real bytes, base64 upload, delete")
    func files() async throws {
        try await Fixture.run(Fixture.configuration(applications: 1500)) { sandbox, wire in
            let tooMany = try await wire.get("/files?per_page=5000")
            #expect(tooMany.status == 400)
            #expect(try tooMany.errorMessage().contains("1000"))
            let full = try await wire.get("/files?per_page=1000")
            #expect(full.header("Results-Per-Page") == "1000")
            #expect(try full.array().count == 1000)
            let truth = try #require(sandbox.control.files().first)
            let list = try await wire.get("/files?app_id=\(truth.applicationID)")
            let record = try #require(try list.array().first)
            #expect(record.id() == truth.id)
            #expect(record["size"] as? Int == truth.size)
            #expect(record.string("content_type") == truth.contentType)
            let download = try await wire.get("/files/\(truth.id)/download")
            #expect(download.status == 200)
            #expect(download.body == truth.content)
            #expect(download.header("Content-Type") == truth.contentType)

            let payload = Data("hello, portfolio".utf8).base64EncodedString()
            let upload = try await wire.send(
                .post, "/files",
                json: #"{"app_id": 9, "filename": "notes.txt", "kind": "attachment", "data": "\#(payload)"}"#
            )
            #expect(upload.status == 201)
            let uploaded = try upload.object()
            let id = try #require(uploaded.id())
            #expect(uploaded["size"] as? Int == 16)
            #expect(uploaded.string("content_type") == "text/plain")
            // applicant_file_added is a webhook event, not a workflow event (application 9 is not hired).
            #expect(!sandbox.control.events().contains { $0.applicationID == 9 })
            #expect((try await wire.get("/files/\(id)/download")).text == "hello, portfolio")
            let badKind = try await wire.send(
                .post, "/files", json: #"{"app_id": 9, "filename": "a", "kind": "photo", "data": "aGk="}"#)
            #expect(badKind.status == 422)
            let badData = try await wire.send(
                .post, "/files", json: #"{"app_id": 9, "filename": "a", "kind": "resume", "data": "%%%"}"#)
            #expect(badData.status == 422)
            let badName = try await wire.send(
                .post, "/files",
                json: #"{"app_id": 9, "filename": "a\r\nSet-Cookie: x", "kind": "resume", "data": "aGk="}"#
            )
            #expect(badName.status == 422)
            #expect(try badName.errorMessage().contains("filename"))

            let deleted = try await wire.send(.delete, "/files/\(id)")
            #expect(deleted.status == 204)
            #expect((try await wire.get("/files/\(id)/download")).status == 404)
            #expect((try await wire.send(.delete, "/files/\(id)")).status == 404)
            #expect(sandbox.control.deletedFileIDs() == [id])
        }
    }

    @Test("users are a small list with id, names, e-mail and role")
    func users() async throws {
        try await Fixture.run { _, wire in
            let users = try await wire.get("/users")
            let records = try users.array()
            #expect(records.count == 4)
            #expect(records.first?.keys.sorted() == ["email", "first_name", "id", "last_name", "role"])
            #expect(Set(records.compactMap { $0.string("role") }) == ["admin", "recruiter", "hiring_manager"])
        }
    }

    @Test("custom field schemas: GET both, PUT replaces and applies to records")
    func schemas() async throws {
        try await Fixture.run { sandbox, wire in
            let jobSchema = try await wire.get("/jobs/custom_fields_schema")
            #expect(
                try jobSchema.array().compactMap { $0.string("field_name") }
                    == sandbox.control.jobSchema().map(\.fieldName))
            let appSchema = try await wire.get("/applications/custom_fields_schema")
            let entries = try appSchema.array()
            #expect(Set(entries.compactMap { $0.string("field_type") }) == ["string", "integer", "decimal", "boolean"])
            #expect(entries.contains { ($0["whitelist_values"] as? [String])?.isEmpty == false })

            let put = try await wire.send(
                .put, "/applications/custom_fields_schema",
                json: """
                    {"update_existing_data": true, "custom_fields_schema": [
                      {"field_name": "shirt_size", "display_name": "Shirt size", "whitelist_values": ["S", "M", "L"],
                       "ui_input_type": "select", "default_value": "M"},
                      {"field_name": "years_experience", "display_name": "Years", "field_type": "integer"}]}
                    """
            )
            #expect(put.status == 200)
            #expect(try put.array().count == 2)
            let record = try (try await wire.get("/applications/1")).object()
            let fields = try #require(record["custom_fields"] as? [String: Any])
            #expect(fields.keys.sorted() == ["shirt_size", "years_experience"])
            #expect(fields["shirt_size"] as? String == "M")
            let invalid = try await wire.send(
                .put, "/jobs/custom_fields_schema",
                json: #"{"custom_fields_schema": [{"field_name": "x", "display_name": "X", "field_type": "date"}]}"#
            )
            #expect(invalid.status == 422)
            #expect(try invalid.errorMessage().contains("field_type"))
            let missingName = try await wire.send(
                .put, "/jobs/custom_fields_schema", json: #"{"custom_fields_schema": [{"display_name": "X"}]}"#
            )
            #expect(missingName.status == 422)
            let badName = try await wire.send(
                .put, "/jobs/custom_fields_schema",
                json: #"{"custom_fields_schema": [{"field_name": "has space", "display_name": "X"}]}"#
            )
            #expect(badName.status == 422)
            #expect(try badName.errorMessage().contains("field_name"))
            let badDefault = try await wire.send(
                .put, "/jobs/custom_fields_schema",
                json:
                    #"{"custom_fields_schema": [{"field_name": "n", "display_name": "N", "field_type": "integer", "default_value": "x"}]}"#
            )
            #expect(badDefault.status == 422)
            #expect(try badDefault.errorMessage().contains("default_value"))
            let jobPut = try await wire.send(
                .put, "/jobs/custom_fields_schema",
                json: #"{"custom_fields_schema": [{"field_name": "team", "display_name": "Team"}]}"#
            )
            #expect(jobPut.status == 200)
            let job = try (try await wire.get("/jobs/1")).object()
            let jobFields = try #require(job["custom_fields"] as? [String: Any])
            #expect(jobFields["team"] is NSNull, "a new field without back-fill is null on existing records")
            #expect(jobFields["department"] != nil, "update_existing_data false keeps removed fields' values")
        }
    }
}
