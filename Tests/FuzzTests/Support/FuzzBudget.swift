import Foundation
import Synchronization
import Testing

/// How many cases each property gets: a quick budget for `swift test` and CI, ten times more when
/// `ATSKIT_RELIABILITY=full` is set (the published run, a few minutes), and any factor given in
/// `ATSKIT_FUZZ_FACTOR` for a longer run on demand (`ATSKIT_FUZZ_FACTOR=1000` runs for hours).
enum FuzzBudget {
    /// Whether the long run was asked for.
    static let isFull =
        ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full"
        || ProcessInfo.processInfo.environment["ATSKIT_FUZZ_FACTOR"] != nil

    /// The factor between the long run and the quick one.
    static let fullFactor = ProcessInfo.processInfo.environment["ATSKIT_FUZZ_FACTOR"].flatMap(Int.init) ?? 10

    /// The number of cases for a property whose quick budget is `quick`.
    static func cases(_ quick: Int) -> Int {
        isFull ? quick * fullFactor : quick
    }
}

/// What every fuzz target saw, printed as one `RELIABILITY {...}` line when the suite ends.
final class FuzzFigures: Sendable {
    /// How one case ended.
    enum Outcome {
        /// The input was accepted (decoded, parsed, round-tripped).
        case accepted
        /// The input was refused with the library's typed error and a message.
        case typedFailure
        /// The input was refused some other way: a bug, also recorded as a test issue.
        case untypedFailure
    }

    private struct Counts {
        var cases = 0
        var accepted = 0
        var typedFailures = 0
        var untypedFailures = 0
    }

    static let shared = FuzzFigures()

    private let counts = Mutex<[String: Counts]>([:])
    private let started = Mutex<ContinuousClock.Instant?>(nil)

    /// Counts one case of a target.
    func record(_ target: String, _ outcome: Outcome) {
        counts.withLock { all in
            var entry = all[target, default: Counts()]
            entry.cases += 1
            switch outcome {
            case .accepted: entry.accepted += 1
            case .typedFailure: entry.typedFailures += 1
            case .untypedFailure: entry.untypedFailures += 1
            }
            all[target] = entry
        }
    }

    func markStart() {
        started.withLock { $0 = $0 ?? .now }
    }

    /// The figures as one line of JSON after `RELIABILITY `.
    func line() -> String {
        let all = counts.withLock { $0 }
        let elapsed = started.withLock { $0 }.map { ContinuousClock.now - $0 } ?? .zero
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var targets: [String: Any] = [:]
        for (name, entry) in all {
            targets[name] = [
                "cases": entry.cases, "accepted": entry.accepted, "typed_failures": entry.typedFailures,
                "untyped_failures": entry.untypedFailures,
            ]
        }
        let figures: [String: Any] = [
            "suite": "fuzz",
            "mode": FuzzBudget.isFull ? "full" : "quick",
            "targets": targets,
            "cases": all.values.reduce(0) { $0 + $1.cases },
            "typed_failures": all.values.reduce(0) { $0 + $1.typedFailures },
            "untyped_failures": all.values.reduce(0) { $0 + $1.untypedFailures },
            // A crash ends the test process before this line is printed, so a printed line means none.
            "crashes": 0,
            "seconds": (seconds * 10).rounded() / 10,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])) ?? Data("{}".utf8)
        return "RELIABILITY " + String(decoding: data, as: UTF8.self)
    }
}

/// Prints the fuzz suite's figures once, after all of its tests ran.
struct FuzzFiguresTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        FuzzFigures.shared.markStart()
        defer { FileHandle.standardOutput.write(Data((FuzzFigures.shared.line() + "\n").utf8)) }
        try await function()
    }
}

extension Trait where Self == FuzzFiguresTrait {
    /// Prints the suite's `RELIABILITY` line when it ends.
    static var fuzzFigures: Self { FuzzFiguresTrait() }
}

/// The fuzz suite: every target of "Bad input, fuzzed" (issue 8) is a suite nested in this one.
@Suite("Bad input, fuzzed", .fuzzFigures) struct Fuzz {}
