internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1
internal import ServiceLifecycle
internal import Synchronization

/// Sends queued webhook deliveries: `POST` of the exact body with `Content-Type: application/json`
/// and the two signature headers, `X-Hub-Signature` and `X-ATS-Signature`. A delivery counts only when the receiver answers 200 or 201 (as Tracker
/// documents); otherwise it is re-sent after `webhookRetryBackoff`, doubling each time, until
/// `webhookMaximumAttempts` attempts were made. Deliveries go only to the subscribed URL.
enum WebhookDeliverer {
    private struct Job: Sendable {
        var id: Int
        var url: String
        var body: String
        var signature: String
        var hubSignature: String
        var event: String
    }

    /// At most this many deliveries are attempted at once, so a storm of events aimed at a dead
    /// receiver cannot open an unbounded number of connections.
    static let maximumConcurrentAttempts = 16

    static func run(_ store: SandboxStore, client: HTTPClient = .shared) async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let generation = store.changes.generation
                let jobs = takeDueJobs(store)
                if !jobs.isEmpty {
                    await withTaskGroup(of: Void.self) { group in
                        for job in jobs {
                            group.addTask { await attempt(job, store: store, client: client) }
                        }
                    }
                    continue
                }
                let next = store.read { state in
                    state.workflow.deliveryDue.filter { !state.workflow.deliveriesInFlight.contains($0.key) }.values
                        .min()
                }
                let wait = next.map { ContinuousClock.now.duration(to: $0) } ?? .seconds(60)
                await store.changes.wait(after: generation, timeout: max(wait, .milliseconds(1)))
            }
        }
    }

    private static func takeDueJobs(_ store: SandboxStore) -> [Job] {
        let now = ContinuousClock.now
        return store.data.withLock { state in
            var jobs: [Job] = []
            for (id, due) in state.workflow.deliveryDue.sorted(by: { $0.key < $1.key })
            where due <= now && !state.workflow.deliveriesInFlight.contains(id)
                && jobs.count < maximumConcurrentAttempts
            {
                let delivery = state.workflow.deliveries[id - 1]
                state.workflow.deliveriesInFlight.insert(id)
                jobs.append(
                    Job(
                        id: id, url: delivery.url, body: delivery.body, signature: delivery.signature,
                        hubSignature: delivery.hubSignature, event: delivery.event)
                )
            }
            return jobs
        }
    }

    private static func attempt(_ job: Job, store: SandboxStore, client: HTTPClient) async {
        var request = HTTPClientRequest(url: job.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "X-Hub-Signature", value: job.hubSignature)
        request.headers.add(name: "X-ATS-Signature", value: job.signature)
        request.headers.add(name: "X-ATS-Event", value: job.event)
        request.headers.add(name: "User-Agent", value: "TrackerSandbox-Webhooks/1")
        request.body = .bytes(Array(job.body.utf8))
        var status = 0
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            status = Int(response.status.code)
            _ = try? await response.body.collect(upTo: 1 << 20)
        } catch {
            status = 0
        }
        let maximumAttempts = store.configuration.webhookMaximumAttempts
        let backoff = store.configuration.webhookRetryBackoff
        _ = try? store.mutate { state in
            state.workflow.deliveriesInFlight.remove(job.id)
            var delivery = state.workflow.deliveries[job.id - 1]
            delivery.attemptStatuses.append(status)
            if status == 200 || status == 201 {
                delivery.isDelivered = true
                delivery.isFinished = true
            } else if delivery.attemptStatuses.count >= maximumAttempts {
                delivery.isFinished = true
            }
            if delivery.isFinished {
                state.workflow.deliveryDue[job.id] = nil
            } else {
                let exponent = min(delivery.attemptStatuses.count - 1, 16)
                state.workflow.deliveryDue[job.id] = ContinuousClock.now.advanced(by: backoff * (1 << exponent))
            }
            state.workflow.deliveries[job.id - 1] = delivery
        }
    }
}
