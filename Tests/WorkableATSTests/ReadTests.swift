import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct ReadTests {
    @Test func anApplicationByIDIsTheFullRecordWithTypedCustomFields() async throws {
        try await withWorkableClient(people: 20) { harness in
            let truth = try #require(harness.control.candidates.first)
            try await harness.api.candidates.setCustomAttribute(
                WorkableCandidateID(truth.id), key: "seniority", value: .choices(["c3"]))
            try await harness.api.candidates.setCustomAttribute(
                WorkableCandidateID(truth.id), key: "relocate", value: .checked(true))
            let application = try await harness.client.application(ApplicationID(truth.id))
            #expect(application.jobID.rawValue == truth.shortcode)
            #expect(application.stage?.id.rawValue == truth.stageSlug)
            #expect(application.customFields["seniority"] == .text("Senior"))
            #expect(application.customFields["relocate"] == .boolean(true))
            let missing = await atsError { _ = try await harness.client.application("no-such-record") }
            #expect(missing?.code == .notFound)
            #expect(missing?.provider == .workable)
        }
    }

    @Test func stagesAndReasonsAreEnumerable() async throws {
        try await withWorkableClient(people: 3) { harness in
            let stages = try await harness.client.allApplicationStages()
            #expect(stages.map(\.id.rawValue) == harness.control.stages.map(\.slug))
            #expect(stages.contains { $0.name == "Technical Interview – Round 2 ✓" })
            let reasons = try await harness.client.dispositionReasons()
            #expect(reasons.map(\.name) == harness.control.reasons.map(\.text))
            let job = try #require(harness.control.jobs.first { $0.pipeline.count < harness.control.stages.count })
            let pipeline = try await harness.client.stages(of: JobID(job.shortcode))
            #expect(pipeline.map(\.id.rawValue) == job.pipeline)
            #expect(harness.client.capabilities.supportsStageEnumeration)
            #expect(harness.client.capabilities.supportsDispositionReasons)
        }
    }

    @Test func jobsByIDInBatchAndEnhancedWithCounts() async throws {
        try await withWorkableClient(people: 20) { harness in
            let shortcodes = harness.control.jobs.map(\.shortcode)
            let first = try #require(shortcodes.first)
            let job = try await harness.client.job(JobID(first))
            #expect(job.id.rawValue == first)
            let lookups = try await harness.client.batchJobs(
                [JobID(first), "NOPE404", JobID(first)], maximumConcurrency: 2)
            #expect(lookups.map(\.id.rawValue) == [first, "NOPE404"])
            #expect(lookups.first?.result.record?.id.rawValue == first)
            if case .notFound = lookups[1].result {
            } else {
                Issue.record("expected notFound, got \(lookups[1].result)")
            }
            let enhanced = try await harness.client.enhancedJob(JobID(first))
            #expect(enhanced.applicationCount == harness.control.candidates.filter { $0.shortcode == first }.count)
        }
    }

    @Test func findByEmailUsesTheFilterAndMatchesAcrossCaseAndSpaces() async throws {
        try await withWorkableClient(people: 30) { harness in
            let group = try #require(harness.peopleByEmail.values.first { $0.count > 1 })
            let email = "  " + (group.first?.email ?? "").uppercased() + " "
            harness.control.clearRequestLog()
            let matches = try await harness.client.findCandidates(CandidateDetails(email: email), limit: 5)
            #expect(matches.count == 1)
            #expect(Set(matches.first?.candidate.applicationIDs.map(\.rawValue) ?? []) == Set(group.map(\.id)))
            #expect(matches.first?.matchedFields == [.email])
            #expect(harness.apiRequests.filter { $0.path.hasSuffix("/candidates") }.count == 1)
            let none = try await harness.client.findCandidates(CandidateDetails(email: "nobody@example.org"), limit: 5)
            #expect(none.isEmpty)
            let refused = await atsError { _ = try await harness.client.findCandidates(CandidateDetails(), limit: 5) }
            #expect(refused?.code == .invalidInput)
        }
    }

    @Test func findByNameReadsEveryRecordAndScores() async throws {
        try await withWorkableClient(people: 20) { harness in
            let record = try await harness.api.candidates.get(
                WorkableCandidateID(try #require(harness.control.candidates.first?.id)))
            let matches = try await harness.client.findCandidates(
                CandidateDetails(firstName: record.firstname, lastName: record.lastname), limit: 50)
            let best = try #require(matches.first)
            #expect(best.score == 1)
            #expect(best.matchedFields.contains(.fullName))
            #expect(best.candidate.applicationIDs.contains(ApplicationID(record.id.rawValue)) || matches.count > 1)
        }
    }
}

@Suite struct SecretTests {
    @Test func aRefusedTokenIsReportedWithoutTheTokenAndSettingsHideTheSecret() async throws {
        try await withWorkableClient(people: 2) { harness in
            let wrong = "wk-wrong-token-7c1d9e2f"
            let api = try WorkableAPI(
                configuration: .init(baseURL: harness.sandbox.baseURL, token: wrong, rateLimit: .accountToken),
                clock: harness.clock, wallClock: { harness.sandboxClock.now() })
            try await api.run { api in
                let client = WorkableATSClient(api: api)
                let error = await atsError { _ = try await client.streamJobs(.all).collect() }
                #expect(error?.code == .unauthorized)
                #expect(error?.provider == .workable)
                #expect(error.map { !"\($0)".contains(wrong) } == true)
                let denied = await atsError { _ = try await client.application("x") }
                #expect(denied.map { !"\($0)".contains(wrong) && !"\($0)".contains(harness.sandbox.token) } == true)
            }
            let settings = WorkableATSClient.Settings(candidateIDSecret: Array("do-not-print".utf8))
            #expect(!settings.description.contains("do-not-print"))
            #expect(!"\(harness.client.identity)".contains(harness.sandbox.token))
        }
    }
}
