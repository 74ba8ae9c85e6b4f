import ATSTestSupport
import ATSSync
import Foundation
import Testing
import TrackerATS
import TrackerSandbox
import TrackerSync

@testable import TrackerAPI

/// An account that answers in naive local time, synced first without a configured time zone and
/// then with one: the first sync stores no instant at all (never a wrong one) and says how to fix
/// it; the second places every stored row's instants from its stored JSON, without asking Tracker
/// for anything a plain incremental run would not.
@Suite struct UnplacedTimesTests {
    /// Far from UTC on both sides: Adak is UTC−10 (−9 in summer), Kiritimati UTC+14.
    static let zones = ["America/Adak", "Pacific/Kiritimati"]

    @Test(arguments: StoreKind.available, zones)
    func naiveTimesAreLeftEmptyUntilAZoneIsSetThenPlacedFromTheStoredJSON(kind: StoreKind, zone: String) async throws {
        try await withMirror(kind, applications: 60, zone: zone, mode: .naiveLocal, clientKnowsZone: false) {
            harness in
            let first = try await harness.sync()
            let check = GroundTruthCheck(harness: harness)
            for stream in [SyncStreamName.jobs, .applications, .notes] {
                let rows = try await check.liveRows(stream)
                #expect(!rows.isEmpty)
                #expect(rows.values.allSatisfy { $0.updatedAt == nil }, "\(stream): no instant is stored")
                let report = try #require(first.streams.first { $0.stream == stream })
                #expect(report.warnings.contains(TrackerSyncSource.unplacedTimesWarning), "\(stream)")
            }
            #expect(TrackerSyncSource.unplacedTimesWarning.contains("--timezone"))
            #expect(TrackerSyncSource.unplacedTimesWarning.contains("TRACKER_TIMEZONE"))

            // The same mirror, now with the account's zone configured.
            let accountZone = try #require(TimeZone(identifier: zone))
            try await withZonedSource(harness, zone: accountZone) { zoned in
                harness.clock.advance(by: .seconds(60))
                let before = harness.sandbox.control.answeredRequestCount
                let second = try await harness.engine(zoned).run(zoned.streams)
                let secondRequests = harness.sandbox.control.answeredRequestCount - before
                let placed = second.streams.flatMap(\.warnings).filter { $0.hasPrefix("Placed the times of ") }
                #expect(!placed.isEmpty, "the report says what was placed from stored JSON")
                #expect(!second.streams.flatMap(\.warnings).contains(TrackerSyncSource.unplacedTimesWarning))
                // Every row of every stream now has the sandbox's own instants.
                try await check.expectMirrorEqualsGroundTruth()

                // A plain incremental run over the same windows asks for exactly as much: placing
                // the stored rows cost no request.
                harness.clock.advance(by: .seconds(60))
                let again = harness.sandbox.control.answeredRequestCount
                let third = try await harness.engine(zoned).run(zoned.streams)
                #expect(harness.sandbox.control.answeredRequestCount - again == secondRequests)
                #expect(third.streams.flatMap(\.warnings).allSatisfy { !$0.hasPrefix("Placed the times of ") })
                try await check.expectMirrorEqualsGroundTruth()
            }
        }
    }

    /// A second API client and source on the harness's sandbox and mirror, with the zone configured.
    func withZonedSource(_ harness: MirrorHarness, zone: TimeZone, _ body: (TrackerSyncSource) async throws -> Void)
        async throws
    {
        var settings = harness.api.configuration
        settings.accountTimeZone = zone
        let api = try TrackerAPI(
            configuration: settings,
            transport: HTTPClientTransport(connectTimeout: .seconds(5), maximumConnections: 16),
            clock: SandboxAdvancingClock(sandboxClock: harness.clock))
        let source = TrackerSyncSource(
            api: api, account: harness.account, identity: CandidateIdentity(secret: Array("test secret".utf8)),
            accountTimeZone: zone, pageSize: harness.source.pageSize)
        do {
            try await body(source)
            try await api.shutdown()
        } catch {
            try? await api.shutdown()
            throw error
        }
    }
}
