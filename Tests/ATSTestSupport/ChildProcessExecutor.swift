import Foundation

/// The one thread on which every child process's run (its launch, and the wait for its end) takes
/// its turns.
///
/// ``ChildProcess``'s initialiser is synchronous, as its callers expect, but swift-subprocess
/// launches asynchronously: the initialiser blocks its thread until the launch reports the pid.
/// Were the launch's steps run on the cooperative pool (two threads on a 2-core machine), two
/// initialisers blocking at once could leave no thread to launch either child. The steps run here
/// instead, so a blocked caller never waits for a thread it holds itself. They are short (the
/// spawn itself happens on swift-subprocess's own worker thread), so one thread serves every child.
final class ChildProcessExecutor: TaskExecutor, @unchecked Sendable {
    /// The executor every ``ChildProcess`` uses.
    static let shared = ChildProcessExecutor()

    // NSCondition guards `jobs`; that is why the class is @unchecked Sendable.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = "ATSTestSupport.ChildProcessExecutor"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs = []
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
