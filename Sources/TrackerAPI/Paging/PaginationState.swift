/// The paging logic as a pure state machine: which pages to request, when to stop, and how to
/// verify page boundaries while the data may be changing. No I/O, so every rule is unit-tested
/// on its own.
struct PaginationState {
    /// A request the paginator makes.
    enum Job: Hashable {
        /// The next page going forward.
        case forward(page: Int)
        /// The single record at 1-based `position` (`page=position&per_page=1`); it should still
        /// be `expected`, the last record before the boundary in front of forward page `page`.
        case probe(page: Int, position: Int, expected: Int64, after: Int64, before: Int64)
        /// A re-read of `page` to find records with ids strictly between `after` and `before`.
        case reread(page: Int, after: Int64, before: Int64, depth: Int)

        /// The `page` query value.
        var requestPage: Int {
            switch self {
            case .forward(let page), .reread(let page, _, _, _): page
            case .probe(_, let position, _, _, _): position
            }
        }

        /// Whether this request returns records to deliver.
        var isDelivered: Bool {
            if case .probe = self { return false }
            return true
        }
    }

    /// What a fetched page looked like, reduced to what paging decisions need.
    struct Summary: Equatable {
        var paging: TrackerPagingInfo
        /// Records the server sent.
        var count: Int
        /// Numeric id of the first and last record, when every id is numeric.
        var firstKey: Int64?
        var lastKey: Int64?
        /// Whether numeric ids were strictly ascending.
        var isAscending: Bool
    }

    /// What to do after a forward page.
    struct Verdict: Equatable {
        /// Whether no further forward pages exist.
        var isLast: Bool
        /// Verification requests to start.
        var followUps: [Job]
        /// Whether this page repeated the previous one exactly (the server ignored `page`).
        var repeatsPrevious: Bool
    }

    let requestedPageSize: Int
    let maximumInFlight: Int
    let consistency: TrackerPagingConsistency
    private(set) var nextPage: Int
    private(set) var isForwardDone = false
    private(set) var lastKnownPageCount: Int?
    private var hasReceivedFirstPage = false
    private var previous: Summary?

    init(firstPage: Int, pageSize: Int, maximumInFlight: Int, consistency: TrackerPagingConsistency) {
        self.nextPage = max(1, firstPage)
        self.requestedPageSize = pageSize
        self.maximumInFlight = max(1, maximumInFlight)
        self.consistency = consistency
    }

    /// Forward pages to start now, given how many forward pages are in flight. Before the first
    /// answer only the first page is requested, so small lists cost one request; after it, pages
    /// up to the last known one are fetched ahead.
    mutating func pagesToStart(inFlight: Int) -> [Int] {
        guard !isForwardDone else { return [] }
        let budget = hasReceivedFirstPage ? maximumInFlight - inFlight : (inFlight == 0 ? 1 : 0)
        guard budget > 0 else { return [] }
        var pages: [Int] = []
        for _ in 0..<budget {
            if let last = lastKnownPageCount, nextPage > last, hasReceivedFirstPage { break }
            pages.append(nextPage)
            nextPage += 1
        }
        return pages
    }

    /// Takes in a forward page, in page order.
    mutating func receiveForward(page: Int, _ summary: Summary) -> Verdict {
        hasReceivedFirstPage = true
        if let pages = summary.paging.pages { lastKnownPageCount = pages }
        let isLast: Bool
        if summary.count == 0 {
            isLast = true
        } else if let pages = summary.paging.pages {
            // A short page before the last one means records vanished mid-read: keep going, or
            // the list would come back silently short.
            isLast = page >= pages
        } else {
            isLast = summary.count < appliedPageSize(summary)
        }
        let repeats =
            previous.map {
                $0.count == summary.count && $0.firstKey == summary.firstKey && $0.lastKey == summary.lastKey
                    && summary.firstKey != nil
            } ?? false
        let followUps = repeats ? [] : boundaryProbe(page: page, summary)
        if summary.count > 0 || previous == nil { previous = summary }
        if isLast || repeats { isForwardDone = true }
        return Verdict(isLast: isLast || repeats, followUps: followUps, repeatsPrevious: repeats)
    }

    private func appliedPageSize(_ summary: Summary) -> Int {
        summary.paging.resultsPerPage.map { max(1, $0) } ?? requestedPageSize
    }

    /// A boundary needs checking when ids jump across it: records may have moved back into the
    /// gap. An empty page after a full one is checked too (its gap is open-ended).
    private func boundaryProbe(page: Int, _ summary: Summary) -> [Job] {
        guard consistency.verifiesBoundaries, let previous, page > 1, previous.isAscending,
            summary.isAscending || summary.count == 0, let lower = previous.lastKey
        else { return [] }
        let upper = summary.firstKey ?? Int64.max
        // Ids and `Results-Per-Page` are the server's: near Int64.max / Int.max the arithmetic
        // would trap. An id of Int64.max leaves no gap above it; a position past Int.max has no page.
        let (next, idOverflow) = lower.addingReportingOverflow(1)
        guard !idOverflow, upper > next else { return [] }
        let (position, positionOverflow) = (page - 1).multipliedReportingOverflow(by: appliedPageSize(previous))
        guard !positionOverflow else { return [] }
        return [.probe(page: page, position: position, expected: lower, after: lower, before: upper)]
    }

    /// Takes in a probe: if the boundary record moved, re-read the page before the boundary.
    func receiveProbe(_ job: Job, firstKey: Int64?) -> [Job] {
        guard case .probe(let page, _, let expected, let after, let before) = job, firstKey != expected else {
            return []
        }
        return [.reread(page: max(1, page - 1), after: after, before: before, depth: 1)]
    }

    /// Takes in a re-read page and says whether to look one page further back: needed when even
    /// its first record is past the gap's lower bound (records moved back by a page or more).
    ///
    /// The walk goes back as far as the records moved, down to page 1, however many pages that is:
    /// stopping earlier would leave the records between silently undelivered. Deletions only move
    /// records towards the front, so the walk always ends, at the latest on page 1.
    func receiveReread(_ job: Job, _ summary: Summary) -> [Job] {
        guard case .reread(let page, let after, let before, let depth) = job, page > 1 else { return [] }
        let reachedLowerBound = summary.firstKey.map { $0 <= after } ?? false
        guard !reachedLowerBound else { return [] }
        return [.reread(page: page - 1, after: after, before: before, depth: depth + 1)]
    }
}
