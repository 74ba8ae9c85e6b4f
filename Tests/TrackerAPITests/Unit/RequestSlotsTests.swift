import Synchronization
import Testing

@testable import TrackerAPI

@Suite struct RequestSlotsTests {
    private static func waitUntil(_ condition: () -> Bool) async {
        while !condition() { await Task.yield() }
    }

    @Test func ticketsAreServedInIssueOrderWhateverOrderTheyArriveIn() async throws {
        let slots = RequestSlots(permits: 1)
        let first = slots.ticket()
        try await slots.acquire(first)
        let tickets = (0..<3).map { _ in slots.ticket() }
        let order = OrderLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // The last ticket arrives first, the first one last.
            for (index, ticket) in tickets.enumerated().reversed() {
                group.addTask {
                    try await slots.acquire(ticket)
                    order.append(index)
                    slots.release()
                }
                await Self.waitUntil { slots.waiterCount == tickets.count - index }
            }
            slots.release()
            try await group.waitForAll()
        }
        #expect(order.values == [0, 1, 2])
    }

    @Test func aCancelledTicketDoesNotHoldUpLaterOnes() async throws {
        let slots = RequestSlots(permits: 1)
        try await slots.acquire(slots.ticket())
        let skipped = slots.ticket()
        let later = slots.ticket()
        let waiter = Task { try await slots.acquire(skipped) }
        await Self.waitUntil { slots.waiterCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        slots.release()
        try await slots.acquire(later)
    }

    @Test func aTicketCancelledBeforeItArrivesIsSkipped() async throws {
        let slots = RequestSlots(permits: 1)
        let skipped = slots.ticket()
        let later = slots.ticket()
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await slots.acquire(skipped)
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        try await slots.acquire(later)
    }

    @Test func aHeldSlotIsReturnedOnce() async throws {
        let slots = RequestSlots(permits: 1)
        try await slots.acquire(slots.ticket())
        let held = HeldSlot(slots)
        held.release()
        held.release()
        try await slots.acquire(slots.ticket())
        let extra = Task { [ticket = slots.ticket()] in try await slots.acquire(ticket) }
        await Self.waitUntil { slots.waiterCount == 1 }
        extra.cancel()
        await #expect(throws: CancellationError.self) { try await extra.value }
    }
}

private final class OrderLog: Sendable {
    private let storage = Mutex<[Int]>([])
    var values: [Int] { storage.withLock { $0 } }
    func append(_ value: Int) { storage.withLock { $0.append(value) } }
}
