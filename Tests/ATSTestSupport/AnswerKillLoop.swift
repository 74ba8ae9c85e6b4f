public import Foundation

/// Runs a command again and again, killing each run with SIGKILL once a sandbox has answered a
/// seeded number of further requests, until a run ends on its own.
///
/// Waiting for the sandbox's answer count is how the moment is picked, never a sleep: the kill
/// lands while the command reads, maps or commits a page, or reconciles. The draws come from a
/// seed, so a failing schedule can be named and tried again. Every wait has a deadline.
public struct AnswerKillLoop: Sendable {
    /// How a sandbox tells the loop about its answers.
    public struct AnswerCount: Sendable {
        /// The answers so far.
        public var current: @Sendable () -> Int
        /// Returns once the sandbox has answered at least this many requests in total; throws
        /// when its own deadline passes first.
        public var reach: @Sendable (Int) async throws -> Void

        /// Creates the sandbox's side of the loop.
        /// - Parameters:
        ///   - current: The answers so far.
        ///   - reach: Waits, with a deadline, until the answers reach a total.
        public init(current: @escaping @Sendable () -> Int, reach: @escaping @Sendable (Int) async throws -> Void) {
            self.current = current
            self.reach = reach
        }
    }

    /// What a loop did.
    public struct Outcome: Sendable {
        /// The runs killed.
        public var kills = 0
        /// The sandbox's answers each killed run got before its kill (the kill points).
        public var answersBeforeKills: [Int] = []
        /// The answers over every run of the loop.
        public var answers = 0
        /// The exit status of the run that was not killed.
        public var finalStatus: Int32 = -1
        /// What that run wrote to standard error (the end of it), for failure messages.
        public var finalStandardError = ""
    }

    /// The program.
    public let executable: URL
    /// The sandbox's answers.
    public let answerCount: AnswerCount
    /// The further answers to let through before each kill, drawn uniformly.
    public let step: ClosedRange<Int>
    /// The seed of the draws.
    public let seed: UInt64
    /// The program's whole environment, or nil to inherit the test's.
    public let environment: [String: String]?
    /// The longest one run may take before it is taken for hung.
    public let runLimit: Duration

    /// Creates a loop.
    /// - Parameters:
    ///   - executable: The program.
    ///   - answerCount: The sandbox's answers.
    ///   - step: The further answers before each kill (at least 1).
    ///   - seed: The seed of the draws.
    ///   - environment: The program's whole environment, or nil to inherit the test's.
    ///   - runLimit: The longest one run may take.
    public init(
        executable: URL, answerCount: AnswerCount, step: ClosedRange<Int>, seed: UInt64,
        environment: [String: String]? = nil, runLimit: Duration = .seconds(300)
    ) {
        self.executable = executable
        self.answerCount = answerCount
        self.step = max(1, step.lowerBound)...max(1, step.upperBound)
        self.seed = seed
        self.environment = environment
        self.runLimit = runLimit
    }

    /// Runs `arguments` until a run ends on its own, killing the first `wanted` runs.
    /// - Parameters:
    ///   - arguments: The command's arguments.
    ///   - wanted: How many runs to kill (fewer when a run ends before its kill point).
    ///   - beforeEachRun: Called with the run's number (0 first) before it starts, when no run is
    ///     alive: a test can read what the killed runs left.
    /// - Returns: What happened.
    /// - Throws: When the program cannot be started, or ``DeadlineExceeded`` when a run or the
    ///   sandbox's answers do not come in time; what `beforeEachRun` throws.
    public func run(
        _ arguments: [String], kills wanted: Int, beforeEachRun: (_ run: Int) async throws -> Void = { _ in }
    ) async throws -> Outcome {
        var outcome = Outcome()
        var random = SplitMix(state: seed)
        let start = answerCount.current()
        while true {
            try await beforeEachRun(outcome.kills)
            let errors = PipeText()
            let child = try ChildProcess(executable, arguments, environment: environment, standardError: errors.pipe)
            var killed = false
            var drawn = 0
            if outcome.kills < wanted {
                drawn = step.lowerBound + Int(random.next() % UInt64(step.count))
                let target = answerCount.current() + drawn
                let answerCount = answerCount
                let limit = runLimit
                let reached = try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        _ = try await child.exit(within: limit)
                        return false
                    }
                    group.addTask {
                        try await answerCount.reach(target)
                        return true
                    }
                    let first = try await group.next() ?? false
                    group.cancelAll()
                    return first
                }
                if reached, child.isRunning { child.send(SIGKILL) }
                let status = try await child.exit(within: .seconds(60))
                killed = reached && child.endedBySignal && status == SIGKILL
            }
            let status = try await child.exit(within: runLimit)
            if killed {
                outcome.kills += 1
                outcome.answersBeforeKills.append(drawn)
                continue
            }
            // The pipe closes once the child and anything it started are gone.
            _ = try? await errors.wait(for: "the end of standard error", within: .seconds(10)) { _ in false }
            outcome.finalStatus = status
            outcome.finalStandardError = String(errors.text.suffix(2000))
            outcome.answers = answerCount.current() - start
            return outcome
        }
    }
}

/// SplitMix64: a small seeded generator, so that a schedule is the same on every machine.
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
