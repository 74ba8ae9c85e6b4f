import ATSCore
import Foundation

/// Renders a ``CoverageMatrix`` for a terminal and for scripts.
enum CoverageRendering {
    /// One JSON object per operation and provider.
    static func jsonLines(_ matrix: CoverageMatrix) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        for row in matrix.rows {
            for (capabilities, support) in zip(matrix.providers, row.support) {
                let record = Record(
                    provider: capabilities.provider.rawValue,
                    group: row.operation.group.rawValue,
                    operation: row.operation.rawValue,
                    title: row.operation.title,
                    support: support.name,
                    note: support.note
                )
                if let data = try? encoder.encode(record) {
                    lines.append(String(decoding: data, as: UTF8.self))
                }
            }
        }
        return lines
    }

    /// A plain-text table: one line per operation with one column per provider, each limitation
    /// or reason on a line of its own below, naming its provider.
    static func table(_ matrix: CoverageMatrix) -> String {
        let rows = matrix.rows
        let titleWidth = max(rows.map(\.operation.title.count).max() ?? 0, "OPERATION".count) + 2
        let cellWidth = max(15, (matrix.providers.map(\.provider.rawValue.count).max() ?? 0) + 2)
        func padded(_ text: String, _ width: Int) -> String {
            text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
        }
        var lines = [
            padded("OPERATION", titleWidth + 2)
                + matrix.providers.map { padded($0.provider.rawValue.uppercased(), cellWidth) }.joined()
        ]
        for group in ATSOperation.Group.allCases {
            let groupRows = rows.filter { $0.operation.group == group }
            guard !groupRows.isEmpty else { continue }
            lines.append(group.rawValue)
            for row in groupRows {
                let cells = row.support.map { padded($0.name.replacingOccurrences(of: "_", with: " "), cellWidth) }
                lines.append("  " + padded(row.operation.title, titleWidth) + cells.joined())
                for (capabilities, support) in zip(matrix.providers, row.support) {
                    if let note = support.note { lines.append("      \(capabilities.provider): \(note)") }
                }
            }
        }
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }

    private struct Record: Encodable {
        var provider: String
        var group: String
        var operation: String
        var title: String
        var support: String
        var note: String?
    }
}
