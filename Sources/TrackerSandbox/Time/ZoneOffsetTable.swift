internal import Foundation

/// The UTC offsets of one IANA time zone, precomputed as a sorted list of transitions.
///
/// Asking `TimeZone` for an offset goes through ICU and costs about a microsecond; a page of 5000
/// applications has 15,000 timestamps. The table answers with a binary search over a few dozen
/// transitions and falls back to `TimeZone` outside the years it covers.
struct ZoneOffsetTable: Sendable {
    let timeZone: TimeZone
    /// `transitions[i]` is the first epoch second at which `offsets[i + 1]` applies.
    private let transitions: [Int64]
    private let offsets: [Int32]
    private let lowerBound: Int64
    private let upperBound: Int64

    /// Builds the table for the years around `anchor` (ten back, three ahead).
    init(timeZone: TimeZone, around anchor: Int64) {
        self.timeZone = timeZone
        let lower = anchor - 10 * 366 * CivilTime.secondsPerDay
        let upper = anchor + 3 * 366 * CivilTime.secondsPerDay
        var transitions: [Int64] = []
        var offsets: [Int32] = [Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(lower))))]
        var cursor = Date(timeIntervalSince1970: Double(lower))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince1970 < Double(upper)
        {
            let epoch = Int64(next.timeIntervalSince1970.rounded(.down))
            let offset = Int32(timeZone.secondsFromGMT(for: next))
            if epoch > (transitions.last ?? Int64.min) && offset != offsets.last {
                transitions.append(epoch)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        self.lowerBound = lower
        self.upperBound = upper
    }

    /// The zone's UTC offset in seconds at an instant.
    func offset(at epoch: Int64) -> Int64 {
        guard epoch >= lowerBound, epoch < upperBound else {
            return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epoch))))
        }
        var low = 0
        var high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid] <= epoch { low = mid + 1 } else { high = mid }
        }
        return Int64(offsets[low])
    }

    /// The instant of a naive wall-clock time in this zone.
    ///
    /// A wall time that occurs twice (the hour repeated when clocks go back) reads as the earlier
    /// instant; one that does not exist (skipped when clocks go forward) reads with the offset in
    /// force before the gap.
    func instant(ofLocal local: Int64) -> Int64 {
        // Transitions are months apart, so the offsets a day either side are the only candidates.
        let early = local - offset(at: local - CivilTime.secondsPerDay)
        let late = local - offset(at: local + CivilTime.secondsPerDay)
        let earlyFits = offset(at: early) == local - early
        let lateFits = offset(at: late) == local - late
        switch (earlyFits, lateFits) {
        case (true, true): return min(early, late)
        case (false, true): return late
        default: return early
        }
    }
}
