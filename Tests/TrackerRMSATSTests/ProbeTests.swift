import ATSCore
import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSATS
import TrackerRMSSandbox

/// Every operation the capabilities list as available is implemented, and every other one is
/// refused with the listed reason: each is called once with inputs that name no record.
@Suite struct ProbeTests {
    @Test func capabilitiesAndCodeAgree() async throws {
        try await withRMSClient { _, client in
            let capabilities = client.capabilities
            var outcomes: [ATSOperation: (any Error)?] = [:]
            func probe(_ operation: ATSOperation, _ call: () async throws -> Void) async {
                do {
                    try await call()
                    outcomes[operation] = .some(nil)
                } catch {
                    outcomes[operation] = error
                }
            }
            let app: ApplicationID = "990001"
            let candidate: CandidateID = "990002"
            let job: JobID = "990003"
            await probe(.streamJobs) { _ = try await client.streamJobs(.init(jobIDs: [job])).collect() }
            await probe(.streamApplications) { _ = try await client.streamApplications(.init(jobIDs: [job])).collect() }
            await probe(.streamCandidates) { _ = try await client.streamCandidates(.init(jobIDs: [job])).collect() }
            await probe(.application) { _ = try await client.application(app) }
            await probe(.moveToStage) { _ = try await client.moveToStage(.init(application: app, to: "Applied")) }
            await probe(.dispositionReasons) { _ = try await client.dispositionReasons() }
            await probe(.rejectApplication) { _ = try await client.reject(app, options: .init()) }
            await probe(.bulkRejectApplications) { _ = try await client.bulkReject(.init(applications: [app])) }
            await probe(.createApplication) {
                _ = try await client.createApplication(.init(job: job, applicant: .candidate(candidate)))
            }
            await probe(.markAsHired) { throw client.capabilities.refusal(for: .markAsHired) }
            await probe(.allApplicationStages) { _ = try await client.allApplicationStages() }
            await probe(.job) { _ = try await client.job(job) }
            await probe(.enhancedJob) { _ = try await client.enhancedJob(job) }
            await probe(.batchJobs) { _ = try await client.batchJobs([job], maximumConcurrency: 1) }
            await probe(.candidate) { _ = try await client.candidate(candidate) }
            await probe(.findCandidates) {
                _ = try await client.findCandidates(.init(email: "nobody@none.example"), limit: 1)
            }
            await probe(.resume) { _ = try await client.resume(of: candidate) }
            await probe(.applicationNotes) { _ = try await client.notes(ofApplication: app) }
            await probe(.candidateNotes) { _ = try await client.notes(ofCandidate: candidate) }
            await probe(.addApplicationNote) { _ = try await client.addNote(.init("x"), toApplication: app) }
            await probe(.addCandidateNote) {
                _ = try await client.addNote(.init("x"), toCandidate: candidate, scope: .latestApplication)
            }
            await probe(.applicationAttachments) { _ = try await client.attachments(ofApplication: app) }
            await probe(.candidateAttachments) { _ = try await client.attachments(ofCandidate: candidate) }
            await probe(.downloadAttachment) {
                _ = try await client.download(Attachment(id: "1", applicationID: app, filename: "x", kind: .attachment))
            }
            await probe(.uploadAttachment) {
                _ = try await client.uploadAttachment(.init(filename: "x.txt", source: .bytes(Data("x".utf8))), to: app)
            }
            await probe(.deleteAttachment) { try await client.deleteAttachment("1") }
            await probe(.customFieldDefinitions) { _ = try await client.customFieldDefinitions(for: .candidate) }
            await probe(.applicationCustomFields) { _ = try await client.customFields(ofApplication: app) }
            await probe(.candidateCustomFields) { _ = try await client.customFields(ofCandidate: candidate) }
            await probe(.jobCustomFields) { _ = try await client.customFields(ofJob: job) }
            await probe(.setApplicationCustomFields) { _ = try await client.setCustomFields([:], ofApplication: app) }
            await probe(.setCandidateCustomFields) { _ = try await client.setCustomFields([:], ofCandidate: candidate) }
            await probe(.setJobCustomFields) { _ = try await client.setCustomFields([:], ofJob: job) }
            await probe(.workflowActions) { throw client.capabilities.refusal(for: .workflowActions) }
            await probe(.workflowTriggers) { throw client.capabilities.refusal(for: .workflowTriggers) }
            #expect(Set(outcomes.keys) == Set(ATSOperation.all), "every operation probed")
            for operation in ATSOperation.all {
                let error = outcomes[operation].flatMap { $0 } as? ATSError
                if capabilities.support(for: operation).isAvailable {
                    #expect(
                        error?.code != .notSupported,
                        "\(operation) is listed and implemented: \(String(describing: error))")
                } else {
                    #expect(error?.code == .notSupported, "\(operation) is refused")
                    #expect(error?.reason == capabilities.support(for: operation).note, "\(operation) gives its reason")
                }
            }
        }
    }
}
