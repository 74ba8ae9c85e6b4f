import ATSBridge
import ATSCore
import Foundation

/// Prints the bridge's rows as they are decided (so a run that is stopped has shown what it did),
/// as text or JSON Lines, and the totals on standard error.
struct BridgeReportPrinter: Sendable {
    let json: Bool
    let output: CommandOutput

    /// One row: a line of text, or one JSON object
    /// `{"source_id", "outcome", "target_id", "source_job", "target_job", "reason", "detail", "duplicates"}`.
    func print(_ row: BridgeRow) {
        output.line(json ? Self.jsonLine(row) : Self.textLine(row))
    }

    static func jsonLine(_ row: BridgeRow) -> String {
        var object: [String: Any] = [
            "source_id": row.sourceID.rawValue, "outcome": row.outcome.name, "source_job": row.sourceJob.rawValue,
            "target_id": row.outcome.targetID.map { $0.rawValue as Any } ?? NSNull(),
        ]
        if let target = row.targetJob { object["target_job"] = target.rawValue }
        if let reason = row.reason { object["reason"] = reason.rawValue }
        if let detail = row.detail { object["detail"] = detail }
        if !row.duplicates.isEmpty { object["duplicates"] = row.duplicates.map(\.rawValue) }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func textLine(_ row: BridgeRow) -> String {
        let name = row.outcome.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        let from = "source \(row.sourceID) (job \(row.sourceJob))"
        let to = row.targetJob.map { "job \($0)" } ?? ""
        switch row.outcome {
        case .created(let id), .existing(let id):
            var line = "\(name) \(from) → target \(id) (\(to))"
            if !row.duplicates.isEmpty {
                line += "; also on the target: \(row.duplicates.map(\.rawValue).joined(separator: ", "))"
            }
            if row.reason == .settledInterruptedCreate { line += "; created by an interrupted run" }
            if row.reason == .answerLostFoundOnTarget { line += "; the answer was lost, found on the target" }
            return line
        case .wouldCreate:
            return "\(name) \(from) → \(to)"
                + (row.reason == .samePersonAsEarlierRow ? " (the same person as an earlier row)" : "")
        case .skipped:
            return "\(name) \(from): job \(row.sourceJob) is not mapped"
        case .failed:
            return "\(name) \(from): \(row.detail ?? row.reason?.rawValue ?? "failed")"
        }
    }

    /// The totals, on standard error.
    func summarize(_ report: BridgeReport, journal: String?) {
        let counts = report.counts
        let total = report.rows.count
        var text: String
        if report.isDryRun {
            text =
                "Dry run: \(report.creates) application(s) would be created, \(counts["existing", default: 0]) "
                + "exist, \(counts["skipped", default: 0]) skipped, \(counts["failed", default: 0]) failed, of \(total) "
                + "source application(s). Nothing was written."
        } else {
            text =
                "Bridge: \(counts["created", default: 0]) created, \(counts["existing", default: 0]) existing, "
                + "\(counts["skipped", default: 0]) skipped, \(counts["failed", default: 0]) failed, of \(total) "
                + "source application(s)."
            if journal == nil {
                text += " No --journal: the target alone guards against duplicates (it is read before each create)."
            }
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
