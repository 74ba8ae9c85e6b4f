import ATSSync
import ATSSyncSQLite
import Foundation
import TrackerRMSSandbox

/// A Tracker RMS mirror compared with the sandbox's ground truth, written from the sandbox's own
/// records (never from the client's mapping): every live row once, nothing the account no longer
/// has, and each typed column as the account holds it. SQLite is read column by column; PostgreSQL,
/// whose typed columns this test target cannot query, by update time and the stage history.
struct RMSMirrorComparison {
    var compared = 0
    var lost = 0
    var extra = 0
    var duplicates = 0
    var wrongColumns = 0
    var columnsCompared = 0
    var examples: [String] = []

    var isExact: Bool { lost == 0 && extra == 0 && duplicates == 0 && wrongColumns == 0 }

    /// Compares the mirror of `account` in `store` with `truth`; `deletionsSeen` says whether a
    /// complete scan ran since the last deletion (before it, a deleted record may stay live).
    static func of(
        _ store: any SyncStore, account: String, against truth: RMSSandboxControl, deletionsSeen: Bool
    ) async throws -> RMSMirrorComparison {
        var result = RMSMirrorComparison()
        let statuses = Dictionary(uniqueKeysWithValues: truth.placementStatuses.map { ($0.id, $0.name) })
        let resources = Dictionary(uniqueKeysWithValues: truth.resources.map { ($0.id, $0) })
        var expected: [SyncStreamName: [String: [String: String?]]] = [:]
        var updated: [SyncStreamName: [String: Date]] = [:]
        for placement in truth.placements {
            let resource = resources[placement.resourceID]
            expected[.applications, default: [:]][String(placement.id)] = [
                "job_id": String(placement.opportunityID), "candidate_id": String(placement.resourceID),
                "stage": statuses[placement.statusID], "first_name": resource?.firstName,
                "last_name": resource?.lastName, "source": placement.source.isEmpty ? nil : placement.source,
                "start_date": placement.startDate.map { String($0.prefix(10)) },
            ]
            updated[.applications, default: [:]][String(placement.id)] = instant(placement.updatedAt)
        }
        let placementIDs = Dictionary(grouping: truth.placements, by: \.resourceID).mapValues { $0.map(\.id).sorted() }
        for resource in truth.resources {
            let phone = [resource.mobilePhone, resource.homePhone, resource.workPhone].first { !$0.isEmpty }
            let applications = (placementIDs[resource.id] ?? []).map { "\"\($0)\"" }.joined(separator: ",")
            expected[.candidates, default: [:]][String(resource.id)] = [
                "first_name": resource.firstName, "last_name": resource.lastName, "email": resource.email,
                "phone": phone, "application_ids": "[\(applications)]",
            ]
            // The resource's own time: its applications' changes show in application_ids instead.
            updated[.candidates, default: [:]][String(resource.id)] = instant(resource.updatedAt)
        }
        for opportunity in truth.opportunities {
            expected[.jobs, default: [:]][String(opportunity.id)] = ["title": opportunity.title]
            updated[.jobs, default: [:]][String(opportunity.id)] = instant(opportunity.updatedAt)
        }

        for stream in [SyncStreamName.jobs, .applications, .candidates] {
            let truthRows = expected[stream] ?? [:]
            let rows = try await store.storedRows(of: stream, account: account).filter { $0.deletedAt == nil }
            var seen: [String: Int] = [:]
            for row in rows { seen[row.id, default: 0] += 1 }
            result.duplicates += seen.values.reduce(0) { $0 + max(0, $1 - 1) }
            for id in truthRows.keys where seen[id] == nil {
                result.lost += 1
                result.note("\(stream) \(id) lost")
            }
            for id in seen.keys where truthRows[id] == nil && deletionsSeen {
                result.extra += 1
                result.note("\(stream) \(id) live but gone from the account")
            }
            result.compared += truthRows.count
            for row in rows {
                guard let expectedTime = updated[stream]?[row.id] else { continue }
                result.columnsCompared += 1
                if row.updatedAt != expectedTime {
                    result.wrongColumns += 1
                    result.note("\(stream) \(row.id) updated_at \(String(describing: row.updatedAt)) ≠ \(expectedTime)")
                }
            }
            let cells: [String: [String: String?]]
            if let sqlite = store as? SQLiteSyncStore {
                cells = try await Self.columns(sqlite, stream, Array(truthRows.first?.value.keys ?? [:].keys), account)
            } else if stream == .applications {
                cells = try await Self.stages(store, account)
            } else {
                continue
            }
            for (id, want) in truthRows {
                guard let have = cells[id] else { continue }
                for (column, value) in want {
                    guard let stored = have[column] else { continue }
                    result.columnsCompared += 1
                    if stored != value {
                        result.wrongColumns += 1
                        result.note(
                            "\(stream) \(id) \(column) \(stored ?? "null") ≠ \(value ?? "null")")
                    }
                }
            }
        }
        return result
    }

    private mutating func note(_ example: String) {
        if examples.count < 8 { examples.append(example) }
    }

    /// Some typed columns of each live row, as SQLite holds them.
    private static func columns(
        _ store: SQLiteSyncStore, _ stream: SyncStreamName, _ names: [String], _ account: String
    ) async throws -> [String: [String: String?]] {
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        let quoted = account.replacingOccurrences(of: "'", with: "''")
        let result = try await store.query(
            "SELECT id, \(list) FROM \"\(stream.rawValue)\" WHERE account = '\(quoted)' AND deleted_at IS NULL",
            limit: .max)
        var cells: [String: [String: String?]] = [:]
        for row in result.rows {
            guard let id = row.first ?? nil else { continue }
            cells[id] = Dictionary(uniqueKeysWithValues: zip(names, row.dropFirst()).map { ($0, $1) })
        }
        return cells
    }

    /// Each application's stage as the store's stage history last recorded it.
    private static func stages(_ store: any SyncStore, _ account: String) async throws -> [String: [String: String?]] {
        var cells: [String: [String: String?]] = [:]
        for change in try await store.stageHistory(of: .applications, account: account) {
            cells[change.id] = ["stage": change.to]
        }
        return cells
    }
}
