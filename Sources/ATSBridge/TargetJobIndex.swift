import ATSCore
import Foundation

/// One target job's applications by normalised e-mail, oldest first: what the bridge matches
/// people against. Read from the target when first needed and again whenever a create is in doubt.
struct TargetJobIndex: Sendable {
    private var byEmail: [String: [Application]] = [:]

    /// Reads every application of `job` from `client`.
    ///
    /// A provider whose application records leave out the applicant's e-mail (Tracker RMS lists
    /// placements without their person's details) is asked for each such application's candidate,
    /// once per candidate: the bridge matches on e-mail and must not miss a person for that.
    /// - Throws: ``ATSError`` when the target cannot be read.
    static func read(_ job: JobID, from client: any ATSClient) async throws -> TargetJobIndex {
        var index = TargetJobIndex()
        var withoutEmail: [Application] = []
        for try await application in client.streamApplications(ATSChangeQuery(jobIDs: [job])) {
            // A provider that ignores the job filter must not make another job's applicant count.
            guard application.jobID == job else { continue }
            if BridgeEmail.normalized(application.applicant.email) == nil {
                withoutEmail.append(application)
            } else {
                index.add(application)
            }
        }
        guard !withoutEmail.isEmpty, client.capabilities.support(for: .candidate).isAvailable else { return index }
        var emails: [CandidateID: String?] = [:]
        for var application in withoutEmail {
            if emails[application.candidateID] == nil {
                do {
                    emails[application.candidateID] = try await client.candidate(application.candidateID).person.email
                } catch let error as ATSError where error.code == .notFound {
                    emails[application.candidateID] = .some(nil)
                }
            }
            application.applicant.email = emails[application.candidateID] ?? nil
            index.add(application)
        }
        return index
    }

    /// The person's applications on the job, oldest first.
    func applications(of email: String) -> [Application] {
        byEmail[email] ?? []
    }

    /// Adds an application (one just created, or read).
    mutating func add(_ application: Application) {
        guard let email = BridgeEmail.normalized(application.applicant.email) else { return }
        var list = byEmail[email] ?? []
        guard !list.contains(where: { $0.id == application.id }) else { return }
        list.append(application)
        list.sort(by: Self.isOlder)
        byEmail[email] = list
    }

    /// Oldest first: by creation (or application) time, then by id (numeric ids in number order).
    private static func isOlder(_ left: Application, _ right: Application) -> Bool {
        let leftTime = left.createdAt ?? left.appliedAt ?? .distantFuture
        let rightTime = right.createdAt ?? right.appliedAt ?? .distantFuture
        if leftTime != rightTime { return leftTime < rightTime }
        return left.id < right.id
    }
}
