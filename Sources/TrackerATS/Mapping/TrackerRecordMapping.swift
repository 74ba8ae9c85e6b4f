public import ATSCore
import Foundation
public import TrackerAPI

/// Tracker's wire records as ATSKit's neutral models.
///
/// Each model keeps the record's JSON in `raw` (re-serialised with sorted keys, so fields ATSKit
/// does not model are never lost).
public enum TrackerRecordMapping {
    /// A job.
    /// - Parameters:
    ///   - job: The wire record.
    ///   - schema: The job custom-field schema that types its values.
    /// - Returns: The neutral job.
    public static func job(_ job: TrackerJob, schema: TrackerFieldSchema) -> Job {
        let status: Job.Status =
            job.isArchived == true ? .archived : (job.isActive == false ? .closed : .open)
        return Job(
            id: JobID(job.id.rawValue),
            title: job.title ?? "",
            status: status,
            isHidden: job.isHidden ?? false,
            category: job.category,
            code: job.jobCode,
            location: Location(city: job.city, state: job.state, country: job.country),
            isRemote: job.isRemote ?? false,
            descriptionHTML: job.description,
            url: job.url ?? job.jobLink,
            customFields: schema.typedValues(job.customFields),
            createdAt: job.createdAt?.instant,
            updatedAt: job.updatedAt?.instant,
            raw: payload(job.raw)
        )
    }

    /// An application.
    /// - Parameters:
    ///   - application: The wire record.
    ///   - schema: The application custom-field schema.
    ///   - identity: Derives the candidate id.
    /// - Returns: The neutral application.
    public static func application(
        _ application: TrackerApplication,
        schema: TrackerFieldSchema,
        identity: CandidateIdentity
    ) -> Application {
        Application(
            id: ApplicationID(application.id.rawValue),
            jobID: JobID(application.jobID?.rawValue ?? ""),
            candidateID: identity.candidateID(of: application),
            applicant: Person(
                firstName: application.firstName,
                lastName: application.lastName,
                email: application.email,
                phone: application.phone,
                location: Location(city: application.city, state: application.state)
            ),
            stage: application.status.map { Stage(named: $0.rawValue) },
            isArchived: application.isArchived ?? false,
            source: application.source,
            tags: application.tags,
            rating: application.rating,
            customFields: schema.typedValues(application.customFields),
            appliedAt: application.appliedAt?.instant,
            createdAt: application.createdAt?.instant,
            updatedAt: application.updatedAt?.instant,
            hiredAt: application.hiredAt?.instant,
            startDate: application.startDate,
            raw: payload(application.raw)
        )
    }

    /// A note.
    /// - Parameters:
    ///   - note: The wire record.
    ///   - applicationID: The application it was asked for, used when the note does not say.
    /// - Returns: The neutral note.
    public static func note(_ note: TrackerNote, applicationID: ApplicationID) -> Note {
        Note(
            id: NoteID(note.id.rawValue),
            applicationID: note.applicationID.map { ApplicationID($0.rawValue) } ?? applicationID,
            jobID: note.jobID.map { JobID($0.rawValue) },
            author: note.author,
            body: note.body ?? "",
            createdAt: note.createdAt?.instant,
            updatedAt: note.updatedAt?.instant,
            raw: payload(note.raw)
        )
    }

    /// A file's record.
    /// - Parameters:
    ///   - file: The wire record.
    ///   - applicationID: The application it was asked for, used when the record does not say.
    /// - Returns: The neutral attachment.
    public static func attachment(_ file: TrackerFile, applicationID: ApplicationID) -> Attachment {
        Attachment(
            id: AttachmentID(file.id.rawValue),
            applicationID: file.applicationID.map { ApplicationID($0.rawValue) } ?? applicationID,
            filename: file.filename ?? "file-\(file.id.rawValue)",
            kind: file.kind.map { Attachment.Kind(rawValue: $0.rawValue) } ?? .attachment,
            contentType: file.contentType,
            size: file.size,
            createdAt: file.createdAt?.instant,
            raw: payload(file.raw)
        )
    }

    private static func payload(_ raw: [String: TrackerJSON]) -> RawPayload {
        RawPayload(bytes: Array(TrackerJSON.object(raw).serialized()))
    }
}
