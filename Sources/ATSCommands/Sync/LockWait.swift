import ArgumentParser

/// `--wait-for-lock [SECONDS]`: how long a sync waits for another one to let go of the mirror.
struct LockWait: ExpressibleByArgument, CustomStringConvertible, Sendable {
    /// The longest wait; nil for as long as it takes.
    var limit: Duration?

    /// Bare `--wait-for-lock`: until the other sync has finished.
    static let untilFree = LockWait(limit: nil)

    init(limit: Duration?) {
        self.limit = limit
    }

    init?(argument: String) {
        guard let seconds = Int(argument), seconds >= 0 else { return nil }
        limit = .seconds(seconds)
    }

    var description: String {
        limit.map { "\($0.components.seconds)" } ?? "no limit"
    }
}
