public import ATSCore
import Foundation

/// ATSKit's neutral records as the mirror's rows: the typed columns of ``StreamSchema`` and the
/// provider's JSON the record kept (``RawPayload``).
public enum ATSClientSyncRecords {
    /// A job's row.
    public static func job(_ job: Job) -> SyncRecord {
        SyncRecord(
            id: job.id.rawValue,
            updatedAt: job.updatedAt,
            fields: SyncFields(
                names: Names.jobs,
                values: [
                    .text(job.title),
                    .text(job.status.rawValue),
                    .boolean(job.isHidden),
                    text(job.category),
                    text(job.code),
                    text(job.location.city),
                    text(job.location.state),
                    text(job.location.country),
                    .boolean(job.isRemote),
                    text(job.url),
                    json(job.customFields),
                    date(job.createdAt),
                ]),
            raw: job.raw)
    }

    /// An application's row; its stage goes to the stage history.
    public static func application(_ application: Application) -> SyncRecord {
        SyncRecord(
            id: application.id.rawValue,
            updatedAt: application.updatedAt,
            fields: SyncFields(
                names: Names.applications,
                values: [
                    .text(application.jobID.rawValue),
                    .text(application.candidateID.rawValue),
                    text(application.applicant.firstName),
                    text(application.applicant.lastName),
                    text(application.applicant.email),
                    text(application.applicant.phone),
                    .boolean(application.isArchived),
                    text(application.source),
                    json(application.tags),
                    application.rating.map(SyncValue.real) ?? .null,
                    json(application.customFields),
                    date(application.appliedAt),
                    date(application.createdAt),
                    date(application.hiredAt),
                    text(application.startDate),
                ]),
            raw: application.raw,
            stage: application.stage?.name)
    }

    /// A candidate's row. ``Candidate`` keeps no provider JSON, so the row's `raw` is the
    /// candidate's own fields as JSON.
    public static func candidate(_ candidate: Candidate) -> SyncRecord {
        SyncRecord(
            id: candidate.id.rawValue,
            updatedAt: candidate.updatedAt,
            fields: SyncFields(
                names: Names.candidates,
                values: [
                    text(candidate.person.firstName),
                    text(candidate.person.lastName),
                    text(candidate.person.email),
                    text(candidate.person.phone),
                    json(candidate.applicationIDs.map(\.rawValue)),
                    date(candidate.createdAt),
                ]),
            raw: RawPayload(json: jsonText(CandidateJSON(candidate))))
    }

    /// Each stream's column names in the order its rows list their values.
    enum Names {
        static let jobs = [
            "title", "status", "is_hidden", "category", "code", "city", "state", "country", "is_remote", "url",
            "custom_fields", "created_at",
        ]
        static let applications = [
            "job_id", "candidate_id", "first_name", "last_name", "email", "phone", "is_archived", "source", "tags",
            "rating", "custom_fields", "applied_at", "created_at", "hired_at", "start_date",
        ]
        static let candidates = ["first_name", "last_name", "email", "phone", "application_ids", "created_at"]
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
