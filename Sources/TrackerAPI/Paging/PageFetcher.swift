/// The moving parts of one page iteration: the requests in flight and the paging state.
///
/// Page requests run in their own tasks so that several can be in flight while the caller
/// works on the current page. This deliberately steps outside structured concurrency, bounded
/// by three rules: at most `pagesInFlight` forward requests are on the network at once (and the
/// client's request budget, shared with every other sequence, bounds them all together) and at
/// most twice that many pages exist (fetching, decoding or waiting to be read), every task is
/// cancelled when iteration ends, fails, is cancelled or the iterator is dropped, and results
/// are handled strictly in request order.
final class PageFetcher<Record: Sendable> {
    private typealias Fetched = PageSource<Record>.Fetched
    private let source: PageSource<Record>
    private var state: PaginationState
    private var queue: [(job: PaginationState.Job, task: Task<Fetched, any Error>)] = []
    private var isFinished = false
    private let slots: RequestSlots
    /// This iteration's lane in the client's request budget: it takes turns with other sequences.
    private let lane: UInt64

    init(source: PageSource<Record>) {
        self.source = source
        self.lane = source.api.budget.makeLane()
        let inFlight = source.api.configuration.pagesInFlight
        self.slots = RequestSlots(permits: inFlight)
        self.state = PaginationState(
            firstPage: source.firstPage,
            pageSize: source.pageSize,
            maximumInFlight: inFlight * 2,
            consistency: source.api.configuration.pagingConsistency
        )
    }

    deinit {
        for item in queue { item.task.cancel() }
    }

    private var label: String { source.endpoint.label }

    func next() async throws -> TrackerPage<Record>? {
        while !isFinished {
            if Task.isCancelled {
                finish()
                throw TrackerAPIError(code: .cancelled, endpoint: label)
            }
            startForwardPages()
            guard !queue.isEmpty else {
                isFinished = true
                return nil
            }
            let head = queue.removeFirst()
            let fetched = try await result(of: head.task)
            let logger = source.logger ?? source.api.configuration.logger
            source.api.record(fetched.observations, endpoint: label, logger: logger)
            if let page = try handle(head.job, fetched) {
                source.api.metrics.recordRecords(
                    endpoint: label,
                    delivered: page.records.count,
                    droppedStale: page.droppedStaleCount
                )
                return page
            }
        }
        return nil
    }

    private func result(of task: Task<Fetched, any Error>) async throws -> Fetched {
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            finish()
            if let error = error as? TrackerAPIError { throw error }
            throw TrackerAPIError(code: .cancelled, endpoint: label)
        }
    }

    /// Applies a result to the state; returns the page to deliver, or `nil` for a probe.
    private func handle(_ job: PaginationState.Job, _ fetched: Fetched) throws -> TrackerPage<Record>? {
        var page = TrackerPage(
            number: job.requestPage,
            records: fetched.records,
            paging: fetched.summary.paging,
            receivedCount: fetched.summary.count,
            droppedStaleCount: fetched.droppedStale,
            isReread: false
        )
        switch job {
        case .forward(let number):
            let verdict = state.receiveForward(page: number, fetched.summary)
            if verdict.isLast { dropForwardPages(after: number) }
            if verdict.repeatsPrevious {
                // The server ignored `page`. If it ignored `per_page` too, the first page already
                // held everything; otherwise the rest of the list is unreachable and must not be
                // passed off as complete.
                guard fetched.summary.count > source.pageSize else {
                    finish()
                    throw TrackerAPIError(
                        code: .malformedResponse,
                        endpoint: label,
                        field: "page",
                        underlying: "page \(number) repeated page \(number - 1): the server ignores the page parameter"
                    )
                }
                page.records = []
            }
            verdict.followUps.forEach(enqueue)
            return page
        case .probe:
            let followUps = state.receiveProbe(job, firstKey: fetched.summary.firstKey)
            if !followUps.isEmpty {
                var bits = ObservationBits()
                bits.insert(.pageShift)
                source.api.record(bits, endpoint: label, logger: source.logger ?? source.api.configuration.logger)
            }
            followUps.forEach(enqueue)
            return nil
        case .reread(_, let after, let before, _):
            state.receiveReread(job, fetched.summary).forEach(enqueue)
            page.isReread = true
            page.records = fetched.records.filter { record in
                guard let key = source.key(record) else { return false }
                return key > after && key < before
            }
            return page
        }
    }

    private func startForwardPages() {
        let inFlight = queue.reduce(0) { count, item in
            if case .forward = item.job { return count + 1 }
            return count
        }
        for page in state.pagesToStart(inFlight: inFlight) {
            enqueue(.forward(page: page))
        }
    }

    private func enqueue(_ job: PaginationState.Job) {
        let source = source
        let page = job.requestPage
        let perPage: Int? = job.isDelivered ? nil : 1
        // Only forward pages wait for a network slot; probes and re-reads are rare and small.
        let ticket: (RequestSlots, UInt64)? = if case .forward = job { (slots, slots.ticket()) } else { nil }
        let lane = lane
        queue.append(
            (
                job,
                Task {
                    try await RequestLane.$current.withValue(lane) {
                        try await source.fetch(page: page, perPage: perPage, slot: ticket)
                    }
                }
            ))
    }

    private func dropForwardPages(after page: Int) {
        queue.removeAll { item in
            guard case .forward(let number) = item.job, number > page else { return false }
            item.task.cancel()
            return true
        }
    }

    private func finish() {
        isFinished = true
        for item in queue { item.task.cancel() }
        queue.removeAll()
    }
}
