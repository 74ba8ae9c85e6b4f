import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Delivers candidate events to the matching subscriptions: the candidate as it is when the
/// request is sent (the bare full record), signed with `X-Workable-Signature` = lower-case hex
/// HMAC-SHA256 of the body keyed with the token; up to three attempts, only a 200 counts.
enum Deliverer {
    static func run(_ store: WorkableSandboxStore) async {
        for await event in store.events {
            let targets = store.state.withLock { state -> [SandboxSubscription] in
                guard let candidate = state.candidate(event.candidateID) else { return [] }
                return state.subscriptions.filter { subscription in
                    subscription.event == event.event
                        && (subscription.jobShortcode.isEmpty || subscription.jobShortcode == candidate.shortcode)
                        && (subscription.stageSlug.isEmpty || subscription.stageSlug == candidate.stageSlug)
                }
            }
            for subscription in targets {
                await deliver(event, to: subscription, store: store)
            }
        }
    }

    private static func deliver(
        _ event: SandboxEvent, to subscription: SandboxSubscription, store: WorkableSandboxStore
    )
        async
    {
        let pauses = store.configuration.deliveryPauses
        for attempt in 1...(pauses.count + 1) {
            guard let body = body(for: event.candidateID, store: store) else { return }
            var request = HTTPClientRequest(url: subscription.target)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "X-Workable-Signature", value: signature(body, key: store.configuration.token))
            request.body = .bytes(ByteBuffer(bytes: body))
            var status: Int?
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
                status = Int(response.status.code)
                _ = try? await response.body.collect(upTo: 64 * 1024)
            } catch {
                status = nil
            }
            store.deliveries.withLock {
                $0.append(
                    WorkableSandboxDelivery(
                        subscriptionID: subscription.id, event: event.event, candidateID: event.candidateID,
                        attempt: attempt, status: status))
            }
            if status == 200 || attempt > pauses.count { return }
            try? await Task.sleep(for: pauses[attempt - 1])
        }
    }

    static func body(for candidateID: String, store: WorkableSandboxStore) -> [UInt8]? {
        let snapshot = store.state.withLock { $0 }
        guard let candidate = snapshot.candidate(candidateID) else { return nil }
        return SandboxAPI(store: store).fullCandidate(candidate, snapshot).bytes
    }

    static func signature(_ body: [UInt8], key: String) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }
}
