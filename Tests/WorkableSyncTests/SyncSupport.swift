import ATSCore
import ATSSync
import ATSTestSupport
import ATSSyncPostgres
import ATSSyncSQLite
import Foundation
import Logging
import WorkableAPI
import WorkableATS
import WorkableSandbox
import WorkableSync

/// A Workable sandbox on a manual clock, a client on virtual time, a sync source and a store.
struct SyncHarness: Sendable {
    let sandbox: RunningWorkableSandbox
    let client: WorkableATSClient
    let source: WorkableSyncSource
    let store: any SyncStore
    let clock: ManualWorkableSandboxClock

    var control: WorkableSandboxControl { sandbox.control }
    var account: String { source.account }

    /// An engine on the sandbox's clock, with no scheduled full scans.
    func engine<S: SyncSource>(_ source: S) -> SyncEngine<S> {
        let clock = clock
        return SyncEngine(
            source: source, store: store, planner: WindowPlanner(fullScanInterval: nil), now: { clock.now() })
    }

    /// The live rows of a stream, by id.
    func live(_ stream: SyncStreamName) async throws -> [String: StoredRow] {
        let rows = try await store.storedRows(of: stream, account: account).filter { $0.deletedAt == nil }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
    }

    /// The sandbox's comments, by activity id.
    var comments: [String: String] {
        var all: [String: String] = [:]
        for candidate in control.candidates {
            for activity in control.activities(of: candidate.id) where activity.action == "comment" {
                all[activity.id] = activity.body ?? ""
            }
        }
        return all
    }
}

/// Runs `body` with a Workable sandbox of `people` people mirrored into `store`.
func withWorkableMirror(
    store: any SyncStore,
    people: Int = 30,
    rateLimit: WorkableRateLimit = .accountToken,
    pageSize: Int = 100,
    sourcePageSize: Int = 50,
    candidatesPerPage: Int = 10,
    configure: (inout WorkableSandboxConfiguration) -> Void = { _ in },
    _ body: (SyncHarness) async throws -> Void
) async throws {
    let clock = ManualWorkableSandboxClock(start: Date(timeIntervalSince1970: 1_796_000_003))
    var configuration = WorkableSandboxConfiguration(personCount: people, clock: clock)
    configuration.deliveryPauses = [.zero, .zero]
    configure(&configuration)
    try await withWorkableSandbox(configuration) { sandbox in
        let wire = WorkableAPI.Configuration(
            baseURL: sandbox.baseURL, token: sandbox.token,
            retryPolicy: WorkableRetryPolicy(
                maximumAttempts: 6, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(100)),
            rateLimit: rateLimit, pageSize: pageSize)
        let api = try WorkableAPI(
            configuration: wire, clock: WorkableSandboxAdvancingClock(sandboxClock: clock), wallClock: { clock.now() })
        let client = WorkableATSClient(api: api, settings: .init(candidateIDSecret: Array("test secret".utf8)))
        let source = WorkableSyncSource(
            client: client, account: "workable-\(UUID().uuidString.prefix(8))", pageSize: sourcePageSize,
            candidatesPerPage: candidatesPerPage)
        try await api.run { _ in
            try await body(SyncHarness(sandbox: sandbox, client: client, source: source, store: store, clock: clock))
        }
    }
}

/// A source that stops (as a killed process would) after handing the engine `pages` pages of a stream.
struct KilledAfter<Base: SyncSource>: SyncSource where Base.Pages: Sendable {
    struct Killed: Error {}

    let base: Base
    let pages: Int

    var account: String { base.account }
    var provider: ATSProvider { base.provider }
    var streams: [SyncStreamName] { base.streams }
    func contract(for stream: SyncStreamName) -> StreamContract? { base.contract(for: stream) }

    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> KilledPages<Base.Pages> {
        KilledPages(base: base.pages(of: stream, window: window, startingAt: page), limit: pages)
    }
}

/// Pages that throw after `limit` of them.
struct KilledPages<Base: AsyncSequence<SourcePage, any Error>>: AsyncSequence, Sendable where Base: Sendable {
    let base: Base
    let limit: Int

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), left: limit) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        var left: Int

        mutating func next() async throws -> SourcePage? {
            guard left > 0 else { throw KilledAfter<WorkableSyncSource>.Killed() }
            left -= 1
            return try await base.next()
        }
    }
}
