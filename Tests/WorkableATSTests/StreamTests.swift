import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct StreamTests {
    @Test func jobsComeInEveryStateWithTheShortcodeAsID() async throws {
        try await withWorkableClient(people: 5) { harness in
            let jobs = try await harness.client.streamJobs(.all).collect()
            #expect(Set(jobs.map(\.id.rawValue)) == Set(harness.control.jobs.map(\.shortcode)))
            for truth in harness.control.jobs {
                let job = try #require(jobs.first { $0.id.rawValue == truth.shortcode })
                let expected: String =
                    switch truth.state {
                    case "published": "open"
                    default: truth.state
                    }
                #expect(job.status.rawValue == expected)
                #expect(job.isHidden == (truth.state == "draft"))
                #expect(job.raw.json.contains(truth.id))
            }
            let one = try #require(jobs.first)
            let filtered = try await harness.client.streamJobs(ATSChangeQuery(jobIDs: [one.id])).collect()
            #expect(filtered.map(\.id) == [one.id])
        }
    }

    @Test func applicationsAreRecordsWithStagesResolvedAndNoRequestPerRecord() async throws {
        try await withWorkableClient(people: 60) { harness in
            harness.control.clearRequestLog()
            let applications = try await harness.client.streamApplications(.all).collect()
            let truth = harness.control.candidates
            #expect(applications.map(\.id.rawValue) == truth.map(\.id))
            for (application, record) in zip(applications, truth) {
                #expect(application.jobID.rawValue == record.shortcode)
                #expect(application.stage?.id.rawValue == record.stageSlug)
                #expect(application.stage?.name == record.stageName)
                #expect(application.isArchived == record.isDisqualified)
                #expect(application.applicant.email == record.email)
                #expect(application.updatedAt == record.updatedAt)
            }
            // Pages of 100, the account's stages, and one pipeline per job: nothing per record.
            let requests = harness.apiRequests
            #expect(requests.filter { $0.path.hasSuffix("/candidates") }.count == (truth.count + 99) / 100)
            #expect(requests.count <= (truth.count + 99) / 100 + 1 + harness.control.jobs.count)
            #expect(
                !requests.contains { $0.path.range(of: #"/candidates/[^/]+$"#, options: .regularExpression) != nil })
        }
    }

    @Test func theLowerBoundIsInclusiveAndExactToTheMillisecond() async throws {
        try await withWorkableClient(people: 30) { harness in
            let truth = harness.control.candidates.sorted { $0.updatedAtMillis < $1.updatedAtMillis }
            let pivot = truth[truth.count / 2]
            let bound = Date(timeIntervalSince1970: Double(pivot.updatedAtMillis) / 1000)
            let changed = try await harness.client.streamApplications(ATSChangeQuery(updatedAfter: bound)).collect()
            let expected = Set(truth.filter { $0.updatedAtMillis >= pivot.updatedAtMillis }.map(\.id))
            #expect(Set(changed.map(\.id.rawValue)) == expected)
            #expect(changed.contains { $0.id.rawValue == pivot.id })
        }
    }

    @Test func aServerIgnoringTheTimeFilterIsFilteredHereAndReported() async throws {
        try await withWorkableClient(people: 20, { $0.behavior.ignoresTimeFilters = true }) { harness in
            let truth = harness.control.candidates.sorted { $0.updatedAtMillis < $1.updatedAtMillis }
            let pivot = truth[truth.count - 3]
            let bound = Date(timeIntervalSince1970: Double(pivot.updatedAtMillis) / 1000)
            let changed = try await harness.client.streamApplications(ATSChangeQuery(updatedAfter: bound)).collect()
            #expect(Set(changed.map(\.id.rawValue)) == Set(truth.suffix(3).map(\.id)))
            #expect(harness.client.diagnostics.contains(.updatedAfterIgnored))
        }
    }

    @Test func applicationsOfSomeJobsUseTheShortcodeFilter() async throws {
        try await withWorkableClient(people: 30) { harness in
            let job = try #require(harness.control.jobs.first?.shortcode)
            let applications = try await harness.client.streamApplications(
                ATSChangeQuery(jobIDs: [JobID(job)])
            ).collect()
            #expect(
                Set(applications.map(\.id.rawValue))
                    == Set(harness.control.candidates.filter { $0.shortcode == job }.map(\.id)))
            #expect(harness.apiRequests.contains { $0.query.contains("shortcode=\(job)") })
        }
    }

    @Test func candidatesGroupRecordsWhoseEmailsDifferInCaseAndSpaces() async throws {
        try await withWorkableClient(people: 30) { harness in
            let candidates = try await harness.client.streamCandidates(.all).collect()
            let people = harness.peopleByEmail
            let withoutEmail = harness.control.candidates.filter {
                ($0.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            }
            #expect(candidates.count == people.count + withoutEmail.count)
            let multi = try #require(
                people.values.first { group in
                    Set(group.map { $0.email ?? "" }).count > 1
                }, "the sandbox seeds one person's e-mail written differently")
            let candidate = try #require(
                candidates.first { Set($0.applicationIDs.map(\.rawValue)) == Set(multi.map(\.id)) })
            #expect(candidate.jobIDs.count == multi.count)
            #expect(candidate.id.rawValue.hasPrefix(WorkableCandidateIdentity.emailPrefix))
            #expect(!candidate.id.rawValue.contains("@"))
            for record in withoutEmail {
                #expect(candidates.contains { $0.id.rawValue == WorkableCandidateIdentity.recordPrefix + record.id })
            }
            let read = try await harness.client.candidate(candidate.id)
            #expect(read.applicationIDs == candidate.applicationIDs)
        }
    }

    @Test func anIncrementalCandidateReadLooksChangedPeopleUpByEmail() async throws {
        try await withWorkableClient(people: 30) { harness in
            let people = harness.peopleByEmail
            let group = try #require(people.values.first { $0.count > 1 })
            let latest = try #require(group.max { $0.updatedAtMillis < $1.updatedAtMillis })
            let newest = harness.control.candidates.map(\.updatedAtMillis).max() ?? 0
            let bound = Date(timeIntervalSince1970: Double(newest + 1) / 1000)
            // Touch one record of the person: the whole person comes back, with every job.
            try await harness.api.candidates.setTags(WorkableCandidateID(latest.id), ["touched"])
            harness.control.clearRequestLog()
            let changed = try await harness.client.streamCandidates(ATSChangeQuery(updatedAfter: bound)).collect()
            #expect(changed.count == 1)
            #expect(Set(changed.first?.applicationIDs.map(\.rawValue) ?? []) == Set(group.map(\.id)))
            #expect(harness.apiRequests.contains { $0.query.contains("email=") })
        }
    }

    @Test func aPageRefusedWith429IsWaitedForAndNeverLost() async throws {
        try await withWorkableClient(people: 80, pageSize: 10, { $0.behavior.rateLimit = 3 }) { harness in
            harness.control.exhaustRateLimit()
            let applications = try await harness.client.streamApplications(.all).collect()
            #expect(applications.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            let traffic = await harness.api.traffic
            #expect(traffic.rateLimitedResponses >= 1)
            #expect(harness.apiRequests.filter { $0.status == 429 }.count == traffic.rateLimitedResponses)
        }
    }
}

@Suite struct StreamToleranceTests {
    @Test(arguments: WorkableSandboxBehavior.NextLinkStyle.allCases)
    func everyFormOfPagingNextLosesNothing(_ style: WorkableSandboxBehavior.NextLinkStyle) async throws {
        try await withWorkableClient(people: 40, pageSize: 7, { $0.behavior.nextLinks = style }) { harness in
            let applications = try await harness.client.streamApplications(.all).collect()
            #expect(applications.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            // The token never leaves the API host, whatever host `next` names.
            #expect(harness.control.requests.allSatisfy { $0.host == .api })
        }
    }

    @Test func faultsOnReadsAreRetriedAndNothingIsLost() async throws {
        try await withWorkableClient(
            people: 40, pageSize: 10,
            {
                $0.behavior.faultRate = 0.3
                $0.behavior.faultKinds = [
                    .serverError, .badGatewayHTML, .serviceUnavailable, .droppedConnection, .rateLimited,
                ]
            }
        ) { harness in
            let applications = try await harness.client.streamApplications(.all).collect()
            #expect(applications.map(\.id.rawValue) == harness.control.candidates.map(\.id))
            let jobs = try await harness.client.streamJobs(.all).collect()
            #expect(jobs.count == harness.control.jobs.count)
            #expect(harness.apiRequests.contains { $0.fault != nil }, "the knob injected faults")
        }
    }
}
