public import ATSCore
import Foundation

/// ATSKit's neutral records as the mirror's rows: the typed columns of ``StreamSchema`` and the
/// provider's JSON the record kept (`RawPayload`).
public enum ATSClientSyncRecords {
    /// A job's row.
    public static func job(_ job: Job) -> SyncRecord {
        Layouts.jobs.row(of: job, id: job.id.rawValue, updatedAt: job.updatedAt, raw: job.raw)
    }

    /// An application's row; its stage column goes to the stage history.
    public static func application(_ application: Application) -> SyncRecord {
        Layouts.applications.row(
            of: application, id: application.id.rawValue, updatedAt: application.updatedAt, raw: application.raw)
    }

    /// A candidate's row. `Candidate` keeps no provider JSON, so the row's `raw` is the
    /// candidate's own fields as JSON.
    public static func candidate(_ candidate: Candidate) -> SyncRecord {
        Layouts.candidates.row(
            of: candidate, id: candidate.id.rawValue, updatedAt: candidate.updatedAt,
            raw: RawPayload(json: jsonText(CandidateJSON(candidate))))
    }

    /// Each stream's typed columns, declared once against its ``StreamSchema``.
    enum Layouts {
        typealias JobColumn = StreamSchema.JobColumns
        typealias ApplicationColumn = StreamSchema.ApplicationColumns
        typealias CandidateColumn = StreamSchema.CandidateColumns

        static let jobs = RowLayout<Job>(
            .jobs,
            [
                .init(JobColumn.title) { .text($0.title) },
                .init(JobColumn.status) { .text($0.status.rawValue) },
                .init(JobColumn.isHidden) { .boolean($0.isHidden) },
                .init(JobColumn.category) { text($0.category) },
                .init(JobColumn.code) { text($0.code) },
                .init(JobColumn.city) { text($0.location.city) },
                .init(JobColumn.state) { text($0.location.state) },
                .init(JobColumn.country) { text($0.location.country) },
                .init(JobColumn.isRemote) { .boolean($0.isRemote) },
                .init(JobColumn.url) { text($0.url) },
                .init(JobColumn.customFields) { json($0.customFields) },
                .init(JobColumn.createdAt) { date($0.createdAt) },
            ])

        static let applications = RowLayout<Application>(
            .applications,
            [
                .init(ApplicationColumn.jobID) { .text($0.jobID.rawValue) },
                .init(ApplicationColumn.candidateID) { .text($0.candidateID.rawValue) },
                .init(ApplicationColumn.firstName) { text($0.applicant.firstName) },
                .init(ApplicationColumn.lastName) { text($0.applicant.lastName) },
                .init(ApplicationColumn.email) { text($0.applicant.email) },
                .init(ApplicationColumn.phone) { text($0.applicant.phone) },
                .init(ApplicationColumn.stage) { text($0.stage?.name) },
                .init(ApplicationColumn.isArchived) { .boolean($0.isArchived) },
                .init(ApplicationColumn.source) { text($0.source) },
                .init(ApplicationColumn.tags) { json($0.tags) },
                .init(ApplicationColumn.rating) { $0.rating.map(SyncValue.real) ?? .null },
                .init(ApplicationColumn.customFields) { json($0.customFields) },
                .init(ApplicationColumn.appliedAt) { date($0.appliedAt) },
                .init(ApplicationColumn.createdAt) { date($0.createdAt) },
                .init(ApplicationColumn.hiredAt) { date($0.hiredAt) },
                .init(ApplicationColumn.startDate) { text($0.startDate) },
            ])

        static let candidates = RowLayout<Candidate>(
            .candidates,
            [
                .init(CandidateColumn.firstName) { text($0.person.firstName) },
                .init(CandidateColumn.lastName) { text($0.person.lastName) },
                .init(CandidateColumn.email) { text($0.person.email) },
                .init(CandidateColumn.phone) { text($0.person.phone) },
                .init(CandidateColumn.applicationIDs) { json($0.applicationIDs.map(\.rawValue)) },
                .init(CandidateColumn.createdAt) { date($0.createdAt) },
            ])
    }

    private struct CandidateJSON: Encodable {
        var id: String
        var firstName: String?
        var lastName: String?
        var email: String?
        var phone: String?
        var applicationIDs: [String]
        var jobIDs: [String]
        var customFields: [String: CustomFieldValue]

        init(_ candidate: Candidate) {
            id = candidate.id.rawValue
            firstName = candidate.person.firstName
            lastName = candidate.person.lastName
            email = candidate.person.email
            phone = candidate.person.phone
            applicationIDs = candidate.applicationIDs.map(\.rawValue)
            jobIDs = candidate.jobIDs.map(\.rawValue)
            customFields = candidate.customFields
        }

        enum CodingKeys: String, CodingKey {
            case id
            case firstName = "first_name"
            case lastName = "last_name"
            case email
            case phone
            case applicationIDs = "application_ids"
            case jobIDs = "job_ids"
            case customFields = "custom_fields"
        }
    }

    private static func text(_ value: String?) -> SyncValue { value.map(SyncValue.text) ?? .null }

    private static func date(_ value: Date?) -> SyncValue { value.map(SyncValue.date) ?? .null }

    private static func json(_ value: some Encodable) -> SyncValue { .text(jsonText(value)) }

    /// Compact JSON with sorted keys, so that an unchanged record writes the same text every time.
    private static func jsonText(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
