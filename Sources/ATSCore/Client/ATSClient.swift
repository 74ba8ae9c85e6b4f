/// The read side of an applicant tracking system, in ATSKit's provider-neutral vocabulary.
///
/// Each provider module offers one conforming type (Tracker's is `TrackerATSClient`). Every
/// operation is named as in the coverage matrix (``ATSOperation``); an operation the provider
/// cannot perform throws ``ATSError`` with code ``ATSError/Code/notSupported``, naming the
/// operation, the provider and the reason, and never answers with a silently empty list. Check
/// ``capabilities`` to know in advance.
///
/// Write operations (stage moves, rejections, creating applications, adding notes and files,
/// workflow actions) are not part of this protocol yet; they will be added once their shapes are
/// settled, so that a conforming type never has to stub them.
///
/// Every method throws ``ATSError`` for provider failures and `CancellationError` when the calling
/// task is cancelled.
public protocol ATSClient: Sendable {
    /// What this provider supports, and why not where it cannot.
    var capabilities: ATSCapabilities { get }

    /// What the client has noticed the server doing differently from its documentation.
    var diagnostics: Set<ATSDiagnostic> { get }

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
}
