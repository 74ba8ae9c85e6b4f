import ATSSync
import Foundation
import Synchronization

/// Shows how far a sync has got, on standard error so that `--json` output stays clean.
///
/// Streams run at the same time, so the display keeps one line per stream, in the order they
/// first reported. On a terminal the lines are redrawn in place (at most ten times a second), with
/// a bar when the total is known. Not on a terminal (a log file, CI), each stream gets a plain line
/// every few seconds and always its last one, so logs stay short and end with the totals.
/// A small renderer of our own rather than a console library: it is a few lines of text, and the
/// dependency list stays the one this project agreed on.
final class SyncProgressDisplay: Sendable {
    private struct StreamLine {
        var stream: SyncStreamName
        var started: ContinuousClock.Instant
        var latest: SyncProgress
        /// When the stream finished; its rate stops there.
        var finishedAt: ContinuousClock.Instant?
        /// When a log last got this stream's line (unused on a terminal).
        var lastLogged: ContinuousClock.Instant?
        /// Whether the stream's latest line has not reached the log yet (unused on a terminal).
        var logPending = true
    }

    private struct State {
        var lines: [StreamLine] = []
        /// How many lines the terminal shows now; the next redraw starts that many lines up.
        var drawnLines = 0
        var lastDrawn: ContinuousClock.Instant?
    }

    private let isTerminal: Bool
    /// The terminal's width: a line longer than that would wrap, and redrawing in place would then
    /// go up too few lines and leave copies behind.
    private let columns: Int
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// Creates a display.
    /// - Parameters:
    ///   - isTerminal: Whether standard error is a terminal (redraw in place) or a log.
    ///   - columns: The terminal's width in characters; lines are cut to fit.
    ///   - now: The clock, injected so that tests decide when lines are due.
    ///   - write: Where text goes; standard error by default.
    init(
        isTerminal: Bool = isatty(STDERR_FILENO) == 1,
        columns: Int = standardErrorColumns(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        write: @escaping @Sendable (String) -> Void = standardError
    ) {
        self.isTerminal = isTerminal
        self.columns = max(columns, 20)
        self.now = now
        self.write = write
    }

    /// Takes in one committed page or finished stream; may be called from several tasks at once.
    func update(_ progress: SyncProgress) {
        let now = now()
        let text = state.withLock { state -> String? in
            let isNew = !state.lines.contains { $0.stream == progress.stream }
            if isNew {
                state.lines.append(StreamLine(stream: progress.stream, started: now, latest: progress))
            }
            guard let index = state.lines.firstIndex(where: { $0.stream == progress.stream }) else { return nil }
            var latest = progress
            // The engine's last report of a stream carries its totals, not what the pages said.
            if progress.isFinished {
                latest.expectedRecords = state.lines[index].latest.expectedRecords
                latest.resumedAfterRecords = state.lines[index].latest.resumedAfterRecords
            }
            state.lines[index].latest = latest
            if progress.isFinished { state.lines[index].finishedAt = now }
            state.lines[index].logPending = true
            return isTerminal
                ? redraw(&state, now: now, force: isNew || progress.isFinished)
                : logLines(&state, stream: index, now: now)
        }
        if let text { write(text) }
    }

    /// Ends the display: the terminal's lines are drawn a last time and left in place; a log gets
    /// the last line of every stream it has not shown yet (a stream stopped by an error).
    func finish() {
        let now = now()
        let text = state.withLock { state -> String? in
            defer { state = State() }
            guard !state.lines.isEmpty else { return nil }
            if isTerminal {
                return (redraw(&state, now: now, force: true) ?? "") + "\n"
            }
            let pending = state.lines.filter(\.logPending).map { line($0, now: now) + "\n" }
            return pending.isEmpty ? nil : pending.joined()
        }
        if let text { write(text) }
    }

    /// Every line again, from the first one shown: at most ten times a second unless forced.
    private func redraw(_ state: inout State, now: ContinuousClock.Instant, force: Bool) -> String? {
        if !force, let last = state.lastDrawn, now - last < .milliseconds(100) { return nil }
        state.lastDrawn = now
        // Back to the start of the first line drawn, then each line cleared and written again.
        var text = "\r"
        if state.drawnLines > 1 { text += "\u{1B}[\(state.drawnLines - 1)A" }
        // One column short of the width: some terminals wrap when the last column is written.
        text += state.lines.map { "\u{1B}[K" + line($0, now: now).prefix(columns - 1) }.joined(separator: "\n")
        state.drawnLines = state.lines.count
        return text
    }

    /// A stream's line for a log, when one is due: its first, then every five seconds, and its last.
    private func logLines(_ state: inout State, stream index: Int, now: ContinuousClock.Instant) -> String? {
        let entry = state.lines[index]
        let due = entry.finishedAt != nil || entry.lastLogged.map { now - $0 >= .seconds(5) } ?? true
        guard due else { return nil }
        state.lines[index].lastLogged = now
        state.lines[index].logPending = false
        return line(entry, now: now) + "\n"
    }

    private func line(_ entry: StreamLine, now: ContinuousClock.Instant) -> String {
        let progress = entry.latest
        let name = progress.stream.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
        let done = progress.records + progress.resumedAfterRecords
        let elapsed = max(((entry.finishedAt ?? now) - entry.started).seconds, 0.001)
        // A rate over the first moments of a stream says nothing (one page in a millisecond).
        let rate = elapsed < 0.5 ? "" : "\(Int(Double(progress.records) / elapsed).formatted()) rec/s"
        let speed = entry.finishedAt == nil ? rate : (rate.isEmpty ? "done" : rate + ", done")
        guard let total = progress.expectedRecords, total > 0 else {
            let pages = progress.pages == 1 ? "1 page" : "\(progress.pages.formatted()) pages"
            return "\(name) \(done.formatted()) records, \(pages)" + (speed.isEmpty ? "" : ", " + speed)
        }
        let fraction = min(Double(done) / Double(total), 1)
        guard isTerminal else {
            return "\(name) \(done.formatted()) of \(total.formatted()) records (\(Int(fraction * 100))%)"
                + (speed.isEmpty ? "" : ", " + speed)
        }
        let width = 20
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(name) \(bar) \(Int(fraction * 100))%  \(done.formatted())/\(total.formatted())  \(speed)"
            .trimmingCharacters(in: .whitespaces)
    }
}

/// The width of the terminal standard error writes to, or 80 when it is not a terminal or does not say.
func standardErrorColumns() -> Int {
    var size = winsize()
    guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
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
