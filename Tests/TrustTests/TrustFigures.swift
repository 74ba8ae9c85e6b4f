import Foundation
import Synchronization
import Testing

/// The "Secrets and trust" suite: every test of this target is nested in it, and its trait prints
/// the figures once, after all of them ran, as `RELIABILITY {"suite":"secrets", ...}`.
@Suite(PrintsTrustFigures()) struct SecretsAndTrust {}

/// What the suite checked, added up across its tests.
final class TrustFigures: Sendable {
    struct Counts: Sendable {
        var bytesScanned = 0
        var placesScanned = 0
        var leaks = 0
        var signaturesChecked = 0
        var badDeliveriesRejected = 0
        var resendsAfter401 = 0
        var plainHTTPRefused = 0
        var loopbackAllowed = 0
        var hostileNamesTried = 0
        var escapes = 0
    }

    static let shared = TrustFigures()
    private let counts = Mutex(Counts())

    func add(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }

    var current: Counts { counts.withLock { $0 } }

    /// One line of JSON after the `RELIABILITY ` prefix.
    var line: String {
        let counts = current
        let fields: [(String, Int)] = [
            ("bytes_scanned", counts.bytesScanned), ("places_scanned", counts.placesScanned),
            ("leaks", counts.leaks), ("signatures_checked", counts.signaturesChecked),
            ("bad_deliveries_rejected", counts.badDeliveriesRejected),
            ("resends_after_401", counts.resendsAfter401), ("plain_http_refused", counts.plainHTTPRefused),
            ("loopback_allowed", counts.loopbackAllowed), ("hostile_names_tried", counts.hostileNamesTried),
            ("escapes", counts.escapes),
        ]
        return #"RELIABILITY {"suite":"secrets","# + fields.map { #""\#($0.0)":\#($0.1)"# }.joined(separator: ",") + "}"
    }
}

/// Prints the figures after the whole suite has run (the trait is not recursive, so its scope
/// wraps the suite once, around all of its tests).
struct PrintsTrustFigures: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await function()
        print(TrustFigures.shared.line)
        fflush(nil)
    }
}
