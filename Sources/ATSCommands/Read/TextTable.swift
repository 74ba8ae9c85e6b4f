import Foundation

/// A table printed row by row as records stream in: fixed column widths, long cells cut with "…",
/// so a list of any length is shown without holding it in memory.
struct TextTable {
    struct Column {
        var title: String
        var width: Int
    }

    let columns: [Column]
    let output: CommandOutput

    /// Prints the header.
    func header() {
        output.line(render(columns.map(\.title)))
        output.line(render(columns.map { String(repeating: "-", count: $0.width) }))
    }

    /// Prints one row.
    func row(_ cells: [String]) {
        output.line(render(cells))
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
