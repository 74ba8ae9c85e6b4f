import ATSCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a bulk rejection's progress on standard error: one line rewritten in place on a
/// terminal; plain lines (each phase, each tenth settled) when standard error is a file or pipe.
final class BulkRejectProgressDisplay: Sendable {
    let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    private let state = Mutex<(phase: BulkRejectionProgress.Phase?, tenth: Int)>((nil, 0))

    init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// Standard error, as a terminal when it is one.
    static var standardError: BulkRejectProgressDisplay {
        BulkRejectProgressDisplay(isTerminal: isatty(STDERR_FILENO) == 1) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Whether standard input is a terminal (then ids are not read from it).
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    func update(_ progress: BulkRejectionProgress) {
        let counts =
            "\(progress.settled)/\(progress.total) settled, \(progress.sent) sent, \(progress.failed) failed"
        if isTerminal {
            let line = "\r\u{1B}[K" + "bulk-reject: \(progress.phase.rawValue) — \(counts)"
            write(progress.phase == .finished ? line + "\n" : line)
            return
        }
        let tenth = progress.total == 0 ? 10 : progress.settled * 10 / progress.total
        let shouldPrint = state.withLock { state -> Bool in
            guard state.phase != progress.phase || tenth > state.tenth else { return false }
            state = (progress.phase, tenth)
            return true
        }
        if shouldPrint { write("bulk-reject: \(progress.phase.rawValue): \(counts)\n") }
    }
}
