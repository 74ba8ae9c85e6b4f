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

    /// A plain-text table with one line per operation.
    static func table(_ matrix: CoverageMatrix) -> String {
        let rows = matrix.rows
        let titleWidth = rows.map(\.operation.title.count).max() ?? 0
        var lines: [String] = []
        for group in ATSOperation.Group.allCases {
            let groupRows = rows.filter { $0.operation.group == group }
            guard !groupRows.isEmpty else { continue }
            lines.append(group.rawValue)
            for row in groupRows {
                for support in row.support {
                    let padded = row.operation.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0)
                    if let note = support.note {
                        let level = support.name.padding(toLength: 13, withPad: " ", startingAt: 0)
                        lines.append("  \(padded)  \(level)  \(note)")
                    } else {
                        lines.append("  \(padded)  \(support.name)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
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
