import ATSCore
import Foundation
import TrackerAPI

/// What a change stream needs to know about one kind of wire record.
struct ChangeRecordTraits<Wire: Sendable>: Sendable {
    /// The record's id.
    let id: @Sendable (Wire) -> String
    /// When it last changed.
    let updatedAt: @Sendable (Wire) -> TrackerTimestamp?
    /// The job it belongs to (a job's own id for jobs).
    let jobID: @Sendable (Wire) -> String?
}

/// Records changed at or after a caller's bound, read from a widened Tracker list: the records
/// older than the bound are dropped again, repeats from page shifts are dropped, records of other
/// jobs than asked are dropped, and a server that ignores `updated_after` is reported once.
///
/// Lazy (nothing is read before the first `next()`), bounded in memory (Tracker's pages in
/// flight plus two pages of recent keys) and cancellable (paging checks before every page).
struct TrackerChangeSequence<Wire: Sendable, Output: Sendable>: AsyncSequence, Sendable {
    typealias Element = Output

    let client: TrackerATSClient
    let operation: ATSOperation
    let query: ATSChangeQuery
    let window: ChangeWindow
    /// Whether the job filter was sent to the server (so records of other jobs mean it ignored it).
    let sentJobFilter: Bool
    let pageSize: Int
    let pages: TrackerPageSequence<Wire>
    let traits: ChangeRecordTraits<Wire>
    /// Prepares the mapping of one page's kept records (reads the cached schema, notes statuses).
    let prepare: @Sendable ([Wire]) async throws -> @Sendable (Wire) -> Output

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            sequence: self, pages: pages.makeAsyncIterator(), recent: RecentDeliveries(capacity: 2 * pageSize))
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: TrackerChangeSequence
        var pages: TrackerPageSequence<Wire>.AsyncIterator
        var recent: RecentDeliveries
        var buffer: [Output] = []
        var index = 0

        mutating func next() async throws -> Output? {
            while index == buffer.count {
                let page: TrackerPage<Wire>?
                do {
                    page = try await pages.next()
                } catch {
                    throw TrackerATSClient.translate(error, operation: sequence.operation)
                }
                guard let page else { return nil }
                let kept = sequence.keep(page, recent: &recent)
                let transform: @Sendable (Wire) -> Output
                do {
                    transform = try await sequence.prepare(kept)
                } catch {
                    throw TrackerATSClient.translate(error, operation: sequence.operation)
                }
                buffer = kept.map(transform)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// The records of a page the caller should see, noting what the server ignored.
    func keep(_ page: TrackerPage<Wire>, recent: inout RecentDeliveries) -> [Wire] {
        if page.serverIgnoredUpdatedAfter, window.lowerBound != nil {
            client.record(
                .updatedAfterIgnored, operation: operation,
                detail: "\(page.droppedStaleCount) records older than updated_after on page \(page.number)")
        }
        let jobIDs = query.jobIDs
        var kept: [Wire] = []
        kept.reserveCapacity(page.records.count)
        for record in page.records {
            if let jobIDs, !jobIDs.contains(JobID(traits.jobID(record) ?? "")) {
                if sentJobFilter {
                    client.record(.jobFilterIgnored, operation: operation, detail: "job_id returned other jobs")
                }
                continue
            }
            let stamp = traits.updatedAt(record)
            guard window.admits(stamp) else { continue }
            guard recent.insert(.init(id: traits.id(record), updatedAt: stamp?.date)) else { continue }
            kept.append(record)
        }
        return kept
    }
}
