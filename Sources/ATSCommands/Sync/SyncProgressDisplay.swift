import ATSSync
import Foundation
import Synchronization

/// Shows how far a sync has got, on standard error so that `--json` output stays clean.
///
/// On a terminal: one line per stream, redrawn in place, with a bar when the total is known. Not
/// on a terminal (a log file, CI): a plain line every few seconds per stream, so logs stay short.
/// A small renderer of our own rather than a console library: it is one line of text, and the
/// dependency list stays the one this project agreed on.
final class SyncProgressDisplay: Sendable {
    private struct State {
        var stream: SyncStreamName?
        var lastDrawn: ContinuousClock.Instant?
        var streamStarted = ContinuousClock.now
        /// The latest line not yet shown (logs skip lines; the last of a stream is always shown).
        var pendingLine: String?
    }

    private let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// Creates a display.
    /// - Parameters:
    ///   - isTerminal: Whether standard error is a terminal (redraw in place) or a log.
    ///   - write: Where text goes; standard error by default.
    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, write: @escaping @Sendable (String) -> Void = standardError) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// Takes in one committed page.
    func update(_ progress: SyncProgress) {
        let now = ContinuousClock.now
        let text: String? = state.withLock { state in
            var prefix = ""
            if state.stream != progress.stream {
                if state.stream != nil {
                    prefix = isTerminal ? "\n" : state.pendingLine.map { $0 + "\n" } ?? ""
                }
                state.stream = progress.stream
                state.streamStarted = now
                state.lastDrawn = nil
            }
            let elapsed = max((now - state.streamStarted).seconds, 0.001)
            let text = line(progress, rate: Double(progress.records) / elapsed)
            let interval: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
            if let last = state.lastDrawn, now - last < interval {
                state.pendingLine = text
                return prefix.isEmpty ? nil : prefix
            }
            state.lastDrawn = now
            state.pendingLine = nil
            return prefix + text
        }
        guard let text else { return }
        write(isTerminal ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// Ends the display: the terminal line gets its newline, a log its stream's last line.
    func finish() {
        let ending: String? = state.withLock { state in
            defer {
                state.stream = nil
                state.pendingLine = nil
            }
            guard state.stream != nil else { return nil }
            return isTerminal ? "\n" : state.pendingLine.map { $0 + "\n" }
        }
        if let ending { write(ending) }
    }

    private func line(_ progress: SyncProgress, rate: Double) -> String {
        let name = progress.stream.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
        let done = progress.records + progress.resumedAfterRecords
        let speed = "\(Int(rate).formatted()) rec/s"
        guard let total = progress.expectedRecords, total > 0 else {
            return "\(name) \(done.formatted()) records, \(progress.pages) pages, \(speed)"
        }
        let fraction = min(Double(done) / Double(total), 1)
        guard isTerminal else {
            return "\(name) \(done.formatted()) of \(total.formatted()) records (\(Int(fraction * 100))%), \(speed)"
        }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(name) \(bar) \(Int(fraction * 100))%  \(done.formatted())/\(total.formatted())  \(speed)"
    }
}

/// Writes text to standard error as it is, without a newline of its own.
@Sendable func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
