import ATSCore
import ATSSync
import Foundation
import TrackerRMSSandbox

/// How hard the Tracker RMS reliability suites push: a quick version for `swift test` and CI, the
/// published version with `ATSKIT_RELIABILITY=full` (what `scripts/reliability` sets).
enum RMSReliabilityRun {
    /// Whether the full (published) budget was asked for.
    static var isFull: Bool { ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full" }

    /// `quick` in the default run, `full` when the full budget was asked for.
    static func budget(quick: Int, full: Int) -> Int { isFull ? full : quick }

    /// Prints a suite's figures as one line, `RELIABILITY {json}`, which `scripts/reliability`
    /// collects into docs/RELIABILITY.md.
    static func publish(suite: String, _ figures: [String: Any]) {
        var object = figures
        object["suite"] = suite
        object["budget"] = isFull ? "full" : "quick"
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let line = String(data: data, encoding: .utf8)
        else { return }
        print("RELIABILITY \(line)")
    }
}

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
