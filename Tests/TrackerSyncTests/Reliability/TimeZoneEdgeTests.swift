import ATSSync
import ATSTestSupport
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox
import TrackerSync

/// The time-zone and clock suite: every timestamp mode × account zones covering every UTC offset
/// from −10 to +14 (half- and quarter-hour ones included) × start instants on and around the
/// zone's own daylight-saving changes, with applications updated one second before, at and one
/// second after each window edge. Zero missed updates. Quick: 8 zones on the in-memory store;
/// `ATSKIT_RELIABILITY=full`: every zone on SQLite (`scripts/reliability timezones`).
@Suite struct TimeZoneEdgeTests {
    /// One zone per distinct offset from UTC−10 to UTC+14, plus zones with daylight saving on
    /// either hemisphere and the odd offsets.
    static let allZones = [
        "Pacific/Honolulu", "Pacific/Marquesas", "America/Anchorage", "America/Los_Angeles", "America/Denver",
        "America/Chicago", "America/New_York", "America/Halifax", "America/St_Johns", "America/Sao_Paulo",
        "Atlantic/South_Georgia", "Atlantic/Azores", "UTC", "Europe/London", "Europe/Berlin", "Europe/Athens",
        "Europe/Moscow", "Asia/Tehran", "Asia/Dubai", "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu",
        "Asia/Dhaka", "Asia/Yangon", "Asia/Bangkok", "Asia/Shanghai", "Australia/Eucla", "Asia/Tokyo",
        "Australia/Adelaide", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Noumea", "Pacific/Auckland",
        "Pacific/Chatham", "Pacific/Tongatapu", "Pacific/Kiritimati",
    ]
    static let quickZones = [
        "Pacific/Honolulu", "America/Los_Angeles", "America/St_Johns", "UTC", "Asia/Kathmandu", "Australia/Lord_Howe",
        "Pacific/Chatham", "Pacific/Kiritimati",
    ]

    /// Start instants: an ordinary day, and 30 seconds after each of the zone's daylight-saving
    /// changes in 2024 (so the window edges straddle the change), when it has any.
    static func starts(in zone: TimeZone) -> [Date] {
        var starts = [Date(timeIntervalSince1970: 1_717_243_200)]  // 2024-06-01 12:00 UTC
        var cursor = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor),
            change.timeIntervalSince1970 < 1_735_689_600
        {
            starts.append(change.addingTimeInterval(30))
            cursor = change
        }
        return starts
    }

    @Test func noUpdateNearAWindowEdgeIsMissedInAnyZoneModeOrDaylightSavingChange() async throws {
        let zones = ReliabilityRun.isFull ? Self.allZones : Self.quickZones
        let store: StoreKind = ReliabilityRun.isFull ? .sqlite : .memory
        var combinations = 0
        var edgeUpdates = 0
        var missed = 0
        var ambiguous = 0
        for name in zones {
            let zone = try #require(TimeZone(identifier: name), "\(name) is a known zone")
            for mode in SandboxTimestampMode.allCases {
                for start in Self.starts(in: zone) {
                    let result = try await Self.edgeRun(store: store, zone: name, mode: mode, start: start)
                    combinations += 1
                    edgeUpdates += result.updates
                    missed += result.missed.count
                    ambiguous += result.ambiguous
                    #expect(result.missed.isEmpty, "\(name), \(mode), start \(start): missed \(result.missed)")
                }
            }
        }
        ReliabilityRun.publish(
            suite: "timezones",
            [
                "zones": zones.count, "timestamp_modes": SandboxTimestampMode.allCases.count,
                "combinations": combinations, "edge_updates": edgeUpdates, "missed_updates": missed,
                "naive_times_in_a_repeated_hour": ambiguous, "stores": [store.rawValue],
            ])
    }

    /// A client clock ahead of Tracker's moves the window's upper bound past records Tracker has not
    /// yet stamped; the look-back (the zone's offset plus an hour) absorbs it. Skews from an hour
    /// behind to 59 minutes ahead miss nothing, in either timestamp mode.
    @Test(arguments: [-3_600.0, -90, 90, 1_800, 3_540])
    func aClientClockOffByUpToAnHourMissesNoUpdate(skew: TimeInterval) async throws {
        for mode in SandboxTimestampMode.allCases {
            try await withMirror(.memory, applications: 40, zone: "UTC", mode: mode, pageSize: 25) { harness in
                let clock = harness.clock
                let skewed = SyncEngine(
                    source: harness.source, store: harness.store, planner: WindowPlanner(fullScanInterval: nil),
                    now: { clock.now().addingTimeInterval(skew) })
                try await skewed.run(harness.source.streams)
                // Updated on Tracker's clock just after the first run read the account.
                clock.advance(by: .seconds(5))
                harness.sandbox.control.updateApplication(id: 3) { $0.status = "After the first run" }
                clock.advance(by: .seconds(600))
                try await skewed.run(harness.source.streams)
                let rows = try await harness.store.storedRows(of: .applications, account: harness.account)
                let row = try #require(rows.first { $0.id == "3" })
                #expect(row.raw.contains("After the first run"), "skew \(skew) s, \(mode)")
            }
        }
    }

    /// Beyond the look-back, the engine reads Tracker's clock from its answers' `Date` header: with
    /// this machine's clock two hours ahead, the window ends at Tracker's "now" instead, the run says
    /// so, and the update made after the first run is not missed. (Real clocks on both sides: the
    /// sandbox's `Date` header is the real time.)
    @Test func aClientClockTwoHoursAheadIsCorrectedFromTrackersDateHeader() async throws {
        var configuration = SandboxConfiguration(jobCount: 4, applicationCount: 40)
        configuration.behavior.timeZone = .gmt
        configuration.behavior.timestampMode = .utc
        try await withTrackerSandbox(configuration) { sandbox in
            let settings = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: .gmt, rateLimit: nil, pageSize: 25)
            try await TrackerAPI.withTrackerAPI(configuration: settings) { api in
                let source = TrackerSyncSource(
                    api: api, account: "skewed", identity: CandidateIdentity(secret: Array("s".utf8)),
                    accountTimeZone: .gmt, pageSize: 25)
                let store = InMemorySyncStore()
                let engine = SyncEngine(
                    source: source, store: store, planner: WindowPlanner(fullScanInterval: nil),
                    now: { Date().addingTimeInterval(7_200) })
                let first = try await engine.run(source.streams)
                let warned = first.streams.flatMap(\.warnings).filter { $0.contains("ahead of the provider") }
                #expect(!warned.isEmpty, "the run says the clock is ahead")
                sandbox.control.updateApplication(id: 3) { $0.status = "After the first run" }
                try await engine.run(source.streams)
                let rows = try await store.storedRows(of: .applications, account: "skewed")
                #expect(try #require(rows.first { $0.id == "3" }).raw.contains("After the first run"))
            }
        }
    }

    /// In the hour a fall-back change repeats, a later update can carry an earlier naive time:
    /// Los Angeles, 2024-11-03, updated at 01:50 PDT and again 20 minutes later at 01:10 PST. The
    /// second must replace the first although its wall time reads earlier.
    @Test(arguments: StoreKind.available)
    func aLaterUpdateInTheRepeatedHourIsNotMistakenForAnOlderOne(kind: StoreKind) async throws {
        let firstUpdate = Date(timeIntervalSince1970: 1_730_623_800)  // 2024-11-03 08:50 UTC = 01:50 PDT
        try await withMirror(kind, applications: 30, zone: "America/Los_Angeles", start: firstUpdate) { harness in
            try await harness.sync()
            harness.sandbox.control.updateApplication(id: 5) { $0.status = "Before the change" }
            harness.clock.advance(by: .seconds(120))
            try await harness.sync()
            harness.clock.set(firstUpdate.addingTimeInterval(1_200))  // 09:10 UTC = 01:10 PST
            harness.sandbox.control.updateApplication(id: 5) { $0.status = "After the change" }
            harness.clock.advance(by: .seconds(120))
            try await harness.sync()
            let rows = try await harness.store.storedRows(of: .applications, account: harness.account)
            #expect(try #require(rows.first { $0.id == "5" }).raw.contains("After the change"))
        }
    }

    struct EdgeRunResult {
        var updates = 0
        var missed: [String] = []
        var ambiguous = 0
    }

    /// Three runs ten minutes apart. Before the second, applications are updated with times one
    /// second before, at and after the first run's upper bound (updates that land after a run read
    /// past them: late writers, clock drift) and around the second run's own upper bound; the third
    /// run must have them all.
    static func edgeRun(store: StoreKind, zone: String, mode: SandboxTimestampMode, start: Date) async throws
        -> EdgeRunResult
    {
        var result = EdgeRunResult()
        try await withMirror(store, applications: 40, zone: zone, mode: mode, pageSize: 25, start: start) { harness in
            let control = harness.sandbox.control
            try await harness.sync()
            let firstUpper = start.addingTimeInterval(-60)
            let secondStart = start.addingTimeInterval(600)
            let secondUpper = secondStart.addingTimeInterval(-60)
            var expected: [Int: String] = [:]
            var id = 1
            for edge in [firstUpper, secondUpper] {
                for offset in [-1.0, 0, 1] {
                    harness.clock.set(edge.addingTimeInterval(offset))
                    let status = "Edge \(Int(edge.timeIntervalSince(start))) \(Int(offset))"
                    control.updateApplication(id: id) { $0.status = status }
                    expected[id] = status
                    id += 1
                }
            }
            harness.clock.set(secondStart)
            try await harness.sync()
            harness.clock.set(secondStart.addingTimeInterval(600))
            try await harness.sync()

            let rows = try await harness.store.storedRows(of: .applications, account: harness.account)
            let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let timeZone = TimeZone(identifier: zone) ?? .gmt
            for (id, status) in expected.sorted(by: { $0.key < $1.key }) {
                result.updates += 1
                let truth = control.applications().first { $0.id == id }
                guard let row = byID[String(id)], let truth,
                    let stored = try? TrackerJSON.parse(Data(row.raw.utf8)).objectValue,
                    stored["status"]?.stringValue == status
                else {
                    result.missed.append("application \(id) (\(status))")
                    continue
                }
                if row.updatedAt != truth.updatedAt {
                    // A naive wall time in the hour a daylight-saving change repeats names two
                    // instants; the mirror keeps one of them. Anything else is a wrong time.
                    if mode == .naiveLocal, let stored = row.updatedAt,
                        Self.sameWallTime(stored, truth.updatedAt, in: timeZone)
                    {
                        result.ambiguous += 1
                    } else {
                        result.missed.append("application \(id): updated_at \(String(describing: row.updatedAt))")
                    }
                }
            }
        }
        return result
    }

    static func sameWallTime(_ first: Date, _ second: Date, in zone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .second]
        return calendar.dateComponents(parts, from: first) == calendar.dateComponents(parts, from: second)
    }
}
