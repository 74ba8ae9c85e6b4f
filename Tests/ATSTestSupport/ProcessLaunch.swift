public import Foundation
import Synchronization

/// Starts child processes one at a time.
///
/// Foundation's `Process.run()` on Linux is not safe to call from several threads at once: with
/// the suites' process tests running in parallel, a launch crashed the test process with a bad
/// pointer inside `Process.run()` (a clean clone's CI run, 2026-12-04). Launching takes
/// milliseconds, so serialising it costs nothing the tests notice; the children still run together.
public enum ProcessLaunch {
    private static let lock = Mutex(())

    /// Runs `process`, after any launch already under way has finished.
    public static func run(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
