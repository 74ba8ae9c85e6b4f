import ATSSync
import Foundation
import WorkableSandbox

/// How far a mirror is from the sandbox's truth, counted per application (never a literal): every
/// typed field the mirror keeps of a Workable candidate record is compared.
struct WorkableMirrorAudit: Sendable {
    /// Applications the sandbox has and the mirror does not.
    var lost = 0
    /// Ids the mirror holds more than once.
    var duplicated = 0
    /// Applications whose stage, disqualification, job or `updated_at` differ from the truth.
    var differing = 0
    /// Live mirror rows the sandbox does not have.
    var extra = 0
    /// Applications compared.
    var compared = 0
    /// The first few differences, for the failure message.
    var examples: [String] = []

    /// Whether the mirror equals the truth.
    var isExact: Bool { lost == 0 && duplicated == 0 && differing == 0 && extra == 0 }

    /// Compares the live application rows of `account` in `store` with `truth`. SQLite keeps a
    /// date's milliseconds truncated, so `updatedAtSlack` allows one millisecond there.
    static func audit(
        store: any SyncStore, account: String, truth: [WorkableSandboxCandidate], updatedAtSlack: Int64
    ) async throws -> WorkableMirrorAudit {
        let rows = try await store.storedRows(of: .applications, account: account).filter { $0.deletedAt == nil }
        var audit = WorkableMirrorAudit()
        let byID = Dictionary(grouping: rows, by: \.id)
        audit.duplicated = byID.values.count { $0.count > 1 }
        let truthIDs = Set(truth.map(\.id))
        audit.extra = byID.keys.count { !truthIDs.contains($0) }
        for record in truth {
            audit.compared += 1
            guard let row = byID[record.id]?.first else {
                audit.lost += 1
                audit.note("lost \(record.id)")
                continue
            }
            let problems = differences(row, record, updatedAtSlack: updatedAtSlack)
            if !problems.isEmpty {
                audit.differing += 1
                audit.note("\(record.id): \(problems.joined(separator: ", "))")
            }
        }
        return audit
    }

    private mutating func note(_ example: String) {
        if examples.count < 5 { examples.append(example) }
    }

    private static func differences(_ row: StoredRow, _ record: WorkableSandboxCandidate, updatedAtSlack: Int64)
        -> [String]
    {
        var problems: [String] = []
        let object =
            (try? JSONSerialization.jsonObject(with: Data(row.raw.utf8))) as? [String: Any] ?? [:]
        if object["stage"] as? String != record.stageName {
            problems.append("stage \(object["stage"] ?? "none") ≠ \(record.stageName)")
        }
        if object["disqualified"] as? Bool != record.isDisqualified {
            problems.append("disqualified \(object["disqualified"] ?? "none") ≠ \(record.isDisqualified)")
        }
        if (object["job"] as? [String: Any])?["shortcode"] as? String != record.shortcode {
            problems.append("job ≠ \(record.shortcode)")
        }
        let stored = row.updatedAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
        if abs((stored ?? .min / 2) - record.updatedAtMillis) > updatedAtSlack {
            problems.append("updated_at \(stored.map(String.init) ?? "none") ≠ \(record.updatedAtMillis)")
        }
        return problems
    }
}

/// Prints a reliability suite's figures as one `RELIABILITY {json}` line for `scripts/reliability`.
enum WorkableReliability {
    /// Whether `ATSKIT_RELIABILITY=full` asked for the published budget.
    static var isFull: Bool { ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full" }

    /// `quick` in the default run, `full` at the published budget.
    static func budget(quick: Int, full: Int) -> Int { isFull ? full : quick }

    /// Prints `figures` under `suite`.
    static func publish(suite: String, _ figures: [String: Any]) {
        var object = figures
        object["suite"] = suite
        object["budget"] = isFull ? "full" : "quick"
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        print("RELIABILITY " + String(decoding: data, as: UTF8.self))
    }
}
