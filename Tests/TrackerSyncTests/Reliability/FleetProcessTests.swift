import ATSSync
import ATSSyncPostgres
import ATSTestSupport
import Foundation
import Logging
import Synchronization
import Testing
import TrackerSandbox

/// The fleet suite: several `ats sync --accounts` worker processes share one PostgreSQL mirror.
/// Each account is synced once per round; a worker SIGKILLed while it holds an account is taken
/// over and the mirror converges; a worker whose lock connection the server terminates stops
/// writing; names whose `hashtext` collides are locked apart. Every moment a test acts at is chosen
/// by holding the sandbox's answers, never by timing. Quick: 3 workers, 4 accounts, 2 kills;
/// `ATSKIT_RELIABILITY=full` (`scripts/reliability fleet`): 4 workers, 8 accounts, 6 kills.
@Suite(.serialized) struct FleetProcessTests {
    static let databaseURL = ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"]
    static let canRun =
        atsExecutable != nil && databaseURL != nil && FileManager.default.isExecutableFile(atPath: FleetDatabase.psql)

    /// The accounts of a fleet file, all on one sandbox (each mirrored under its own name), in a
    /// scratch folder.
    final class Fleet: Sendable {
        let sandbox: RunningSandbox
        let names: [String]
        let folder: URL
        let database: FleetDatabase
        let started = Mutex<[WorkerProcess]>([])

        init(sandbox: RunningSandbox, names: [String], folder: URL, database: FleetDatabase) {
            self.sandbox = sandbox
            self.names = names
            self.folder = folder
            self.database = database
        }

        var environment: [String: String] { ["FLEET_PASSWORD": sandbox.apiPassword] }

        /// Writes a fleet file of `accounts` and returns its path.
        func file(_ accounts: [String]) throws -> String {
            let entries = accounts.map { name in
                #"{"name": "\#(name)", "base_url": "\#(sandbox.baseURL)", "api_key": "\#(sandbox.apiKey)", "#
                    + #""api_password_env": "FLEET_PASSWORD", "#
                    + #""timezone": "\#(sandbox.control.behavior.timeZone.identifier)"}"#
            }
            let path = folder.appendingPathComponent("fleet-\(UUID().uuidString).json")
            try Data("[\(entries.joined(separator: ",\n"))]".utf8).write(to: path)
            return path.path
        }

        /// Starts one `ats sync --accounts` worker over `accounts`.
        func worker(_ name: String, _ accounts: [String]) throws -> WorkerProcess {
            let executable = try #require(atsExecutable)
            let worker = try WorkerProcess(
                name, executable,
                ["sync", "--accounts", try file(accounts), "--database", database.url, "--page-size", "20", "--quiet"],
                environment: environment, folder: folder)
            started.withLock { $0.append(worker) }
            return worker
        }

        /// Kills the workers still running (after a failed expectation), so that the sandbox can stop.
        func killWorkers() async {
            for worker in started.withLock({ $0 }) { await worker.killNow() }
        }

        /// Compares every account's mirror with the sandbox's truth; returns (records compared, different).
        func compare() async throws -> (compared: Int, different: Int) {
            let url = try PostgresDatabaseURL(database.url)
            let logger = Logger(label: "fleet-test") { _ in SwiftLogNoOpLogHandler() }
            return try await withPostgresSyncStore(url: url, logger: logger) { store in
                var compared = 0
                var different = 0
                for name in names {
                    let result = try await MirrorComparison.of(
                        store, account: name, against: sandbox.control, deletionsSeen: false)
                    #expect(result.isExact, "account \(name): \(result.examples)")
                    compared += result.compared
                    different += result.lost + result.extra + result.duplicates + result.wrongCandidates
                }
                return (compared, different)
            }
        }
    }

    static func withFleet(
        accounts: Int, applications: Int, _ body: (Fleet) async throws -> Void
    ) async throws {
        let url = try #require(databaseURL)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = UUID().uuidString.prefix(8).lowercased()
        let names = (1...accounts).map { "fleet-\(run)-\($0)" }
        // The tables exist before any worker starts, so the test can watch the lock rows.
        let logger = Logger(label: "fleet-test") { _ in SwiftLogNoOpLogHandler() }
        try await withPostgresSyncStore(url: try PostgresDatabaseURL(url), logger: logger) { _ in }
        try await withTrackerSandbox(SandboxConfiguration(seed: 21, jobCount: 4, applicationCount: applications)) {
            sandbox in
            let fleet = Fleet(sandbox: sandbox, names: names, folder: folder, database: FleetDatabase(url: url))
            do {
                try await body(fleet)
            } catch {
                await fleet.killWorkers()
                throw error
            }
            await fleet.killWorkers()
        }
    }

    /// Lines of a worker's standard output that say it synced an account.
    static func synced(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("Account ") && $0.hasSuffix(":") }.map {
            String($0.dropFirst("Account ".count).dropLast())
        }
    }

    @Test(.enabled(if: canRun))
    func workersStartedTogetherSyncEachAccountOnceAndConverge() async throws {
        let workerCount = ReliabilityRun.budget(quick: 3, full: 4)
        let accountCount = ReliabilityRun.budget(quick: 4, full: 8)
        try await Self.withFleet(accounts: accountCount, applications: ReliabilityRun.budget(quick: 60, full: 200)) {
            fleet in
            // Nothing is answered until every worker holds an account: each has then begun its pass,
            // so every account completes after every worker's pass began.
            fleet.sandbox.control.holdRequests(after: 0)
            let workers = try (1...workerCount).map { try fleet.worker("worker-\($0)", fleet.names) }
            let prefix = fleet.names[0].dropLast()
            try await fleet.database.waitUntil("\(workerCount) workers to hold an account each") {
                try await fleet.database.rows(FleetDatabase.heldLocks(prefix: String(prefix))).count == workerCount
            }
            fleet.sandbox.control.releaseRequests()
            var syncs: [String: Int] = [:]
            var avoided = 0
            for worker in workers {
                let status = try await worker.exit(within: .seconds(300))
                #expect(status == 0, "\(worker.name): \(worker.errors)")
                for name in Self.synced(worker.output) { syncs[name, default: 0] += 1 }
                avoided += worker.output.components(separatedBy: "another process synced it during this pass").count - 1
            }
            #expect(syncs == Dictionary(uniqueKeysWithValues: fleet.names.map { ($0, 1) }), "each account synced once")
            let mirror = try await fleet.compare()
            #expect(mirror.different == 0)
            ReliabilityRun.publish(
                suite: "fleet-round",
                [
                    "workers": workerCount, "accounts": accountCount, "syncs": syncs.values.reduce(0, +),
                    "accounts_synced_twice": syncs.values.filter { $0 > 1 }.count, "resyncs_avoided": avoided,
                    "records_compared": mirror.compared, "records_different": mirror.different,
                ])
        }
    }

    @Test(.enabled(if: canRun))
    func aWorkerKilledWhileHoldingAnAccountIsTakenOverAndTheMirrorConverges() async throws {
        let kills = ReliabilityRun.budget(quick: 2, full: 6)
        let workerCount = ReliabilityRun.budget(quick: 3, full: 4)
        let accountCount = ReliabilityRun.budget(quick: 4, full: 8)
        try await Self.withFleet(accounts: accountCount, applications: ReliabilityRun.budget(quick: 60, full: 200)) {
            fleet in
            let control = fleet.sandbox.control
            var locksHeldAtKill = 0
            for kill in 0..<kills {
                let account = fleet.names[kill % fleet.names.count]
                // The worker gets a few answers (it commits pages), then is frozen mid-sync and killed.
                control.holdRequests(after: control.receivedRequestCount + 4 + kill)
                let worker = try fleet.worker("doomed-\(kill)", [account])
                try await control.awaitHeldRequests(atLeast: 1, timeout: .seconds(120))
                let held = try await fleet.database.rows(FleetDatabase.heldLocks(account: account))
                #expect(held.count == 1, "the killed worker held \(account): \(held)")
                locksHeldAtKill += held.count
                await worker.killNow()
                // PostgreSQL releases the lock when it sees the session end; a new holder gets it then.
                try await fleet.database.takeOverLock(of: account)
                control.releaseRequests()
            }
            let workers = try (1...workerCount).map { try fleet.worker("worker-\($0)", fleet.names) }
            var synced: Set<String> = []
            for worker in workers {
                let status = try await worker.exit(within: .seconds(300))
                #expect(status == 0, "\(worker.name): \(worker.errors)")
                synced.formUnion(Self.synced(worker.output))
            }
            #expect(synced == Set(fleet.names), "every account synced after the kills")
            let mirror = try await fleet.compare()
            #expect(mirror.different == 0)
            ReliabilityRun.publish(
                suite: "fleet-kill",
                [
                    "workers": workerCount, "accounts": accountCount, "sigkills": kills,
                    "sigkills_holding_a_lock": locksHeldAtKill, "records_compared": mirror.compared,
                    "records_different": mirror.different,
                ])
        }
    }

    @Test(.enabled(if: canRun))
    func aWorkerWhoseLockConnectionIsTerminatedStopsWritingThatAccount() async throws {
        let terminations = ReliabilityRun.budget(quick: 1, full: 3)
        try await Self.withFleet(accounts: terminations, applications: ReliabilityRun.budget(quick: 60, full: 200)) {
            fleet in
            let control = fleet.sandbox.control
            var writesAfterLoss = 0
            var stoppedWithMessage = 0
            for account in fleet.names {
                control.holdRequests(after: control.receivedRequestCount + 5)
                let worker = try fleet.worker("cut-\(account)", [account])
                try await control.awaitHeldRequests(atLeast: 1, timeout: .seconds(120))
                let holder = try await fleet.database.rows(FleetDatabase.heldLocks(account: account))
                let pid = try #require(holder.first?.split(separator: "|").last, "the worker holds \(account)")
                _ = try await fleet.database.rows("SELECT pg_terminate_backend(\(pid))")
                try await fleet.database.takeOverLock(of: account)
                let snapshot = Self.mirrorSnapshot(of: account)
                let before = try await fleet.database.rows(snapshot)
                control.releaseRequests()
                let status = try await worker.exit(within: .seconds(300))
                #expect(status != 0, "the worker reports that it lost the lock")
                let said = worker.errors.contains("Lost the sync lock of account \(account)")
                #expect(said, "the worker says why it stopped: \(worker.errors)")
                if said { stoppedWithMessage += 1 }
                let after = try await fleet.database.rows(snapshot)
                #expect(after == before, "nothing written to \(account) after its lock was lost")
                if after != before { writesAfterLoss += 1 }
            }
            // A later worker finishes what the cut ones left.
            let finisher = try fleet.worker("finisher", fleet.names)
            #expect(try await finisher.exit(within: .seconds(300)) == 0, "\(finisher.errors)")
            let mirror = try await fleet.compare()
            #expect(mirror.different == 0)
            ReliabilityRun.publish(
                suite: "fleet-terminate",
                [
                    "lock_connections_terminated": terminations, "workers_stopped_with_message": stoppedWithMessage,
                    "accounts_written_after_losing_the_lock": writesAfterLoss, "records_compared": mirror.compared,
                    "records_different": mirror.different,
                ])
        }
    }

    /// Everything a sync writes for an account, summarised: rows and newest seen time per table,
    /// and the stream states.
    static func mirrorSnapshot(of account: String) -> String {
        let tables = StreamSchema.all.map(\.stream.rawValue)
        let counts = tables.map {
            "(SELECT count(*) || '/' || coalesce(max(last_seen_at)::text, '-') FROM \"\($0)\" WHERE account = '\(account)')"
        }
        return """
            SELECT \(counts.joined(separator: " || ' ' || ")) || ' ' ||
              coalesce((SELECT string_agg(stream || '=' || updated_at::text, ',' ORDER BY stream) FROM sync_state
                        WHERE account = '\(account)'), '-')
            """
    }

    @Test(.enabled(if: canRun))
    func accountsWhoseNamesCollideUnderHashtextAreLockedApart() async throws {
        let database = FleetDatabase(url: try #require(Self.databaseURL))
        let prefix = "collide-\(UUID().uuidString.prefix(8).lowercased())-"
        // The old key was hashtext(name), 32 bits: among 400,000 names some pairs share it.
        let pair = try await database.rows(
            """
            SELECT min(name) || '|' || max(name) FROM (
              SELECT '\(prefix)' || i AS name FROM generate_series(1, 400000) AS i) AS names
            GROUP BY hashtext(name) HAVING count(*) > 1 LIMIT 1
            """)
        let names = try #require(pair.first?.split(separator: "|").map(String.init), "a colliding pair exists")
        let (first, second) = (names[0], names[1])
        #expect(try await database.count("SELECT (hashtext('\(first)') = hashtext('\(second)'))::int") == 1)
        let logger = Logger(label: "fleet-test") { _ in SwiftLogNoOpLogHandler() }
        let lockedApart = try await withPostgresSyncStore(url: try PostgresDatabaseURL(database.url), logger: logger) {
            store in
            try await store.withAccountLock(first) {
                try await store.withAccountLock(second) { true }
            }
        }
        #expect(lockedApart == true, "\(second) is not locked out by \(first)")
        ReliabilityRun.publish(
            suite: "fleet-collision",
            ["colliding_pairs_tried": 1, "colliding_pairs_locked_apart": lockedApart == true ? 1 : 0])
    }
}
