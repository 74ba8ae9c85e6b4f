public import ATSCore
public import Foundation

/// The seed's hybrid as an ``ATSClient``: applications arrive in one ATS (the source, e.g.
/// Workable) while another (the target, e.g. Tracker) stays the system of record.
///
/// Streaming applications first runs the bridge (every source application changed since the
/// query's moment is found or created on its mapped target job), then streams the target's
/// applications for the query: the combined set, the bridged applicants included. Every other
/// operation (jobs, candidates, moves, rejections, notes, attachments, custom fields, creating
/// applications) goes to the target unchanged; the source is only read. ``capabilities`` are the
/// target's, under the provider name `TARGET_SOURCE` (e.g. `tracker_workable`), with the
/// applications stream described as bridged.
public struct HybridATSClient: ATSClient {
    /// The bridge that feeds the target.
    public let bridge: ApplicationBridge
    /// Called with each bridge run's report when an applications stream has run it.
    public let onBridgeReport: @Sendable (BridgeReport) async -> Void
    /// One bridge run at a time: two streams read at once (a sync engine's windows) must not both
    /// decide that the same person is missing.
    private let gate = BridgeRunGate()

    /// Creates a hybrid client.
    /// - Parameters:
    ///   - bridge: The source, the target, the job mapping and the journal.
    ///   - onBridgeReport: Called with each bridge run's report (per-application outcomes, failures).
    public init(bridge: ApplicationBridge, onBridgeReport: @escaping @Sendable (BridgeReport) async -> Void = { _ in })
    {
        self.bridge = bridge
        self.onBridgeReport = onBridgeReport
    }

    private var target: any ATSClient { bridge.target }

    /// The target's capabilities under the hybrid's provider name, with the applications stream
    /// marked as bridged.
    public var capabilities: ATSCapabilities {
        Self.capabilities(target: target.capabilities, source: bridge.source.capabilities.provider)
    }

    /// What a hybrid of `source` into a target with `target`'s capabilities can do: the target's
    /// operations under the name `TARGET_SOURCE`, the applications stream described as bridged.
    /// `ats coverage` shows the seed's hybrid (Workable into Tracker) with it.
    /// - Parameters:
    ///   - target: The target's capabilities.
    ///   - source: The source's provider.
    /// - Returns: The hybrid's capabilities.
    public static func capabilities(target: ATSCapabilities, source: ATSProvider) -> ATSCapabilities {
        var capabilities = target
        let targetName = capabilities.provider
        capabilities.provider = ATSProvider(rawValue: "\(targetName)_\(source)")
        if capabilities.support(for: .streamApplications).isAvailable {
            capabilities.operations[.streamApplications] = .limited(
                "\(source) applications on mapped jobs are first found or created in \(targetName) (by normalised "
                    + "e-mail); the stream is \(targetName)'s applications, the bridged ones included. \(source) is only read."
            )
        }
        return capabilities
    }

    /// The target's diagnostics and the source's.
    public var diagnostics: Set<ATSDiagnostic> { target.diagnostics.union(bridge.source.diagnostics) }

    /// The target's time zone.
    public var accountTimeZone: TimeZone? { target.accountTimeZone }

    /// Runs the bridge for source applications changed since `query.updatedAfter`, then streams the
    /// target's applications for `query`. Nothing is read until iteration starts; a bridge failure
    /// that concerns the whole run (an unknown mapped job, an unreadable source) is thrown by the
    /// first `next()`.
    public func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        ATSStream(
            BridgedApplications(bridge: bridge, target: target, query: query, gate: gate, onReport: onBridgeReport))
    }

    /// The target's jobs.
    public func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> { target.streamJobs(query) }

    /// The target's candidates.
    public func streamCandidates(_ query: ATSChangeQuery) -> ATSStream<Candidate> { target.streamCandidates(query) }

    /// Forwarded to the target.
    public func application(_ id: ApplicationID) async throws -> Application { try await target.application(id) }

    /// Forwarded to the target.
    public func dispositionReasons() async throws -> [RejectionReason] { try await target.dispositionReasons() }

    /// Forwarded to the target.
    public func allApplicationStages() async throws -> [Stage] { try await target.allApplicationStages() }

    /// Forwarded to the target.
    public func job(_ id: JobID) async throws -> Job { try await target.job(id) }

    /// Forwarded to the target.
    public func enhancedJob(_ id: JobID) async throws -> EnhancedJob { try await target.enhancedJob(id) }

    /// Forwarded to the target.
    public func batchJobs(_ ids: [JobID], maximumConcurrency: Int) async throws -> [JobLookup] {
        try await target.batchJobs(ids, maximumConcurrency: maximumConcurrency)
    }

    /// Forwarded to the target.
    public func candidate(_ id: CandidateID) async throws -> Candidate { try await target.candidate(id) }

    /// Forwarded to the target.
    public func findCandidates(_ details: CandidateDetails, limit: Int) async throws -> [CandidateMatch] {
        try await target.findCandidates(details, limit: limit)
    }

    /// Forwarded to the target.
    public func resume(of candidate: CandidateID) async throws -> ATSFileDownload {
        try await target.resume(of: candidate)
    }

    /// Forwarded to the target.
    public func notes(ofApplication application: ApplicationID) async throws -> [Note] {
        try await target.notes(ofApplication: application)
    }

    /// Forwarded to the target.
    public func notes(ofCandidate candidate: CandidateID) async throws -> [Note] {
        try await target.notes(ofCandidate: candidate)
    }

    /// Forwarded to the target.
    public func attachments(ofApplication application: ApplicationID) async throws -> [Attachment] {
        try await target.attachments(ofApplication: application)
    }

    /// Forwarded to the target.
    public func attachments(ofCandidate candidate: CandidateID) async throws -> [Attachment] {
        try await target.attachments(ofCandidate: candidate)
    }

    /// Forwarded to the target.
    public func download(_ attachment: Attachment) async throws -> ATSFileDownload {
        try await target.download(attachment)
    }

    /// Forwarded to the target.
    public func customFieldDefinitions(for owner: CustomFieldOwner) async throws -> [CustomFieldDefinition] {
        try await target.customFieldDefinitions(for: owner)
    }

    /// Forwarded to the target.
    public func customFields(ofApplication application: ApplicationID) async throws -> [CustomFieldEntry] {
        try await target.customFields(ofApplication: application)
    }

    /// Forwarded to the target.
    public func customFields(ofCandidate candidate: CandidateID) async throws -> [CustomFieldEntry] {
        try await target.customFields(ofCandidate: candidate)
    }

    /// Forwarded to the target.
    public func customFields(ofJob job: JobID) async throws -> [CustomFieldEntry] {
        try await target.customFields(ofJob: job)
    }

    /// Forwarded to the target.
    public func moveToStage(_ request: StageMoveRequest) async throws -> StageMoveResult {
        try await target.moveToStage(request)
    }

    /// Forwarded to the target.
    public func reject(_ application: ApplicationID, options: RejectionOptions) async throws -> RejectionResult {
        try await target.reject(application, options: options)
    }

    /// Forwarded to the target.
    public func bulkReject(_ request: BulkRejectionRequest) async throws -> BulkRejectionReport {
        try await target.bulkReject(request)
    }

    /// Forwarded to the target.
    public func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        try await target.createApplication(request)
    }

    /// Forwarded to the target.
    public func addNote(_ note: NoteDraft, toApplication application: ApplicationID) async throws -> Note {
        try await target.addNote(note, toApplication: application)
    }

    /// Forwarded to the target.
    public func addNote(_ note: NoteDraft, toCandidate candidate: CandidateID, scope: CandidateNoteScope)
        async throws -> [Note]
    {
        try await target.addNote(note, toCandidate: candidate, scope: scope)
    }

    /// Forwarded to the target.
    public func uploadAttachment(_ upload: AttachmentUpload, to application: ApplicationID) async throws
        -> Attachment
    {
        try await target.uploadAttachment(upload, to: application)
    }

    /// Forwarded to the target.
    public func deleteAttachment(_ attachment: AttachmentID) async throws {
        try await target.deleteAttachment(attachment)
    }

    /// Forwarded to the target.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofApplication application: ApplicationID)
        async throws -> [CustomFieldEntry]
    {
        try await target.setCustomFields(values, ofApplication: application)
    }

    /// Forwarded to the target.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofCandidate candidate: CandidateID)
        async throws -> [CustomFieldEntry]
    {
        try await target.setCustomFields(values, ofCandidate: candidate)
    }

    /// Forwarded to the target.
    public func setCustomFields(_ values: [String: CustomFieldValue], ofJob job: JobID) async throws
        -> [CustomFieldEntry]
    {
        try await target.setCustomFields(values, ofJob: job)
    }
}

/// The hybrid's applications: the bridge runs on the first `next()`, then the target is streamed.
private struct BridgedApplications: AsyncSequence, Sendable {
    typealias Element = Application

    let bridge: ApplicationBridge
    let target: any ATSClient
    let query: ATSChangeQuery
    let gate: BridgeRunGate
    let onReport: @Sendable (BridgeReport) async -> Void

    func makeAsyncIterator() -> Iterator { Iterator(sequence: self) }

    struct Iterator: AsyncIteratorProtocol {
        let sequence: BridgedApplications
        var targetApplications: ATSStream<Application>.AsyncIterator?

        mutating func next() async throws -> Application? {
            if targetApplications == nil {
                let bridge = sequence.bridge
                let since = sequence.query.updatedAfter
                let report = try await sequence.gate.serially { try await bridge.run(since: since) }
                await sequence.onReport(report)
                targetApplications = sequence.target.streamApplications(sequence.query).makeAsyncIterator()
            }
            return try await targetApplications?.next()
        }
    }
}

/// Runs bridge passes one after another, in the order they asked.
actor BridgeRunGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func serially<Result: Sendable>(_ work: @Sendable () async throws -> Result) async throws -> Result {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty {
                busy = false
            } else {
                waiting.removeFirst().resume()
            }
        }
        return try await work()
    }
}
