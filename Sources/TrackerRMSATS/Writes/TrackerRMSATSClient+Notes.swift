public import ATSCore
import Foundation
import TrackerATS
import TrackerRMSAPI

extension TrackerRMSATSClient {
    /// The activities tied to a placement, oldest first. Tracker RMS cannot filter activities by
    /// linked record, so every activity is read and filtered here.
    /// - Parameter application: The placement id.
    /// - Returns: The notes (calls, e-mails and interviews included: each is an activity with text).
    /// - Throws: ``ATSCore/ATSError`` (`notFound` when the application does not exist).
    public func notes(ofApplication application: ApplicationID) async throws -> [Note] {
        try await RMSErrors.mapping(.applicationNotes) {
            let placement = try await placement(application, operation: .applicationNotes)
            return try await activityNotes { $0.placementID == placement.id }
        }
    }

    /// The activities tied to any placement of a resource, oldest first.
    /// - Parameter candidate: The resource id.
    /// - Returns: The notes.
    /// - Throws: ``ATSCore/ATSError`` (`notFound` when the candidate does not exist).
    public func notes(ofCandidate candidate: CandidateID) async throws -> [Note] {
        try await RMSErrors.mapping(.candidateNotes) {
            let resource = try await resource(candidate, operation: .candidateNotes)
            return try await activityNotes { $0.resourceID == resource.id && $0.placementID != nil }
        }
    }

    /// Adds a plain-text Note activity on the application's resource, tied to the placement.
    /// - Parameters:
    ///   - note: The text; HTML and Markdown are converted to readable plain text.
    ///   - application: The placement id.
    /// - Returns: The note as written.
    /// - Throws: ``ATSCore/ATSError``: `invalidInput` for an empty note (nothing sent), `notFound`,
    ///   `outcomeUnknown` when the answer was lost and the newest activities did not show it.
    public func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note {
        let text = try Self.plainText(note, operation: .addApplicationNote)
        return try await RMSErrors.mapping(.addApplicationNote) {
            try await writeNote(text, on: try await placement(application, operation: .addApplicationNote))
        }
    }

    /// Adds a Note activity on a resource, tied to its latest placement (highest id) or to each.
    /// - Parameters:
    ///   - note: The text.
    ///   - candidate: The resource id.
    ///   - scope: The latest application, or all of them.
    /// - Returns: The notes written, one per placement.
    /// - Throws: ``ATSCore/ATSError``: `invalidInput` when the candidate has no application.
    public func addNote(_ note: NoteDraft, toCandidate candidate: CandidateID, scope: CandidateNoteScope)
        async throws -> [Note]
    {
        let text = try Self.plainText(note, operation: .addCandidateNote)
        return try await RMSErrors.mapping(.addCandidateNote) {
            let resource = try await resource(candidate, operation: .addCandidateNote)
            let refs = try await placements(ofResource: resource.id)
            guard let latest = refs.last else {
                throw RMSErrors.invalidInput(
                    "Candidate \(candidate) has no application to tie the note to; nothing was sent.",
                    operation: .addCandidateNote)
            }
            var written: [Note] = []
            for ref in scope == .allApplications ? refs : [latest] {
                written.append(
                    try await writeNote(
                        text, resourceID: resource.id, placementID: ref.id, opportunityID: ref.opportunityID))
            }
            return written
        }
    }

    /// Writes a note on a placement's resource, tied to the placement.
    func writeNote(_ text: String, on placement: RMSPlacement) async throws -> Note {
        guard let resourceID = placement.resourceID else {
            throw ATSError(
                code: .providerError, operation: ATSOperation.addApplicationNote.rawValue, provider: .trackerRMS,
                message: "Placement \(placement.id) names no resource to write the note on.")
        }
        return try await writeNote(
            text, resourceID: resourceID, placementID: placement.id, opportunityID: placement.opportunityID)
    }

    private func writeNote(
        _ text: String, resourceID: RMSRecordID, placementID: RMSRecordID, opportunityID: RMSRecordID?
    ) async throws -> Note {
        let now = Date()
        let activity = RMSNewActivity(
            subject: settings.noteSubject, type: "Note", note: text, linkRecordType: .resource,
            linkRecordID: resourceID, placementID: placementID)
        let outcome = try await rms.createActivity(activity, at: now)
        var recordID = outcome.recordID
        if recordID == nil { recordID = try await landedNoteID(activity) }
        guard let id = recordID else {
            throw ATSError(
                code: .outcomeUnknown, operation: ATSOperation.addApplicationNote.rawValue, provider: .trackerRMS,
                message: "Tracker RMS accepted the note but did not say its id.",
                suggestion: "Read the application's notes before writing it again.")
        }
        // The account's wall clock at `now`, whole seconds, is what the server stored.
        let stored =
            accountTimeZone == nil ? nil : Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        return Note(
            id: NoteID(id.rawValue), applicationID: ApplicationID(placementID.rawValue),
            jobID: opportunityID.map { JobID($0.rawValue) }, body: text, createdAt: stored, updatedAt: stored)
    }

    /// The id of a note just written when the reply did not say it: the newest activity on the
    /// placement with the same text.
    private func landedNoteID(_ activity: RMSNewActivity) async throws -> RMSRecordID? {
        var pages = rms.activities(RMSRecordQuery(order: .lastUpdatedDescending, pageSize: 100)).makeAsyncIterator()
        guard let page = try await pages.next() else { return nil }
        return page.records.first {
            $0.placementID == activity.placementID && $0.resourceID == activity.linkRecordID && $0.note == activity.note
        }?.id
    }

    private func activityNotes(_ keep: (RMSActivity) -> Bool) async throws -> [Note] {
        let users = try await metadata.current().users
        var notes: [(RMSActivity, Note)] = []
        for try await activity in rms.activities(RMSRecordQuery()).records where keep(activity) {
            guard let placementID = activity.placementID else { continue }
            let author = activity.userID.flatMap { id in users.first { $0.id == id } }
            notes.append(
                (
                    activity,
                    Note(
                        id: NoteID(activity.id.rawValue), applicationID: ApplicationID(placementID.rawValue),
                        jobID: activity.opportunityID.map { JobID($0.rawValue) },
                        author: author?.username ?? author?.email ?? activity.userID?.rawValue,
                        body: activity.note ?? activity.subject ?? "", createdAt: activity.lastUpdated?.instant,
                        updatedAt: activity.lastUpdated?.instant, raw: RawPayload(json: activity.record.raw.jsonText))
                ))
        }
        return notes.sorted { left, right in
            let (a, b) = (left.0.lastUpdated?.naive.secondsAsIfUTC ?? 0, right.0.lastUpdated?.naive.secondsAsIfUTC ?? 0)
            return a != b ? a < b : left.0.id < right.0.id
        }.map(\.1)
    }

    static func plainText(_ note: NoteDraft, operation: ATSOperation) throws -> String {
        let text = PlainTextNote.text(from: note.body, format: note.format)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RMSErrors.invalidInput("The note is empty; nothing was sent.", operation: operation)
        }
        return text
    }
}
