public import ATSCore
public import ATSSync
import Foundation
public import TrackerAPI
public import TrackerATS

/// Tracker's wire records as the mirror's rows: the typed columns of ``StreamSchema`` plus the
/// record's own JSON, re-serialised with sorted keys so that an unchanged record compares equal.
public enum TrackerSyncRecords {
    /// A job's row.
    public static func job(_ job: TrackerJob) -> SyncRecord {
        let status = job.isArchived == true ? "archived" : (job.isActive == false ? "closed" : "open")
        return SyncRecord(
            id: job.id.rawValue,
            updatedAt: job.updatedAt?.date,
            fields: [
                "title": text(job.title),
                "status": .text(status),
                "is_hidden": boolean(job.isHidden),
                "category": text(job.category),
                "code": text(job.jobCode),
                "city": text(job.city),
                "state": text(job.state),
                "country": text(job.country),
                "is_remote": boolean(job.isRemote),
                "url": text(job.url ?? job.jobLink),
                "custom_fields": json(job.customFields),
                "created_at": date(job.createdAt),
            ],
            raw: payload(job.raw)
        )
    }

    /// An application's row; `candidate_id` is derived from the normalised e-mail.
    public static func application(_ application: TrackerApplication, identity: CandidateIdentity) -> SyncRecord {
        SyncRecord(
            id: application.id.rawValue,
            updatedAt: application.updatedAt?.date,
            fields: [
                "job_id": text(application.jobID?.rawValue),
                "candidate_id": .text(identity.candidateID(of: application).rawValue),
                "first_name": text(application.firstName),
                "last_name": text(application.lastName),
                "email": text(application.email),
                "phone": text(application.phone),
                "is_archived": boolean(application.isArchived),
                "source": text(application.source),
                "tags": .text(
                    String(
                        decoding: TrackerJSON.array(application.tags.map(TrackerJSON.string)).serialized(),
                        as: UTF8.self)),
                "rating": application.rating.map(SyncValue.real) ?? .null,
                "custom_fields": json(application.customFields),
                "applied_at": date(application.appliedAt),
                "created_at": date(application.createdAt),
            ],
            raw: payload(application.raw),
            stage: application.status?.rawValue
        )
    }

    /// A note's row.
    public static func note(_ note: TrackerNote) -> SyncRecord {
        SyncRecord(
            id: note.id.rawValue,
            updatedAt: note.updatedAt?.date,
            fields: [
                "application_id": text(note.applicationID?.rawValue),
                "job_id": text(note.jobID?.rawValue),
                "author": text(note.author),
                "body": text(note.body),
                "created_at": date(note.createdAt),
            ],
            raw: payload(note.raw)
        )
    }

    /// A file's row (its metadata; the bytes stay with Tracker).
    public static func file(_ file: TrackerFile) -> SyncRecord {
        SyncRecord(
            id: file.id.rawValue,
            updatedAt: file.updatedAt?.date,
            fields: [
                "application_id": text(file.applicationID?.rawValue),
                "filename": text(file.filename),
                "kind": text(file.kind?.rawValue),
                "content_type": text(file.contentType),
                "size": file.size.map { .integer(Int64($0)) } ?? .null,
                "created_at": date(file.createdAt),
            ],
            raw: payload(file.raw)
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
            fields: [
                "owner": .text(owner.rawValue),
                "name": .text(definition.fieldName),
                "display_name": .text(definition.displayName),
                "type": .text(type.name),
                "is_required": .boolean(definition.isRequired ?? false),
                "options": .text(
                    String(decoding: TrackerJSON.array(options.map(TrackerJSON.string)).serialized(), as: UTF8.self)),
            ],
            raw: payload(definition.raw)
        )
    }

    static func payload(_ raw: [String: TrackerJSON]) -> RawPayload {
        RawPayload(bytes: Array(TrackerJSON.object(raw).serialized()))
    }

    private static func text(_ value: String?) -> SyncValue { value.map(SyncValue.text) ?? .null }

    private static func boolean(_ value: Bool?) -> SyncValue { value.map(SyncValue.boolean) ?? .null }

    private static func date(_ value: TrackerTimestamp?) -> SyncValue { value.map { .date($0.date) } ?? .null }

    private static func json(_ object: [String: TrackerJSON]) -> SyncValue {
        .text(String(decoding: TrackerJSON.object(object).serialized(), as: UTF8.self))
    }
}
