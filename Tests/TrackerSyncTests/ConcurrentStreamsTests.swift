import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerSandbox
import TrackerSync

/// The engine reads independent streams at the same time, derives candidates only after the
/// applications are in, keeps each stream's traffic apart, and lets the other streams finish
/// when one fails.
@Suite struct ConcurrentStreamsTests {
    /// The streams that are read from Tracker (everything but the derived candidates).
    static let readStreams: Set<SyncStreamName> = [.jobs, .customFieldSchemas, .applications, .notes, .files]

    // A sequential engine never lets the rendezvous complete; the time limit turns that hang into
    // a failure instead of a stuck suite.
    @Test(.timeLimit(.minutes(2)), arguments: StoreKind.available)
    func everyReadStreamIsUnderWayBeforeAnyOfThemFinishes(kind: StoreKind) async throws {
        try await withMirror(kind, applications: 120) { harness in
            let rendezvous = Rendezvous(expecting: Self.readStreams)
            let events = EventLog()
            let source = ObservedSource(base: harness.source, events: events) { stream in
                try await rendezvous.arrive(stream)
            }
            var engine = harness.engine(source)
            engine.onProgress = { progress in
                if progress.isFinished { events.append("finished \(progress.stream)") }
            }
            let report = try await engine.run(source.streams)

            #expect(report.streams.map(\.stream) == source.streams, "reports come in the order asked for")
            #expect(report.streams.allSatisfy { $0.completed })
            let log = events.entries
            let firstFinish = try #require(log.firstIndex { $0.hasPrefix("finished") })
            let starts = log.indices.filter { log[$0].hasPrefix("first page") }
            #expect(starts.count == Self.readStreams.count)
            #expect(starts.allSatisfy { $0 < firstFinish }, "\(log)")
            // Candidates are built from the stored applications, so only after those are complete.
            let applicationsDone = try #require(log.firstIndex(of: "finished applications"))
            let firstDerivation = try #require(log.firstIndex(of: "derived candidates"))
            #expect(applicationsDone < firstDerivation, "\(log)")
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func eachStreamReportsOnlyItsOwnRequests(kind: StoreKind) async throws {
        try await withMirror(kind, applications: 240, pageSize: 50) { harness in
            let before = harness.api.traffic.requests
            harness.sandbox.control.clearRequestLog()
            let report = try await harness.sync()
            let log = harness.sandbox.control.requestLog()

            let total = report.streams.reduce(0) { $0 + $1.traffic.requests }
            #expect(total == harness.api.traffic.requests - before)
            for (stream, path) in [
                (SyncStreamName.jobs, "/jobs"), (.applications, "/applications"), (.notes, "/notes"),
            ] {
                let reported = try #require(report.streams.first { $0.stream == stream }).traffic.requests
                #expect(reported == log.filter { $0.path.hasSuffix(path) }.count, "requests of \(stream)")
            }
            #expect(report.streams.first { $0.stream == .candidates }?.traffic.requests == 0)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFailingStreamLetsTheOthersFinishAndSkipsWhatIsBuiltFromIt(kind: StoreKind) async throws {
        try await withMirror(kind, applications: 120) { harness in
            let events = EventLog()
            let source = ObservedSource(base: harness.source, events: events) { stream in
                if stream == .applications { throw ApplicationsUnavailable() }
            }
            await #expect(throws: ApplicationsUnavailable.self) {
                try await harness.engine(source).run(source.streams)
            }
            for stream in [SyncStreamName.jobs, .customFieldSchemas, .notes, .files] {
                let state = try await harness.store.state(of: stream, account: harness.account)
                #expect(state.completedThrough != nil, "\(stream) completed despite the applications failing")
            }
            let applications = try await harness.store.state(of: .applications, account: harness.account)
            #expect(applications.completedThrough == nil)
            #expect(!events.entries.contains("derived candidates"))
            #expect(try await harness.store.storedRows(of: .candidates, account: harness.account).isEmpty)

            // The next run, with Tracker answering again, completes the mirror.
            let report = try await harness.sync()
            #expect(report.streams.allSatisfy { $0.completed })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test func aStreamNamedTwiceRunsOnce() async throws {
        try await withMirror(.memory, applications: 30) { harness in
            let report = try await harness.engine(harness.source).run([.applications, .jobs, .applications])
            #expect(report.streams.map(\.stream) == [.applications, .jobs])
        }
    }
}

private struct ApplicationsUnavailable: Error {}

/// The order things happened in, across the concurrent streams.
private final class EventLog: Sendable {
    private let log = Mutex<[String]>([])
    func append(_ entry: String) { log.withLock { $0.append(entry) } }
    var entries: [String] { log.withLock { $0 } }
}

/// Lets each expected stream through once all of them have arrived. Cancelling a waiting task (as
/// the test's time limit does) releases everyone with an error, so a sequential engine fails the
/// test instead of hanging it.
private final class Rendezvous: Sendable {
    private struct State {
        var waiting: Set<SyncStreamName>
        var parked: [CheckedContinuation<Void, any Error>] = []
        var cancelled = false
    }
    private let state: Mutex<State>

    init(expecting streams: Set<SyncStreamName>) {
        state = Mutex(State(waiting: streams))
    }

    func arrive(_ stream: SyncStreamName) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let (released, cancelled) = state.withLock { state in
                    state.waiting.remove(stream)
                    state.parked.append(continuation)
                    guard state.waiting.isEmpty || state.cancelled else {
                        return ([CheckedContinuation<Void, any Error>](), false)
                    }
                    defer { state.parked = [] }
                    return (state.parked, state.cancelled)
                }
                for parked in released {
                    if cancelled { parked.resume(throwing: CancellationError()) } else { parked.resume() }
                }
            }
        } onCancel: {
            let released = state.withLock { state in
                state.cancelled = true
                defer { state.parked = [] }
                return state.parked
            }
            for parked in released { parked.resume(throwing: CancellationError()) }
        }
    }
}

/// Tracker's source, with a hook before each stream's first page and a log of derivations.
private struct ObservedSource: SyncSource {
    let base: TrackerSyncSource
    let events: EventLog
    let beforeFirstPage: @Sendable (SyncStreamName) async throws -> Void

    var account: String { base.account }
    var provider: ATSProvider { base.provider }
    var streams: [SyncStreamName] { base.streams }
    func contract(for stream: SyncStreamName) -> StreamContract? { base.contract(for: stream) }

    func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        try await base.countingTraffic(work)
    }

    func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        events.append("derived \(derivation.stream)")
        return try base.derivedRecords(for: derivation, groups: groups)
    }

    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> HookedPages {
        let events = events
        let hook = beforeFirstPage
        return HookedPages(base: base.pages(of: stream, window: window, startingAt: page)) {
            events.append("first page \(stream)")
            try await hook(stream)
        }
    }
}

/// A stream's pages, with something run before the first one is read.
private struct HookedPages: AsyncSequence {
    typealias Element = SourcePage
    typealias Failure = any Error

    let base: TrackerSourcePages
    let beforeFirst: @Sendable () async throws -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: TrackerSourcePages.AsyncIterator
        let beforeFirst: @Sendable () async throws -> Void
        var started = false

        mutating func next() async throws -> SourcePage? {
            if !started {
                started = true
                try await beforeFirst()
            }
            return try await base.next()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), beforeFirst: beforeFirst)
    }
}
