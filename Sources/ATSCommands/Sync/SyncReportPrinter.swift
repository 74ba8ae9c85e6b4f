import ATSSync
import Foundation

/// Prints a sync's run report: a table for people, one JSON object for machines.
struct SyncReportPrinter {
    let output: CommandOutput

    /// The report as a table or as JSON.
    func print(_ report: SyncRunReport, json: Bool, database: String, account: String) throws {
        if json {
            try self.json(report, database: database, account: account)
        } else {
            table(report)
        }
    }

    /// The report as a table, then its warnings.
    func table(_ report: SyncRunReport) {
        let table = TextTable(
            columns: [
                .init(title: "stream", width: 20), .init(title: "mode", width: 11), .init(title: "pages", width: 6),
                .init(title: "records", width: 9), .init(title: "new", width: 8), .init(title: "changed", width: 8),
                .init(title: "same", width: 8), .init(title: "deleted", width: 8), .init(title: "requests", width: 8),
                .init(title: "retries", width: 7), .init(title: "429s", width: 5), .init(title: "time", width: 8),
            ], output: output)
        table.header()
        for stream in report.streams {
            table.row([
                stream.stream.rawValue, mode(stream), "\(stream.pages)", "\(stream.records)",
                "\(stream.outcome.inserted)", "\(stream.outcome.changed + stream.outcome.restored)",
                "\(stream.outcome.unchanged)", "\(stream.deleted)", "\(stream.traffic.requests)",
                "\(stream.traffic.retries)", "\(stream.traffic.rateLimited)",
                Self.duration(stream.endedAt.timeIntervalSince(stream.startedAt)),
            ])
        }
        // A warning several streams share (the account's naive times, say) is printed once, with
        // the streams it concerns, in the order the streams first gave it.
        var streamsByWarning: [String: [String]] = [:]
        var warnings: [String] = []
        for stream in report.streams {
            if let reason = stream.skipReason {
                output.line("\(stream.stream): skipped, \(reason)")
            } else if !stream.completed {
                output.line("\(stream.stream): not finished; the next run continues this window.")
            }
            for warning in stream.warnings {
                if streamsByWarning[warning] == nil { warnings.append(warning) }
                streamsByWarning[warning, default: []].append(stream.stream.rawValue)
            }
        }
        for warning in warnings {
            output.line("\((streamsByWarning[warning] ?? []).joined(separator: ", ")): \(warning)")
        }
    }

    /// The report as one JSON object (dates in ISO-8601 UTC).
    func json(_ report: SyncRunReport, database: String, account: String) throws {
        struct Document: Encodable {
            var database: String
            var account: String
            var streams: [StreamRunReport]
        }
        let encoder = JSONEncoder()
        // The same key style as every other --json output and as the records: snake_case.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Document(database: database, account: account, streams: report.streams))
        output.line(String(decoding: data, as: UTF8.self))
    }

    private func mode(_ stream: StreamRunReport) -> String {
        if stream.isSkipped { return "skipped" }
        let base = stream.isDerived ? "derived" : (stream.window.isFullScan ? "full" : "incremental")
        return stream.resumed ? "\(base)*" : base
    }

    static func duration(_ seconds: TimeInterval) -> String {
        seconds < 60 ? String(format: "%.1fs", seconds) : "\(Int(seconds) / 60)m\(Int(seconds) % 60)s"
    }
}
