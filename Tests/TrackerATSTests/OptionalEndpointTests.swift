import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Optional endpoints: the read and write paths against a server without any endpoint Tracker
/// does not document, whether the missing ones answer with a JSON 404 or an HTML page.
@Suite struct OptionalEndpointTests {
    static let modes: [SandboxModelEndpoints] = [.missingJSON, .missingHTML]

    static func configuration(_ mode: SandboxModelEndpoints) -> SandboxConfiguration {
        var configuration = SandboxConfiguration(applicationCount: 300)
        configuration.behavior.modelEndpoints = mode
        return configuration
    }

    @Test(arguments: modes)
    func readsWorkWithoutTheSchemasAndCustomFieldsStayUntyped(_ mode: SandboxModelEndpoints) async throws {
        try await withSandboxClient(Self.configuration(mode)) { client, sandbox in
            let applications = try await client.streamApplications(.init()).collect()
            #expect(applications.count == sandbox.control.applications().count)
            let truth = try #require(sandbox.control.applications().first { !$0.customFields.isEmpty })
            let read = try #require(applications.first { $0.id.rawValue == String(truth.id) })
            #expect(Set(truth.customFields.keys).isSubset(of: Set(read.customFields.keys)))
            #expect(try await client.streamCandidates(.init()).collect().count > 0)
            #expect(try await client.streamJobs(.init()).collect().count == sandbox.control.jobs().count)
            #expect(try await client.application(ApplicationID(String(truth.id))).id == read.id)
            let definitions = try await #require(throws: ATSError.self) {
                try await client.customFieldDefinitions(for: .application)
            }
            #expect(definitions.code == .endpointMissing)
            #expect(definitions.message.contains("GET /applications/custom_fields_schema"))
            #expect(
                client.api.missingEndpoints == [
                    "GET /applications/custom_fields_schema", "GET /jobs/custom_fields_schema",
                ])
        }
    }

    @Test(arguments: modes)
    func anActionRunsAndIsAwaitedWithoutTheTriggerList(_ mode: SandboxModelEndpoints) async throws {
        try await withWriteSandbox(sandbox: [.modelEndpoints(mode)]) { client, sandbox, _ in
            let action = try await client.runAction(.tagApp, data: ["app_id": 12, "tag_text": "vip"], wait: .executed)
            #expect(action.isExecuted && !action.hasFailed)
            #expect(sandbox.control.application(id: 12)?.tags.contains("vip") == true)
            #expect(client.api.missingEndpoints == ["GET /triggers"])
        }
    }

    @Test(arguments: modes)
    func movesAndRejectionsNeedNoOptionalEndpoint(_ mode: SandboxModelEndpoints) async throws {
        try await withWriteSandbox(sandbox: [.modelEndpoints(mode)]) { client, sandbox, _ in
            let new = try #require(sandbox.applicationIDs(withStatus: "New").first)
            let move = try await client.moveToStage(StageMoveRequest(application: new.applicationID, to: "Interview"))
            #expect(move.state == .verified)
            let interview = try #require(sandbox.applicationIDs(withStatus: "Interview").first { $0 != new })
            let rejection = try await client.reject(
                interview.applicationID, options: RejectionOptions(reason: "Role filled"))
            #expect(rejection.outcome == .rejected && rejection.state == .verified)
            guard case .notRecorded(let why) = rejection.reason else {
                Issue.record("the reason cannot have been kept without POST /notes: \(rejection.reason)")
                return
            }
            #expect(why.contains("POST /notes"))
            #expect(!why.contains(".."))
        }
    }

    @Test(arguments: modes)
    func aWriteWhoseJobNeedsAMissingEndpointNamesIt(_ mode: SandboxModelEndpoints) async throws {
        try await withWriteSandbox(sandbox: [.modelEndpoints(mode)]) { client, sandbox, _ in
            let notesBefore = sandbox.control.noteCount
            let note = try await #require(throws: ATSError.self) {
                try await client.addNote(NoteDraft("Called back."), toApplication: ApplicationID("5"))
            }
            #expect(note.code == .endpointMissing)
            #expect(note.message.contains("POST /notes"))
            #expect(!note.description.contains("Tracker has no"))
            #expect(sandbox.control.noteCount == notesBefore)
            let triggers = try await #require(throws: ATSError.self) { try await client.triggers() }
            #expect(triggers.code == .endpointMissing && triggers.message.contains("GET /triggers"))
            let job = try #require(sandbox.control.jobs().first)
            let created = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: JobID(String(job.id)),
                        applicant: .details(
                            CandidateDetails(firstName: "Ada", lastName: "Byron", email: "ada-\(UUID())@example.com"))))
            }
            #expect(created.description.contains("POST /applications"), "\(created)")
        }
    }

    @Test func aRecordThatDoesNotExistIsStillCalledMissingAndTheEndpointIsNamed() async throws {
        try await withSandboxClient { client, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.application(ApplicationID("999999"))
            }
            #expect(error.code == .notFound)
            #expect(
                error.message == "Tracker has no application 999999 (GET /applications/{id} answered 404 Not Found).")
            #expect(client.api.missingEndpoints.isEmpty)
        }
    }

    @Test(arguments: ["/api/v2", "", "/api"])
    func aWrongBaseURLSaysWhereTheAPIRootIs(_ path: String) async throws {
        try await withTrackerSandbox(SandboxConfiguration(applicationCount: 20)) { sandbox in
            let configuration = TrackerAPI.Configuration(
                baseURL: sandbox.origin + path, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword)
            try await TrackerATSClient.withTrackerATSClient(api: configuration) { client in
                for attempt in 0..<2 {
                    let error = try await #require(throws: ATSError.self) {
                        if attempt == 0 {
                            _ = try await client.streamApplications(.init()).collect()
                        } else {
                            _ = try await client.application(ApplicationID("5"))
                        }
                    }
                    #expect(error.code == .endpointMissing)
                    #expect(error.description.contains("Tracker's API root ends in /api/v1"), "\(error)")
                    #expect(!error.description.contains("Tracker has no"))
                    #expect(!error.description.contains(".."), "\(error)")
                }
            }
        }
    }
}
