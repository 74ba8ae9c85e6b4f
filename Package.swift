// swift-tools-version:6.2
// ATSKit: a Swift toolkit for the Tracker applicant tracking system.
// The module graph and what each module may import are described in docs/ARCHITECTURE.md.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Warnings in Sources/ are errors when ATSKIT_WARNINGS_AS_ERRORS=1, as in CI (.ci/run). Opt-in
/// rather than always on: a package used as a dependency is built with -suppress-warnings, which
/// conflicts with -warnings-as-errors, so an unconditional setting would break library users' builds.
let warningsAsErrors = Context.environment["ATSKIT_WARNINGS_AS_ERRORS"] == "1"

let package = Package(
    name: "ATSKit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ats", targets: ["ats"]),
        .library(name: "ATSCore", targets: ["ATSCore"]),
        .library(name: "ATSText", targets: ["ATSText"]),
        .library(name: "TrackerAPI", targets: ["TrackerAPI"]),
        .library(name: "TrackerATS", targets: ["TrackerATS"]),
        .library(name: "ATSSync", targets: ["ATSSync"]),
        .library(name: "ATSSyncSQLite", targets: ["ATSSyncSQLite"]),
        .library(name: "ATSSyncPostgres", targets: ["ATSSyncPostgres"]),
        .library(name: "TrackerSync", targets: ["TrackerSync"]),
        .library(name: "TrackerMirror", targets: ["TrackerMirror"]),
        .library(name: "TrackerSandbox", targets: ["TrackerSandbox"]),
        .library(name: "ATSCommands", targets: ["ATSCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Already in the graph through PostgresNIO: SHA-256 and HMAC for candidate ids, account names
        // and webhook signatures (ATSKit implements no cryptography of its own).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Property-based testing for the fuzz suite only (Tests/FuzzTests); no library depends on it.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Profiles: TOMLKit reads the `ats` configuration file; swift-configuration (already in the graph
        // through AsyncHTTPClient) layers flags over the environment over the profile.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        // The tests' child processes (Tests/ATSTestSupport/ChildProcess.swift) are launched with
        // swift-subprocess, whose paths and file descriptors are swift-system's types; no library
        // depends on either.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // How every module spells JSON strings and numbers and UTC timestamps, and the civil calendar.
        // No dependencies: the writers of stored text share it instead of reaching into each other.
        .target(
            name: "ATSText",
            swiftSettings: swiftSettings
        ),
        // The provider-neutral vocabulary. No networking, storage or server imports.
        .target(
            name: "ATSCore",
            swiftSettings: swiftSettings
        ),
        // The wire-level Tracker library. Speaks Tracker's own shapes, not ATSCore's.
        .target(
            name: "TrackerAPI",
            dependencies: [
                "ATSText",
                // Webhook signatures (SHA-256, HMAC-SHA256) are verified in the library.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // The ATSClient for Tracker, built on TrackerAPI.
        .target(
            name: "TrackerATS",
            dependencies: [
                "ATSCore",
                "TrackerAPI",
                // Candidate ids are HMAC-SHA256 of normalised e-mail addresses.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The provider-neutral sync engine and the SyncStore protocol.
        .target(
            name: "ATSSync",
            dependencies: [
                "ATSCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ATSSyncSQLite",
            dependencies: [
                "ATSText",
                "ATSCore",
                "ATSSync",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, which GRDB builds on, to bind values into GRDB's cached statements.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ATSSyncPostgres",
            dependencies: [
                "ATSCore",
                "ATSSync",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tracker as a sync source: maps TrackerAPI pages onto the mirror's rows and derives candidates.
        // Its own module so that ATSSync stays provider-neutral and TrackerATS knows nothing of syncing.
        .target(
            name: "TrackerSync",
            dependencies: [
                "ATSText",
                "ATSCore",
                "ATSSync",
                "TrackerAPI",
                "TrackerATS",
                // The account name's short digest of the API key.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The front door for mirroring from code: one call that wires TrackerAPI, TrackerSync, the
        // sync engine and the SQLite store together as `ats sync` does.
        .target(
            name: "TrackerMirror",
            dependencies: [
                "ATSSync",
                "ATSSyncSQLite",
                "TrackerAPI",
                "TrackerATS",
                "TrackerSync",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The local Tracker emulator. Never imports TrackerAPI or TrackerATS: it encodes its JSON
        // independently so that client and sandbox cannot agree on the same mistake.
        .target(
            name: "TrackerSandbox",
            dependencies: [
                // The webhook deliveries' signatures.
                .product(name: "Crypto", package: "swift-crypto"),
                // Webhook deliveries are HTTP requests to the subscribers' URLs.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ATSCommands",
            dependencies: [
                "ATSCore",
                "TrackerAPI",
                "TrackerATS",
                "ATSSync",
                "ATSSyncSQLite",
                "ATSSyncPostgres",
                "TrackerSync",
                "TrackerSandbox",
                // The other providers (`--provider tracker-rms|workable`): their clients, sources and
                // sandboxes (`ats sandbox --provider …`, `--sandbox`); and `ats bridge`.
                "TrackerRMSAPI",
                "TrackerRMSATS",
                "TrackerRMSSandbox",
                "WorkableAPI",
                "WorkableATS",
                "WorkableSync",
                "WorkableSandbox",
                "ATSBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `ats webhooks listen` is an HTTP server.
                .product(name: "Hummingbird", package: "hummingbird"),
                // Profiles (`--profile`, `ats config show`).
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Measures the sandbox's generation time, memory and serving throughput (not a test; see
        // Benchmarks/SandboxServing/main.swift for how to run it).
        .executableTarget(
            name: "SandboxServingBenchmark",
            dependencies: [
                "TrackerSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/SandboxServing",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // Measures TrackerATSClient's memory while streaming a large account (see
        // Benchmarks/TrackerATSStream/run.sh).
        .executableTarget(
            name: "TrackerATSStreamBenchmark",
            dependencies: ["ATSCore", "TrackerAPI", "TrackerATS"],
            path: "Benchmarks/TrackerATSStream",
            exclude: ["run.sh"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ats",
            dependencies: ["ATSCommands"],
            swiftSettings: swiftSettings
        ),
        // What the test targets share: waits on child processes and their output with a deadline,
        // so that a hang fails a test with a message instead of stalling CI, and scratch folders
        // whose files a test can compare byte for byte. Used only by tests.
        .target(
            name: "ATSTestSupport",
            dependencies: [
                // The stores every mirror scenario runs on (StoreKind).
                "ATSSync",
                "ATSSyncSQLite",
                "ATSSyncPostgres",
                // A webhook receiver for the sandboxes' deliveries.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Child processes (ChildProcess).
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Tests/ATSTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ATSTextTests",
            dependencies: ["ATSText"],
            swiftSettings: swiftSettings
        ),
        // The README's "Use it from Swift" examples, compiled and run against the sandbox; a test checks
        // that each file under Snippets/ is a code block of README.md, word for word.
        .testTarget(
            name: "ReadmeExampleTests",
            dependencies: [
                "ATSCore",
                "ATSSync",
                "ATSSyncSQLite",
                "TrackerAPI",
                "TrackerATS",
                "TrackerMirror",
                "TrackerSandbox",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ATSCoreTests",
            dependencies: ["ATSCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ATSSyncTests",
            dependencies: [
                "ATSTestSupport",
                "ATSSync",
                "ATSCore",
                "ATSSyncSQLite",
                "ATSSyncPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrackerSyncTests",
            dependencies: [
                "ATSTestSupport",
                "ATSCore",
                "ATSSync",
                "ATSSyncSQLite",
                "ATSSyncPostgres",
                "TrackerAPI",
                "TrackerATS",
                "TrackerSync",
                "TrackerSandbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                // The upgrade tests read the schema of fixture mirrors and restore a PostgreSQL dump.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrackerAPITests",
            dependencies: [
                "TrackerAPI",
                "TrackerSandbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrackerSandboxTests",
            dependencies: [
                "TrackerSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TrackerATSTests",
            dependencies: [
                "TrackerATS",
                "ATSCore",
                "TrackerAPI",
                "TrackerSandbox",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Bad input, fuzzed: generated and mutated wire documents, timestamps and headers (issue 8).
        .testTarget(
            name: "FuzzTests",
            dependencies: [
                "ATSCore",
                "ATSSyncSQLite",
                "TrackerAPI",
                "TrackerRMSAPI",
                "TrackerSync",
                "TrackerSandbox",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        // The "Secrets and trust" reliability suite: secrets scanning, plain HTTP, webhook signatures
        // and hostile file names, end to end through the commands and against the sandbox.
        .testTarget(
            name: "TrustTests",
            dependencies: [
                "ATSTestSupport",
                "ATSCommands",
                "ATSCore",
                "ATSSync",
                "ATSSyncSQLite",
                "TrackerAPI",
                "TrackerATS",
                "TrackerSync",
                "TrackerSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // Signs test deliveries independently of the verifier under test.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ATSCommandsTests",
            dependencies: [
                "ATSCommands", "ATSTestSupport", "TrackerAPI", .product(name: "GRDB", package: "GRDB.swift"),
                "ATSBridge", "TrackerRMSAPI", "TrackerRMSATS", "TrackerRMSSandbox",
                "WorkableAPI", "WorkableATS", "WorkableSync", "WorkableSandbox",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// MARK: - Workable (issue 18): the wire library and the sandbox, independent of the Tracker modules.

package.products += [
    .library(name: "WorkableAPI", targets: ["WorkableAPI"]),
    .library(name: "WorkableSandbox", targets: ["WorkableSandbox"]),
]
package.targets += [
    // The wire-level Workable SPI v3 library: pacing to the account's limit, paging, retries,
    // typed errors, streamed pre-signed downloads and webhook signatures.
    .target(
        name: "WorkableAPI",
        dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            // X-Workable-Signature is HMAC-SHA256.
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ],
        swiftSettings: swiftSettings
    ),
    // The local Workable emulator. Never imports WorkableAPI: it writes its JSON itself.
    .target(
        name: "WorkableSandbox",
        dependencies: [
            // The subscriptions' signed deliveries.
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        swiftSettings: swiftSettings
    ),
    // A full candidate scan at the real limit, on real clocks (see Benchmarks/WorkablePacing/main.swift).
    .executableTarget(
        name: "WorkablePacingBenchmark",
        dependencies: ["WorkableAPI", "WorkableSandbox"],
        path: "Benchmarks/WorkablePacing",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "WorkableAPITests",
        dependencies: [
            "ATSTestSupport",
            "WorkableAPI",
            "WorkableSandbox",
            // Signs test deliveries independently of the verifier under test.
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
            .product(name: "PropertyBased", package: "swift-property-based"),
            // A receiver for the sandbox's webhook deliveries.
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "WorkableSandboxTests",
        dependencies: [
            "ATSTestSupport",
            "WorkableSandbox",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        swiftSettings: swiftSettings
    ),
]

// Workable as an ATSKit provider (issue 18): the ATSClient on WorkableAPI, and its mirror source.
package.products += [
    .library(name: "WorkableATS", targets: ["WorkableATS"]),
    .library(name: "WorkableSync", targets: ["WorkableSync"]),
]
package.targets += [
    // The ATSClient for Workable, built on WorkableAPI. Imports no Tracker module.
    .target(
        name: "WorkableATS",
        dependencies: [
            "ATSCore",
            "WorkableAPI",
            // Candidate ids are HMAC-SHA256 of normalised e-mail addresses.
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
    // Workable as a sync source: the client's streams, and the per-candidate reads (comments, files)
    // as separate, resumable streams.
    .target(
        name: "WorkableSync",
        dependencies: ["ATSCore", "ATSSync", "WorkableAPI", "WorkableATS"],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "WorkableSyncTests",
        dependencies: [
            "ATSTestSupport",
            "ATSCore",
            "ATSSync",
            "ATSSyncSQLite",
            "ATSSyncPostgres",
            "WorkableAPI",
            "WorkableATS",
            "WorkableSync",
            "WorkableSandbox",
            "TrackerAPI",
            "TrackerATS",
            "TrackerSync",
            "TrackerSandbox",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "WorkableATSTests",
        dependencies: [
            "ATSCore",
            "WorkableAPI",
            "WorkableATS",
            "WorkableSandbox",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
]

// Tracker RMS (issue 17): the widget API's wire library and its sandbox, each its own module. The
// sandbox never imports the wire library (it writes its JSON itself); neither imports a Tracker module.
package.products += [
    .library(name: "TrackerRMSAPI", targets: ["TrackerRMSAPI"]),
    .library(name: "TrackerRMSSandbox", targets: ["TrackerRMSSandbox"]),
]
package.targets += [
    .target(
        name: "TrackerRMSAPI",
        dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ],
        swiftSettings: swiftSettings
    ),
    .target(
        name: "TrackerRMSSandbox",
        dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "TrackerRMSAPITests",
        dependencies: [
            "TrackerRMSAPI",
            "TrackerRMSSandbox",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "TrackerRMSSandboxTests",
        dependencies: [
            "TrackerRMSSandbox",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ],
        swiftSettings: swiftSettings
    ),
    // Measures the Tracker RMS sandbox's serving rate (records per CPU second; see its main.swift).
    .executableTarget(
        name: "TrackerRMSSandboxBenchmark",
        dependencies: [
            "TrackerRMSSandbox",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ],
        path: "Benchmarks/TrackerRMSSandboxServing",
        swiftSettings: swiftSettings
    ),
]

// Tracker RMS's ATSClient (issue 17), on the wire library, and its mirror source (the generic
// ATSClientSyncSource with Tracker RMS's report warnings). Notes are plain text in Tracker RMS: it
// borrows TrackerATS's HTML/Markdown-to-text conversion (PlainTextNote) rather than keeping a copy.
package.products += [
    .library(name: "TrackerRMSATS", targets: ["TrackerRMSATS"])
]
package.targets += [
    .target(
        name: "TrackerRMSATS",
        dependencies: [
            "ATSCore",
            "ATSSync",
            "TrackerRMSAPI",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "TrackerRMSATSTests",
        dependencies: [
            "ATSTestSupport",
            "ATSCore",
            "ATSSync",
            "ATSSyncSQLite",
            "ATSSyncPostgres",
            "TrackerRMSAPI",
            "TrackerRMSATS",
            "TrackerRMSSandbox",
            "TrackerAPI",
            "TrackerATS",
            "TrackerSync",
            "TrackerSandbox",
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
]

// The bridge (issue 18): one ATS's applicants mirrored into another, and the hybrid client. It speaks
// only ATSCore, so that any provider can be its source or its target.
package.products += [
    .library(name: "ATSBridge", targets: ["ATSBridge"])
]
package.targets += [
    .target(
        name: "ATSBridge",
        dependencies: ["ATSCore"],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "ATSBridgeTests",
        dependencies: [
            "ATSBridge",
            "ATSCore",
            "ATSTestSupport",
            "TrackerAPI",
            "TrackerATS",
            "TrackerSandbox",
            // Workable as the source, as in the seed's hybrid.
            "WorkableAPI",
            "WorkableATS",
            "WorkableSandbox",
            // Tracker RMS as the target: the bridge must work with either Tracker.
            "TrackerRMSAPI",
            "TrackerRMSATS",
            "TrackerRMSSandbox",
        ],
        swiftSettings: swiftSettings
    ),
]

// Every module under Sources/ (the default path), not tests, test support or benchmarks.
if warningsAsErrors {
    for target in package.targets where target.type != .test && target.path == nil {
        target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
    }
}
