import Foundation

/// A table printed row by row as records stream in: fixed column widths, long cells cut with "…",
/// so a list of any length is shown without holding it in memory.
final class TextTable {
    struct Column {
        var title: String
        var width: Int
    }

    let columns: [Column]
    let output: CommandOutput
    private var headerIsPending = false

    init(columns: [Column], output: CommandOutput) {
        self.columns = columns
        self.output = output
    }

    /// Prints the header.
    func header() {
        output.line(render(columns.map(\.title)))
        output.line(render(columns.map { String(repeating: "-", count: $0.width) }))
    }

    /// Prints the header before the first row, or at ``finish()`` when there is none: a stream that
    /// fails before its first record then prints only the error, not a header above it.
    func headerBeforeFirstRow() {
        headerIsPending = true
    }

    /// Prints one row.
    func row(_ cells: [String]) {
        flushHeader()
        output.line(render(cells))
    }

    /// Ends a streamed table: prints the header if no row did.
    func finish() {
        flushHeader()
    }

    private func flushHeader() {
        guard headerIsPending else { return }
        headerIsPending = false
        header()
    }

    private func render(_ cells: [String]) -> String {
        zip(columns, cells).enumerated().map { index, pair in
            let (column, cell) = pair
            let flat = cell.replacingOccurrences(of: "\n", with: " ")
            let fitted = flat.count > column.width ? String(flat.prefix(column.width - 1)) + "…" : flat
            let isLast = index == columns.count - 1
            return isLast ? fitted : fitted.padding(toLength: column.width, withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }

    /// A record as aligned `name: value` lines.
    static func record(_ fields: [(String, String?)], to output: CommandOutput) {
        let width = fields.map(\.0.count).max() ?? 0
        for (name, value) in fields {
            output.line((name + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + " " + (value ?? "—"))
        }
    }

    /// A date as ISO-8601 UTC, or an empty cell.
    static func date(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601) } ?? ""
    }
}
