import Foundation
import Synchronization
import TrackerSandbox

@testable import TrackerAPI

/// One call of the public API and the real answer the sandbox gave to it.
struct WireSample: Sendable {
    /// A short name, such as `applications-page`.
    var name: String
    /// The call, made again against replayed (mutated) answers. Returns how many records it read.
    var call: @Sendable (TrackerAPI) async throws -> Int
    /// The sandbox's answer.
    var status: Int
    var headers: TrackerHTTPHeaders
    var body: Data
}

/// Real sandbox answers for every resource the client decodes, captured once per test process.
enum WireCorpus {
    private static let loading = Mutex<Task<[WireSample], any Error>?>(nil)

    /// The samples (captured on first use).
    static func samples() async throws -> [WireSample] {
        let task = loading.withLock { task in
            if let task { return task }
            let started = Task { try await capture() }
            task = started
            return started
        }
        return try await task.value
    }

    /// The calls, each with the public API method that decodes its resource.
    static let calls: [(String, @Sendable (TrackerAPI) async throws -> Int)] = [
        ("jobs-page", { api in try await firstPage(api.jobs.pages(.init(pageSize: 4))) }),
        ("applications-page", { api in try await firstPage(api.applications.pages(.init(pageSize: 4))) }),
        ("notes-page", { api in try await firstPage(api.notes.pages(.init(pageSize: 4))) }),
        ("files-page", { api in try await firstPage(api.files.pages(.init(pageSize: 4))) }),
        (
            "job",
            { api in
                _ = try await api.jobs.get(2)
                return 1
            }
        ),
        (
            "application",
            { api in
                _ = try await api.applications.get(5)
                return 1
            }
        ),
        ("job-custom-fields-schema", { api in try await api.jobs.customFieldsSchema().count }),
        ("application-custom-fields-schema", { api in try await api.applications.customFieldsSchema().count }),
        ("action-catalogue", { api in try await api.workflow.actionCatalogue().count }),
        ("event-types", { api in try await api.workflow.eventTypes().count }),
        (
            "action-created",
            { api in
                _ = try await api.actions.create(.init(type: .tagApp, data: ["app_id": 1, "tag_text": "fuzz"]))
                return 1
            }
        ),
        (
            "action",
            { api in
                _ = try await api.actions.get(1)
                return 1
            }
        ),
        (
            "webhook-registered",
            { api in
                _ = try await api.webhooks.register(.init(url: "http://127.0.0.1:9/hook", event: .applicantNew))
                return 1
            }
        ),
        ("webhooks", { api in try await api.webhooks.list().count }),
        (
            "trigger-created",
            { api in
                _ = try await api.triggers.create(
                    .init(eventType: .applicantNew, actionType: .tagApp, data: ["tag_text": "new"]))
                return 1
            }
        ),
        ("triggers", { api in try await api.triggers.list().count }),
        ("users", { api in try await api.users.list().count }),
        (
            "error-not-found",
            { api in
                _ = try await api.jobs.get(987_654)
                return 1
            }
        ),
    ]

    private static func firstPage<Record>(_ pages: TrackerPageSequence<Record>) async throws -> Int {
        var count = 0
        var seen = 0
        // At most three pages: replayed headers may claim any number of them.
        for try await page in pages {
            count += page.records.count
            seen += 1
            if seen == 3 { break }
        }
        return count
    }

    private static func capture() async throws -> [WireSample] {
        var settings = SandboxConfiguration(seed: 8, jobCount: 6, applicationCount: 40)
        settings.behavior.timeZone = TimeZone(identifier: "America/Chicago") ?? .gmt
        settings.behavior.timestampMode = .naiveLocal
        return try await withTrackerSandbox(settings) { sandbox in
            let recorder = RecordingTransport(
                base: HTTPClientTransport(connectTimeout: .seconds(5), maximumConnections: 2))
            let configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: settings.behavior.timeZone)
            let api = try TrackerAPI(configuration: configuration, transport: recorder, clock: ContinuousClock())
            var samples: [WireSample] = []
            for (name, call) in calls {
                do {
                    _ = try await call(api)
                } catch let error as TrackerAPIError where error.code == .notFound {
                    // The error body is the sample.
                }
                guard let exchange = recorder.last else { continue }
                var headers = exchange.headers
                if name.hasSuffix("-page"), case .array(let records) = try TrackerJSON.parse(exchange.body) {
                    // Replayed for every page asked for, the page must say it is the only one.
                    headers.replaceOrAdd(name: "Pages", value: "1")
                    headers.replaceOrAdd(name: "Total-Count", value: String(records.count))
                }
                samples.append(
                    WireSample(name: name, call: call, status: exchange.status, headers: headers, body: exchange.body))
            }
            try await api.shutdown()
            return samples
        }
    }
}
