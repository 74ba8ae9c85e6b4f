import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// Status 99 storms, HTML answers and dropped connections: reads succeed through the wire
/// library's retries; writes are repeated only where the server makes that harmless, and are
/// otherwise reported as outcome unknown — never sent twice blindly.
@Suite struct FaultTests {
    @Test(arguments: [[RMSSandboxFault.status99], [.htmlSuccess, .badGatewayHTML, .serverError]])
    func readsSucceedThroughAStorm(_ kinds: [RMSSandboxFault]) async throws {
        let behavior = RMSSandboxBehavior(faultRate: 0.3, faultKinds: kinds)
        try await withRMSClient(rmsSandbox(placements: 40, behavior: behavior)) { sandbox, client in
            let applications = try await client.streamApplications(.all).collect()
            #expect(applications.count == sandbox.control.placements.count)
            #expect(sandbox.control.requestLog.contains { $0.fault != nil }, "the storm happened")
            let stages = try await client.allApplicationStages()
            #expect(stages.count == sandbox.control.placementStatuses.count)
            let placement = try #require(sandbox.control.placements.first { $0.statusID != 2 })
            let moved = try await client.moveToStage(.init(application: ApplicationID(String(placement.id)), to: "2"))
            #expect(moved.state == .verified)
        }
    }

    @Test func aMoveWhoseAnswerIsLostIsConfirmedByReadingBack() async throws {
        try await withRMSClient { sandbox, client in
            let placement = try #require(sandbox.control.placements.first { $0.statusID != 6 })
            sandbox.control.scriptFaults([.droppedConnection], onOperation: "updateRecord")
            let moved = try await client.moveToStage(
                .init(application: ApplicationID(String(placement.id)), to: "Offer Made"))
            #expect(moved.state == .verified)
            #expect(sandbox.control.placements.first { $0.id == placement.id }?.statusID == 6)
        }
    }

    @Test func anUploadWhoseAnswerIsLostIsNotSentAgain() async throws {
        try await withRMSClient { sandbox, client in
            let placement = try #require(sandbox.control.placements.first)
            let before = sandbox.control.documents.count
            sandbox.control.scriptFaults([.droppedConnection], onOperation: "attachDocument")
            let error = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(
                    .init(filename: "cover.txt", source: .bytes(Data("hello".utf8))),
                    to: ApplicationID(String(placement.id)))
            }
            #expect(error.code == .outcomeUnknown)
            #expect(sandbox.control.documents.count == before + 1, "it landed once and was not repeated")
            #expect(sandbox.control.count("attachDocument") == 1)
        }
    }

    @Test func aCandidateWhoseEveryCreateAnswerIsLostIsFoundByItsAddress() async throws {
        try await withRMSClient { sandbox, client in
            let job = try #require(sandbox.control.opportunities.first)
            sandbox.control.scriptFaults(
                Array(repeating: .droppedConnection, count: 12), onOperation: "createResource")
            let result = try await client.createApplication(
                .init(
                    job: JobID(String(job.id)),
                    applicant: .details(.init(firstName: "Lost", lastName: "Answer", email: "lost.answer@new.example")))
            )
            #expect(result.wasCreated)
            #expect(sandbox.control.resources.count { $0.email == "lost.answer@new.example" } == 1, "never a duplicate")
            #expect(
                result.application.candidateID.rawValue
                    == sandbox.control.resources.first { $0.email == "lost.answer@new.example" }.map { String($0.id) })
        }
    }

    @Test func errorsNeverShowTheCredentials() async throws {
        try await withTrackerRMSSandbox(rmsSandbox()) { sandbox in
            let error = try await #require(throws: ATSError.self) {
                try await TrackerRMSATSClient.withClient(
                    baseURL: sandbox.baseURL,
                    credentials: .usernamePassword(username: sandbox.username, password: "wrong-secret-991"),
                    accountTimeZone: nil, configure: { $0.retryPolicy = quickRetries }
                ) { client in try await client.allApplicationStages() }
            }
            #expect(error.code == .unauthorized)
            #expect(!error.description.contains("wrong-secret-991"))
        }
    }
}
