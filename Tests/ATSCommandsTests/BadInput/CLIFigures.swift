import Foundation
import Synchronization
import Testing

/// The command-line suite's figures, printed as one `RELIABILITY {...}` line when it ends.
final class CLIFigures: Sendable {
    static let shared = CLIFigures()

    private struct State {
        var commands = 0
        var cases = 0
        var failures = 0
        var slowestUnreachable = 0.0
        var failed: [String] = []
        var known: [String] = []
        var providers: Set<String> = ["tracker"]
    }

    private let state = Mutex(State())

    var commands: Int {
        get { state.withLock { $0.commands } }
        set { state.withLock { $0.commands = newValue } }
    }

    func record(_ name: String, passed: Bool, seconds: Double) {
        state.withLock { state in
            state.cases += 1
            if !passed {
                state.failures += 1
                state.failed.append(name)
            }
        }
    }

    /// A case that failed on a shortcoming recorded as a known issue.
    func recordKnown(_ name: String) {
        state.withLock { $0.known.append(name) }
    }

    /// A provider the matrix ran its leaves against.
    func recordProvider(_ name: String) {
        state.withLock { _ = $0.providers.insert(name) }
    }

    /// The longest an unreachable server took to be reported.
    func recordUnreachable(seconds: Double) {
        state.withLock { $0.slowestUnreachable = max($0.slowestUnreachable, seconds) }
    }

    func line() -> String {
        let figures = state.withLock { state -> [String: Any] in
            [
                "suite": "cli", "commands": state.commands, "cases": state.cases, "failures": state.failures,
                "known_issues": state.known.count, "providers": state.providers.count,
                "unreachable_server_max_seconds": (state.slowestUnreachable * 10).rounded() / 10,
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])) ?? Data("{}".utf8)
        return "RELIABILITY " + String(decoding: data, as: UTF8.self)
    }
}

/// Prints the command-line suite's figures once, after all of its tests ran.
struct CLIFiguresTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        defer { FileHandle.standardOutput.write(Data((CLIFigures.shared.line() + "\n").utf8)) }
        try await function()
    }
}

extension Trait where Self == CLIFiguresTrait {
    /// Prints the suite's `RELIABILITY` line when it ends.
    static var cliFigures: Self { CLIFiguresTrait() }
}
