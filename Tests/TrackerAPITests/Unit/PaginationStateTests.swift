import Testing

@testable import TrackerAPI

@Suite struct PaginationStateTests {
    private func summary(
        count: Int,
        first: Int64? = nil,
        last: Int64? = nil,
        total: Int? = nil,
        pages: Int? = nil,
        perPage: Int? = nil,
        ascending: Bool = true
    ) -> PaginationState.Summary {
        PaginationState.Summary(
            paging: TrackerPagingInfo(totalCount: total, pages: pages, resultsPerPage: perPage),
            count: count,
            firstKey: first,
            lastKey: last,
            isAscending: ascending
        )
    }

    private func state(inFlight: Int = 3, consistency: TrackerPagingConsistency = .default) -> PaginationState {
        PaginationState(firstPage: 1, pageSize: 10, maximumInFlight: inFlight, consistency: consistency)
    }

    @Test func asksForOnePageFirstThenFetchesAhead() {
        var state = state()
        #expect(state.pagesToStart(inFlight: 0) == [1])
        #expect(state.pagesToStart(inFlight: 1) == [])
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 100, pages: 10))
        #expect(state.pagesToStart(inFlight: 0) == [2, 3, 4])
        #expect(state.pagesToStart(inFlight: 2) == [5])
    }

    @Test func neverFetchesPastTheLastKnownPage() {
        var state = state(inFlight: 5)
        _ = state.pagesToStart(inFlight: 0)
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 25, pages: 3))
        #expect(state.pagesToStart(inFlight: 0) == [2, 3])
    }

    @Test func stopsOnTheLastPageByHeader() {
        var state = state()
        _ = state.pagesToStart(inFlight: 0)
        let verdict = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 10, pages: 1))
        #expect(verdict.isLast)
        #expect(state.pagesToStart(inFlight: 0) == [])
    }

    @Test func aShortPageBeforeTheLastDoesNotStopPaging() {
        var state = state()
        _ = state.pagesToStart(inFlight: 0)
        let verdict = state.receiveForward(page: 1, summary(count: 7, first: 1, last: 7, total: 27, pages: 3))
        #expect(!verdict.isLast)
    }

    @Test func withoutHeadersAShortOrEmptyPageIsTheLast() {
        var short = state()
        _ = short.pagesToStart(inFlight: 0)
        #expect(short.receiveForward(page: 1, summary(count: 9, first: 1, last: 9)).isLast)
        var full = state()
        _ = full.pagesToStart(inFlight: 0)
        #expect(!full.receiveForward(page: 1, summary(count: 10, first: 1, last: 10)).isLast)
        #expect(full.receiveForward(page: 2, summary(count: 0)).isLast)
    }

    @Test func theAppliedPageSizeDecidesWhatIsShort() {
        var state = state()
        _ = state.pagesToStart(inFlight: 0)
        // Asked for 10, server capped at 5: a page of 5 is full, not short.
        #expect(!state.receiveForward(page: 1, summary(count: 5, first: 1, last: 5, perPage: 5)).isLast)
    }

    @Test func anIdGapAtABoundaryIsProbed() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 30, pages: 3))
        let verdict = state.receiveForward(page: 2, summary(count: 10, first: 13, last: 22, total: 29, pages: 3))
        #expect(verdict.followUps == [.probe(page: 2, position: 10, expected: 10, after: 10, before: 13)])
        #expect(verdict.followUps.first?.requestPage == 10)
    }

    @Test func theProbeUsesTheAppliedPageSize() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 5, first: 1, last: 5, perPage: 5))
        _ = state.receiveForward(page: 2, summary(count: 5, first: 6, last: 10, perPage: 5))
        let verdict = state.receiveForward(page: 3, summary(count: 5, first: 20, last: 24, perPage: 5))
        #expect(verdict.followUps == [.probe(page: 3, position: 10, expected: 10, after: 10, before: 20)])
    }

    @Test func noGapNoProbe() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 30, pages: 3))
        #expect(
            state.receiveForward(page: 2, summary(count: 10, first: 11, last: 20, total: 29, pages: 3)).followUps == [])
    }

    @Test func anEmptyPageAfterAFullOneIsProbed() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10))
        let verdict = state.receiveForward(page: 2, summary(count: 0))
        #expect(verdict.isLast)
        #expect(verdict.followUps == [.probe(page: 2, position: 10, expected: 10, after: 10, before: .max)])
    }

    @Test func verificationCanBeTurnedOff() {
        var state = state(consistency: .none)
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10))
        #expect(state.receiveForward(page: 2, summary(count: 10, first: 15, last: 24)).followUps == [])
    }

    @Test func unorderedPagesAreNotVerified() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10, total: 30, ascending: false))
        #expect(state.receiveForward(page: 2, summary(count: 10, first: 15, last: 24, total: 29)).followUps == [])
    }

    @Test func aProbeThatFindsTheBoundaryRecordEndsTheCheck() {
        let state = state()
        let probe = PaginationState.Job.probe(page: 3, position: 20, expected: 20, after: 20, before: 25)
        #expect(state.receiveProbe(probe, firstKey: 20) == [])
        #expect(state.receiveProbe(probe, firstKey: 22) == [.reread(page: 2, after: 20, before: 25, depth: 1)])
        #expect(state.receiveProbe(probe, firstKey: nil) == [.reread(page: 2, after: 20, before: 25, depth: 1)])
    }

    @Test func rereadsWalkBackUntilTheGapIsCovered() {
        let state = state()
        let job = PaginationState.Job.reread(page: 3, after: 30, before: 45, depth: 1)
        #expect(
            state.receiveReread(job, summary(count: 10, first: 31, last: 44)) == [
                .reread(page: 2, after: 30, before: 45, depth: 2)
            ])
        #expect(state.receiveReread(job, summary(count: 10, first: 25, last: 40)) == [])
        // However far back the records moved (an empty page: the list shrank past it), the walk goes
        // on to page 1 and ends there.
        let deep = PaginationState.Job.reread(page: 3, after: 30, before: 45, depth: 12)
        #expect(state.receiveReread(deep, summary(count: 0)) == [.reread(page: 2, after: 30, before: 45, depth: 13)])
        let first = PaginationState.Job.reread(page: 1, after: 30, before: 45, depth: 14)
        #expect(state.receiveReread(first, summary(count: 10, first: 46, last: 60)) == [])
    }

    @Test func aRepeatedPageEndsPaging() {
        var state = state()
        _ = state.receiveForward(page: 1, summary(count: 10, first: 1, last: 10))
        let verdict = state.receiveForward(page: 2, summary(count: 10, first: 1, last: 10))
        #expect(verdict.repeatsPrevious)
        #expect(verdict.isLast)
    }

    @Test func pagingHeadersAreRead() {
        // The six headers of the reference, as a server sends them.
        let headers: TrackerHTTPHeaders = [
            "Total-Count": "2500", "pages": "3", "Results-Per-Page": "1000", "Current-Page": "2",
            "First-Link": "https://api.applicant-tracking.com/api/v1/applications?page=1&per_page=1000",
            "Last-Link": "<https://api.applicant-tracking.com/api/v1/applications?page=3&per_page=1000>; rel=\"last\"",
        ]
        let info = TrackerPagingInfo(headers: headers)
        #expect(info.totalCount == 2500)
        #expect(info.pages == 3)
        #expect(info.resultsPerPage == 1000)
        #expect(info.currentPage == 2)
        #expect(info.firstLink == "https://api.applicant-tracking.com/api/v1/applications?page=1&per_page=1000")
        #expect(info.lastLink == "https://api.applicant-tracking.com/api/v1/applications?page=3&per_page=1000")
        #expect(TrackerPagingInfo(headers: ["Total-Count": "lots"]).isEmpty)
    }
}
