import Synchronization
import Testing

@testable import TrackerAPI

@Suite struct RequestSlotsTests {
    private static func waitUntil(_ condition: () -> Bool) async {
        while !condition() { await Task.yield() }
    }

    @Test func slotsAreHandedOutInArrivalOrder() async throws {
        let slots = RequestSlots(permits: 1)
        try await slots.acquire()
        let order = OrderLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<3 {
                group.addTask {
                    try await slots.acquire()
                    order.append(index)
                    slots.release()
                }
                // Let each waiter queue up before the next one starts.
                await Self.waitUntil { slots.waiterCount == index + 1 }
            }
            slots.release()
            try await group.waitForAll()
        }
        #expect(order.values == [0, 1, 2])
    }

    @Test func aCancelledWaiterLeavesTheQueue() async throws {
        let slots = RequestSlots(permits: 1)
        try await slots.acquire()
        let waiter = Task { try await slots.acquire() }
        await Self.waitUntil { slots.waiterCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        slots.release()
        // The slot went back to the pool, not to the cancelled waiter.
        try await slots.acquire()
    }

    @Test func aHeldSlotIsReturnedOnce() async throws {
        let slots = RequestSlots(permits: 1)
        try await slots.acquire()
        let held = HeldSlot(slots)
        held.release()
        held.release()
        try await slots.acquire()
        let extra = Task { try await slots.acquire() }
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
