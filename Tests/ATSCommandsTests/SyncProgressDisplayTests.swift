import ATSSync
import Synchronization
import Testing

@testable import ATSCommands

/// `ats sync` reads several streams at once; its progress must show each of them, on a terminal
/// and in a log.
@Suite struct SyncProgressDisplayTests {
    @Test func aTerminalShowsOneLiveLinePerStreamInTheOrderTheyStarted() {
        let clock = StepClock()
        let screen = TerminalScreen()
        let display = SyncProgressDisplay(isTerminal: true, now: { clock.now }) { screen.feed($0) }

        display.update(SyncProgress(stream: .applications, pages: 1, records: 100, expectedRecords: 1000))
        clock.advance(.milliseconds(150))
        display.update(SyncProgress(stream: .notes, pages: 1, records: 50))
        clock.advance(.milliseconds(150))
        display.update(SyncProgress(stream: .applications, pages: 2, records: 200, expectedRecords: 1000))
        clock.advance(.milliseconds(150))
        display.update(SyncProgress(stream: .jobs, pages: 1, records: 8, expectedRecords: 8))
        display.update(SyncProgress(stream: .jobs, pages: 1, records: 8, isFinished: true))
        clock.advance(.milliseconds(150))
        display.update(SyncProgress(stream: .notes, pages: 2, records: 75))
        display.finish()

        let lines = screen.lines
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("applications ") && lines[0].contains("20%  200/1,000"), "\(lines)")
        #expect(lines[1].hasPrefix("notes ") && lines[1].contains("75 records, 2 pages"), "\(lines)")
        #expect(lines[2].hasPrefix("jobs ") && lines[2].contains("100%  8/8") && lines[2].hasSuffix("done"))
        #expect(screen.cursorRow == 3, "the shell's prompt goes below the last line")
    }

    @Test func aLineLongerThanTheTerminalIsCutSoThatRedrawingDoesNotLeaveCopies() {
        let clock = StepClock()
        let screen = TerminalScreen()
        let display = SyncProgressDisplay(isTerminal: true, columns: 50, now: { clock.now }) { screen.feed($0) }
        for page in 1...3 {
            display.update(
                SyncProgress(stream: .applications, pages: page, records: page * 1000, expectedRecords: 9000))
            display.update(SyncProgress(stream: .customFieldSchemas, pages: page, records: page))
            clock.advance(.seconds(1))
        }
        display.finish()
        #expect(screen.lines.count == 2, "\(screen.lines)")
        #expect(screen.lines.allSatisfy { $0.count <= 49 }, "\(screen.lines)")
        #expect(screen.lines.first?.count == 49, "the long line is cut, not wrapped")
    }

    @Test func aTerminalIsRedrawnAtMostTenTimesASecondButAlwaysForANewOrFinishedStream() {
        let clock = StepClock()
        let writes = Mutex(0)
        let display = SyncProgressDisplay(isTerminal: true, now: { clock.now }) { _ in writes.withLock { $0 += 1 } }
        for page in 1...50 {
            display.update(SyncProgress(stream: .applications, pages: page, records: page * 100))
            clock.advance(.milliseconds(10))
        }
        #expect(writes.withLock { $0 } == 5)
        display.update(SyncProgress(stream: .files, pages: 1, records: 10))
        display.update(SyncProgress(stream: .files, pages: 1, records: 10, isFinished: true))
        #expect(writes.withLock { $0 } == 7)
    }

    @Test func aLogGetsEachStreamsLineEveryFiveSecondsAndItsLastLine() {
        let clock = StepClock()
        let written = Mutex<[String]>([])
        let display = SyncProgressDisplay(isTerminal: false, now: { clock.now }) { text in
            written.withLock { $0.append(text) }
        }
        for second in 0..<12 {
            display.update(SyncProgress(stream: .applications, pages: second + 1, records: (second + 1) * 100))
            display.update(SyncProgress(stream: .notes, pages: second + 1, records: (second + 1) * 10))
            clock.advance(.seconds(1))
        }
        display.update(SyncProgress(stream: .applications, pages: 12, records: 1200, isFinished: true))
        // Notes never finish (its stream failed): its latest line still reaches the log at the end.
        display.finish()

        let lines = written.withLock { $0 }.joined().split(separator: "\n").map(String.init)
        let applications = lines.filter { $0.hasPrefix("applications") }
        let notes = lines.filter { $0.hasPrefix("notes") }
        // At 0, 5 and 10 seconds, then the finished line.
        #expect(applications.count == 4, "\(lines)")
        #expect(applications.last?.contains("1,200 records, 12 pages") == true)
        #expect(applications.last?.hasSuffix(", done") == true)
        #expect(notes.count == 4, "\(lines)")
        #expect(notes.last?.contains("120 records, 12 pages") == true)
        #expect(lines.allSatisfy { !$0.contains("\u{1B}") && !$0.contains("\r") })
    }
}

/// A clock the test moves by hand.
private final class StepClock: Sendable {
    private let current = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { current.withLock { $0 } }
    func advance(_ duration: Duration) { current.withLock { $0 += duration } }
}

/// The few terminal controls the display uses, applied to a grid of lines, so that a test sees
/// what a person would: carriage return, newline, "clear to end of line" and "cursor up n".
private final class TerminalScreen: Sendable {
    private struct State {
        var rows: [[Character]] = [[]]
        var row = 0
        var column = 0
    }
    private let state = Mutex(State())

    var lines: [String] {
        state.withLock { state in
            var rows = state.rows.map { String($0) }
            while rows.last?.isEmpty == true { rows.removeLast() }
            return rows
        }
    }

    var cursorRow: Int { state.withLock { $0.row } }

    func feed(_ text: String) {
        state.withLock { state in
            var characters = Array(text)[...]
            while let character = characters.popFirst() {
                switch character {
                case "\r":
                    state.column = 0
                case "\n":
                    state.row += 1
                    state.column = 0
                    if state.row == state.rows.count { state.rows.append([]) }
                case "\u{1B}":
                    guard characters.popFirst() == "[" else { continue }
                    var count = ""
                    while let next = characters.first, next.isNumber { count.append(characters.removeFirst()) }
                    switch characters.popFirst() {
                    case "K": state.rows[state.row].removeSubrange(min(state.column, state.rows[state.row].count)...)
                    case "A": state.row = max(0, state.row - (Int(count) ?? 1))
                    default: break
                    }
                default:
                    if state.column < state.rows[state.row].count {
                        state.rows[state.row][state.column] = character
                    } else {
                        state.rows[state.row].append(character)
                    }
                    state.column += 1
                }
            }
        }
    }
}
