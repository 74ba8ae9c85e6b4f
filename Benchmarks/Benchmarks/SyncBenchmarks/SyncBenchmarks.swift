import ATSCore
import ATSSync
import ATSSyncPostgres
import ATSSyncSQLite
import Benchmark
import Foundation
import Logging
import TrackerAPI
import TrackerSync

// Every benchmark handles 1000 records per iteration, so "throughput" is thousands of records per
// second and wall clock is the time per 1000 records. The ARC metrics crash the benchmark process
// on this toolchain (docs/PERFORMANCE.md), so only time and malloc metrics are measured.

/// Whether this is the CI smoke run: a few iterations of each, to show that each still runs.
private let isSmoke = ProcessInfo.processInfo.environment["BENCHMARK_SMOKE"] == "1"

private let candidates = TrackerSyncSource.candidateDerivation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: isSmoke ? 0 : 2,
        maxDuration: .seconds(isSmoke ? 1 : 5),
        maxIterations: isSmoke ? 2 : 200
    )

    Benchmark("Decode a 1000-application page (TrackerAPI)") { benchmark in
        let fixture = try await Fixture.load()
        var configuration = TrackerAPI.Configuration(
            baseURL: "https://bench.invalid/api/v1", apiKey: "k", apiPassword: "p",
            accountTimeZone: Fixture.timeZone, rateLimit: nil, pageSize: 1000, pagesInFlight: 1)
        configuration.pagingConsistency = .none
        let api = try TrackerAPI(
            configuration: configuration, transport: PageTransport(page: fixture.page, count: 1000),
            clock: ContinuousClock())
        for _ in benchmark.scaledIterations {
            for try await page in api.applications.pages(.init(pageSize: 1000)) {
                blackHole(page.records.count)
            }
        }
        try await api.shutdown()
    }

    Benchmark("Map 1000 applications to mirror rows (TrackerSync)") { benchmark in
        let fixture = try await Fixture.load()
        var configuration = TrackerAPI.Configuration(
            baseURL: "https://bench.invalid/api/v1", apiKey: "k", apiPassword: "p",
            accountTimeZone: Fixture.timeZone, rateLimit: nil, pageSize: 1000, pagesInFlight: 1)
        configuration.pagingConsistency = .none
        let api = try TrackerAPI(
            configuration: configuration, transport: PageTransport(page: fixture.page, count: 1000),
            clock: ContinuousClock())
        var applications: [TrackerApplication] = []
        for try await application in api.applications.list(.init(pageSize: 1000)) { applications.append(application) }
        try await api.shutdown()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for application in applications {
                blackHole(TrackerSyncRecords.application(application, identity: Fixture.identity))
            }
        }
    }

    candidateIDBenchmarks()
    webhookBenchmarks()
    noteBenchmarks()
    jsonEquivalenceBenchmarks()

    Benchmark("Parse 1000 naive-local timestamps") { benchmark in
        let fixture = try await Fixture.load()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for text in fixture.timestamps {
                blackHole(TrackerTimestamp.parse(text, accountTimeZone: Fixture.timeZone))
            }
        }
    }

    Benchmark("Derive candidates from 1000 stored applications") { benchmark in
        let fixture = try await Fixture.load()
        let derivation = CandidateDerivation(accountTimeZone: Fixture.timeZone)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try derivation.records(fixture.groups))
        }
    }

    Benchmark("SQLite: insert 1000 new applications") { benchmark in
        let fixture = try await Fixture.load()
        try await withSQLiteStore { store in
            for round in benchmark.scaledIterations {
                let records = fixture.freshRecords(round)
                benchmark.startMeasurement()
                blackHole(try await commit(records, to: store))
                benchmark.stopMeasurement()
            }
        }
    }

    Benchmark("SQLite: 1000 unchanged applications (look-back overlap)") { benchmark in
        let fixture = try await Fixture.load()
        try await withSQLiteStore { store in
            _ = try await commit(fixture.records, to: store)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await commit(fixture.records, to: store))
            }
        }
    }

    Benchmark("SQLite: update 1000 changed applications") { benchmark in
        let fixture = try await Fixture.load()
        try await withSQLiteStore { store in
            _ = try await commit(fixture.records, to: store)
            for round in benchmark.scaledIterations {
                let records = fixture.changedRecords(round)
                benchmark.startMeasurement()
                blackHole(try await commit(records, to: store))
                benchmark.stopMeasurement()
            }
        }
    }

    guard let url = ProcessInfo.processInfo.environment["ATSKIT_POSTGRES_URL"] else { return }

    Benchmark("PostgreSQL: insert 1000 new applications") { benchmark in
        let fixture = try await Fixture.load()
        try await withPostgresStore(url) { store, account in
            for round in benchmark.scaledIterations {
                let records = fixture.freshRecords(round)
                benchmark.startMeasurement()
                blackHole(try await commit(records, to: store, account: account))
                benchmark.stopMeasurement()
            }
        }
    }

    Benchmark("PostgreSQL: 1000 unchanged applications (look-back overlap)") { benchmark in
        let fixture = try await Fixture.load()
        try await withPostgresStore(url) { store, account in
            _ = try await commit(fixture.records, to: store, account: account)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await commit(fixture.records, to: store, account: account))
            }
        }
    }
}

/// Commits a page as the engine does: applications feeding the candidate derivation queue.
private func commit(_ records: [SyncRecord], to store: any SyncStore, account: String = "bench") async throws
    -> PageOutcome
{
    try await store.commit(
        records, stream: .applications, account: account, scanID: "bench", seenAt: Date(),
        state: StreamState(stream: .applications), derivations: [candidates])
}

/// A fresh SQLite mirror file (WAL, as `ats sync` opens it), removed afterwards.
private func withSQLiteStore(_ body: (SQLiteSyncStore) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atskit-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteSyncStore(path: folder.appendingPathComponent("mirror.sqlite").path)
    try await store.prepare()
    try await body(store)
}

/// The PostgreSQL mirror at `url`, with an account name of its own so that runs do not meet.
private func withPostgresStore(
    _ url: String,
    _ body: (PostgresSyncStore, String) async throws -> Void
) async throws {
    let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    try await withPostgresSyncStore(url: try PostgresDatabaseURL(url), logger: logger) { store in
        try await body(store, "bench-\(UUID().uuidString.prefix(8))")
    }
}
