import ATSCore
import Foundation
import TrackerRMSAPI

/// Tracker RMS records as ATSKit's neutral models. Pure: the metadata is passed in.
struct RMSRecordMapping: Sendable {
    let metadata: RMSMetadata

    // MARK: Jobs

    func job(_ opportunity: RMSOpportunity) -> Job {
        Job(
            id: JobID(opportunity.id.rawValue),
            title: opportunity.title,
            status: jobStatus(opportunity.statusName),
            category: opportunity.workType,
            code: Self.reference(opportunity.listedName),
            descriptionHTML: opportunity.description,
            customFields: customFieldValues(opportunity.customFields, association: .job),
            createdAt: RMSTime.date(opportunity.dateOpened),
            updatedAt: opportunity.lastUpdated?.instant,
            raw: RawPayload(json: opportunity.record.raw.jsonText))
    }

    /// Open when the status's group (or, without one, its name) says open; closed otherwise.
    func jobStatus(_ name: String?) -> Job.Status {
        guard let name else { return .open }
        let status = metadata.opportunityStatuses.first { $0.name.lowercased() == name.lowercased() }
        let label = (status?.group.flatMap { $0.isEmpty ? nil : $0 } ?? name).lowercased()
        return label.hasPrefix("open") || label == "active" ? .open : .closed
    }

    /// `JOB-1034` from `JOB-1034 Java Programmer`.
    static func reference(_ listedName: String?) -> String? {
        guard let listedName, let space = listedName.firstIndex(of: " ") else { return nil }
        let head = listedName[..<space]
        guard let dash = head.firstIndex(of: "-"), head[..<dash].allSatisfy(\.isLetter),
            !head[head.index(after: dash)...].isEmpty, head[head.index(after: dash)...].allSatisfy(\.isNumber)
        else { return nil }
        return String(head)
    }

    // MARK: Applications

    func application(_ placement: RMSPlacement) -> Application {
        let (first, last) = Self.splitName(placement.resourceName)
        return Application(
            id: ApplicationID(placement.id.rawValue),
            jobID: JobID(placement.opportunityID?.rawValue ?? ""),
            candidateID: CandidateID(placement.resourceID?.rawValue ?? ""),
            applicant: Person(firstName: first, lastName: last),
            stage: metadata.stage(of: placement),
            source: placement.record.text("source"),
            customFields: customFieldValues(placement.record.customFields, association: .application),
            appliedAt: RMSTime.date(placement.dateAssigned),
            createdAt: RMSTime.date(placement.dateAssigned),
            updatedAt: placement.lastUpdated?.instant,
            startDate: placement.startDate.map { String($0.prefix(10)) },
            raw: RawPayload(json: placement.record.raw.jsonText))
    }

    /// A placement lists only the resource's full name: the last word is taken as the family name.
    static func splitName(_ name: String?) -> (String?, String?) {
        let words = (name ?? "").split(separator: " ").map(String.init)
        guard let last = words.last else { return (nil, nil) }
        guard words.count > 1 else { return (last, nil) }
        return (words.dropLast().joined(separator: " "), last)
    }

    // MARK: Candidates

    func candidate(_ resource: RMSResource, placements: [RMSPlacementRef]) -> Candidate {
        let ordered = placements.sorted { $0.id < $1.id }
        let phone = [resource.mobilePhone, resource.homePhone, resource.workPhone].compactMap { $0 }.first {
            !$0.isEmpty
        }
        return Candidate(
            id: CandidateID(resource.id.rawValue),
            person: Person(
                firstName: resource.firstName, lastName: resource.lastName, email: resource.email, phone: phone),
            applicationIDs: ordered.map { ApplicationID($0.id.rawValue) },
            jobIDs: ordered.map { JobID($0.opportunityID.rawValue) },
            customFields: customFieldValues(resource.customFields, association: .candidate),
            createdAt: RMSTime.date(resource.record.dateOpened),
            updatedAt: resource.lastUpdated?.instant)
    }

    // MARK: Custom fields

    func customFieldValues(_ values: [RMSCustomFieldValue], association: CustomFieldOwner) -> [String: CustomFieldValue]
    {
        var result: [String: CustomFieldValue] = [:]
        for entry in customFieldEntries(values, owner: association) where entry.value != .null {
            result[entry.name] = entry.value
        }
        return result
    }

    func customFieldEntries(_ values: [RMSCustomFieldValue], owner: CustomFieldOwner) -> [CustomFieldEntry] {
        let typing = RMSCustomFieldTyping(metadata: metadata)
        let definitions = typing.definitions(for: owner)
        var entries: [CustomFieldEntry] = []
        var used: Set<String> = []
        for (definition, wire) in definitions {
            let value = values.first { $0.id == wire.id }
            entries.append(
                CustomFieldEntry(
                    name: definition.name, definition: definition,
                    value: value.map { typing.value($0.value, of: definition.type) } ?? .null))
            used.insert(wire.id.rawValue)
        }
        for value in values where !used.contains(value.id.rawValue) && !value.value.isEmpty {
            entries.append(
                CustomFieldEntry(name: value.name ?? value.id.rawValue, definition: nil, value: .text(value.value)))
        }
        return entries
    }
}

/// A placement reduced to what candidates need: its id, job and resource.
struct RMSPlacementRef: Sendable, Hashable {
    var id: RMSRecordID
    var opportunityID: RMSRecordID
    var resourceID: RMSRecordID
}

extension RMSPlacementRef {
    /// The placement's ids, or nil when it names no job or no resource.
    init?(_ placement: RMSPlacement) {
        guard let job = placement.opportunityID, let resource = placement.resourceID else { return nil }
        self.init(id: placement.id, opportunityID: job, resourceID: resource)
    }
}

/// Tracker RMS's dates.
enum RMSTime {
    /// A calendar date (`YYYY-MM-DD…`) as midnight UTC of that day: dates carry no time zone.
    static func date(_ text: String?) -> Date? {
        guard let text, let naive = RMSNaiveDateTime(String(text.prefix(10))) else { return nil }
        return Date(timeIntervalSince1970: Double(naive.secondsAsIfUTC))
    }
}
