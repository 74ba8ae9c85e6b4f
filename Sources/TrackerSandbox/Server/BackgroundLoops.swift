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

    /// Applies background mutations at the behaviour's `mutationRate` (changes per second), in
    /// ticks of at least 10 ms; the fractional remainder carries over so the long-run rate is exact.
    static func runMutations(_ store: SandboxStore) async {
        await cancelWhenGracefulShutdown {
            var owed = 0.0
            var last = ContinuousClock.now
            while !Task.isCancelled {
                let rate = store.behavior.mutationRate
                guard rate > 0 else {
                    let generation = store.changes.generation
                    await store.changes.wait(after: generation, timeout: .seconds(1))
                    last = .now
                    owed = 0
                    continue
                }
                let tick = Duration.milliseconds(Int64(max(1000 / rate, 10)))
                try? await Task.sleep(for: tick)
                let now = ContinuousClock.now
                owed += (last.duration(to: now)).secondsValue * rate
                last = now
                let count = Int(owed)
                if count > 0 {
                    owed -= Double(count)
                    // The rate is re-checked under the lock, so once a test sets it to 0 through
                    // `updateBehavior`, no mutation from an earlier tick can land afterwards.
                    _ = try? store.mutate { state in
                        guard state.behavior.mutationRate > 0 else { return }
                        _ = state.mutate(count: count)
                    }
                }
            }
        }
    }
}
