internal import Foundation
internal import ServiceLifecycle

/// The sandbox's background work: running due actions, background mutations. Each loop ends on
/// task cancellation or graceful shutdown. (Webhook deliveries: see `WebhookDeliverer`.)
enum BackgroundLoops {
    /// Runs workflow actions when they fall due on the sandbox clock (automatic mode only).
    ///
    /// It sleeps until the next due time, at most 250 ms at a time because the sandbox clock may be
    /// a manual clock that a test advances, and wakes early whenever the state changes (an action
    /// was queued).
    static func runActions(_ store: SandboxStore) async {
        guard store.configuration.actionExecution == .automatic else { return }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let generation = store.changes.generation
                _ = store.runPendingActions(dueBy: store.configuration.clock.now())
                let next = store.read { $0.nextActionDue }
                let wait: Duration
                if let next {
                    let seconds = next.timeIntervalSince(store.configuration.clock.now())
                    wait = .milliseconds(Int64(min(max(seconds * 1000, 1), 250)))
                } else {
                    wait = .seconds(60)
                }
                await store.changes.wait(after: generation, timeout: wait)
            }
        }
    }

    /// Makes the background changes of the behaviour's `mutationRate` as they fall due on the
    /// sandbox clock (``MutationSchedule``), looking every 10 ms or so while the rate is above 0.
    ///
    /// The loop only decides *when* someone looks: how many changes are made, and which, follows
    /// from the sandbox clock and the seed alone. Requests and a ``SandboxAdvancingClock`` make
    /// the due changes too, so with a ``ManualSandboxClock`` they land where the clock moved, not
    /// whenever this loop happens to wake.
    static func runMutations(_ store: SandboxStore) async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let rate = store.behavior.mutationRate
                guard rate > 0 else {
                    let generation = store.changes.generation
                    await store.changes.wait(after: generation, timeout: .seconds(1))
                    continue
                }
                try? await Task.sleep(for: .milliseconds(Int64(min(max(1000 / rate, 10), 250))))
                store.makeDueMutations()
            }
        }
    }
}
