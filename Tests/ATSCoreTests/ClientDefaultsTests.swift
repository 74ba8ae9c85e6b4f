import ATSCore
import Foundation
import Testing

/// A provider skeleton that writes two operations; every other one comes from ATSClient's defaults.
private struct SkeletonClient: ATSClient {
    static let provider = ATSProvider(rawValue: "skeleton")

    let capabilities = ATSCapabilities(
        provider: SkeletonClient.provider,
        operations: [
            .streamJobs: .supported,
            .job: .limited("Only open jobs."),
            .dispositionReasons: .notSupported("Skeleton's API has no rejection reasons."),
        ])

    func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        ATSStream(Jobs(jobs: [Job(id: JobID("1"), title: "Welder", status: .open)]))
    }

    func job(_ id: JobID) async throws -> Job { Job(id: id, title: "Welder", status: .open) }

    struct Jobs: AsyncSequence, Sendable {
        let jobs: [Job]
        func makeAsyncIterator() -> Iterator { Iterator(remaining: jobs[...]) }
        struct Iterator: AsyncIteratorProtocol {
            var remaining: ArraySlice<Job>
            mutating func next() async throws -> Job? { remaining.popFirst() }
        }
    }
}

/// A client whose capabilities claim an operation it does not implement.
private struct OverclaimingClient: ATSClient {
    let capabilities = ATSCapabilities(provider: ATSProvider(rawValue: "overclaim"), operations: [.resume: .supported])
}

@Suite struct ClientDefaultsTests {
    @Test func aSkeletonImplementingTwoOperationsRefusesEveryOtherWithItsProviderAndReason() async throws {
        let outcomes = await ClientProbe.refusals(of: SkeletonClient())
        #expect(outcomes.count == ClientProbe.operations.count)
        let refused = outcomes.compactMap { $0.value == nil ? nil : $0.key }
        #expect(Set(refused) == Set(ClientProbe.operations).subtracting([.streamJobs, .job]))
        for (operation, error) in outcomes {
            guard let error else { continue }
            #expect(error.code == .notSupported, "\(operation)")
            #expect(error.provider == SkeletonClient.provider, "\(operation)")
            #expect(error.operation == operation.rawValue)
            #expect(error.message == "skeleton does not support \(operation.title.lowercased()).")
        }
        #expect(outcomes[.dispositionReasons]??.reason == "Skeleton's API has no rejection reasons.")
        #expect(outcomes[.resume]??.reason == "ATSKit's skeleton client does not implement this operation.")
        #expect(try await SkeletonClient().streamJobs(.all).collect().map(\.title) == ["Welder"])
        #expect(SkeletonClient().diagnostics.isEmpty)
        #expect(SkeletonClient().accountTimeZone == nil)
    }

    /// What the defaults refuse is exactly what the coverage matrix shows as not supported, with
    /// the same reason.
    @Test func theCoverageMatrixShowsEveryDefaultRefusalWithItsReason() async throws {
        let client = SkeletonClient()
        let outcomes = await ClientProbe.refusals(of: client)
        for (operation, error) in outcomes {
            let support = client.capabilities.support(for: operation)
            #expect(support.isAvailable == (error == nil), "\(operation): coverage and behaviour disagree")
            if let error { #expect(support.note == error.reason, "\(operation)") }
        }
        let markdown = CoverageMatrix(providers: [client.capabilities]).markdown()
        #expect(
            markdown.contains(
                "| Get resume (`resume`) | **not supported**: ATSKit's skeleton client does not implement this "
                    + "operation. |"))
    }

    @Test func aClientThatClaimsAnOperationItLacksIsRefusedNamingTheDefect() async throws {
        let error = try await #require(throws: ATSError.self) {
            _ = try await OverclaimingClient().resume(of: CandidateID("1"))
        }
        #expect(error.code == .notSupported)
        #expect(
            error.reason?.contains("lists this operation as available, but its client does not implement it") == true)
    }

    @Test func aRefusedStreamThrowsWhenIteratedAndNotBefore() async throws {
        let stream = SkeletonClient().streamApplications(.all)
        var iterator = stream.makeAsyncIterator()
        let error = try await #require(throws: ATSError.self) { _ = try await iterator.next() }
        #expect(error.operation == "streamApplications")
    }
}

/// Calls every ATSClient operation once with inputs that name no record, and notes which ones the
/// client refused as not supported.
enum ClientProbe {
    /// The operations of the coverage matrix that ATSClient has requirements for (workflow actions,
    /// triggers and hiring are on a provider's own type).
    static let operations = ATSOperation.all.filter {
        ![.markAsHired, .workflowActions, .workflowTriggers].contains($0)
    }

    /// Each operation and its `notSupported` error, or nil when the client did not refuse it.
    static func refusals(of client: some ATSClient) async -> [ATSOperation: ATSError?] {
        var outcomes: [ATSOperation: ATSError?] = [:]
        for operation in operations {
            do {
                try await call(operation, on: client)
                outcomes[operation] = .some(nil)
            } catch let error as ATSError where error.code == .notSupported {
                outcomes[operation] = error
            } catch {
                outcomes[operation] = .some(nil)
            }
        }
        return outcomes
    }

    private static func call(_ operation: ATSOperation, on client: some ATSClient) async throws {
        let application = ApplicationID("probe")
        let candidate = CandidateID("probe")
        let job = JobID("probe")
        let attachment = Attachment(
            id: AttachmentID("probe"), applicationID: application, filename: "x", kind: .attachment)
        switch operation {
        case .streamJobs: _ = try await client.streamJobs(.all).collect()
        case .streamApplications: _ = try await client.streamApplications(.all).collect()
        case .streamCandidates: _ = try await client.streamCandidates(.all).collect()
        case .application: _ = try await client.application(application)
        case .moveToStage:
            _ = try await client.moveToStage(StageMoveRequest(application: application, to: StageID("x")))
        case .dispositionReasons: _ = try await client.dispositionReasons()
        case .rejectApplication: _ = try await client.reject(application, options: RejectionOptions())
        case .bulkRejectApplications: _ = try await client.bulkReject(BulkRejectionRequest(applications: []))
        case .createApplication:
            _ = try await client.createApplication(
                ApplicationCreationRequest(job: job, applicant: .candidate(candidate)))
        case .allApplicationStages: _ = try await client.allApplicationStages()
        case .job: _ = try await client.job(job)
        case .enhancedJob: _ = try await client.enhancedJob(job)
        case .batchJobs: _ = try await client.batchJobs([job], maximumConcurrency: 1)
        case .candidate: _ = try await client.candidate(candidate)
        case .findCandidates: _ = try await client.findCandidates(CandidateDetails(email: "a@b.c"), limit: 1)
        case .resume: _ = try await client.resume(of: candidate)
        case .applicationNotes: _ = try await client.notes(ofApplication: application)
        case .candidateNotes: _ = try await client.notes(ofCandidate: candidate)
        case .addApplicationNote: _ = try await client.addNote(NoteDraft("x"), toApplication: application)
        case .addCandidateNote:
            _ = try await client.addNote(NoteDraft("x"), toCandidate: candidate, scope: .latestApplication)
        case .applicationAttachments: _ = try await client.attachments(ofApplication: application)
        case .candidateAttachments: _ = try await client.attachments(ofCandidate: candidate)
        case .downloadAttachment: _ = try await client.download(attachment)
        case .uploadAttachment:
            _ = try await client.uploadAttachment(
                AttachmentUpload(filename: "x.txt", source: .bytes(Data("x".utf8))), to: application)
        case .deleteAttachment: try await client.deleteAttachment(AttachmentID("probe"))
        case .customFieldDefinitions: _ = try await client.customFieldDefinitions(for: .application)
        case .applicationCustomFields: _ = try await client.customFields(ofApplication: application)
        case .candidateCustomFields: _ = try await client.customFields(ofCandidate: candidate)
        case .jobCustomFields: _ = try await client.customFields(ofJob: job)
        case .setApplicationCustomFields: _ = try await client.setCustomFields([:], ofApplication: application)
        case .setCandidateCustomFields: _ = try await client.setCustomFields([:], ofCandidate: candidate)
        case .setJobCustomFields: _ = try await client.setCustomFields([:], ofJob: job)
        default: Issue.record("the probe does not know how to call \(operation)")
        }
    }
}
