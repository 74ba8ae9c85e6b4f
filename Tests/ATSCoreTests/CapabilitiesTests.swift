import ATSCore
import Testing

@Suite struct CapabilitiesTests {
    let capabilities = ATSCapabilities(
        provider: .tracker,
        noteFormat: .plain,
        hasNativeCandidates: false,
        timestampsAreLocalTime: true,
        operations: [
            .streamJobs: .supported,
            .rejectApplication: .limited("status only"),
            .dispositionReasons: .notSupported("no endpoint lists them"),
        ]
    )

    @Test func answersTheNamedFlags() {
        #expect(capabilities.supportsDispositionReasons == false)
        #expect(capabilities.supportsStageEnumeration == false)
    }

    @Test func anUnsupportedOperationYieldsATypedErrorNamingOperationProviderAndReason() throws {
        let error = try #require(capabilities.unsupportedError(for: .dispositionReasons))
        #expect(error.code == .notSupported)
        #expect(error.operation == "dispositionReasons")
        #expect(error.provider == .tracker)
        #expect(error.reason == "no endpoint lists them")
        #expect(error.description.contains("tracker does not support get rejection reasons"))
    }

    @Test func availableOperationsYieldNoError() {
        #expect(capabilities.unsupportedError(for: .streamJobs) == nil)
        #expect(capabilities.unsupportedError(for: .rejectApplication) == nil)
    }

    @Test func unlistedOperationsAreNotSupported() {
        #expect(capabilities.support(for: .resume).isAvailable == false)
    }

    @Test func operationsRoundTripThroughTheirStableNames() {
        for operation in ATSOperation.all {
            let copy = ATSOperation(rawValue: operation.rawValue)
            #expect(copy == operation)
            #expect(copy.group == operation.group)
        }
        #expect(ATSOperation(rawValue: "somethingNew").group == .other)
    }

    @Test func theMatrixListsEveryOperationWithItsSupport() {
        let markdown = CoverageMatrix(providers: [capabilities]).markdown()
        for operation in ATSOperation.all {
            #expect(markdown.contains("(`\(operation.rawValue)`)"))
        }
        #expect(
            markdown.contains(
                "| Get rejection reasons (`dispositionReasons`) | **not supported**: no endpoint lists them |"))
        #expect(markdown.contains("| Reject application (`rejectApplication`) | limited: status only |"))
    }
}
