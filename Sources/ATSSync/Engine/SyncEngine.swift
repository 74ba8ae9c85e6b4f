import ATSCore
public import Foundation
public import Logging

/// Mirrors a source's streams into a store, incrementally and resumably.
///
/// For each stream: plan a window (or resume the interrupted one), read its pages, commit each
/// page together with the checkpoint that follows it, and advance progress only when the window
/// completes. Reconciliation (marking deletions) runs only after a complete full scan. Independent
/// streams run at the same time; each has its own state, so they never share a transaction.
public struct SyncEngine<Source: SyncSource>: Sendable {
    /// The provider side.
    public var source: Source
    /// The mirror.
    public var store: any SyncStore
    /// How windows are chosen.
    public var planner: WindowPlanner
    /// How often a window may start over because paging shifted, before it is given up for this run.
    public var maximumRestarts: Int
    /// The engine's clock, injected so that tests control time.
    public var now: @Sendable () -> Date
    /// Makes scan ids; injected so that tests are deterministic.
    public var makeScanID: @Sendable () -> String
    /// Where the engine logs; silent by default.
    public var logger: Logger
    /// Hears about every committed page and every finished stream, for progress displays. Streams
    /// run concurrently, so it is called from several tasks, possibly at the same time.
    public var onProgress: (@Sendable (SyncProgress) -> Void)?
    /// How many groups of a derived stream are rebuilt per transaction.
    public var derivationBatchSize = 500

    /// Creates an engine.
    public init(
        source: Source,
        store: any SyncStore,
        planner: WindowPlanner = WindowPlanner(),
        maximumRestarts: Int = 3,
        now: @escaping @Sendable () -> Date = { Date() },
        makeScanID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
        logger: Logger = Logger(label: "ats.sync", factory: { _ in SwiftLogNoOpLogHandler() }),
        onProgress: (@Sendable (SyncProgress) -> Void)? = nil
    ) {
        self.source = source
        self.store = store
        self.planner = planner
        self.maximumRestarts = maximumRestarts
        self.now = now
        self.makeScanID = makeScanID
        self.logger = logger
        self.onProgress = onProgress
    }

    /// Runs each stream once, independent streams at the same time.
    ///
    /// Streams are read concurrently because most of an incremental run is waiting: each stream
    /// makes at least one round trip, and at 50 ms a request, one after another they added up to
    /// most of the run (docs/PERFORMANCE.md). A derived stream starts when the stream it is built
    /// from has completed in this run (candidates after applications).
    ///
    /// When a stream fails, the others still run to the end, so that as much as possible is
    /// committed; the streams built from the failed one do not start.
    /// - Parameters:
    ///   - streams: The streams to sync; a stream named twice runs once.
    ///   - fullScan: Whether to read every record (and reconcile deletions) instead of changes.
    /// - Returns: What the run did, one report per stream in the order they were asked for.
    /// - Throws: The first error that stopped a stream, after every other stream has stopped; what
    ///   was committed stays committed, and the next run resumes from there.
    public func run(_ streams: [SyncStreamName], fullScan: Bool = false) async throws -> SyncRunReport {
        try Task.checkCancellation()
        try await store.prepare()
        try await store.claimAccount(source.account, provider: source.provider)
        let schedule = StreamSchedule(streams) { source.contract(for: $0)?.derivation?.source }
        let outcomes = await withTaskGroup(of: StreamOutcome.self, returning: [StreamOutcome].self) { group in
            var schedule = schedule
            var outcomes: [StreamOutcome] = []
            var ready = schedule.startable()
            while true {
                for stream in ready {
                    group.addTask {
                        do {
                            return StreamOutcome(
                                stream: stream, result: .success(try await runPrepared(stream, fullScan: fullScan)))
                        } catch {
                            return StreamOutcome(stream: stream, result: .failure(error))
                        }
                    }
                }
                guard let outcome = await group.next() else { return outcomes }
                outcomes.append(outcome)
                if case .success = outcome.result {
                    schedule.finish(outcome.stream)
                } else {
                    logger.debug("stream failed", metadata: ["ats.stream": "\(outcome.stream)"])
                }
                ready = schedule.startable()
            }
        }
        // The first failure in time is the one to report: later ones are often its consequences.
        for outcome in outcomes {
            if case .failure(let error) = outcome.result { throw error }
        }
        let reports = outcomes.compactMap { try? $0.result.get() }
        return SyncRunReport(
            streams: schedule.streams.compactMap { stream in reports.first { $0.stream == stream } })
    }

    /// How one stream's run ended.
    private struct StreamOutcome: Sendable {
        var stream: SyncStreamName
        var result: Result<StreamRunReport, any Error>
    }

    /// Runs one stream once.
    /// - Throws: ``SyncError`` when the source has no such stream; the source's and the store's errors.
    public func run(_ stream: SyncStreamName, fullScan: Bool = false) async throws -> StreamRunReport {
        try await store.prepare()
        try await store.claimAccount(source.account, provider: source.provider)
        return try await runPrepared(stream, fullScan: fullScan)
    }

    /// Runs one stream once, in a store already prepared, and reports it with its own traffic.
    private func runPrepared(_ stream: SyncStreamName, fullScan: Bool) async throws -> StreamRunReport {
        guard let contract = source.contract(for: stream) else {
            throw SyncError.unknownStream(stream)
        }
        var (report, traffic) = try await source.countingTraffic {
            try await read(stream, contract: contract, fullScan: fullScan)
        }
        report.traffic = traffic
        onProgress?(
            SyncProgress(
                stream: stream, pages: report.pages, records: report.records, isFinished: true))
        return report
    }

    /// Reads (or derives) one stream.
    private func read(_ stream: SyncStreamName, contract: StreamContract, fullScan: Bool) async throws
        -> StreamRunReport
    {
        if let derivation = contract.derivation {
            var run = StreamRun(stream: stream, startedAt: now())
            run.isDerived = true
            try await derive(derivation, rebuildAll: fullScan, run: &run)
            return run.report(endedAt: now())
        }
        var run = StreamRun(stream: stream, startedAt: now())
        var state = try await store.state(of: stream, account: source.account)
        switch planner.plan(contract: contract, state: state, now: run.startedAt, fullScanRequested: fullScan) {
        case .resume:
            run.resumed = true
        case .start(let window):
            state.begin(window, scanID: makeScanID(), startedAt: run.startedAt)
            try await store.save(state, account: source.account)
        }
        do {
            try await readWindows(of: stream, contract: contract, state: &state, run: &run)
        } catch let unavailable as SyncStreamUnavailable {
            // An optional stream the provider does not offer: the others must still be mirrored.
            run.skipReason = unavailable.reason
            logger.debug("stream skipped", metadata: ["ats.stream": "\(stream)"])
        }
        if run.completed, source.rederivesUnplacedTimes {
            try await rederiveUnplacedTimes(of: stream, state: state, run: &run)
        }
        return run.report(endedAt: now())
    }

    /// Reads the stream's window (and the windows a shifting listing makes it start again).
    private func readWindows(
        of stream: SyncStreamName, contract: StreamContract, state: inout StreamState, run: inout StreamRun
    ) async throws {
        while let checkpoint = state.checkpoint {
            let outcome = try await readPages(of: stream, from: checkpoint, state: &state, run: &run)
            switch outcome {
            case .windowRead:
                try await finish(contract: contract, state: &state, run: &run)
            case .pagingShifted where (state.checkpoint?.restarts ?? 0) < maximumRestarts:
                state.restartWindow()
                try await store.save(state, account: source.account)
                run.warnings.append("Records disappeared while paging; the window was read again.")
            case .pagingShifted:
                run.window = checkpoint.window
                state.abandonWindow()
                try await store.save(state, account: source.account)
                run.warnings.append(
                    "Paging kept shifting after \(maximumRestarts) restarts; progress was not advanced "
                        + "and the next run reads this window again.")
            }
        }
    }

    private enum ReadOutcome {
        case windowRead
        case pagingShifted
    }

    private func readPages(
        of stream: SyncStreamName,
        from checkpoint: RunCheckpoint,
        state: inout StreamState,
        run: inout StreamRun
    ) async throws -> ReadOutcome {
        run.window = checkpoint.window
        run.restarts = checkpoint.restarts
        let derivations = source.derivations(fedBy: stream)
        var pages = source.pages(of: stream, window: checkpoint.window, startingAt: checkpoint.nextPage)
            .makeAsyncIterator()
        var next = try await pages.next()
        while let page = next {
            try Task.checkCancellation()
            run.note(page.warnings)
            if let total = page.totalCount {
                if let expected = state.checkpoint?.expectedTotal, total < expected, !page.boundaryVerified {
                    logger.debug(
                        "paging shifted",
                        metadata: ["ats.stream": "\(stream)", "ats.expected": "\(expected)", "ats.total": "\(total)"])
                    return .pagingShifted
                }
                state.noteExpectedTotal(total)
            }
            state.pageStored(page.number, records: page.records.count)
            // The page is committed while the source reads and maps the next one: the two use
            // different cores, and a sync's pace is the slower of them, not their sum. Pages still
            // reach the store in order, one transaction each with their checkpoint, and when reading
            // the next page fails, this page's commit finishes before the error goes up, so a failed
            // run leaves exactly what a page-at-a-time run would.
            let stateAfterPage = state
            async let committed = store.commit(
                page.records, stream: stream, account: source.account, scanID: checkpoint.scanID,
                seenAt: now(), state: stateAfterPage, derivations: derivations)
            let following: Result<SourcePage?, any Error>
            do {
                following = .success(try await pages.next())
            } catch {
                following = .failure(error)
            }
            let outcome = try await committed
            run.pages += 1
            run.records += page.records.count
            run.outcome.add(outcome)
            onProgress?(
                SyncProgress(
                    stream: stream, pages: run.pages, records: run.records,
                    expectedRecords: state.checkpoint?.expectedTotal, resumedAfterRecords: checkpoint.recordsStored))
            next = try following.get()
        }
        return .windowRead
    }

    private func finish(contract: StreamContract, state: inout StreamState, run: inout StreamRun) async throws {
        guard let checkpoint = state.checkpoint else { return }
        let reconcile = checkpoint.window.isFullScan && contract.deletions == .byCompleteScan
        if let ahead = localClockLead(), ahead > 0 {
            state.completeWindow(endingNoLaterThan: checkpoint.window.upper.addingTimeInterval(-ahead))
            if ahead > Self.clockLeadWorthAWarning {
                run.warnings.append(
                    "This machine's clock is \(Int(ahead.rounded())) s ahead of the provider's; the window now ends "
                        + "that much earlier so that nothing the provider stamps in between is missed. "
                        + "Synchronise the clock (NTP).")
            }
        } else {
            state.completeWindow()
        }
        run.deleted = try await store.complete(
            state, account: source.account,
            reconcilingScan: reconcile ? ReconcilingScan(id: checkpoint.scanID, startedAt: checkpoint.startedAt) : nil,
            at: now(),
            derivations: source.derivations(fedBy: state.stream))
        run.completed = true
    }

    /// Below this, a clock lead is Date-header rounding and network time, not worth a warning.
    static var clockLeadWorthAWarning: TimeInterval { 30 }

    /// How far this machine's clock (`now`) is ahead of the provider's, from the provider's latest
    /// answer; `nil` when the provider's clock is unknown. The provider's `Date` header is rounded
    /// down to the second and was stamped before the answer travelled, so the estimate errs towards
    /// "ahead", which only moves a window's end earlier: a record is read twice, never missed.
    private func localClockLead() -> TimeInterval? {
        guard let provider = source.providerClock() else { return nil }
        return now().timeIntervalSince(provider)
    }

    /// Rebuilds a derived stream's queued groups, a batch per transaction, until the queue is empty.
    /// A run killed in between leaves the unfinished groups queued for the next one.
    ///
    /// Like pages, batches overlap: while one batch is committed, the next one (the groups after it
    /// in the queue's order) is read and derived. A second pass from the start of the queue then
    /// picks up whatever the first did not reach; normally it finds the queue empty.
    private func derive(_ derivation: StreamDerivation, rebuildAll: Bool, run: inout StreamRun) async throws {
        let account = source.account
        if rebuildAll {
            try await store.queueAllGroups(for: derivation, account: account)
        }
        let scanID = makeScanID()
        var pipelined = true
        while true {
            var batch = try await derivedBatch(derivation, after: nil)
            guard batch != nil else { break }
            while let current = batch {
                try Task.checkCancellation()
                async let committed = store.commitDerived(
                    current.records, for: derivation, groups: current.groups, account: account, scanID: scanID,
                    seenAt: now())
                let following: Result<DerivedBatch?, any Error>
                if pipelined, let last = current.groups.last {
                    do {
                        following = .success(try await derivedBatch(derivation, after: last))
                    } catch {
                        following = .failure(error)
                    }
                } else {
                    following = .success(nil)
                }
                let outcome = try await committed
                run.pages += 1
                run.records += current.groups.count
                run.outcome.add(outcome)
                run.deleted += outcome.deleted
                onProgress?(SyncProgress(stream: derivation.stream, pages: run.pages, records: run.records))
                batch = try following.get()
            }
            // Whatever is still queued (groups queued again meanwhile) goes one batch at a time.
            pipelined = false
        }
        run.window = SyncWindow(lower: nil, upper: now(), isFullScan: rebuildAll)
        run.completed = true
    }

    /// Some queued groups of a derived stream with their rebuilt rows.
    private struct DerivedBatch {
        var groups: [String]
        var records: [SyncRecord]
    }

    /// The next queued groups (after `after`, in the queue's order) and their rows, or nil when none.
    private func derivedBatch(_ derivation: StreamDerivation, after: String?) async throws -> DerivedBatch? {
        let account = source.account
        let groups = try await store.queuedGroups(
            for: derivation, account: account, after: after, limit: derivationBatchSize)
        guard !groups.isEmpty else { return nil }
        let rows = try await store.liveSourceRows(for: derivation, groups: groups, account: account)
        return DerivedBatch(groups: groups, records: try source.derivedRecords(for: derivation, groups: rows))
    }
}

/// The running tally of one stream's run.
struct StreamRun {
    var stream: SyncStreamName
    var startedAt: Date
    var window = SyncWindow(lower: nil, upper: .distantPast, isFullScan: true)
    var resumed = false
    var isDerived = false
    var completed = false
    var pages = 0
    var records = 0
    var outcome = PageOutcome()
    var deleted = 0
    var restarts = 0
    var warnings: [String] = []
    var skipReason: String?

    mutating func note(_ newWarnings: [String]) {
        for warning in newWarnings where !warnings.contains(warning) {
            warnings.append(warning)
        }
    }

    func report(endedAt: Date) -> StreamRunReport {
        StreamRunReport(
            stream: stream, window: window, resumed: resumed, isDerived: isDerived, completed: completed, pages: pages,
            records: records,
            outcome: outcome, deleted: deleted, restarts: restarts, warnings: warnings, skipReason: skipReason,
            startedAt: startedAt, endedAt: endedAt)
    }
}
