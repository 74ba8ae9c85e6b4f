import ATSCore
import ATSSync
import Benchmark
import Foundation

/// Comparing a stored row's JSON with the provider's when the bytes differ but the update time does
/// not: a mirror written with sorted keys by an earlier release, or a provider that reorders keys.
/// The comparison now used (``JSONEquivalence``) against the `JSONSerialization` round trip it
/// replaced, on the 1000 fixture applications, each against its sorted-key text.
func jsonEquivalenceBenchmarks() {
    Benchmark("Compare 1000 reordered applications as JSON (JSONEquivalence)") { benchmark in
        let pairs = try await reorderedPairs()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (stored, sent) in pairs { blackHole(JSONEquivalence.same(stored, sent)) }
        }
    }

    Benchmark("Compare 1000 reordered applications through JSONSerialization (before)") { benchmark in
        let pairs = try await reorderedPairs()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            for (stored, sent) in pairs { blackHole(foundationRoundTripSame(stored, sent)) }
        }
    }
}

/// Each fixture application's bytes as sent, with the same record's JSON written with sorted keys.
private func reorderedPairs() async throws -> [([UInt8], [UInt8])] {
    let fixture = try await Fixture.load()
    return try fixture.records.map { record in
        let value = try JSONSerialization.jsonObject(with: Data(record.raw.bytes))
        let sorted = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return (Array(sorted), record.raw.bytes)
    }
}

/// The comparison the stores used before: both texts parsed and written again with sorted keys.
private func foundationRoundTripSame(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    func canonical(_ text: [UInt8]) -> Data? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed]) else {
            return nil
        }
        return try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    }
    if lhs == rhs { return true }
    guard let left = canonical(lhs), let right = canonical(rhs) else { return false }
    return left == right
}
