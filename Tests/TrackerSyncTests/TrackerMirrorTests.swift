import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Testing
import TrackerAPI
import TrackerSandbox
import TrackerSync

@Suite struct TrackerMirrorTests {
    @Test(arguments: StoreKind.available)
    func aFirstSyncMirrorsEveryRecordOfTheAccount(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            let report = try await harness.sync()
            #expect(report.streams.map(\.stream) == harness.source.streams)
            #expect(report.streams.allSatisfy { $0.completed })
            let applications = try #require(report.streams.first { $0.stream == .applications })
            #expect(applications.outcome.inserted == harness.sandbox.control.applicationCount)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            let schemas = try await GroundTruthCheck(harness: harness).liveRows(.customFieldSchemas)
            #expect(
                schemas.count
                    == harness.sandbox.control.applicationSchema().count + harness.sandbox.control.jobSchema().count)
        }
    }

    /// The engine derives the next batch of candidates while the previous one is committed; in
    /// small batches every candidate must still be built exactly once, first time and incrementally.
    @Test(arguments: StoreKind.available)
    func candidatesDerivedInOverlappingSmallBatchesAreEachBuiltOnce(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            var engine = harness.engine(harness.source)
            engine.derivationBatchSize = 7
            let first = try await engine.run(harness.source.streams)
            let candidates = try #require(first.streams.first { $0.stream == .candidates })
            #expect(candidates.outcome.inserted == candidates.records)
            #expect(candidates.outcome.unchanged == 0)
            #expect(candidates.pages == (candidates.records + 6) / 7)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()

            harness.clock.advance(by: .seconds(3 * 3600))
            for id in [5, 6, 150] {
                harness.sandbox.control.updateApplication(id: id) { $0.phone = "+1 555 0100" }
            }
            harness.clock.advance(by: .seconds(120))
            let second = try await engine.run(harness.source.streams)
            let rebuilt = try #require(second.streams.first { $0.stream == .candidates })
            // The changed applications' candidates only (two of them may be one person).
            #expect((1...3).contains(rebuilt.records))
            #expect(rebuilt.outcome.changed + rebuilt.outcome.unchanged == rebuilt.records)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func anIncrementalSyncPicksUpUpdatesAndRecordsTheStageChanges(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            try await harness.sync()
            harness.clock.advance(by: .seconds(3 * 3600))
            let moved = [3, 17, 101]
            for id in moved {
                harness.sandbox.control.updateApplication(id: id) { $0.status = "Offer Extended" }
            }
            harness.clock.advance(by: .seconds(120))
            let report = try await harness.sync()
            let applications = try #require(report.streams.first { $0.stream == .applications })
            #expect(applications.isIncremental)
            #expect(applications.outcome.changed == moved.count)
            #expect(applications.outcome.inserted == 0)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            let history = try await harness.store.stageHistory(of: .applications, account: harness.account)
            let changes = history.filter { $0.from != nil }
            #expect(Set(changes.map(\.id)) == Set(moved.map(String.init)))
            #expect(changes.allSatisfy { $0.to == "Offer Extended" })
        }
    }

    @Test(arguments: StoreKind.available)
    func anIncrementalSyncWithNothingChangedMakesOneRequestPerStream(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            try await harness.sync()
            // A day later the look-back window (12 hours at most) holds nothing.
            harness.clock.advance(by: .seconds(24 * 3600))
            harness.sandbox.control.clearRequestLog()
            let report = try await harness.sync()
            let log = harness.sandbox.control.requestLog()
            for path in ["/jobs", "/applications", "/notes", "/files"] {
                #expect(log.filter { $0.path.hasSuffix(path) }.count == 1, "requests to \(path)")
            }
            #expect(report.streams.allSatisfy { $0.outcome.inserted + $0.outcome.changed == 0 })
            #expect(report.streams.first { $0.stream == .applications }?.traffic.requests == 1)
        }
    }

    @Test(
        arguments: StoreKind.available,
        ["Pacific/Honolulu", "UTC", "Pacific/Kiritimati"]
    )
    func syncsInEveryZoneAndTimestampModeMissNoUpdateAtTheWindowEdge(kind: StoreKind, zone: String) async throws {
        for mode in [SandboxTimestampMode.naiveLocal, .utc] {
            try await withMirror(kind, applications: 120, zone: zone, mode: mode) { harness in
                try await harness.sync()
                // Updated one second before, exactly at, and one second after the window's upper bound
                // (now minus the 60-second safety lag), then synced.
                let edge = harness.clock.now().addingTimeInterval(-60)
                for (offset, id) in [(-1.0, 5), (0, 6), (1, 7)] {
                    harness.clock.set(edge.addingTimeInterval(offset))
                    harness.sandbox.control.updateApplication(id: id) { $0.status = "Phone Screen \(offset)" }
                }
                harness.clock.set(edge.addingTimeInterval(600))
                harness.sandbox.control.updateApplication(id: 8) { $0.status = "Later" }
                try await harness.sync()
                try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aServerThatIgnoresUpdatedAfterIsReportedAndStillMirroredExactly(kind: StoreKind) async throws {
        let ignoring: (inout SandboxConfiguration) -> Void = { $0.behavior.honoursUpdatedAfter = false }
        try await withMirror(kind, configure: ignoring) { harness in
            try await harness.sync()
            harness.clock.advance(by: .seconds(24 * 3600))
            harness.sandbox.control.updateApplication(id: 42) { $0.status = "Hired" }
            harness.clock.advance(by: .seconds(120))
            let report = try await harness.sync()
            let applications = try #require(report.streams.first { $0.stream == .applications })
            #expect(applications.outcome.changed == 1)
            #expect(applications.warnings.contains { $0.contains("ignored updated_after") })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func deletionsAreFoundByAFullScanAndTheirCandidatesFollow(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            try await harness.sync()
            let control = harness.sandbox.control
            let victim = try #require(control.applications().first { $0.email == nil || $0.email?.isEmpty == true })
            #expect(control.deleteApplication(id: victim.id))
            harness.clock.advance(by: .seconds(3600))
            let incremental = try await harness.sync()
            #expect(incremental.streams.allSatisfy { $0.deleted == 0 })
            let full = try await harness.sync(full: true)
            #expect(full.streams.first { $0.stream == .applications }?.deleted == 1)
            #expect(full.streams.first { $0.stream == .candidates }?.deleted == 1)
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }

    @Test(arguments: StoreKind.available)
    func anApplicationWhoseEmailChangesMovesToItsNewCandidate(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            try await harness.sync()
            let control = harness.sandbox.control
            let application = try #require(control.applications().first { ($0.email ?? "").contains("@") })
            harness.clock.advance(by: .seconds(3600))
            control.updateApplication(id: application.id) { $0.email = "someone.new.\(application.id)@example.org" }
            harness.clock.advance(by: .seconds(120))
            try await harness.sync()
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
        }
    }
}
