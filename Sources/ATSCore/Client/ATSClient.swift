public import Foundation

/// An applicant tracking system, read and write, in ATSKit's provider-neutral vocabulary.
///
/// Each provider module offers one conforming type (Tracker's is `TrackerATSClient`). Every
/// operation is named as in the coverage matrix (``ATSOperation``); an operation the provider
/// cannot perform throws ``ATSError`` with code ``ATSError/Code/notSupported``, naming the
/// operation, the provider and the reason, and never answers with a silently empty list. Check
/// ``capabilities`` to know in advance.
///
/// Writes are built so that a caller can always find out what happened: input is checked before
/// anything is sent (``ATSError/Code/invalidInput``), a write whose answer was lost throws
/// ``ATSError/Code/outcomeUnknown`` rather than being repeated blindly, and writes a provider
/// applies asynchronously can be awaited and verified by reading back (``ATSWaitPolicy``).
/// Provider-specific automation (Tracker's workflow actions and triggers) stays on the provider's
/// own type.
///
/// Every method throws ``ATSError`` for provider failures and `CancellationError` when the calling
/// task is cancelled.
///
/// Only ``capabilities`` has no default. Every operation has a default implementation that refuses
/// with ``ATSError/Code/notSupported`` (see `ATSClient+Defaults.swift`), so a new provider implements
/// the operations it can do and lists them in its capabilities; the rest are refused with the reason
/// its capabilities give, and `ats coverage` shows them so:
///
/// ```swift
/// struct ExampleClient: ATSClient {
///     var capabilities: ATSCapabilities {
///         ATSCapabilities(
///             provider: ATSProvider(rawValue: "example"),
///             operations: [
///                 .streamJobs: .supported,
///                 .dispositionReasons: .notSupported("Example's API has no rejection reasons."),
///             ])
///     }
///     func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> { … }
/// }
/// ```
public protocol ATSClient: Sendable {
    /// What this provider supports, and why not where it cannot.
    var capabilities: ATSCapabilities { get }

    /// What the client has noticed the server doing differently from its documentation.
    var diagnostics: Set<ATSDiagnostic> { get }

    /// The account's time zone, when the client knows it; moments a person writes without an offset
    /// are read in it. Default: nil.
    var accountTimeZone: TimeZone? { get }

    // MARK: Streaming

    /// Jobs changed at or after a moment, oldest id first; lazy, flat in memory and cancellable.
    /// - Parameter query: The lower bound and the jobs to keep.
    /// - Returns: The jobs; each change is delivered once.
    func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job>

    /// Applications changed at or after a moment; lazy, flat in memory and cancellable.
    /// - Parameter query: The lower bound and the jobs whose applications to keep.
    /// - Returns: The applications; each change is delivered once.
    func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application>

    /// Candidates with an application changed at or after a moment; lazy and cancellable.
    /// - Parameter query: The lower bound and the jobs applied to.
    /// - Returns: The candidates, each once, with all their applications.
    func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate>

    // MARK: Applications

    /// One application.
    /// - Parameter id: The application's id.
    /// - Returns: The application.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    func application(_ id: ApplicationID) async throws -> Application

    /// The provider's rejection (disposition) reasons.
    /// - Returns: The reasons.
    /// - Throws: ``ATSError`` with ``ATSError/Code/notSupported`` when the provider cannot list them.
    func dispositionReasons() async throws -> [RejectionReason]

    /// Every stage of the provider's workflow.
    /// - Returns: The stages.
    /// - Throws: ``ATSError`` with ``ATSError/Code/notSupported`` when the provider cannot list them.
    func allApplicationStages() async throws -> [Stage]

    // MARK: Jobs

    /// One job.
    /// - Parameter id: The job's id.
    /// - Returns: The job.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    func job(_ id: JobID) async throws -> Job

    /// One job with typed custom fields, category and application counts per stage.
    /// - Parameter id: The job's id.
    /// - Returns: The enhanced job.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    func enhancedJob(_ id: JobID) async throws -> EnhancedJob

    /// Many jobs by id, looked up with bounded concurrency; one failure does not stop the others.
    /// - Parameters:
    ///   - ids: The ids; repeats are looked up once.
    ///   - maximumConcurrency: How many lookups may run at once (at least 1).
    /// - Returns: One outcome per distinct id, in the order the ids were given.
    /// - Throws: `CancellationError` only; every other failure is reported per id.
    func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup]

    // MARK: Candidates

    /// One candidate.
    /// - Parameter id: The candidate's id.
    /// - Returns: The candidate with all their applications.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    func candidate(_ id: CandidateID) async throws -> Candidate

    /// Candidates that match some details, best match first.
    /// - Parameters:
    ///   - details: Any mix of e-mail, phone and name; at least one must be given.
    ///   - limit: The most matches to return.
    /// - Returns: The matches, best first.
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` when no detail is given).
    func findCandidates(_ details: CandidateDetails, limit: Int) async throws -> [CandidateMatch]

    /// A candidate's latest resume, streamed.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The file and its bytes.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when the candidate has no resume).
    func resume(of candidate: CandidateID) async throws -> ATSFileDownload

    // MARK: Notes and attachments

    /// The notes on an application, oldest first.
    /// - Parameter application: The application's id.
    /// - Returns: The notes.
    /// - Throws: ``ATSError``.
    func notes(ofApplication application: ApplicationID) async throws -> [Note]

    /// The notes on every application of a candidate, oldest first.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The notes.
    /// - Throws: ``ATSError``.
    func notes(ofCandidate candidate: CandidateID) async throws -> [Note]

    /// The files attached to an application.
    /// - Parameter application: The application's id.
    /// - Returns: The files' records.
    /// - Throws: ``ATSError``.
    func attachments(ofApplication application: ApplicationID) async throws -> [Attachment]

    /// The files attached to every application of a candidate.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: The files' records.
    /// - Throws: ``ATSError``.
    func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment]

    /// Downloads a file's bytes as a stream.
    /// - Parameter attachment: The file's record.
    /// - Returns: The download.
    /// - Throws: ``ATSError``.
    func download(_ attachment: Attachment) async throws -> ATSFileDownload

    // MARK: Custom fields

    /// The custom-field schema of one kind of record.
    /// - Parameter owner: Applications, candidates or jobs.
    /// - Returns: The definitions, in the provider's order.
    /// - Throws: ``ATSError``.
    func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition]

    /// An application's custom fields, typed by the schema.
    /// - Parameter application: The application's id.
    /// - Returns: Every defined field (``CustomFieldValue/null`` when unset), then undefined ones.
    /// - Throws: ``ATSError``.
    func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry]

    /// A candidate's custom fields, typed by the schema.
    /// - Parameter candidate: The candidate's id.
    /// - Returns: Every defined field, then undefined ones.
    /// - Throws: ``ATSError``.
    func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry]

    /// A job's custom fields, typed by the schema.
    /// - Parameter job: The job's id.
    /// - Returns: Every defined field, then undefined ones.
    /// - Throws: ``ATSError``.
    func customFields(ofJob job: JobID) async throws -> [CustomFieldEntry]

    // MARK: Writing applications

    /// Moves an application to another stage, optionally only if it is still in an expected one.
    /// - Parameter request: The application, the stage, the precondition and the wait.
    /// - Returns: What the move did; ``ATSWriteState/unchanged`` when it was already there.
    /// - Throws: ``ATSError``: ``ATSError/Code/invalidInput`` for a stage the provider does not
    ///   know (the message lists the known ones), ``ATSError/Code/conflict`` when the precondition
    ///   does not hold (nothing is sent), ``ATSError/Code/timedOut`` when the wait runs out.
    func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult

    /// Rejects one application, keeping the reason as the provider allows.
    /// - Parameters:
    ///   - application: The application.
    ///   - options: Reason, note, archiving and wait.
    /// - Returns: What the rejection did and what became of the reason.
    /// - Throws: ``ATSError``.
    func reject(_ application: ApplicationID, options: RejectionOptions) async throws -> RejectionResult

    /// Rejects many applications with bounded concurrency; one application's failure never stops
    /// the others, and a run given a journal can be resumed without acting twice.
    /// - Parameter request: The applications, options, concurrency, journal and progress callback.
    /// - Returns: One outcome per distinct application, in request order.
    /// - Throws: ``ATSError`` only for problems that concern the whole run (bad options, an
    ///   unreadable journal), and `CancellationError`; everything else is reported per application.
    func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport

    /// Creates an application for a person on a job, or returns the one they already have there.
    /// - Parameter request: The job, the applicant, custom fields and an optional resume.
    /// - Returns: The application and whether it was created.
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` for missing details or bad fields).
    func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult

    // MARK: Writing notes and attachments

    /// Adds a note to an application, converted to the provider's ``NoteFormat``.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - application: The application.
    /// - Returns: The note as stored.
    /// - Throws: ``ATSError``.
    func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note

    /// Adds a note to a candidate: to their latest application, or to all of them.
    /// - Parameters:
    ///   - note: The text and its markup.
    ///   - candidate: The candidate.
    ///   - scope: Which applications get it.
    /// - Returns: The notes as stored, one per application.
    /// - Throws: ``ATSError``.
    func addNote(_ note: NoteDraft, toCandidate candidate: CandidateID, scope: CandidateNoteScope) async throws
        -> [Note]

    /// Uploads a file to an application, after checking its size and type.
    /// - Parameters:
    ///   - upload: The file.
    ///   - application: The application.
    /// - Returns: The file's record.
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` for a file the provider would refuse).
    func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws -> Attachment

    /// Deletes a file.
    /// - Parameter attachment: The file's id.
    /// - Throws: ``ATSError`` (``ATSError/Code/notFound`` when there is none).
    func deleteAttachment(_ attachment: AttachmentID) async throws

    // MARK: Writing custom fields

    /// Sets custom-field values of an application, checked against the schema first.
    /// - Parameters:
    ///   - values: The values by field name; ``CustomFieldValue/null`` clears a field.
    ///   - application: The application.
    /// - Returns: The application's fields after the change.
    /// - Throws: ``ATSError`` (``ATSError/Code/invalidInput`` naming the field and what it accepts).
    func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]

    /// Sets custom-field values of a candidate, checked against the schema first.
    /// - Parameters:
    ///   - values: The values by field name.
    ///   - candidate: The candidate.
    /// - Returns: The candidate's fields after the change.
    /// - Throws: ``ATSError``.
    func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]

    /// Sets custom-field values of a job, checked against the schema first.
    /// - Parameters:
    ///   - values: The values by field name.
    ///   - job: The job.
    /// - Returns: The job's fields after the change.
    /// - Throws: ``ATSError`` (``ATSError/Code/notSupported`` where jobs cannot be edited).
    func setCustomFields(_ values: [String: CustomFieldValue], ofJob job: JobID) async throws -> [CustomFieldEntry]
}
