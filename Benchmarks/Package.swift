// swift-tools-version:6.2
// ATSKit's micro benchmarks (ordo-one package-benchmark). A package of its own, so that the main
// package's dependency graph stays free of the benchmark harness. Run from this folder:
//
//     swift package --scratch-path ../.build benchmark   # release, full runs (reuses `ats`'s release build)
//     BENCHMARK_SMOKE=1 swift run SyncBenchmarks   # a few iterations of each, as .ci/run does
//
// Set ATSKIT_POSTGRES_URL to include the PostgreSQL store benchmarks. See docs/PERFORMANCE.md.

import PackageDescription

let package = Package(
    name: "ATSKitBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ATSKit", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SyncBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TrackerAPI", package: "ATSKit"),
                .product(name: "TrackerATS", package: "ATSKit"),
                .product(name: "TrackerSync", package: "ATSKit"),
                .product(name: "TrackerSandbox", package: "ATSKit"),
                .product(name: "ATSSync", package: "ATSKit"),
                .product(name: "ATSSyncSQLite", package: "ATSKit"),
                .product(name: "ATSSyncPostgres", package: "ATSKit"),
            ],
            path: "Benchmarks/SyncBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
