import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@Suite struct JobTests {
    @Test func aJobIsMappedFromTracker() async throws {
        try await withSandboxClient { client, sandbox in
            let truth = try #require(sandbox.control.jobs().first { $0.archived })
            let job = try await client.job(JobID(String(truth.id)))
            #expect(job.title == truth.title)
            #expect(job.status == .archived)
            #expect(job.category == truth.category)
            #expect(job.code == truth.jobCode)
            #expect(job.location.city == truth.city)
            #expect(job.isRemote == truth.remote)
            #expect(job.updatedAt == truth.updatedAt)
            #expect(
                job.customFields["headcount"] == truth.customFields["headcount"]?.intValue.map { .integer(Int64($0)) })
            #expect(job.raw.json.contains("\"job_code\""))

            let error = try await #require(throws: ATSError.self) { try await client.job(JobID("99999")) }
            #expect(error.code == .notFound)
            #expect(error.operation == ATSOperation.job.rawValue)
            #expect(error.description.contains("job 99999"))
        }
    }

    @Test func theEnhancedJobCountsItsApplicationsPerStatus() async throws {
        try await withSandboxClient { client, sandbox in
            let truth = try #require(sandbox.control.jobs().dropFirst(2).first)
            var expected: [String: Int] = [:]
            for application in sandbox.control.applications() where application.jobID == truth.id {
                expected[application.status, default: 0] += 1
            }

            let enhanced = try await client.enhancedJob(JobID(String(truth.id)))

            #expect(enhanced.applicationCountsByStage == expected)
            #expect(enhanced.applicationCount == expected.values.reduce(0, +))
            #expect(enhanced.category == truth.category)
            #expect(enhanced.customFields.map(\.name) == sandbox.control.jobSchema().map(\.fieldName))
            let department = try #require(enhanced.customFields.first { $0.name == "department" })
            #expect(department.value == .text(truth.customFields["department"]?.stringValue ?? ""))
            if case .singleSelect(let options) = department.definition?.type {
                #expect(options.contains(department.value.text))
            } else {
                Issue.record("department should be a select, not \(String(describing: department.definition?.type))")
            }
        }
    }

    @Test func aBatchReportsEachIDFoundNotFoundOrFailed() async throws {
        try await withSandboxClient(maximumAttempts: 1) { client, sandbox in
            let ids = sandbox.control.jobs().prefix(6).map { JobID(String($0.id)) }
            let asked = ids + [JobID("424242"), ids[0], ids[1]]

            let lookups = try await client.batchJobs(asked, maximumConcurrency: 3)

            #expect(lookups.map(\.id) == ids + [JobID("424242")])
            #expect(lookups.prefix(6).allSatisfy { $0.result.record?.id == $0.id })
            if case .notFound = lookups[6].result {} else { Issue.record("424242 should be not found") }

            // One lookup fails on the server; the others are still answered.
            _ = try await client.metadata.customFieldSchemas()
            sandbox.control.scriptFault(.serverError)
            let mixed = try await client.batchJobs(Array(ids.prefix(3)), maximumConcurrency: 1)
            guard case .failed(let error) = mixed[0].result else {
                Issue.record("the first lookup should have failed, got \(mixed[0].result)")
                return
            }
            #expect(error.code == .providerError)
            #expect(mixed.dropFirst().allSatisfy { $0.result.record != nil })
        }
    }
}

@Suite struct NotesAndFilesTests {
    @Test func notesOfAnApplicationAndOfACandidate() async throws {
        try await withSandboxClient(SandboxConfiguration(jobCount: 10, applicationCount: 600)) { client, sandbox in
            let notes = sandbox.control.notes()
            let applications = sandbox.control.applications()
            let groups = expectedCandidateGroups(applications)
            let noted = Set(notes.map(\.applicationID))
            let group = try #require(groups.first { $0.count > 1 && !$0.isDisjoint(with: noted) })
            let one = try #require(group.first { noted.contains($0) })

            let ofApplication = try await client.notes(ofApplication: ApplicationID(String(one)))
            let expected = notes.filter { $0.applicationID == one }.sorted {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
            #expect(ofApplication.map(\.id.rawValue) == expected.map { String($0.id) })
            #expect(ofApplication.allSatisfy { !$0.body.isEmpty && $0.author != nil })

            let person = try await client.application(ApplicationID(String(one))).candidateID
            let ofCandidate = try await client.notes(ofCandidate: person)
            #expect(
                Set(ofCandidate.map(\.id.rawValue))
                    == Set(notes.filter { group.contains($0.applicationID) }.map { String($0.id) }))
            #expect(
                zip(ofCandidate, ofCandidate.dropFirst()).allSatisfy {
                    ($0.createdAt ?? .distantPast) <= ($1.createdAt ?? .distantPast)
                })
        }
    }

    @Test func filesOfAnApplicationAndOfACandidateDownloadIntact() async throws {
        try await withSandboxClient(SandboxConfiguration(jobCount: 10, applicationCount: 600)) { client, sandbox in
            let files = sandbox.control.files()
            let groups = expectedCandidateGroups(sandbox.control.applications())
            let filed = Set(files.map(\.applicationID))
            let group = try #require(groups.first { $0.count > 1 && !$0.isDisjoint(with: filed) })
            let one = try #require(group.first { filed.contains($0) })

            let ofApplication = try await client.attachments(ofApplication: ApplicationID(String(one)))
            let expected = files.filter { $0.applicationID == one }.sorted {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
            #expect(ofApplication.map(\.filename) == expected.map(\.filename))
            #expect(ofApplication.map(\.kind.rawValue) == expected.map(\.kind))

            let person = try await client.application(ApplicationID(String(one))).candidateID
            let ofCandidate = try await client.attachments(ofCandidate: person)
            #expect(
                Set(ofCandidate.map(\.id.rawValue))
                    == Set(files.filter { group.contains($0.applicationID) }.map { String($0.id) }))

            let first = try #require(ofApplication.first)
            let download = try await client.download(first)
            var bytes: [UInt8] = []
            for try await chunk in download.body { bytes += chunk }
            #expect(bytes == expected.first?.content)
            #expect(try await client.attachment(first.id) == first)
        }
    }
}

@Suite struct CapabilityTests {
    @Test func rejectionReasonsAndStageListsAreNotSupported() async throws {
        try await withSandboxClient { client, _ in
            #expect(client.capabilities.supportsDispositionReasons == false)
            #expect(client.capabilities.supportsStageEnumeration == false)
            let reasons = try await #require(throws: ATSError.self) { try await client.dispositionReasons() }
            #expect(reasons.code == .notSupported)
            #expect(reasons.operation == "dispositionReasons")
            #expect(reasons.provider == .tracker)
            #expect(reasons.reason?.contains("rejection reasons") == true)
            let stages = try await #require(throws: ATSError.self) { try await client.allApplicationStages() }
            #expect(stages.code == .notSupported)
            #expect(stages.operation == "allApplicationStages")
            #expect(stages.reason?.isEmpty == false)
        }
    }

    @Test func badCredentialsAreUnauthorized() async throws {
        try await withTrackerSandbox(SandboxConfiguration(applicationCount: 10)) { sandbox in
            let configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: "wrong-password-123")
            try await TrackerATSClient.withTrackerATSClient(api: configuration) { client in
                let error = try await #require(throws: ATSError.self) { try await client.job(JobID("1")) }
                #expect(error.code == .unauthorized)
                #expect(!error.description.contains("wrong-password-123"))
            }
        }
    }
}
