import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// The metadata cache: time to live on an injected clock, shared loads, refresh on a miss,
/// invalidation, and statuses known plus seen.
@Suite struct MetadataCacheTests {
    static let settings = TrackerATSClient.Configuration(
        metadataTimeToLive: .seconds(300), metadataMissRefreshInterval: .seconds(30))

    private func schemaRequests(_ sandbox: RunningSandbox) -> Int {
        sandbox.control.requestLog().filter { $0.path.hasSuffix("/applications/custom_fields_schema") }.count
    }

    @Test func schemasAreKeptForTheirTimeToLive() async throws {
        let clock = ManualClock()
        try await withSandboxClient(configuration: Self.settings, clock: clock) { client, sandbox in
            _ = try await client.metadata.customFieldSchemas()
            clock.advance(by: .seconds(299))
            _ = try await client.metadata.customFieldSchemas()
            #expect(schemaRequests(sandbox) == 1)

            clock.advance(by: .seconds(1))
            _ = try await client.metadata.customFieldSchemas()
            #expect(schemaRequests(sandbox) == 2)

            await client.metadata.invalidate(.customFieldSchemas)
            _ = try await client.metadata.customFieldSchemas()
            #expect(schemaRequests(sandbox) == 3)
            #expect(await client.metadata.loadCount(of: .customFieldSchemas) == 3)
        }
    }

    @Test func concurrentReadersShareOneLoad() async throws {
        try await withSandboxClient(configuration: Self.settings) { client, sandbox in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await client.metadata.customFieldSchemas().applications.definitions.count }
                }
                for try await count in group { #expect(count == sandbox.control.applicationSchema().count) }
            }
            #expect(schemaRequests(sandbox) == 1)
        }
    }

    @Test func anUnknownFieldReloadsTheSchemaOnceTheIntervalHasPassed() async throws {
        let clock = ManualClock()
        try await withSandboxClient(configuration: Self.settings, clock: clock) { client, sandbox in
            _ = try await client.metadata.customFieldSchemas()
            var fields = try await client.api.applications.customFieldsSchema()
            fields.append(.init(fieldName: "shoe_size", displayName: "Shoe size", fieldType: .integer))
            _ = try await client.api.applications.updateCustomFieldsSchema(.init(fields: fields))
            sandbox.control.updateApplication(id: 1) { $0.customFields["shoe_size"] = .string("44") }

            let early = try await client.customFields(ofApplication: "1")
            let guessed = try #require(early.first { $0.name == "shoe_size" })
            #expect(guessed.definition == nil)
            #expect(guessed.value == .text("44"))

            clock.advance(by: .seconds(30))
            let late = try await client.customFields(ofApplication: "1")
            let typed = try #require(late.first { $0.name == "shoe_size" })
            #expect(typed.definition?.type == .integer)
            #expect(typed.value == .integer(44))
            #expect(await client.metadata.loadCount(of: .customFieldSchemas) == 2)
        }
    }

    @Test func statusesAreTheKnownOnesThenThoseSeen() async throws {
        let settings = TrackerATSClient.Configuration(knownStatuses: ["Hired", "Talent Pool", "Hired"])
        try await withSandboxClient(configuration: settings) { client, sandbox in
            #expect(await client.metadata.applicationStatuses() == ["Hired", "Talent Pool"])
            _ = try await client.streamApplications(.all).collect()
            let statuses = await client.metadata.applicationStatuses()
            #expect(Array(statuses.prefix(2)) == ["Hired", "Talent Pool"])
            #expect(Set(statuses) == Set(sandbox.control.applications().map(\.status)).union(["Talent Pool"]))
            #expect(Set(statuses).count == statuses.count)
        }
    }

    @Test func categoriesAndWorkflowAreLoadedAndInvalidated() async throws {
        try await withSandboxClient(configuration: Self.settings) { client, sandbox in
            let snapshot = try await client.metadata.snapshot()
            #expect(snapshot.jobCategories == Set(sandbox.control.jobs().map(\.category)).sorted())
            #expect(snapshot.workflow.actions.contains { $0.type == .tagApp })
            #expect(snapshot.workflow.events.contains(.appStatusUpdated))
            #expect(snapshot.customFieldSchemas.jobs.definitions.count == sandbox.control.jobSchema().count)
            let before = snapshot.workflow.triggers.count

            _ = try await client.api.triggers.create(
                .init(eventType: .appStatusUpdated, actionType: .tagApp, data: ["tag_text": "moved"]))
            #expect(try await client.metadata.workflow().triggers.count == before)
            await client.metadata.invalidate(.workflow)
            #expect(try await client.metadata.workflow().triggers.count == before + 1)
        }
    }
}
