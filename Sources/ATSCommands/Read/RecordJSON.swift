import ATSCore
import Foundation

/// The JSON shapes the read commands print: snake_case keys, ISO-8601 UTC dates, custom-field
/// values as JSON scalars (decimals as strings, which keeps their digits).
enum RecordJSON {
    struct JobObject: Encodable {
        var id: String
        var title: String
        var status: String
        var isHidden: Bool
        var category: String?
        var code: String?
        var location: Location
        var isRemote: Bool
        var url: String?
        var descriptionHtml: String?
        var customFields: [String: CustomFieldValue]
        var createdAt: Date?
        var updatedAt: Date?

        init(_ job: Job) {
            id = job.id.rawValue
            title = job.title
            status = job.status.rawValue
            isHidden = job.isHidden
            category = job.category
            code = job.code
            location = job.location
            isRemote = job.isRemote
            url = job.url
            descriptionHtml = job.descriptionHTML
            customFields = job.customFields
            createdAt = job.createdAt
            updatedAt = job.updatedAt
        }
    }

    struct ApplicationObject: Encodable {
        var id: String
        var jobId: String
        var candidateId: String
        var applicant: Person
        var stage: String?
        var isArchived: Bool
        var source: String?
        var tags: [String]
        var rating: Double?
        var customFields: [String: CustomFieldValue]
        var appliedAt: Date?
        var createdAt: Date?
        var updatedAt: Date?
        var hiredAt: Date?
        var startDate: String?

        init(_ application: Application) {
            id = application.id.rawValue
            jobId = application.jobID.rawValue
            candidateId = application.candidateID.rawValue
            applicant = application.applicant
            stage = application.stage?.name
            isArchived = application.isArchived
            source = application.source
            tags = application.tags
            rating = application.rating
            customFields = application.customFields
            appliedAt = application.appliedAt
            createdAt = application.createdAt
            updatedAt = application.updatedAt
            hiredAt = application.hiredAt
            startDate = application.startDate
        }
    }

    struct CandidateObject: Encodable {
        var id: String
        var person: Person
        var applicationIds: [String]
        var jobIds: [String]
        var customFields: [String: CustomFieldValue]
        var createdAt: Date?
        var updatedAt: Date?

        init(_ candidate: Candidate) {
            id = candidate.id.rawValue
            person = candidate.person
            applicationIds = candidate.applicationIDs.map(\.rawValue)
            jobIds = candidate.jobIDs.map(\.rawValue)
            customFields = candidate.customFields
            createdAt = candidate.createdAt
            updatedAt = candidate.updatedAt
        }
    }

    struct MatchObject: Encodable {
        var score: Double
        var matchedFields: [String]
        var candidate: CandidateObject

        init(_ match: CandidateMatch) {
            score = (match.score * 1_000).rounded() / 1_000
            matchedFields = match.matchedFields.map(\.rawValue).sorted()
            candidate = CandidateObject(match.candidate)
        }
    }

    struct NoteObject: Encodable {
        var id: String
        var applicationId: String
        var jobId: String?
        var author: String?
        var body: String
        var createdAt: Date?
        var updatedAt: Date?

        init(_ note: Note) {
            id = note.id.rawValue
            applicationId = note.applicationID.rawValue
            jobId = note.jobID?.rawValue
            author = note.author
            body = note.body
            createdAt = note.createdAt
            updatedAt = note.updatedAt
        }
    }

    struct AttachmentObject: Encodable {
        var id: String
        var applicationId: String
        var filename: String
        var kind: String
        var contentType: String?
        var size: Int?
        var createdAt: Date?

        init(_ attachment: Attachment) {
            id = attachment.id.rawValue
            applicationId = attachment.applicationID.rawValue
            filename = attachment.filename
            kind = attachment.kind.rawValue
            contentType = attachment.contentType
            size = attachment.size
            createdAt = attachment.createdAt
        }
    }

    struct DefinitionObject: Encodable {
        var owner: String
        var name: String
        var displayName: String
        var type: String
        var options: [String]?
        var isRequired: Bool
        var isReadOnly: Bool
        var defaultValue: CustomFieldValue?

        init(_ definition: CustomFieldDefinition) {
            owner = definition.owner.rawValue
            name = definition.name
            displayName = definition.displayName
            type = definition.type.name
            if case .singleSelect(let choices) = definition.type { options = choices }
            isRequired = definition.isRequired
            isReadOnly = definition.isReadOnly
            defaultValue = definition.defaultValue
        }
    }

    struct EntryObject: Encodable {
        var name: String
        var displayName: String?
        var type: String?
        var value: CustomFieldValue

        init(_ entry: CustomFieldEntry) {
            name = entry.name
            displayName = entry.definition?.displayName
            type = entry.definition?.type.name
            value = entry.value
        }
    }

    struct EnhancedJobObject: Encodable {
        var job: JobObject
        var category: String?
        var customFields: [EntryObject]
        var applicationCount: Int
        var applicationCountsByStage: [String: Int]

        init(_ enhanced: EnhancedJob) {
            job = JobObject(enhanced.job)
            category = enhanced.category
            customFields = enhanced.customFields.map(EntryObject.init)
            applicationCount = enhanced.applicationCount
            applicationCountsByStage = enhanced.applicationCountsByStage
        }
    }

    /// One value as one line of JSON.
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
