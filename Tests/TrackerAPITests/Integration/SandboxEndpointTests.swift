import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Every endpoint against the in-process sandbox.
@Suite struct SandboxEndpointTests {
    @Test func jobs() async throws {
        try await withSandboxAPI { api, sandbox in
            let expected = sandbox.control.jobs()
            let jobs = try await api.jobs.list().collect()
            #expect(jobs.map(\.id.int) == expected.map(\.id))
            for set in [TrackerJobSet.active, .activeVisible, .hidden, .archived] {
                let subset = try await api.jobs.list(.init(set: set)).collect()
                #expect(Set(subset.map(\.id)).isSubset(of: Set(jobs.map(\.id))))
            }
            let first = try #require(expected.first)
            let job = try await api.jobs.get(TrackerJobID(Int64(first.id)))
            #expect(job.title == first.title)
            #expect(job.isRemote == first.remote)
            #expect(job.createdAt?.date == first.createdAt)
            #expect(job.createdAt?.offsetSource == .accountTimeZone)
            let missing = try await #require(throws: TrackerAPIError.self) { try await api.jobs.get(99_999) }
            #expect(missing.code == .notFound)
        }
    }

    @Test func customFieldSchemas() async throws {
        try await withSandboxAPI { api, sandbox in
            let jobFields = try await api.jobs.customFieldsSchema()
            #expect(jobFields.map(\.fieldName) == sandbox.control.jobSchema().map(\.fieldName))
            var fields = try await api.applications.customFieldsSchema()
            fields.append(.init(fieldName: "shoe_size", displayName: "Shoe size", fieldType: .integer))
            _ = try await api.applications.updateCustomFieldsSchema(.init(fields: fields))
            let reread = try await api.applications.customFieldsSchema()
            #expect(reread.contains { $0.fieldName == "shoe_size" && $0.fieldType == .integer })
            _ = try await api.jobs.updateCustomFieldsSchema(.init(fields: jobFields))
        }
    }

    @Test func applications() async throws {
        try await withSandboxAPI { api, sandbox in
            let all = try await api.applications.list().collect()
            #expect(all.count == sandbox.control.applicationCount)
            let sample = try #require(sandbox.control.applications().first)
            let one = try await api.applications.get(TrackerApplicationID(Int64(sample.id)))
            #expect(one.email == sample.email)
            #expect(one.status?.rawValue == sample.status)
            #expect(one.updatedAt?.date == sample.updatedAt)

            let created = try await api.applications.create(
                .init(
                    jobID: TrackerJobID(Int64(sample.jobID)), firstName: "Ada", lastName: "Lovelace",
                    email: "ada@example.com")
            )
            #expect(created.firstName == "Ada")
            #expect(sandbox.control.application(id: created.id.int)?.lastName == "Lovelace")

            let updated = try await api.applications.update(created.id, .init(phone: "+1 555 0100"))
            #expect(updated.phone == "+1 555 0100")

            let quick = try await api.applications.addApplicant(
                .init(
                    referenceNumber: sandbox.control.jobs()[0].jobCode,
                    name: "Grace Hopper",
                    email: "grace@example.com",
                    resume: .init(filename: "cv.pdf", data: Data("%PDF-1.4 test".utf8))
                )
            )
            #expect(quick.status == 201)
            #expect(sandbox.control.applications().contains { $0.email == "grace@example.com" })
        }
    }

    @Test func notesAndFiles() async throws {
        try await withSandboxAPI { api, sandbox in
            let notes = try await api.notes.list().collect()
            #expect(notes.count == sandbox.control.noteCount)
            let target = try #require(notes.first?.applicationID)
            let filtered = try await api.notes.list(.init(applicationID: target)).collect()
            #expect(!filtered.isEmpty && filtered.allSatisfy { $0.applicationID == target })
            let note = try await api.notes.create(.init(applicationID: target, body: "Called back"))
            #expect(note.body == "Called back")

            let files = try await api.files.list(.init(pageSize: 5000)).collect()
            #expect(files.count == sandbox.control.fileCount)
            let file = try #require(files.first)
            let download = try await api.files.download(file.id)
            let bytes = try await download.body.collect(upTo: 10 << 20)
            #expect(Array(bytes) == sandbox.control.file(id: file.id.int)?.content)
            let uploaded = try await api.files.upload(
                .init(applicationID: target, filename: "note.txt", kind: .attachment, data: Data("hello".utf8))
            )
            #expect(uploaded.filename == "note.txt")
            try await api.files.delete(uploaded.id)
            #expect(sandbox.control.file(id: uploaded.id.int) == nil)
        }
    }

    @Test func workflowActionsTriggersWebhooksUsers() async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 50, actionExecution: .manual)) { api, sandbox in
            let catalogue = try await api.workflow.actionCatalogue()
            #expect(catalogue.contains { $0.type == .tagApp && $0.createAction?.required["app_id"]?.type == .integer })
            let events = try await api.workflow.eventTypes()
            #expect(events.contains(.appStatusUpdated))
            _ = try await api.workflow.eventTypes(for: .tagApp)

            let action = try await api.actions.create(
                .init(type: .tagApp, data: ["app_id": 1, "tag_text": "from API"]))
            #expect(action.type == .tagApp)
            #expect(!action.isExecuted)
            sandbox.control.runAllPendingActions()
            let executed = try await api.actions.get(action.id)
            #expect(executed.isExecuted)

            let trigger = try await api.triggers.create(
                .init(
                    eventType: .appStatusUpdated,
                    actionType: .tagApp,
                    data: ["tag_text": "moved"],
                    conditions: ["if": ["and": ["==": [["app": "status"], "Not Selected"]]]]
                )
            )
            #expect(try await api.triggers.list().contains { $0.id == trigger.id })
            try await api.triggers.delete(trigger.id)
            #expect(try await api.triggers.list().allSatisfy { $0.id != trigger.id })

            let hook = try await api.webhooks.register(.init(url: "http://127.0.0.1:9/hook", event: .applicantNew))
            #expect(try await api.webhooks.list().contains { $0.id == hook.id })
            try await api.webhooks.delete(hook.id)

            let users = try await api.users.list()
            #expect(users.count == sandbox.control.users().count)
            #expect(users.allSatisfy { $0.email != nil && $0.role != nil })
        }
    }

    @Test func anActionRunsAsynchronouslyAndCanBeAwaited() async throws {
        let configuration = SandboxConfiguration(
            applicationCount: 20,
            behavior: SandboxBehavior(actionDelay: .milliseconds(100))
        )
        try await withSandboxAPI(configuration) { api, sandbox in
            let action = try await api.actions.create(.init(type: .tagApp, data: ["app_id": 2, "tag_text": "awaited"]))
            let executed = try await api.actions.waitUntilExecuted(action.id, pollInterval: .milliseconds(20))
            #expect(executed.isExecuted)
            #expect(!executed.hasFailed)
            #expect(sandbox.control.application(id: 2)?.tags.contains("awaited") == true)
        }
    }

    @Test func partnerCompanyPrefixAndBadCredentials() async throws {
        try await withSandboxAPI(client: ClientOptions(companyID: 1)) { api, sandbox in
            let users = try await api.users.list()
            #expect(users.count == sandbox.control.users().count)
        }
        try await withSandboxAPI(client: ClientOptions(apiPassword: "wrong")) { api, _ in
            let error = try await #require(throws: TrackerAPIError.self) { try await api.users.list() }
            #expect(error.code == .forbidden)
            #expect(!error.description.contains("wrong"))
        }
    }

    @Test func serverQuirksAreToleratedAndObserved() async throws {
        let behavior = SandboxBehavior(timestampMode: .utc, singleRecordShape: .array, honoursUpdatedAfter: false)
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 200, behavior: behavior)) { api, sandbox in
            let sample = try #require(sandbox.control.applications().dropFirst(5).first)
            let one = try await api.applications.get(TrackerApplicationID(Int64(sample.id)))
            #expect(one.updatedAt?.offsetSource == .explicit)
            #expect(one.updatedAt?.date == sample.updatedAt)
            let dates = sandbox.control.applications().map(\.updatedAt).sorted()
            let since = dates[dates.count / 2]
            let recent = try await api.applications.list(.init(updatedAfter: since)).collect()
            let expected = sandbox.control.applications().filter { $0.updatedAt >= since }.map(\.id)
            #expect(Set(recent.map(\.id.int)) == Set(expected))
            let kinds = Set(api.serverObservations.map(\.kind))
            #expect(kinds.isSuperset(of: [.singleRecordAsArray, .updatedAfterIgnored, .offsetTimestamps]))
        }
    }

    @Test func updatedAfterHonouredByTheServer() async throws {
        try await withSandboxAPI { api, sandbox in
            let dates = sandbox.control.applications().map(\.updatedAt).sorted()
            let since = dates[dates.count * 3 / 4]
            var received = 0
            var dropped = 0
            for try await page in api.applications.pages(.init(updatedAfter: since)) {
                received += page.receivedCount
                dropped += page.droppedStaleCount
            }
            let expected = sandbox.control.applications().filter { $0.updatedAt >= since }.count
            #expect(received == expected)
            #expect(dropped == 0)
            #expect(!api.serverObservations.contains { $0.kind == .updatedAfterIgnored })
        }
    }
}
