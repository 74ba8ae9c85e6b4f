import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// Jobs, applications and candidates read through the client equal the sandbox's ground truth.
@Suite struct StreamTests {
    @Test func streamsEqualTheAccountsRecords() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let applications = try await client.streamApplications(.all).collect()
            #expect(applications.map(\.id.rawValue).sorted() == truth.placements.map { String($0.id) }.sorted())
            for application in applications {
                let placement = try #require(truth.placements.first { String($0.id) == application.id.rawValue })
                #expect(application.jobID.rawValue == String(placement.opportunityID))
                #expect(application.candidateID.rawValue == String(placement.resourceID))
                #expect(application.stage?.id.rawValue == String(placement.statusID))
                #expect(application.stage?.name == truth.statusName(placement.statusID))
                #expect(application.updatedAt == instant(placement.updatedAt), "placed in the account's zone")
                #expect(application.raw.json.contains("\"opportunityid\""), "the provider's JSON is kept")
            }
            let jobs = try await client.streamJobs(.all).collect()
            #expect(jobs.count == truth.opportunities.count)
            for job in jobs {
                let opportunity = try #require(truth.opportunities.first { String($0.id) == job.id.rawValue })
                #expect(job.title == opportunity.title, "the title without the JOB- prefix")
                #expect(job.code == "JOB-\(opportunity.id)")
                #expect(job.updatedAt == instant(opportunity.updatedAt))
                #expect(job.customFields["Cost Centre"] == opportunity.customFields[105].map(CustomFieldValue.text))
            }
            let candidates = try await client.streamCandidates(.all).collect()
            #expect(candidates.count == truth.resources.count, "resources are real records: one candidate each")
            for candidate in candidates.prefix(15) {
                let resource = try #require(truth.resources.first { String($0.id) == candidate.id.rawValue })
                #expect(candidate.person.email == resource.email)
                let expected = truth.placements.filter { $0.resourceID == resource.id }.map { String($0.id) }.sorted()
                #expect(candidate.applicationIDs.map(\.rawValue).sorted() == expected)
            }
        }
    }

    @Test func anIncrementalReadReturnsExactlyTheChangesSinceTheBound() async throws {
        try await withRMSClient { sandbox, client in
            let truth = sandbox.control
            let bound = rmsStart.addingTimeInterval(3_600)
            let moved = truth.placements.prefix(3).map(\.id)
            for (offset, id) in moved.enumerated() {
                truth.setPlacementUpdatedAt(id, to: bound.addingTimeInterval(Double(offset)))
            }
            let untouched = try #require(truth.placements.last?.id)
            truth.setPlacementUpdatedAt(untouched, to: bound.addingTimeInterval(-1))
            let changed = try await client.streamApplications(.init(updatedAfter: bound)).collect()
            #expect(changed.map(\.id.rawValue).sorted() == moved.map(String.init).sorted())
            let ofOneJob = try await client.streamApplications(
                .init(jobIDs: [JobID(String(truth.placements[0].opportunityID))])
            ).collect()
            #expect(Set(ofOneJob.map(\.jobID.rawValue)) == [String(truth.placements[0].opportunityID)])
        }
    }

    @Test func placementsHiddenFromTheListAreFoundThroughTheJobsOrSaidToBeMissing() async throws {
        let behavior = RMSSandboxBehavior(placementsListOnlyWorkingStates: true)
        try await withRMSClient(rmsSandbox(behavior: behavior), settings: .init(placementListing: .listOnly)) {
            sandbox, client in
            let listed = try await client.streamApplications(.all).collect()
            #expect(listed.count < sandbox.control.placements.count, "the list hides early stages")
            let support = client.capabilities.support(for: .streamApplications)
            #expect(support.note?.contains("may be missing") == true)
        }
        try await withRMSClient(rmsSandbox(behavior: behavior), settings: .init()) { sandbox, client in
            let all = try await client.streamApplications(.all).collect()
            #expect(all.map(\.id.rawValue).sorted() == sandbox.control.placements.map { String($0.id) }.sorted())
            #expect(Set(all.map(\.id)).count == all.count, "each once")
            #expect(client.diagnostics.contains(.placementsHiddenFromList))
            #expect(client.capabilities.support(for: .streamApplications).note?.contains("complete reads") == true)
            let one = try #require(
                sandbox.control.placements.first { sandbox.control.group(ofPlacementStatus: $0.statusID) == "Applied" })
            #expect(
                try await client.application(ApplicationID(String(one.id))).stage?.name
                    == sandbox.control.statusName(one.statusID))
        }
    }

    @Test func jobsByIdEnhancedAndInBatches() async throws {
        try await withRMSClient { sandbox, client in
            let opportunity = try #require(sandbox.control.opportunities.first)
            let job = try await client.job(JobID(String(opportunity.id)))
            #expect(job.title == opportunity.title)
            let enhanced = try await client.enhancedJob(job.id)
            let expected = sandbox.control.placements.filter { $0.opportunityID == opportunity.id }
            #expect(enhanced.applicationCount == expected.count)
            #expect(enhanced.category == opportunity.workType)
            #expect(enhanced.customFields.map(\.name).contains("Cost Centre"))
            let batch = try await client.batchJobs([job.id, "999999", job.id], maximumConcurrency: 2)
            #expect(batch.count == 2)
            #expect(batch.first?.result.record?.id == job.id)
            if case .notFound = batch.last?.result {} else { Issue.record("999999 is not found") }
            await #expect(throws: ATSError.self) { try await client.job("424242") }
        }
    }

    @Test func candidatesByIdAndByDetails() async throws {
        try await withRMSClient { sandbox, client in
            let resource = try #require(
                sandbox.control.resources.first { r in sandbox.control.placements.contains { $0.resourceID == r.id } })
            let candidate = try await client.candidate(CandidateID(String(resource.id)))
            #expect(candidate.person.firstName == resource.firstName)
            #expect(!candidate.applicationIDs.isEmpty)
            let byEmail = try await client.findCandidates(.init(email: "  " + resource.email.uppercased()), limit: 3)
            #expect(byEmail.first?.candidate.id.rawValue == String(resource.id))
            #expect(byEmail.first?.matchedFields.contains(.email) == true)
            let byName = try await client.findCandidates(
                .init(firstName: resource.firstName, lastName: resource.lastName), limit: 50)
            #expect(byName.contains { $0.candidate.id.rawValue == String(resource.id) && $0.score == 1 })
            await #expect(throws: ATSError.self) { try await client.findCandidates(.init(), limit: 3) }
            let resume = try #require(sandbox.control.documents.first { $0.documentType == "resume" })
            let download = try await client.resume(of: CandidateID(String(resume.recordID)))
            var bytes: [UInt8] = []
            for try await chunk in download.body { bytes.append(contentsOf: chunk) }
            #expect(bytes == resume.data)
        }
    }
}
