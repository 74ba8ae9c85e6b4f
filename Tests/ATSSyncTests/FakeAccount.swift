import ATSCore
import ATSSync
import Foundation
import Synchronization

/// A provider account in memory that pages like Tracker: by offset, ascending id, filtered by
/// `updated >= lower`. Tests mutate it between pages through `beforePage`.
final class FakeAccount: SyncSource, Sendable {
    struct Record: Hashable, Sendable {
        var updatedAt: Date
        var status: String
        var version: Int
    }

    struct Failure: Error {}

    /// A fresh account name per instance, so tests sharing a database never see each other's rows.
    let account = "fake-\(UUID().uuidString.prefix(8))"
    let provider = ATSProvider(rawValue: "fake")
    let streams: [SyncStreamName] = [.applications]
    let pageSize: Int
    let lookBack: Duration
    private let records: Mutex<[Int: Record]>
    private let hook: Mutex<(@Sendable (Int, FakeAccount) throws -> Void)?> = Mutex(nil)
    private let requests = Mutex(0)

    init(count: Int, pageSize: Int = 10, lookBack: Duration = .seconds(600), start: Date) {
        self.pageSize = pageSize
        self.lookBack = lookBack
        var initial: [Int: Record] = [:]
        for id in 1...max(count, 1) where count > 0 {
            initial[id] = Record(updatedAt: start.addingTimeInterval(Double(id)), status: "New", version: 0)
        }
        records = Mutex(initial)
    }

    /// Runs before each page is served, with the page number.
    func beforePage(_ body: (@Sendable (Int, FakeAccount) throws -> Void)?) {
        hook.withLock { $0 = body }
    }

    var requestCount: Int { requests.withLock { $0 } }

    var snapshot: [Int: Record] { records.withLock { $0 } }

    func update(_ id: Int, at time: Date, status: String? = nil) {
        records.withLock { records in
            guard var record = records[id] else { return }
            record.updatedAt = time
            record.version += 1
            if let status { record.status = status }
            records[id] = record
        }
    }

    func insert(_ id: Int, at time: Date) {
        records.withLock { $0[id] = Record(updatedAt: time, status: "New", version: 0) }
    }

    func delete(_ id: Int) {
        _ = records.withLock { $0.removeValue(forKey: id) }
    }

    func contract(for stream: SyncStreamName) -> StreamContract? {
        guard stream == .applications else { return nil }
        return StreamContract(
            stream: .applications, cursor: .updateTime(field: "updated_at"), timestamps: .absolute,
            lookBack: lookBack, deletions: .byCompleteScan)
    }

    func pages(of stream: SyncStreamName, window: SyncWindow, startingAt page: Int) -> FakePages {
        FakePages(account: self, lower: window.lower, firstPage: page)
    }

    fileprivate func servePage(_ number: Int, lower: Date?) throws -> SourcePage {
        requests.withLock { $0 += 1 }
        if let body = hook.withLock({ $0 }) { try body(number, self) }
        let matching = records.withLock { records in
            records.filter { lower == nil || $0.value.updatedAt >= lower! }.sorted { $0.key < $1.key }
        }
        let slice = matching.dropFirst((number - 1) * pageSize).prefix(pageSize)
        let page = slice.map { id, record in
            SyncRecord(
                id: String(id), updatedAt: record.updatedAt, fields: ["stage": .text(record.status)],
                raw: RawPayload(json: #"{"id":"\#(id)","v":\#(record.version)}"#), stage: record.status)
        }
        return SourcePage(number: number, records: page, totalCount: matching.count)
    }
}

struct FakePages: AsyncSequence {
    let account: FakeAccount
    let lower: Date?
    let firstPage: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let account: FakeAccount
        let lower: Date?
        var next: Int
        var finished = false

        mutating func next() async throws -> SourcePage? {
            guard !finished else { return nil }
            let page = try account.servePage(next, lower: lower)
            next += 1
            if page.records.count < account.pageSize { finished = true }
            return page.records.isEmpty && page.number > 1 ? nil : page
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(account: account, lower: lower, next: firstPage)
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
