import ATSCore
import Testing
import TrackerRMSATS

/// The capabilities `ats coverage` shows for Tracker RMS.
@Suite struct CapabilitiesTests {
    @Test func everyOperationIsListedAndEveryGapHasTheProvidersReason() {
        for capabilities in [
            ATSCapabilities.trackerRMS,
            .trackerRMS(placementListing: .complete, hasRESTToken: true),
            .trackerRMS(placementListing: .listOnly, hasRESTToken: false),
        ] {
            #expect(capabilities.provider == ATSProvider(rawValue: "tracker-rms"))
            #expect(capabilities.timestampsAreLocalTime)
            #expect(capabilities.hasNativeCandidates)
            #expect(capabilities.supportsStageEnumeration)
            for operation in ATSOperation.all {
                #expect(capabilities.operations[operation] != nil, "\(operation) is listed")
                if case .notSupported(let reason) = capabilities.support(for: operation) {
                    #expect(!reason.contains("does not implement"), "\(operation): \(reason)")
                }
            }
        }
    }
}
