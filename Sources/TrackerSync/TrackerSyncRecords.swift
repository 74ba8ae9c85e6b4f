public import ATSCore
public import ATSSync
import Foundation
public import TrackerAPI
public import TrackerATS

/// Tracker's wire records as the mirror's rows: the typed columns of ``StreamSchema`` plus the
/// record's own JSON exactly as the server sent it.
///
/// The bytes are stored as they came rather than written again: writing every record's JSON with
/// sorted keys was a sixth of a first sync's CPU (docs/PERFORMANCE.md). An unchanged record still
/// compares equal because Tracker sends the same bytes for the same record; where two texts of one
/// record differ only in key order or spacing (a mirror written by an earlier version, which sorted
/// the keys), the stores compare them as JSON values (``JSONEquivalence``).
public enum TrackerSyncRecords {
    /// A job's row.
    public static func job(_ job: TrackerJob) -> SyncRecord {
        let status = job.isArchived == true ? "archived" : (job.isActive == false ? "closed" : "open")
        return SyncRecord(
            id: job.id.rawValue,
            updatedAt: job.updatedAt?.instant,
            fields: SyncFields(
                names: Names.jobs,
                values: [
                    text(job.title),
                    .text(status),
                    boolean(job.isHidden),
                    text(job.category),
                    text(job.jobCode),
                    text(job.city),
                    text(job.state),
                    text(job.country),
                    boolean(job.isRemote),
                    text(job.url ?? job.jobLink),
                    json(job.customFields),
                    date(job.createdAt),
                ]),
            raw: RawPayload(bytes: job.rawJSON)
        )
    }

    /// An application's row; `candidate_id` is derived from the normalised e-mail.
    public static func application(_ application: TrackerApplication, identity: CandidateIdentity) -> SyncRecord {
        SyncRecord(
            id: application.id.rawValue,
            updatedAt: application.updatedAt?.instant,
            fields: SyncFields(
                names: Names.applications,
                values: [
                    text(application.jobID?.rawValue),
                    .text(identity.candidateID(of: application).rawValue),
                    text(application.firstName),
                    text(application.lastName),
                    text(application.email),
                    text(application.phone),
                    boolean(application.isArchived),
                    text(application.source),
                    .text(ColumnJSON.array(of: application.tags)),
                    application.rating.map(SyncValue.real) ?? .null,
                    json(application.customFields),
                    date(application.appliedAt),
                    date(application.createdAt),
                    date(application.hiredAt),
                    text(application.startDate),
                ]),
            raw: RawPayload(bytes: application.rawJSON),
            stage: application.status?.rawValue
        )
    }

    /// A note's row.
    public static func note(_ note: TrackerNote) -> SyncRecord {
        SyncRecord(
            id: note.id.rawValue,
            updatedAt: note.updatedAt?.instant,
            fields: SyncFields(
                names: Names.notes,
                values: [
                    text(note.applicationID?.rawValue),
                    text(note.jobID?.rawValue),
                    text(note.author),
                    text(note.body),
                    date(note.createdAt),
                ]),
            raw: RawPayload(bytes: note.rawJSON)
        )
    }

    /// A file's row (its metadata; the bytes stay with Tracker).
    public static func file(_ file: TrackerFile) -> SyncRecord {
        SyncRecord(
            id: file.id.rawValue,
            updatedAt: file.updatedAt?.instant,
            fields: SyncFields(
                names: Names.files,
                values: [
                    text(file.applicationID?.rawValue),
                    text(file.filename),
                    text(file.kind?.rawValue),
                    text(file.contentType),
                    file.size.map { .integer(Int64($0)) } ?? .null,
                    date(file.createdAt),
                ]),
            raw: RawPayload(bytes: file.rawJSON)
        )
    }

    /// A custom-field definition's row; its id is `owner.field_name`, unique within the account.
    public static func customFieldDefinition(
        _ definition: TrackerCustomFieldDefinition,
        owner: CustomFieldOwner
    ) -> SyncRecord {
        let type = TrackerFieldMappings.type(of: definition)
        var options: [String] = []
        if case .singleSelect(let allowed) = type { options = allowed }
        return SyncRecord(
            id: "\(owner.rawValue).\(definition.fieldName)",
            updatedAt: nil,
            fields: SyncFields(
                names: Names.customFieldSchemas,
                values: [
                    .text(owner.rawValue),
                    .text(definition.fieldName),
                    .text(definition.displayName),
                    .text(type.name),
                    .boolean(definition.isRequired ?? false),
                    .text(ColumnJSON.array(of: options)),
                ]),
            raw: payload(definition.raw)
        )
    }

    /// Each stream's column names in the order its rows list their values: one array per stream,
    /// shared by every row, so that the stores look the positions up once per page.
    enum Names {
        static let jobs = [
            "title", "status", "is_hidden", "category", "code", "city", "state", "country", "is_remote", "url",
            "custom_fields", "created_at",
        ]
        static let applications = [
            "job_id", "candidate_id", "first_name", "last_name", "email", "phone", "is_archived", "source", "tags",
            "rating", "custom_fields", "applied_at", "created_at", "hired_at", "start_date",
        ]
        static let notes = ["application_id", "job_id", "author", "body", "created_at"]
        static let files = ["application_id", "filename", "kind", "content_type", "size", "created_at"]
        static let customFieldSchemas = ["owner", "name", "display_name", "type", "is_required", "options"]
    }

    static func payload(_ raw: [String: TrackerJSON]) -> RawPayload {
        RawPayload(bytes: Array(TrackerJSON.object(raw).serialized()))
    }

    private static func text(_ value: String?) -> SyncValue { value.map(SyncValue.text) ?? .null }

    private static func boolean(_ value: Bool?) -> SyncValue { value.map(SyncValue.boolean) ?? .null }

    /// An instant column: NULL when the text was naive and the account's zone unknown, so that no
    /// wrong instant is stored; the text stays in the row's raw JSON for re-deriving it later.
    private static func date(_ value: TrackerTimestamp?) -> SyncValue { value?.instant.map { .date($0) } ?? .null }

    private static func json(_ object: [String: TrackerJSON]) -> SyncValue {
        .text(ColumnJSON.object(object))
    }
}
