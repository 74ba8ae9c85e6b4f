public import Foundation

/// Default implementations of every ``ATSClient`` operation: each refuses with ``ATSError`` code
/// ``ATSError/Code/notSupported``, naming the operation, the provider and the reason from
/// ``ATSClient/capabilities`` (``ATSCapabilities/refusal(for:)``).
///
/// A new provider therefore writes only ``ATSClient/capabilities`` and the operations it can do;
/// the capabilities list exactly those, so `ats coverage` shows every other operation as not
/// supported, with the reason the provider gives (or that its client does not implement it).
extension ATSClient {
    /// No diagnostics: the client notices nothing about its server.
    public var diagnostics: Set<ATSDiagnostic> { [] }

    /// Unknown: timestamps are read as the provider writes them.
    public var accountTimeZone: TimeZone? { nil }

    /// Refuses: the stream throws when iterated.
    public func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        ATSStream(failing: capabilities.refusal(for: .streamJobs))
    }

    /// Refuses: the stream throws when iterated.
    public func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        ATSStream(failing: capabilities.refusal(for: .streamApplications))
    }

    /// Refuses: the stream throws when iterated.
    public func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> {
        ATSStream(failing: capabilities.refusal(for: .streamCandidates))
    }

    /// Refuses.
    public func application(_ id: ApplicationID) async throws -> Application {
        throw capabilities.refusal(for: .application)
    }

    /// Refuses.
    public func dispositionReasons() async throws -> [RejectionReason] {
        throw capabilities.refusal(for: .dispositionReasons)
    }

    /// Refuses.
    public func allApplicationStages() async throws -> [Stage] {
        throw capabilities.refusal(for: .allApplicationStages)
    }

    /// Refuses.
    public func job(_ id: JobID) async throws -> Job {
        throw capabilities.refusal(for: .job)
    }

    /// Refuses.
    public func enhancedJob(_ id: JobID) async throws -> EnhancedJob {
        throw capabilities.refusal(for: .enhancedJob)
    }

    /// Refuses the whole batch (nothing is looked up).
    public func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup] {
        throw capabilities.refusal(for: .batchJobs)
    }

    /// Refuses.
    public func candidate(_ id: CandidateID) async throws -> Candidate {
        throw capabilities.refusal(for: .candidate)
    }

    /// Refuses.
    public func findCandidates(_ details: CandidateDetails, limit: Int) async throws -> [CandidateMatch] {
        throw capabilities.refusal(for: .findCandidates)
    }

    /// Refuses.
    public func resume(of candidate: CandidateID) async throws -> ATSFileDownload {
        throw capabilities.refusal(for: .resume)
    }

    /// Refuses.
    public func notes(ofApplication application: ApplicationID) async throws -> [Note] {
        throw capabilities.refusal(for: .applicationNotes)
    }

    /// Refuses.
    public func notes(ofCandidate candidate: CandidateID) async throws -> [Note] {
        throw capabilities.refusal(for: .candidateNotes)
    }

    /// Refuses.
    public func attachments(ofApplication application: ApplicationID) async throws -> [Attachment] {
        throw capabilities.refusal(for: .applicationAttachments)
    }

    /// Refuses.
    public func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment] {
        throw capabilities.refusal(for: .candidateAttachments)
    }

    /// Refuses.
    public func download(_ attachment: Attachment) async throws -> ATSFileDownload {
        throw capabilities.refusal(for: .downloadAttachment)
    }

    /// Refuses.
    public func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition] {
        throw capabilities.refusal(for: .customFieldDefinitions)
    }

    /// Refuses.
    public func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry] {
        throw capabilities.refusal(for: .applicationCustomFields)
    }

    /// Refuses.
    public func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry] {
        throw capabilities.refusal(for: .candidateCustomFields)
    }

    /// Refuses.
    public func customFields(ofJob job: JobID) async throws -> [CustomFieldEntry] {
        throw capabilities.refusal(for: .jobCustomFields)
    }

    /// Refuses; nothing is sent.
    public func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult {
        throw capabilities.refusal(for: .moveToStage)
    }

    /// Refuses; nothing is sent.
    public func reject(_ application: ApplicationID, options: RejectionOptions) async throws -> RejectionResult {
        throw capabilities.refusal(for: .rejectApplication)
    }

    /// Refuses the whole run; nothing is sent and no journal is written.
    public func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport {
        throw capabilities.refusal(for: .bulkRejectApplications)
    }

    /// Refuses; nothing is sent.
    public func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        throw capabilities.refusal(for: .createApplication)
    }

    /// Refuses; nothing is sent.
    public func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note {
        throw capabilities.refusal(for: .addApplicationNote)
    }

    /// Refuses; nothing is sent.
    public func addNote(_ note: NoteDraft, toCandidate candidate: CandidateID, scope: CandidateNoteScope)
        async throws -> [Note]
    {
        throw capabilities.refusal(for: .addCandidateNote)
    }

    /// Refuses; nothing is sent.
    public func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws
        -> Attachment
    {
        throw capabilities.refusal(for: .uploadAttachment)
    }

    /// Refuses; nothing is sent.
    public func deleteAttachment(_ attachment: AttachmentID) async throws {
        throw capabilities.refusal(for: .deleteAttachment)
    }

    /// Refuses; nothing is sent.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]
    {
        throw capabilities.refusal(for: .setApplicationCustomFields)
    }

    /// Refuses; nothing is sent.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]
    {
        throw capabilities.refusal(for: .setCandidateCustomFields)
    }

    /// Refuses; nothing is sent.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofJob job: JobID) async throws
        -> [CustomFieldEntry]
    {
        throw capabilities.refusal(for: .setJobCustomFields)
    }
}

extension ATSStream {
    /// A stream that reads nothing and throws `error` when iterated, as a refused stream does.
    /// - Parameter error: The error the first call to `next()` throws.
    public init(failing error: ATSError) {
        self.init(FailingSequence<Element>(error: error))
    }
}

/// Throws its error on the first `next()`, then ends.
private struct FailingSequence<Element: Sendable>: AsyncSequence, Sendable {
    let error: ATSError

    func makeAsyncIterator() -> Iterator { Iterator(error: error) }

    struct Iterator: AsyncIteratorProtocol {
        var error: ATSError?

        mutating func next() async throws -> Element? {
            guard let error else { return nil }
            self.error = nil
            throw error
        }
    }
}
