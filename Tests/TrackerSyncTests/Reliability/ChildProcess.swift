import ATSSync
import ATSSyncSQLite
import ATSTestSupport
import Foundation
import Synchronization
import Testing
import TrackerSandbox

/// The `ats` executable SwiftPM builds next to the test bundle, or the one ATSKIT_ATS_EXECUTABLE
/// names (scripts/release-check points the process suites at a release build this way).
let atsExecutable: URL? = {
    let candidate =
        ProcessInfo.processInfo.environment["ATSKIT_ATS_EXECUTABLE"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ats")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
}()

/// SIGKILLs: runs a command again and again, killing each run after a random number of further
/// answers from the sandbox (so the kill lands while `ats` reads, maps or commits a page, or
/// reconciles), until a run ends on its own. The kill moment is chosen by awaiting the sandbox's
/// answer count, never by sleeping.
struct KillLoop {
    let executable: URL
    let control: SandboxControl
    /// Answers to let through before each kill, drawn uniformly.
    let step: ClosedRange<Int>
    /// The seed of the draws, so that a failing schedule can be named and tried again.
    var seed: UInt64 = 0x5EED_C0DE

    struct Outcome {
        var kills = 0
        var finalStatus: Int32 = -1
    }

    func run(_ arguments: [String], kills wanted: Int) async throws -> Outcome {
        var outcome = Outcome()
        var random = SeededRandom(seed: seed)
        while true {
            let child = try ChildProcess(executable, arguments)
            guard outcome.kills < wanted else {
                outcome.finalStatus = try await child.exit()
                return outcome
            }
            let target = control.answeredRequestCount + step.lowerBound + random.below(step.count)
            let control = control
            let killedIt = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try? await child.exit()
                    return false
                }
                group.addTask {
                    // Cancelled (and so never killing) when the child ends first.
                    guard (try? await control.awaitAnsweredRequests(atLeast: target)) != nil,
                        child.isRunning
                    else { return false }
                    child.send(SIGKILL)
                    return true
                }
                let first = await group.next() ?? false
                group.cancelAll()
                let second = await group.next() ?? false
                return first || second
            }
            let status = try await child.exit()
            guard killedIt else {
                outcome.finalStatus = status
                return outcome
            }
            outcome.kills += 1
        }
    }
}
