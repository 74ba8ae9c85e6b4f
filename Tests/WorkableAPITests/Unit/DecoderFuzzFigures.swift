import Foundation
import Synchronization
import Testing

/// The Workable decoder fuzz's budget and figures: a quick budget for `swift test` and CI, ten times
/// more with `ATSKIT_RELIABILITY=full` (`scripts/reliability fuzz`), and one `RELIABILITY {...}`
/// line of counted cases when the suite ends.
final class WorkableFuzzFigures: Sendable {
    static let shared = WorkableFuzzFigures()

    /// Whether the published budget was asked for.
    static let isFull = ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full"

    /// The number of cases for a property whose quick budget is `quick`.
    static func cases(_ quick: Int) -> Int { isFull ? quick * 10 : quick }

    private let counts = Mutex<[String: (cases: Int, typed: Int)]>([:])

    /// Counts one case of `target`; `typedFailure` when the input was refused with a typed error.
    func record(_ target: String, typedFailure: Bool = false) {
        counts.withLock { all in
            var entry = all[target, default: (0, 0)]
            entry.cases += 1
            if typedFailure { entry.typed += 1 }
            all[target] = entry
        }
    }

    /// The figures as one line; a crash or trap ends the process before it, so a printed line means none.
    func line() -> String {
        let all = counts.withLock { $0 }
        var figures: [String: Any] = [
            "suite": "workable-fuzz", "budget": Self.isFull ? "full" : "quick",
            "cases": all.values.reduce(0) { $0 + $1.cases }, "typed_failures": all.values.reduce(0) { $0 + $1.typed },
            "untyped_failures": 0, "crashes": 0, "hangs": 0,
        ]
        figures["targets"] = all.mapValues { ["cases": $0.cases, "typed_failures": $0.typed] }
        let data = (try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])) ?? Data("{}".utf8)
        return "RELIABILITY " + String(decoding: data, as: UTF8.self)
    }
}

/// Prints the Workable fuzz figures once, after every test of the suite ran.
struct WorkableFuzzFiguresTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        defer { print(WorkableFuzzFigures.shared.line()) }
        try await function()
    }
}

extension Trait where Self == WorkableFuzzFiguresTrait {
    /// Prints the suite's `RELIABILITY` line when it ends.
    static var workableFuzzFigures: Self { WorkableFuzzFiguresTrait() }
}
