import Testing

@testable import TrackerAPI

/// The client-wide window as a state machine: fair turns between lanes, and a size that halves on
/// 429 once per congestion event and grows back on answers.
@Suite struct RequestWindowTests {
    private let deep: UInt64 = 1
    private let shallow: UInt64 = 2

    @Test func lanesTakeTurnsSoADeepQueueDoesNotStarveAShallowOne() {
        var window = RequestWindow(maximum: 1)
        for ticket in 0..<8 { window.enqueue(ticket: UInt64(ticket), lane: deep) }
        window.enqueue(ticket: 100, lane: shallow)
        window.enqueue(ticket: 101, lane: shallow)
        var order: [UInt64] = []
        while let grant = window.grant().first {
            order.append(grant.ticket)
            window.finish(grant, .answered)
        }
        // One FIFO would serve all eight of the deep lane first; turns alternate instead.
        #expect(order == [0, 100, 1, 101, 2, 3, 4, 5, 6, 7])
    }

    @Test func aLaneThatStartsWaitingLaterJoinsTheRotationAtOnce() throws {
        var window = RequestWindow(maximum: 1)
        for ticket in 0..<4 { window.enqueue(ticket: UInt64(ticket), lane: deep) }
        let first = try #require(window.grant().first)
        window.enqueue(ticket: 100, lane: shallow)
        window.finish(first, .answered)
        let granted = window.grant().map(\.ticket)
        // The deep lane had its turn queued before the newcomer arrived; the newcomer is next.
        #expect(granted == [1])
        window.finish(RequestWindow.Grant(ticket: 1, reductions: 0), .answered)
        #expect(window.grant().map(\.ticket) == [100])
    }

    @Test func noMoreThanTheWindowIsEverInFlight() {
        var window = RequestWindow(maximum: 3)
        for ticket in 0..<10 { window.enqueue(ticket: UInt64(ticket), lane: UInt64(ticket % 4)) }
        let granted = window.grant()
        #expect(granted.count == 3)
        #expect(window.grant().isEmpty)
        window.finish(granted[0], .answered)
        #expect(window.grant().count == 1)
        #expect(window.inFlight == 3)
        #expect(window.peakInFlight == 3)
    }

    @Test func a429HalvesTheWindowOncePerCongestionEvent() throws {
        var window = RequestWindow(maximum: 8)
        for ticket in 0..<8 { window.enqueue(ticket: UInt64(ticket), lane: deep) }
        let granted = window.grant()
        #expect(granted.count == 8)
        // All eight were sent into the same overload: the first 429 halves, the rest do not.
        for grant in granted { window.finish(grant, .rateLimited) }
        #expect(window.capacity == 4)
        #expect(window.reductions == 1)
        // A request sent after the halving that is refused again halves again.
        window.enqueue(ticket: 20, lane: deep)
        let later = try #require(window.grant().first)
        window.finish(later, .rateLimited)
        #expect(window.capacity == 2)
    }

    @Test func theWindowNeverClosesAndGrowsBackSlowly() throws {
        var window = RequestWindow(maximum: 4)
        for round in 0..<6 {
            window.enqueue(ticket: UInt64(round), lane: deep)
            let grant = try #require(window.grant().first)
            window.finish(grant, .rateLimited)
        }
        #expect(window.capacity == 1)
        var answers = 0
        while window.capacity < 4 {
            window.enqueue(ticket: UInt64(100 + answers), lane: deep)
            let grant = try #require(window.grant().first)
            window.finish(grant, .answered)
            answers += 1
        }
        // Additive increase: about one request more per window's worth of answers (1 + 2 + 3).
        #expect((5...7).contains(answers))
        for extra in 0..<50 {
            window.enqueue(ticket: UInt64(1_000 + extra), lane: deep)
            for grant in window.grant() { window.finish(grant, .answered) }
        }
        #expect(window.capacity == 4)
    }

    @Test func failuresWithoutAnAnswerLeaveTheWindowAlone() throws {
        var window = RequestWindow(maximum: 4)
        window.enqueue(ticket: 0, lane: deep)
        let grant = try #require(window.grant().first)
        window.finish(grant, .failed)
        #expect(window.capacity == 4)
        #expect(window.inFlight == 0)
    }

    @Test func aRemovedTicketIsNeverGranted() {
        var window = RequestWindow(maximum: 1)
        window.enqueue(ticket: 0, lane: deep)
        window.enqueue(ticket: 1, lane: shallow)
        let removed = window.remove(ticket: 0, lane: deep)
        let removedAgain = window.remove(ticket: 0, lane: deep)
        #expect(removed)
        #expect(!removedAgain)
        #expect(window.grant().map(\.ticket) == [1])
        #expect(window.waitingCount == 0)
    }
}
