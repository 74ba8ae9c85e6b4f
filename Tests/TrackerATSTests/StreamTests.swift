import ATSCore
import Foundation
import InMemoryLogging
import Logging
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Incremental streams against the sandbox: every change at or after the bound arrives exactly
/// once, in both timestamp modes and in account zones from UTC−10 to UTC+14.
@Suite struct StreamTests {
    static let zones = [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "UTC", "Asia/Kolkata", "Pacific/Kiritimati",
    ]
    static let modes: [SandboxTimestampMode] = [.naiveLocal, .utc]

    /// Three applications changed one second before, exactly at, and one second after the bound.
    @Test(arguments: modes, zones)
    func applicationsChangedAtTheEdgeArriveOnce(mode: SandboxTimestampMode, zone: String) async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(zone: zone, mode: mode, clock: clock)) { client, sandbox in
            let bound = sandbox.control.dataAnchor.addingTimeInterval(2 * 86_400)
            sandbox.touch(5, at: bound.addingTimeInterval(-1), clock: clock)
            sandbox.touch(7, at: bound, clock: clock)
            sandbox.touch(9, at: bound.addingTimeInterval(1), clock: clock)
            sandbox.touch(11, at: bound.addingTimeInterval(3_600), clock: clock)

            let streamed = try await client.streamApplications(.init(updatedAfter: bound)).collect()

            let expected = sandbox.control.applications().filter { $0.updatedAt >= bound }.map(\.id)
            #expect(expected == [7, 9, 11])
            #expect(streamed.map(\.id.int) == expected)
            #expect(streamed.first?.updatedAt == bound)
        }
    }

    @Test(arguments: modes, zones)
    func jobsFromAnEdgeOnwardArriveOnce(mode: SandboxTimestampMode, zone: String) async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(zone: zone, mode: mode, clock: clock)) { client, sandbox in
            let jobs = sandbox.control.jobs()
            let bound = try #require(jobs.map(\.updatedAt).sorted().dropFirst(jobs.count / 2).first)

            let streamed = try await client.streamJobs(.init(updatedAfter: bound)).collect()

            let expected = jobs.filter { $0.updatedAt >= bound }.map(\.id)
            #expect(expected.count >= jobs.count / 2)
            #expect(streamed.map { Int($0.id.rawValue) ?? -1 } == expected)
            #expect(streamed.contains { $0.updatedAt == bound })
        }
    }

    /// Without a configured zone, naive local timestamps cannot be placed exactly: nothing at or
    /// after the bound may be lost, and anything extra is within the look-back.
    @Test(arguments: ["Pacific/Honolulu", "Pacific/Kiritimati"])
    func withoutAnAccountZoneNothingIsLost(zone: String) async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(zone: zone, clock: clock), clientTimeZone: .some(nil)) { client, sandbox in
            let bound = sandbox.control.dataAnchor.addingTimeInterval(2 * 86_400)
            for (offset, id) in [(-7_200, 4), (-1, 5), (0, 7), (1, 9), (36_000, 11)] {
                sandbox.touch(id, at: bound.addingTimeInterval(TimeInterval(offset)), clock: clock)
            }

            let streamed = try await client.streamApplications(.init(updatedAfter: bound)).collect()

            let ids = Set(streamed.map(\.id.int))
            #expect(ids.isSuperset(of: [7, 9, 11]))
            let lookBack = TrackerLookBack.automatic.duration(accountTimeZone: nil, around: bound)
            for application in sandbox.control.applications() where ids.contains(application.id) {
                #expect(application.updatedAt >= bound.addingTimeInterval(-Double(lookBack.components.seconds)))
            }
            #expect(streamed.count == ids.count)
        }
    }

    /// The request is widened by the account zone's offset plus a margin (11 h for Honolulu), or by
    /// every US zone's (12 h) when no zone is configured: never a fixed 8 hours.
    @Test func theRequestLooksBackFarEnoughForHawaii() async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        let configuration = SandboxConfiguration.small(zone: "Pacific/Honolulu", mode: .utc, clock: clock)
        for (clientZone, hours) in [(TimeZone(identifier: "Pacific/Honolulu"), 11.0), (nil, 12.0)] {
            try await withSandboxClient(configuration, clientTimeZone: .some(clientZone)) { client, sandbox in
                let bound = sandbox.control.dataAnchor
                _ = try await client.streamApplications(.init(updatedAfter: bound)).collect()
                let sent = try #require(sandbox.sentUpdatedAfter(path: "/applications").first)
                let instant = try #require(TrackerTimestamp.parse(sent, accountTimeZone: nil))
                #expect(instant.hasExplicitOffset)
                #expect(bound.timeIntervalSince(instant.date) == hours * 3_600)
            }
        }
    }

    @Test func aServerThatIgnoresUpdatedAfterIsFilteredAndReportedOnce() async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        var configuration = SandboxConfiguration.small(clock: clock)
        configuration.behavior.honoursUpdatedAfter = false
        let (logger, logs) = Logger.inMemory()
        try await withSandboxClient(configuration, configuration: .init(logger: logger)) { client, sandbox in
            let bound = sandbox.control.dataAnchor.addingTimeInterval(86_400)
            sandbox.touch(3, at: bound, clock: clock)
            sandbox.touch(8, at: bound.addingTimeInterval(60), clock: clock)
            #expect(client.diagnostics.isEmpty)

            let first = try await client.streamApplications(.init(updatedAfter: bound)).collect()
            let second = try await client.streamApplications(.init(updatedAfter: bound)).collect()

            #expect(first.map(\.id.int) == [3, 8])
            #expect(second.map(\.id.int) == [3, 8])
            #expect(client.diagnostics == [.updatedAfterIgnored])
            let reports = logs.entries.filter {
                $0.metadata["ats.diagnostic"].map { "\($0)" } == ATSDiagnostic.updatedAfterIgnored.rawValue
            }
            #expect(reports.count == 1)
        }
    }

    @Test func aHonouredFilterReportsNothing() async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(clock: clock)) { client, sandbox in
            let bound = sandbox.control.dataAnchor.addingTimeInterval(86_400)
            sandbox.touch(3, at: bound, clock: clock)
            _ = try await client.streamApplications(.init(updatedAfter: bound)).collect()
            #expect(client.diagnostics.isEmpty)
        }
    }

    @Test func theJobFilterKeepsOnlyThoseJobsApplications() async throws {
        try await withSandboxClient { client, sandbox in
            let all = sandbox.control.applications()
            let jobs: Set<Int> = [2, 5]
            let streamed = try await client.streamApplications(
                .init(jobIDs: Set(jobs.map { JobID(String($0)) }))
            ).collect()
            #expect(streamed.map(\.id.int) == all.filter { jobs.contains($0.jobID) }.map(\.id))

            let one = try await client.streamApplications(.init(jobIDs: [JobID("3")])).collect()
            #expect(one.map(\.id.int) == all.filter { $0.jobID == 3 }.map(\.id))
            // The sandbox does not implement job_id, so the client noticed and filtered itself.
            #expect(client.diagnostics.contains(.jobFilterIgnored))
        }
    }

    /// A record changed while paging shifts later pages by one; the repeated record is delivered once.
    @Test func aPageShiftDoesNotDeliverARecordTwice() async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(clock: clock), pageSize: 50, pagesInFlight: 1) { client, sandbox in
            let bound = sandbox.control.dataAnchor.addingTimeInterval(86_400)
            for id in 101...220 { sandbox.touch(id, at: bound.addingTimeInterval(1), clock: clock) }

            var iterator = client.streamApplications(.init(updatedAfter: bound)).makeAsyncIterator()
            var seen: [Application] = []
            for _ in 0..<50 {
                if let next = try await iterator.next() { seen.append(next) }
            }
            // Application 10 enters the window in front of the reader: every later page shifts by one.
            sandbox.touch(10, at: bound.addingTimeInterval(2), clock: clock)
            while let next = try await iterator.next() { seen.append(next) }

            let keys = seen.map { "\($0.id)@\($0.updatedAt?.timeIntervalSince1970 ?? 0)" }
            #expect(Set(keys).count == keys.count)
            #expect(Set(seen.map(\.id.int)).isSuperset(of: Set(101...220)))
        }
    }

    @Test func streamsAreLazyAndStopWhenTheReaderStops() async throws {
        try await withSandboxClient(pageSize: 20, pagesInFlight: 1) { client, sandbox in
            sandbox.control.clearRequestLog()
            let stream = client.streamApplications(.all)
            #expect(sandbox.control.requestLog().isEmpty)
            var count = 0
            for try await _ in stream {
                count += 1
                if count == 25 { break }
            }
            let pages = sandbox.control.requestLog().filter { $0.path.hasSuffix("/applications") }
            #expect(pages.count == 2)
        }
    }

    @Test func cancellingTheReaderStopsTheStream() async throws {
        try await withSandboxClient(pageSize: 5, pagesInFlight: 1) { client, sandbox in
            sandbox.control.clearRequestLog()
            var count = 0
            await #expect(throws: CancellationError.self) {
                for try await _ in client.streamApplications(.all) {
                    count += 1
                    if count == 7 { withUnsafeCurrentTask { $0?.cancel() } }
                }
            }
            #expect(count == 10)
            #expect(sandbox.control.requestLog().filter { $0.path.hasSuffix("/applications") }.count == 2)
        }
    }

    @Test func aChangedCandidateArrivesWithAllTheirApplications() async throws {
        let clock = ManualSandboxClock(start: sandboxStart)
        try await withSandboxClient(.small(applications: 600, clock: clock)) { client, sandbox in
            let group = try #require(
                expectedCandidateGroups(sandbox.control.applications()).first { $0.count > 2 })
            let bound = sandbox.control.dataAnchor.addingTimeInterval(86_400)
            sandbox.touch(try #require(group.min()), at: bound, clock: clock)

            let candidates = try await client.streamCandidates(.init(updatedAfter: bound)).collect()

            #expect(candidates.count == 1)
            #expect(Set(candidates.first?.applicationIDs.map(\.int) ?? []) == group)
            #expect(candidates.first?.updatedAt == bound)
        }
    }
}
