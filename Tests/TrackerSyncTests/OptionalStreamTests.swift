import ATSTestSupport
import ATSSync
import Foundation
import Testing
import TrackerSandbox
import TrackerSync

/// A sync never fails because an optional stream's endpoint is missing (an endpoint Tracker does not document may be missing; "Optional
/// endpoints"): the custom-field schemas are skipped, said so in the report, and kept as stored.
@Suite struct OptionalStreamTests {
    @Test(arguments: StoreKind.available, [SandboxModelEndpoints.missingJSON, .missingHTML])
    func aServerWithoutSchemasIsMirroredAndTheSchemasAreSkipped(kind: StoreKind, mode: SandboxModelEndpoints)
        async throws
    {
        let missing: (inout SandboxConfiguration) -> Void = { $0.behavior.modelEndpoints = mode }
        try await withMirror(kind, configure: missing) { harness in
            let report = try await harness.sync()
            let schemas = try #require(report.streams.first { $0.stream == .customFieldSchemas })
            #expect(schemas.isSkipped && !schemas.completed)
            #expect(schemas.skipReason?.contains("GET /applications/custom_fields_schema") == true)
            #expect(report.streams.filter { $0.stream != .customFieldSchemas }.allSatisfy { $0.completed })
            try await GroundTruthCheck(harness: harness).expectMirrorEqualsGroundTruth()
            #expect(try await GroundTruthCheck(harness: harness).liveRows(.customFieldSchemas).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func schemasStoredEarlierAreKeptWhenTheEndpointGoesMissing(kind: StoreKind) async throws {
        try await withMirror(kind) { harness in
            try await harness.sync()
            let stored = try await GroundTruthCheck(harness: harness).liveRows(.customFieldSchemas)
            #expect(!stored.isEmpty)
            try harness.sandbox.control.updateBehavior { $0.modelEndpoints = .missingJSON }
            let report = try await harness.sync(full: true)
            #expect(report.streams.first { $0.stream == .customFieldSchemas }?.isSkipped == true)
            let after = try await GroundTruthCheck(harness: harness).liveRows(.customFieldSchemas)
            #expect(Set(after.keys) == Set(stored.keys))
            try harness.sandbox.control.updateBehavior { $0.modelEndpoints = .present }
            let back = try await harness.sync()
            #expect(back.streams.first { $0.stream == .customFieldSchemas }?.completed == true)
        }
    }
}
