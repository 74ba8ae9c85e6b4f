public import ATSCore
public import Foundation

/// Mirrors one ATS's applications into another's: for every source application on a mapped job,
/// the person's application on the mapped target job is found by normalised e-mail address, or
/// created when there is none.
///
/// It speaks only ``ATSClient``, so source and target can be any providers (Workable into Tracker
/// is the case it was built for). The bridge never writes to the source.
///
/// **Never a duplicate.** The target is the truth: before creating anything for a person, the
/// bridge reads the target job's applications and matches on the normalised e-mail, so a re-run
/// finds what an earlier run made, with or without a journal. The journal records the intent
/// before each create and its result after; an intent left without a result (the process was
/// killed, or the answer lost) makes the next run read the target job again just before it
/// decides. A create whose answer is lost is settled by reading the target before any retry.
/// What is not covered: a second bridge writing to the same target job at the same moment (give
/// each bridge one journal file, which is locked), and a target that lists a new application only
/// some time after creating it.
public struct ApplicationBridge: Sendable {
    /// How a run behaves.
    public struct Options: Sendable, Hashable {
        /// The `source` written on created applications; nil for the source provider's name
        /// capitalised (`Workable`).
        public var sourceLabel: String?
        /// Whether a run first checks that every mapped job exists on both sides (two reads per
        /// mapped job), and refuses to start otherwise.
        public var checksJobs: Bool

        /// Creates options.
        /// - Parameters:
        ///   - sourceLabel: The `source` of created applications.
        ///   - checksJobs: Check the mapped jobs before the run.
        public init(sourceLabel: String? = nil, checksJobs: Bool = true) {
            self.sourceLabel = sourceLabel
            self.checksJobs = checksJobs
        }
    }

    /// Where applications are read.
    public let source: any ATSClient
    /// Where they are found or created.
    public let target: any ATSClient
    /// Source job id → target job id; applications of other jobs are skipped.
    public let jobs: [JobID: JobID]
    /// Where creates are recorded.
    public let journal: any BridgeJournal
    /// How runs behave.
    public let options: Options

    /// Creates a bridge.
    /// - Parameters:
    ///   - source: The ATS applications come from.
    ///   - target: The ATS they are mirrored into.
    ///   - jobs: The job mapping, source id → target id (several source jobs may share a target job).
    ///   - journal: Where creates are recorded (default: in memory, for this process only).
    ///   - options: How runs behave.
    public init(
        source: any ATSClient,
        target: any ATSClient,
        jobs: [JobID: JobID],
        journal: any BridgeJournal = InMemoryBridgeJournal(),
        options: Options = Options()
    ) {
        self.source = source
        self.target = target
        self.jobs = jobs
        self.journal = journal
        self.options = options
    }

    /// Checks that every mapped job exists, on the source and on the target.
    /// - Throws: ``ATSError`` with ``ATSError/Code/notFound`` naming every unknown job and its
    ///   side; other ``ATSError``s when a side cannot be read.
    public func checkJobs() async throws {
        var unknown: [String] = []
        for (sourceJob, targetJob) in jobs.sorted(by: { $0.key < $1.key }) {
            if try await !exists(sourceJob, on: source) {
                unknown.append("\(sourceJob) on the source (\(source.capabilities.provider))")
            }
            if try await !exists(targetJob, on: target) {
                unknown.append("\(targetJob) on the target (\(target.capabilities.provider))")
            }
        }
        guard unknown.isEmpty else {
            throw ATSError(
                code: .notFound, operation: "bridge",
                message: "The job mapping names jobs that do not exist: \(unknown.joined(separator: "; ")).",
                suggestion: "Correct the mapping: `ats jobs list` against each side shows the job ids.")
        }
    }

    private func exists(_ job: JobID, on client: any ATSClient) async throws -> Bool {
        do {
            _ = try await client.job(job)
            return true
        } catch let error as ATSError where error.code == .notFound {
            return false
        }
    }

    /// Bridges every source application changed at or after `since` (every one when nil).
    /// - Parameters:
    ///   - dryRun: Read both sides and report what would be created (``BridgeOutcome/wouldCreate``);
    ///     send no write and record nothing in the journal.
    ///   - since: Only source applications changed at or after this moment. Matching is always
    ///     against the target's current applications, whatever this is.
    ///   - onRow: Called with each row as soon as it is decided, in source order.
    /// - Returns: Every row.
    /// - Throws: ``ATSError`` only for what concerns the whole run (an unknown mapped job, an
    ///   unreadable source, a journal that cannot be written), and `CancellationError`; anything
    ///   about one application is its row.
    public func run(
        dryRun: Bool = false,
        since: Date? = nil,
        onRow: @Sendable (BridgeRow) async -> Void = { _ in }
    ) async throws -> BridgeReport {
        if options.checksJobs { try await checkJobs() }
        var pass = BridgePass(bridge: self, dryRun: dryRun, inDoubt: try await journal.createsInDoubt())
        var report = BridgeReport(isDryRun: dryRun)
        for try await application in source.streamApplications(ATSChangeQuery(updatedAfter: since)) {
            try Task.checkCancellation()
            let row = try await pass.bridge(application)
            report.rows.append(row)
            await onRow(row)
        }
        return report
    }

    /// The `source` written on created applications.
    var sourceLabel: String {
        if let label = options.sourceLabel { return label }
        let name = source.capabilities.provider.rawValue
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}

/// One run's state: the target jobs read so far and the creates the journal left in doubt.
private struct BridgePass {
    let bridge: ApplicationBridge
    let dryRun: Bool
    var inDoubt: Set<BridgeIntentKey>
    var indexes: [JobID: TargetJobIndex] = [:]
    /// A dry run's creates so far: a second row for the same person and job would find the first's.
    var plannedCreates: Set<BridgeIntentKey> = []

    init(bridge: ApplicationBridge, dryRun: Bool, inDoubt: Set<BridgeIntentKey>) {
        self.bridge = bridge
        self.dryRun = dryRun
        self.inDoubt = inDoubt
    }

    mutating func bridge(_ application: Application) async throws -> BridgeRow {
        var row = BridgeRow(
            sourceID: application.id, sourceJob: application.jobID, targetJob: bridge.jobs[application.jobID],
            outcome: .skipped)
        guard let targetJob = row.targetJob else {
            row.reason = .unmappedJob
            return row
        }
        guard let email = BridgeEmail.normalized(application.applicant.email) else {
            row.outcome = .failed
            row.reason = .noEmail
            row.detail = "The source application has no e-mail address; the bridge never matches people by name."
            return row
        }
        let key = BridgeIntentKey(targetJob: targetJob, email: email)
        do {
            if indexes[targetJob] == nil || inDoubt.contains(key) {
                // A create an earlier run left in doubt is decided on a fresh read of the target.
                indexes[targetJob] = try await TargetJobIndex.read(targetJob, from: bridge.target)
            }
        } catch let error as ATSError {
            row.outcome = .failed
            row.reason = .targetUnreadable
            row.detail = error.description
            return row
        }
        if let found = try await existing(key, source: application.id, into: &row) { return found }
        if dryRun {
            row.outcome = .wouldCreate
            if !plannedCreates.insert(key).inserted { row.reason = .samePersonAsEarlierRow }
            return row
        }
        return try await create(application, key: key, row: row)
    }

    /// The row for a person who already has an application on the target job, if they do.
    private mutating func existing(_ key: BridgeIntentKey, source: ApplicationID, into row: inout BridgeRow)
        async throws -> BridgeRow?
    {
        let found = indexes[key.targetJob]?.applications(of: key.email) ?? []
        guard let oldest = found.first else { return nil }
        row.outcome = .existing(oldest.id)
        row.duplicates = found.dropFirst().map(\.id)
        if !row.duplicates.isEmpty { row.reason = .duplicatesOnTarget }
        if inDoubt.contains(key) {
            row.reason = row.reason ?? .settledInterruptedCreate
            if !dryRun {
                try await bridge.journal.record(
                    BridgeJournalEntry(step: .existing, sourceID: source, key: key, targetID: oldest.id))
                inDoubt.remove(key)
            }
        }
        return row
    }

    private mutating func create(_ application: Application, key: BridgeIntentKey, row: BridgeRow) async throws
        -> BridgeRow
    {
        var row = row
        let person = application.applicant
        let request = ApplicationCreationRequest(
            job: key.targetJob,
            applicant: .details(
                CandidateDetails(
                    firstName: person.firstName, lastName: person.lastName,
                    email: person.email?.trimmingCharacters(in: .whitespacesAndNewlines), phone: person.phone)),
            source: bridge.sourceLabel)
        // A lost answer is settled by reading the target; only then is the create sent once more.
        for attempt in 1...2 {
            try await bridge.journal.record(BridgeJournalEntry(step: .intent, sourceID: application.id, key: key))
            inDoubt.insert(key)
            do {
                let result = try await bridge.target.createApplication(request)
                indexes[key.targetJob]?.add(result.application)
                let step: BridgeJournalEntry.Step = result.wasCreated ? .created : .existing
                try await bridge.journal.record(
                    BridgeJournalEntry(step: step, sourceID: application.id, key: key, targetID: result.application.id))
                inDoubt.remove(key)
                row.outcome = result.wasCreated ? .created(result.application.id) : .existing(result.application.id)
                row.detail = result.warning
                return row
            } catch let error as ATSError where error.code == .outcomeUnknown {
                try await bridge.journal.record(
                    BridgeJournalEntry(step: .unknown, sourceID: application.id, key: key, detail: error.message))
                do {
                    indexes[key.targetJob] = try await TargetJobIndex.read(key.targetJob, from: bridge.target)
                } catch let readError as ATSError {
                    row.outcome = .failed
                    row.reason = .outcomeUnknown
                    row.detail = "\(error.message) Reading the target job to settle it failed too: \(readError.message)"
                    return row
                }
                if let found = indexes[key.targetJob]?.applications(of: key.email).first {
                    try await bridge.journal.record(
                        BridgeJournalEntry(step: .created, sourceID: application.id, key: key, targetID: found.id))
                    inDoubt.remove(key)
                    row.outcome = .created(found.id)
                    row.reason = .answerLostFoundOnTarget
                    return row
                }
                if attempt == 2 {
                    row.outcome = .failed
                    row.reason = .outcomeUnknown
                    row.detail =
                        "The create's answer was lost twice and the target does not show the application yet; "
                        + "the next run reads the target before creating anything."
                }
            } catch let error as ATSError {
                try await bridge.journal.record(
                    BridgeJournalEntry(step: .failed, sourceID: application.id, key: key, detail: error.description))
                inDoubt.remove(key)
                row.outcome = .failed
                row.reason = .createFailed
                row.detail = error.description
                return row
            }
        }
        return row
    }
}
