import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct WriteTests {
    @Test func aMoveByNameIsSentAsTheSlugAgainstTheDefaultMember() async throws {
        try await withWorkableClient(people: 20) { harness in
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "offer" })
            let member = try await harness.client.writeMember()
            #expect(!member.isConfigured)
            #expect(member.id.rawValue == harness.admin)
            #expect(member.summary.contains("first active admin"))
            let members = try await harness.client.members()
            #expect(members.map(\.id.rawValue) == harness.control.members.filter(\.active).map(\.id))
            let result = try await harness.client.moveToStage(
                StageMoveRequest(application: ApplicationID(truth.id), to: "OFFER"))
            #expect(result.stage.id == "offer")
            #expect(result.previousStage?.id.rawValue == truth.stageSlug)
            #expect(result.state == .verified)
            #expect(harness.control.candidates.first { $0.id == truth.id }?.stageSlug == "offer")
            #expect(harness.control.activities(of: truth.id).last?.memberID == harness.admin)
            let again = try await harness.client.moveToStage(
                StageMoveRequest(application: ApplicationID(truth.id), to: "offer"))
            #expect(again.state == .unchanged)
        }
    }

    @Test func anUnknownStageOrAStalePreconditionSendsNothing() async throws {
        try await withWorkableClient(people: 20) { harness in
            let job = try #require(harness.control.jobs.first { !$0.pipeline.contains("phone-screen") })
            let truth = try #require(harness.control.candidates.first { $0.shortcode == job.shortcode })
            let writes = { harness.apiRequests.filter { $0.method == "POST" }.count }
            let unknown = await atsError {
                _ = try await harness.client.moveToStage(
                    StageMoveRequest(application: ApplicationID(truth.id), to: "phone-screen"))
            }
            #expect(unknown?.code == .invalidInput)
            #expect(unknown?.message.contains("Nothing was sent") == true)
            #expect(unknown?.message.contains("Offer (offer)") == true)
            let stale = await atsError {
                _ = try await harness.client.moveToStage(
                    StageMoveRequest(application: ApplicationID(truth.id), to: "hired", onlyFromStage: "no-such"))
            }
            #expect(stale?.code == .conflict)
            #expect(writes() == 0)
        }
    }

    @Test func aConfiguredMemberIsUsedAndAnAccountWithoutAdminRefusesBeforeSending() async throws {
        try await withWorkableClient(people: 10) { harness in
            let recruiter = try #require(harness.control.members.first { $0.roles == ["recruiter"] })
            let client = WorkableATSClient(
                api: harness.api, settings: .init(memberID: WorkableMemberID(recruiter.id)))
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "hired" })
            _ = try await client.moveToStage(StageMoveRequest(application: ApplicationID(truth.id), to: "hired"))
            #expect(harness.control.activities(of: truth.id).last?.memberID == recruiter.id)
            #expect(try await client.writeMember().isConfigured)
        }
        try await withWorkableClient(people: 10, { $0.behavior.membersWithSingleRole = true }) { harness in
            // The older shape (`role`, no `active`) still finds the first admin GET /members lists as active.
            let member = try await harness.client.writeMember()
            #expect(member.id.rawValue == harness.admin)
        }
    }

    @Test func rejectionSendsAKnownReasonByIDAndFreeTextAsText() async throws {
        try await withWorkableClient(people: 20) { harness in
            let open = harness.control.candidates.filter { !$0.isDisqualified }
            let first = try #require(open.first)
            let second = try #require(open.dropFirst().first)
            let withdrew = try #require(harness.control.reasons.first { $0.withdrew })
            let result = try await harness.client.reject(
                ApplicationID(first.id), options: RejectionOptions(reason: withdrew.text.uppercased()))
            #expect(result.outcome == .rejected)
            #expect(result.reason == .providerReason)
            let record = try #require(harness.control.candidates.first { $0.id == first.id })
            #expect(record.isDisqualified && record.withdrew)
            #expect(record.disqualificationReason == withdrew.text)

            _ = try await harness.client.reject(
                ApplicationID(second.id), options: RejectionOptions(reason: "Salary expectations"))
            #expect(
                harness.control.candidates.first { $0.id == second.id }?.disqualificationReason == "Salary expectations"
            )

            let again = try await harness.client.reject(ApplicationID(first.id), options: RejectionOptions())
            #expect(again.outcome == .alreadyRejected)
            #expect(again.state == .unchanged)

            #expect(try await harness.client.revertRejection(ApplicationID(first.id)) == .verified)
            #expect(harness.control.candidates.first { $0.id == first.id }?.isDisqualified == false)
            #expect(try await harness.client.revertRejection(ApplicationID(first.id)) == .unchanged)
        }
    }

    @Test func aLostMoveAnswerIsReadBackNotBlindlyRepeated() async throws {
        try await withWorkableClient(people: 10) { harness in
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "hired" })
            harness.control.inject([.droppedConnection], pathSuffix: "/move")
            let result = try await harness.client.moveToStage(
                StageMoveRequest(application: ApplicationID(truth.id), to: "hired"))
            #expect(result.stage.id == "hired")
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/move") }.count == 1)
            #expect(harness.control.candidates.first { $0.id == truth.id }?.stageSlug == "hired")
        }
    }

    @Test func a202AnswerIsConfirmedByReadingBack() async throws {
        try await withWorkableClient(people: 10, { $0.behavior.writesAnswer202 = true }) { harness in
            let truth = try #require(harness.control.candidates.first { !$0.isDisqualified })
            let result = try await harness.client.reject(ApplicationID(truth.id), options: RejectionOptions())
            #expect(result.state == .verified)
        }
    }
}

@Suite struct MissingPipelineTests {
    @Test func withoutJobPipelinesStagesResolveAndMovesCheckAgainstTheAccountsStages() async throws {
        try await withWorkableClient(people: 10, { $0.behavior.lacksJobPipelines = true }) { harness in
            let applications = try await harness.client.streamApplications(.all).collect()
            #expect(applications.map { $0.stage?.id.rawValue } == harness.control.candidates.map(\.stageSlug))
            let truth = try #require(harness.control.candidates.first { $0.stageSlug != "interview" })
            let moved = try await harness.client.moveToStage(
                StageMoveRequest(application: ApplicationID(truth.id), to: "Interview"))
            #expect(moved.stage.id == "interview")
            #expect(harness.client.diagnostics.contains(.jobPipelineMissing))
        }
    }
}
