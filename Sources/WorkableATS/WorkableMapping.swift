public import ATSCore
import Foundation
public import WorkableAPI

/// Workable's records as ATSKit's neutral models (the contract's "mapping" section).
public enum WorkableMapping {
    /// A job: the id is the shortcode; `published` is open, `closed` closed, `archived` archived,
    /// `draft` a status of its own, hidden from boards.
    public static func job(_ job: WorkableJob) -> Job {
        let status: Job.Status =
            switch job.state {
            case .published?: .open
            case .closed?: .closed
            case .archived?: .archived
            case let other?: Job.Status(rawValue: other.rawValue)
            case nil: .open
            }
        return Job(
            id: JobID(job.shortcode.rawValue), title: job.title ?? job.fullTitle ?? job.shortcode.rawValue,
            status: status, isHidden: job.state == .draft, category: job.department, code: job.code,
            location: Location(
                city: job.raw["location"]["city"].string, state: job.raw["location"]["region"].string,
                country: job.raw["location"]["country"].string ?? job.countryCode),
            isRemote: job.isTelecommuting ?? false, descriptionHTML: job.descriptionHTML,
            url: job.url ?? job.applicationURL, createdAt: job.createdAt?.date, updatedAt: job.updatedAt?.date,
            raw: payload(job.raw))
    }

    /// An application: one candidate record. The stage is resolved by ``resolveStage(_:pipeline:account:)``;
    /// a disqualified record counts as archived (set aside); the source is Workable's `domain`.
    /// - Parameters:
    ///   - record: The candidate record.
    ///   - stage: Its resolved stage.
    ///   - identity: How the person's id is derived.
    ///   - attributes: The account's custom attributes, to type the record's values (full records only).
    public static func application(
        _ record: WorkableCandidate, stage: Stage?, identity: WorkableCandidateIdentity,
        attributes: [WorkableCustomAttribute] = []
    ) -> Application {
        var firstName = record.firstname
        var lastName = record.lastname
        if firstName == nil, lastName == nil, let name = record.name {
            let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
            firstName = parts.first
            lastName = parts.count > 1 ? parts[1] : nil
        }
        var customFields: [String: CustomFieldValue] = [:]
        for (key, value) in record.customAttributes {
            customFields[key] = customFieldValue(value, type: attributes.first { $0.key.rawValue == key }?.type)
        }
        return Application(
            id: ApplicationID(record.id.rawValue),
            jobID: JobID(record.jobShortcode?.rawValue ?? ""),
            candidateID: identity.candidateID(email: record.email, recordID: record.id.rawValue),
            applicant: Person(
                firstName: firstName, lastName: lastName, email: record.email, phone: record.phone,
                location: Location(city: record.raw["location"]["city"].string)),
            stage: stage, isArchived: record.isDisqualified, source: record.domain, tags: record.tags,
            customFields: customFields, appliedAt: record.createdAt?.date, createdAt: record.createdAt?.date,
            updatedAt: record.updatedAt?.date, hiredAt: record.hiredAt?.date, raw: payload(record.raw))
    }

    /// The contract's order for a record's `stage` text: an exact slug of the job's pipeline, a
    /// case-insensitive name of it, the same two checks against the account's stages, and failing
    /// all of those the text itself as an unknown stage (never an error).
    /// - Parameters:
    ///   - text: The record's `stage` field.
    ///   - pipeline: The job's pipeline.
    ///   - account: The account's stages.
    /// - Returns: The stage (id = slug), or `nil` when the record has none.
    public static func resolveStage(_ text: String?, pipeline: [WorkableStage], account: [WorkableStage]) -> Stage? {
        guard let text, !text.isEmpty else { return nil }
        for stages in [pipeline, account] {
            if let match = stages.first(where: { $0.slug.rawValue == text })
                ?? stages.first(where: {
                    $0.name.compare(text, options: [.caseInsensitive]) == .orderedSame
                })
            {
                return stage(match)
            }
        }
        return Stage(id: StageID(text), name: text)
    }

    /// A Workable stage as a neutral one: the slug is the id.
    public static func stage(_ stage: WorkableStage) -> Stage {
        Stage(id: StageID(stage.slug.rawValue), name: stage.name)
    }

    /// A custom attribute value, typed by its definition's type.
    static func customFieldValue(_ value: WorkableJSON, type: String?) -> CustomFieldValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .boolean(flag)
        case .number(let text): return Int64(text).map(CustomFieldValue.integer) ?? .decimal(text)
        case .string(let text): return .text(text)
        case .array(let items): return .text(items.compactMap(\.string).joined(separator: ", "))
        default: return .text(String(decoding: value.encoded(), as: UTF8.self))
        }
    }

    /// A custom attribute's neutral type.
    static func customFieldType(_ attribute: WorkableCustomAttribute) -> CustomFieldType {
        switch attribute.type {
        case "short_text"?, "date"?: .text
        case "free_text"?: .longText
        case "numeric"?: .decimal
        case "boolean"?: .boolean
        case "dropdown"?: .singleSelect(options: attribute.choices)
        case let other?: .unknown(other)
        case nil: .unknown("unknown")
        }
    }

    /// A record's JSON as the provider sent it (re-encoded from the parsed value).
    static func payload(_ json: WorkableJSON) -> RawPayload {
        RawPayload(bytes: Array(json.encoded()))
    }
}
