import ATSCore
import ATSSync
import Foundation
import WorkableAPI
import WorkableATS

/// One window of a per-candidate stream: the candidate records changed since the window's lower
/// bound (every record on a full scan), a page of them at a time, each read with one request.
///
/// Records come in Workable's insertion order, which updates do not change, so page `p` is the
/// same slice of the list in every run of the window. A resumed run reads the list again and
/// starts one page before its checkpoint: a record deleted meanwhile shifts the slices back by
/// one, and the overlap reads the record that moved across the boundary (rows read twice are
/// stored once).
struct PerCandidateSweep: Sendable {
    let client: WorkableATSClient
    let stream: SyncStreamName
    let lower: Date?
    let perPage: Int

    /// The sweep's pages, numbered from `first`.
    func pages(startingAt first: Int) -> WorkableSourcePages {
        let sweep = self
        return WorkableSourcePages {
            let position = PageState<(list: [WorkableCandidate], index: Int, number: Int)?>(nil)
            return {
                if position.value == nil {
                    let list = try await sweep.candidateRecords()
                    let start = first > 1 ? max(0, (first - 2) * sweep.perPage) : 0
                    position.value = (list, start, first)
                }
                guard let (list, index, number) = position.value, index < list.count else { return nil }
                let batch = list[index..<min(index + sweep.perPage, list.count)]
                var rows: [SyncRecord] = []
                for record in batch { rows += try await sweep.rows(of: record) }
                position.value = (list, index + sweep.perPage, number + 1)
                var warnings: [String] = []
                if index + sweep.perPage >= list.count {
                    warnings.append(
                        "Read the \(sweep.stream) of \(list.count) candidate record(s), one request each"
                            + (first > 1 ? ", resuming at page \(first)." : "."))
                }
                return SourcePage(number: number, records: rows, warnings: warnings)
            }
        }
    }

    /// The records whose `updated_at` is at or after the lower bound (all without one).
    private func candidateRecords() async throws -> [WorkableCandidate] {
        let request = WorkableAPI.Candidates.ListRequest(
            updatedAfter: lower.map { WorkableTimestamp($0.addingTimeInterval(-1)) })
        let lower = lower
        do {
            return try await client.api.candidates.list(request, logger: client.settings.logger).collect().filter {
                guard let lower, let updated = $0.updatedAt?.date else { return true }
                return updated >= lower
            }
        } catch let error as WorkableAPIError where error.code == .cancelled {
            throw CancellationError()
        }
    }

    /// One record's rows: its comments, or its files.
    private func rows(of record: WorkableCandidate) async throws -> [SyncRecord] {
        let application = ApplicationID(record.id.rawValue)
        let job = record.jobShortcode.map { JobID($0.rawValue) }
        do {
            if stream == .notes {
                let activities = try await client.api.candidates.activities(record.id, logger: client.settings.logger)
                    .collect()
                return activities.filter(\.isComment).map {
                    WorkableSyncRecords.note(WorkableATSClient.note($0, application: application, job: job))
                }
            }
            let files = try await client.api.candidates.files(record.id, logger: client.settings.logger)
            return files.map { WorkableSyncRecords.file(WorkableATSClient.attachment($0, application: application)) }
        } catch let error as WorkableAPIError where error.code == .notFound {
            // Deleted since the list was read: it has nothing left to mirror.
            return []
        } catch let error as WorkableAPIError where error.code == .cancelled {
            throw CancellationError()
        }
    }
}
