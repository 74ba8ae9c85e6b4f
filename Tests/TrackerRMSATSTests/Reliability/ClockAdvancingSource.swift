import ATSCore
import ATSSync
import Foundation
import TrackerRMSSandbox

/// A sync source that moves the sandbox's injected clock after every page it hands the engine, so
/// that background changes (applied as the sandbox clock advances) land while a sync reads the
/// account, at points the page sequence decides: the same seed gives the same run.
struct ClockAdvancingSource<Base: SyncSource>: SyncSource {
    let base: Base
    let clock: RMSManualSandboxClock
    let secondsPerPage: TimeInterval

    var account: String { base.account }
    var provider: ATSProvider { base.provider }
    var streams: [SyncStreamName] { base.streams }
    func contract(for stream: SyncStreamName) -> StreamContract? { base.contract(for: stream) }

    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int)
        -> AsyncMapSequence<Base.Pages, SourcePage>
    {
        let clock = clock
        let seconds = secondsPerPage
        return base.pages(of: stream, window: window, startingAt: page).map { page in
            clock.advance(seconds: seconds)
            return page
        }
    }

    func derivedRecords(for derivation: StreamDerivation, groups: [String: [StoredRow]]) throws -> [SyncRecord] {
        try base.derivedRecords(for: derivation, groups: groups)
    }

    func countingTraffic<Result: Sendable>(
        _ work: () async throws -> Result
    ) async throws -> (result: Result, traffic: SyncTraffic) {
        try await base.countingTraffic(work)
    }

    func providerClock() -> Date? { base.providerClock() }
    var rederivesUnplacedTimes: Bool { base.rederivesUnplacedTimes }
    func rederivedRecord(from row: StoredRow, of stream: SyncStreamName) -> SyncRecord? {
        base.rederivedRecord(from: row, of: stream)
    }
}
