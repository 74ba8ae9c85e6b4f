import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct ReadEndpointTests {
    @Test func jobsListEveryStateAndOneJobWithItsPipelineAndTeam() async throws {
        try await withWorkableHarness { harness in
            let jobs = try await harness.api.jobs.list().collect()
            #expect(jobs.map(\.shortcode.rawValue) == harness.control.jobs.map(\.shortcode))
            #expect(Set(jobs.compactMap(\.state?.rawValue)) == Set(harness.control.jobs.map(\.state)))
            let published = try await harness.api.jobs.list(.init(state: .published)).collect()
            #expect(published.allSatisfy { $0.state == .published })
            #expect(published.count == harness.control.jobs.filter { $0.state == "published" }.count)

            let truth = try #require(harness.control.jobs.first)
            let job = try await harness.api.jobs.get(WorkableShortcode(truth.shortcode))
            #expect(job.id?.rawValue == truth.id)
            #expect(job.descriptionHTML?.contains("<p>") == true)
            let pipeline = try await harness.api.jobs.stages(job.shortcode)
            #expect(pipeline.map(\.slug.rawValue) == truth.pipeline)
            let team = try await harness.api.jobs.members(job.shortcode)
            #expect(!team.isEmpty && team.allSatisfy { $0.isActive == true })
            for detail in WorkableAPI.JobDetail.allCases {
                let document = try await harness.api.jobs.detail(job.shortcode, detail)
                #expect(document.isObject)
            }
            let inJob = try await harness.api.jobs.candidates(job.shortcode).collect()
            #expect(
                inJob.map(\.id.rawValue)
                    == harness.control.candidates.filter { $0.shortcode == truth.shortcode }.map(\.id))
        }
    }

    @Test func aWrappedSingleJobIsAcceptedAndReported() async throws {
        try await withWorkableHarness({ $0.behavior.wrapsSingleJob = true }) { harness in
            let shortcode = try #require(harness.control.jobs.first?.shortcode)
            let job = try await harness.api.jobs.get(WorkableShortcode(shortcode))
            #expect(job.shortcode.rawValue == shortcode)
            #expect(harness.api.serverObservations.contains { $0.kind == .recordWrapping })
        }
    }

    @Test func accountListsStagesMembersReasonsAndCustomAttributes() async throws {
        try await withWorkableHarness { harness in
            let stages = try await harness.api.account.stages()
            #expect(stages.map(\.slug.rawValue) == harness.control.stages.map(\.slug))
            #expect(stages.contains { $0.name == "Technical Interview – Round 2 ✓" })
            let active = try await harness.api.account.members().collect()
            #expect(active.map(\.id.rawValue) == harness.control.members.filter(\.active).map(\.id))
            let everyone = try await harness.api.account.members(.init(status: "all")).collect()
            #expect(everyone.count == harness.control.members.count)
            let admins = try await harness.api.account.members(.init(role: "admin")).collect()
            #expect(admins.allSatisfy { $0.roles.contains("admin") && $0.isActive == true })
            let reasons = try await harness.api.account.disqualificationReasons()
            #expect(reasons.map(\.id.rawValue) == harness.control.reasons.map(\.id))
            #expect(reasons.map(\.candidateWithdrew) == harness.control.reasons.map(\.withdrew))
            let attributes = try await harness.api.account.customAttributes()
            #expect(attributes.contains { $0.key == "seniority" && $0.choices == ["Junior", "Mid", "Senior"] })
            let accounts = try await harness.api.account.accounts()
            #expect(accounts["accounts"].array.first?["subdomain"].string == harness.sandbox.subdomain)
        }
    }

    @Test func candidatesListEveryRecordOldestFirstWithExactTimestamps() async throws {
        try await withWorkableHarness(client: ClientOptions(pageSize: 7)) { harness in
            let candidates = try await harness.api.candidates.list().collect()
            let truth = harness.control.candidates
            #expect(candidates.map(\.id.rawValue) == truth.map(\.id))
            for (record, expected) in zip(candidates, truth) {
                #expect(record.stage == expected.stageName)
                #expect(record.jobShortcode?.rawValue == expected.shortcode)
                #expect(record.email == expected.email)
                #expect(record.isDisqualified == expected.isDisqualified)
                let created = try #require(record.createdAt)
                #expect(
                    created.secondsSince1970 * 1000 + Int64(created.nanoseconds / 1_000_000) == expected.createdAtMillis
                )
                #expect(created.nanoseconds % 1_000_000 == 0)
            }
        }
    }

    @Test func candidateFiltersSelectWhatTheContractSays() async throws {
        try await withWorkableHarness { harness in
            let truth = harness.control.candidates
            // One person, several jobs, e-mails differing in case and spaces.
            let byPerson = Dictionary(grouping: truth.filter { $0.email != nil }) {
                $0.email?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            }
            let (email, records) = try #require(
                byPerson.first { $0.value.count > 1 && Set($0.value.compactMap(\.email)).count > 1 })
            let found = try await harness.api.candidates.list(.init(email: "  " + email.uppercased())).collect()
            #expect(Set(found.map(\.id.rawValue)) == Set(records.map(\.id)))
            #expect(Set(found.compactMap(\.normalizedEmail)) == [email])

            let shortcode = truth[0].shortcode
            let inJob = try await harness.api.candidates.list(.init(shortcode: WorkableShortcode(shortcode))).collect()
            #expect(inJob.map(\.id.rawValue) == truth.filter { $0.shortcode == shortcode }.map(\.id))

            let inStage = try await harness.api.candidates.list(.init(stage: "interview")).collect()
            #expect(inStage.map(\.id.rawValue) == truth.filter { $0.stageSlug == "interview" }.map(\.id))

            let middle = truth.sorted { $0.updatedAtMillis < $1.updatedAtMillis }[truth.count / 2]
            let bound = WorkableTimestamp(
                secondsSince1970: middle.updatedAtMillis / 1000,
                nanoseconds: Int32(middle.updatedAtMillis % 1000) * 1_000_000)
            let updated = try await harness.api.candidates.list(.init(updatedAfter: bound)).collect()
            #expect(
                updated.map(\.id.rawValue) == truth.filter { $0.updatedAtMillis > middle.updatedAtMillis }.map(\.id))
            let created = try await harness.api.candidates.list(.init(createdAfter: bound)).collect()
            #expect(
                created.map(\.id.rawValue) == truth.filter { $0.createdAtMillis > middle.updatedAtMillis }.map(\.id))
            #expect(!harness.api.serverObservations.contains { $0.kind == .timeFilterIgnored })

            let sinceID = WorkableCandidateID(truth[5].id)
            let since = try await harness.api.candidates.list(
                .init(sinceID: sinceID, maxID: WorkableCandidateID(truth[9].id))
            ).collect()
            #expect(since.map(\.id.rawValue) == truth[5...9].map(\.id))
        }
    }

    @Test func oneCandidateInFullWithItsActivitiesAndFiles() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first { $0.email != nil })
            let candidate = try await harness.api.candidates.get(WorkableCandidateID(truth.id))
            #expect(candidate.id.rawValue == truth.id)
            #expect(candidate.resumeURL != nil)
            #expect(candidate.raw["resume_metadata"]["filetype"].string == "application/pdf")
            let activities = try await harness.api.candidates.activities(candidate.id).collect()
            #expect(activities.map(\.id.rawValue) == harness.control.activities(of: truth.id).map(\.id))
            let files = try await harness.api.candidates.files(candidate.id)
            #expect(files.map(\.name) == harness.control.files(of: truth.id).map(\.name))
            await #expect(throws: WorkableAPIError.self) { try await harness.api.candidates.get("nope") }
            do {
                _ = try await harness.api.candidates.get("nope")
            } catch let error as WorkableAPIError {
                #expect(error.code == .notFound)
                #expect(error.serverMessage == "Not found")
            }
        }
    }
}
