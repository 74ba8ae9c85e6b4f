import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerSandbox
import TrackerSync

/// A store that dies before its n-th write, as a process killed mid-run would: the write it was
/// about to make never happens, and everything before it is committed.
final class DyingStore: SyncStore {
    struct Killed: Error {}

    let base: any SyncStore
    private let writesLeft: Mutex<Int>

    init(_ base: any SyncStore, diesBeforeWrite count: Int) {
        self.base = base
        writesLeft = Mutex(count)
    }

    private func write() throws {
        let alive = writesLeft.withLock { left in
            left -= 1
            return left >= 0
        }
        guard alive else { throw Killed() }
    }

    func prepare() async throws { try await base.prepare() }

    func claimAccount(_ account: String, provider: ATSProvider) async throws {
        try await base.claimAccount(account, provider: provider)
    }

    func accountProviders() async throws -> [String: ATSProvider] { try await base.accountProviders() }

    func liveRowsWithoutUpdateTime(of stream: SyncStreamName, account: String, after: String?, limit: Int)
        async throws -> [StoredRow]
    {
        try await base.liveRowsWithoutUpdateTime(of: stream, account: account, after: after, limit: limit)
    }

    func state(of stream: SyncStreamName, account: String) async throws -> StreamState {
        try await base.state(of: stream, account: account)
    }

    func save(_ state: StreamState, account: String) async throws {
        try write()
        try await base.save(state, account: account)
    }

    func commit(
        _ records: [SyncRecord], stream: SyncStreamName, account: String, scanID: String, seenAt: Date,
        state: StreamState, derivations: [StreamDerivation]
    ) async throws -> PageOutcome {
        try write()
        return try await base.commit(
            records, stream: stream, account: account, scanID: scanID, seenAt: seenAt, state: state,
            derivations: derivations)
    }

    func complete(
        _ state: StreamState, account: String, reconcilingScan: ReconcilingScan?, at: Date, derivations: [StreamDerivation]
    ) async throws -> Int {
        try write()
        return try await base.complete(
            state, account: account, reconcilingScan: reconcilingScan, at: at, derivations: derivations)
    }

    func storedRows(of stream: SyncStreamName, account: String) async throws -> [StoredRow] {
        try await base.storedRows(of: stream, account: account)
    }

    func stageHistory(of stream: SyncStreamName, account: String) async throws -> [StageChange] {
        try await base.stageHistory(of: stream, account: account)
    }

    func queuedGroups(for derivation: StreamDerivation, account: String, after: String?, limit: Int) async throws
        -> [String]
    {
        try await base.queuedGroups(for: derivation, account: account, after: after, limit: limit)
    }

    func queueAllGroups(for derivation: StreamDerivation, account: String) async throws {
        try write()
        try await base.queueAllGroups(for: derivation, account: account)
    }

    func liveSourceRows(
        for derivation: StreamDerivation, groups: [String], account: String
    ) async throws -> [String: [StoredRow]] {
        try await base.liveSourceRows(for: derivation, groups: groups, account: account)
    }

    func commitDerived(
        _ records: [SyncRecord], for derivation: StreamDerivation, groups: [String], account: String, scanID: String,
        seenAt: Date
    ) async throws -> PageOutcome {
        try write()
        return try await base.commitDerived(
            records, for: derivation, groups: groups, account: account, scanID: scanID, seenAt: seenAt)
    }
}

/// A source that changes the account while it is being read, as recruiters do during a real sync:
/// before each page, a few applications change status, appear or disappear.
struct BusyAccountSource: SyncSource {
    let base: TrackerSyncSource
    let control: SandboxControl
    let changesPerPage: Int

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
        try base.derivedRecords(for: derivation, groups: groups)
    }

    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> TrackerSourcePages {
        let control = control
        let changes = changesPerPage
        let pages = base.pages(of: stream, window: window, startingAt: page)
        return TrackerSourcePages.wrapping(pages) { control.mutate(count: changes) }
    }
}

@Suite struct InterruptionTests {
    @Test(arguments: StoreKind.available)
    func aRunKilledAtAnyWriteResumesToTheSameMirror(kind: StoreKind) async throws {
        try await withMirror(kind, applications: 150, pageSize: 40) { harness in
            // Six kills in a row, each a few writes into the resumed run: early pages, the
            // candidates rebuild, the last streams. Seeded, so a failure can be replayed.
            var random = SeededRandom(seed: 0x1_4E7E)
            let killPoints = (0..<6).map { _ in 1 + random.below(5) }
            var kills = 0
            var finishedBeforeAKill = false
            for killPoint in killPoints {
                let dying = DyingStore(harness.store, diesBeforeWrite: killPoint)
                do {
                    _ = try await harness.engine(harness.source, store: dying).run(harness.source.streams)
                    finishedBeforeAKill = true
                    break
                } catch is DyingStore.Killed {
                    kills += 1
                }
            }
            // Every kill point is inside a run: the runs were interrupted, not left to finish.
            #expect(
                kills == killPoints.count, "killed \(kills) of \(killPoints.count) times (kill points \(killPoints))")
            #expect(!finishedBeforeAKill)
            let finished = try await harness.sync()
            #expect(finished.streams.allSatisfy { $0.completed })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func aSyncWhileTheAccountChangesLosesNothingOnceAFollowUpRunCatchesUp(kind: StoreKind) async throws {
        try await withMirror(kind, applications: 200, pageSize: 25) { harness in
            let busy = BusyAccountSource(base: harness.source, control: harness.sandbox.control, changesPerPage: 3)
            let first = try await harness.engine(busy).run(busy.streams)
            #expect(first.streams.allSatisfy { $0.completed })
            harness.clock.advance(by: .seconds(120))
            try await harness.sync()
            // Incremental runs cannot see deletions (Tracker has no deletion feed): every live record
            // is mirrored exactly, and a full scan then retires the deleted ones.
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth(allowStaleDeletions: true)
            try await harness.sync(full: true)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func aSyncWithTheSandboxsMutationModeOnIsCaughtUpByOneMoreIncrementalRun(kind: StoreKind) async throws {
        // The mutation rate runs on the sandbox clock, which moves when the client waits: the
        // sandbox's rate limit makes it wait (Retry-After), and the account changes meanwhile.
        let busy: (inout SandboxConfiguration) -> Void = {
            $0.behavior.mutationRate = 40
            $0.behavior.rateLimit = 20
        }
        try await withMirror(kind, applications: 300, pageSize: 20, configure: busy) { harness in
            let first = try await harness.sync()
            #expect(first.streams.allSatisfy { $0.completed })
            try harness.sandbox.control.updateBehavior { $0.mutationRate = 0 }
            #expect(harness.sandbox.control.mutationCount > 0, "the account changed while it was read")
            harness.clock.advance(by: .seconds(120))
            try await harness.sync()
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth(allowStaleDeletions: true)
            try await harness.sync(full: true)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }
}
