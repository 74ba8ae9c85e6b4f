public import ATSCore
public import ATSSync
import Foundation
public import TrackerAPI
public import TrackerATS

/// Tracker's wire records as the mirror's rows: the typed columns of ``StreamSchema`` plus the
/// record's own JSON exactly as the server sent it.
///
/// Each stream's columns are declared once, in ``Layouts``: the column (from the stream's schema)
/// and how Tracker's record fills it. The bytes are stored as they came rather than written again:
/// writing every record's JSON with sorted keys was a sixth of a first sync's CPU
/// (docs/PERFORMANCE.md). An unchanged record still compares equal because Tracker sends the same
/// bytes for the same record; where two texts of one record differ only in key order or spacing
/// (a mirror written by an earlier version, which sorted the keys), the stores compare them as
/// JSON values (``JSONEquivalence``) and keep the server's bytes from then on.
public enum TrackerSyncRecords {
    /// A job's row.
    public static func job(_ job: TrackerJob) -> SyncRecord {
        Layouts.jobs.row(
            of: job, id: job.id.rawValue, updatedAt: job.updatedAt?.instant, raw: RawPayload(bytes: job.rawJSON))
    }

    /// An application's row; `candidate_id` is derived from the normalised e-mail.
    public static func application(_ application: TrackerApplication, identity: CandidateIdentity) -> SyncRecord {
        Layouts.applications.row(
            of: ApplicationRow(application: application, candidateID: identity.candidateID(of: application).rawValue),
            id: application.id.rawValue, updatedAt: application.updatedAt?.instant,
            raw: RawPayload(bytes: application.rawJSON))
    }

    /// A note's row.
    public static func note(_ note: TrackerNote) -> SyncRecord {
        Layouts.notes.row(
            of: note, id: note.id.rawValue, updatedAt: note.updatedAt?.instant, raw: RawPayload(bytes: note.rawJSON))
    }

    /// A file's row (its metadata; the bytes stay with Tracker).
    public static func file(_ file: TrackerFile) -> SyncRecord {
        Layouts.files.row(
            of: file, id: file.id.rawValue, updatedAt: file.updatedAt?.instant, raw: RawPayload(bytes: file.rawJSON))
    }

    /// A custom-field definition's row; its id is `owner.field_name`, unique within the account.
    public static func customFieldDefinition(
        _ definition: TrackerCustomFieldDefinition,
        owner: CustomFieldOwner
    ) -> SyncRecord {
        Layouts.customFieldSchemas.row(
            of: CustomFieldRow(definition: definition, owner: owner, type: TrackerFieldMappings.type(of: definition)),
            id: "\(owner.rawValue).\(definition.fieldName)", updatedAt: nil, raw: payload(definition.raw))
    }

    /// An application with the candidate id derived for it.
    struct ApplicationRow {
        var application: TrackerApplication
        var candidateID: String
    }

    /// A custom-field definition with its owner and neutral type.
    struct CustomFieldRow {
        var definition: TrackerCustomFieldDefinition
        var owner: CustomFieldOwner
        var type: CustomFieldType
    }

    /// Each stream's typed columns and how a Tracker record fills them, in table order.
    enum Layouts {
        typealias Job = StreamSchema.JobColumns
        typealias Application = StreamSchema.ApplicationColumns
        typealias Note = StreamSchema.NoteColumns
        typealias File = StreamSchema.FileColumns
        typealias Definition = StreamSchema.CustomFieldSchemaColumns

        static let jobs = RowLayout<TrackerJob>(
            .jobs,
            [
                .init(Job.title) { text($0.title) },
                .init(Job.status) { job in
                    .text(job.isArchived == true ? "archived" : (job.isActive == false ? "closed" : "open"))
                },
                .init(Job.isHidden) { boolean($0.isHidden) },
                .init(Job.category) { text($0.category) },
                .init(Job.code) { text($0.jobCode) },
                .init(Job.city) { text($0.city) },
                .init(Job.state) { text($0.state) },
                .init(Job.country) { text($0.country) },
                .init(Job.isRemote) { boolean($0.isRemote) },
                .init(Job.url) { text($0.url ?? $0.jobLink) },
                .init(Job.customFields) { json($0.customFields) },
                .init(Job.createdAt) { date($0.createdAt) },
            ])

        static let applications = RowLayout<ApplicationRow>(
            .applications,
            [
                .init(Application.jobID) { text($0.application.jobID?.rawValue) },
                .init(Application.candidateID) { .text($0.candidateID) },
                .init(Application.firstName) { text($0.application.firstName) },
                .init(Application.lastName) { text($0.application.lastName) },
                .init(Application.email) { text($0.application.email) },
                .init(Application.phone) { text($0.application.phone) },
                .init(Application.stage) { text($0.application.status?.rawValue) },
                .init(Application.isArchived) { boolean($0.application.isArchived) },
                .init(Application.source) { text($0.application.source) },
                .init(Application.tags) { .text(ColumnJSON.array(of: $0.application.tags)) },
                .init(Application.rating) { $0.application.rating.map(SyncValue.real) ?? .null },
                .init(Application.customFields) { json($0.application.customFields) },
                .init(Application.appliedAt) { date($0.application.appliedAt) },
                .init(Application.createdAt) { date($0.application.createdAt) },
                .init(Application.hiredAt) { date($0.application.hiredAt) },
                .init(Application.startDate) { text($0.application.startDate) },
            ])

        static let notes = RowLayout<TrackerNote>(
            .notes,
            [
                .init(Note.applicationID) { text($0.applicationID?.rawValue) },
                .init(Note.jobID) { text($0.jobID?.rawValue) },
                .init(Note.author) { text($0.author) },
                .init(Note.body) { text($0.body) },
                .init(Note.createdAt) { date($0.createdAt) },
            ])

        static let files = RowLayout<TrackerFile>(
            .files,
            [
                .init(File.applicationID) { text($0.applicationID?.rawValue) },
                .init(File.filename) { text($0.filename) },
                .init(File.kind) { text($0.kind?.rawValue) },
                .init(File.contentType) { text($0.contentType) },
                .init(File.size) { $0.size.map { .integer(Int64($0)) } ?? .null },
                .init(File.createdAt) { date($0.createdAt) },
            ])

        static let customFieldSchemas = RowLayout<CustomFieldRow>(
            .customFieldSchemas,
            [
                .init(Definition.owner) { .text($0.owner.rawValue) },
                .init(Definition.name) { .text($0.definition.fieldName) },
                .init(Definition.displayName) { .text($0.definition.displayName) },
                .init(Definition.type) { .text($0.type.name) },
                .init(Definition.isRequired) { .boolean($0.definition.isRequired ?? false) },
                .init(Definition.options) { row in
                    var options: [String] = []
                    if case .singleSelect(let allowed) = row.type { options = allowed }
                    return .text(ColumnJSON.array(of: options))
                },
            ])

        /// Where each layout disagrees with its stream's schema (tests require none).
        static var mismatches: [String] {
            jobs.mismatches + applications.mismatches + notes.mismatches + files.mismatches
                + customFieldSchemas.mismatches
        }
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
