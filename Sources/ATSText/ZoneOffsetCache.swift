public import Foundation

/// Turns wall-clock times of one time zone into instants, remembering the zone's offset for whole
/// local hours in which it does not change.
///
/// Reading many naive local timestamps (a provider that answers in the account's local time) asks
/// the time zone database for an offset twice per value; most values of a batch fall into a few
/// hundred hours. An hour is cached only when the offset at its start and at its end agree, so the
/// hours that contain a daylight-saving change (or a half-hour zone's change) are always computed
/// exactly: the cache never changes an answer. Use one cache per time zone.
public struct ZoneOffsetCache: Sendable {
    private var offsets: [Int: Int] = [:]

    /// An empty cache.
    public init() {}

    /// The instant of a wall-clock time, as ``instant(ofLocalSeconds:in:)-swift.type.method`` gives
    /// it, from the cache when the hour is known.
    /// - Parameters:
    ///   - local: Seconds since 1970-01-01T00:00:00 read on the wall clock of `zone`.
    ///   - zone: The time zone; the same for every call on one cache.
    /// - Returns: The instant.
    public mutating func instant(ofLocalSeconds local: Double, in zone: TimeZone) -> Date {
        let hour = Int((local / 3_600).rounded(.down))
        if let offset = offsets[hour] {
            return Date(timeIntervalSince1970: local - Double(offset))
        }
        let start = Self.instant(ofLocalSeconds: Double(hour * 3_600), in: zone)
        let end = Self.instant(ofLocalSeconds: Double(hour * 3_600 + 3_599), in: zone)
        let startOffset = Double(hour * 3_600) - start.timeIntervalSince1970
        let endOffset = Double(hour * 3_600 + 3_599) - end.timeIntervalSince1970
        guard startOffset == endOffset else { return Self.instant(ofLocalSeconds: local, in: zone) }
        if offsets.count > 4_096 { offsets.removeAll(keepingCapacity: true) }
        offsets[hour] = Int(startOffset)
        return Date(timeIntervalSince1970: local - startOffset)
    }

    /// The instant of a wall-clock time in `zone`, without a cache.
    ///
    /// Two passes settle the offset near a daylight-saving change. A wall time inside a
    /// spring-forward gap (which names no instant) is read with the offset after the change; one
    /// inside the autumn overlap (which names two) becomes the first of its two instants.
    /// - Parameters:
    ///   - local: Seconds since 1970-01-01T00:00:00 read on the wall clock of `zone`.
    ///   - zone: The time zone.
    /// - Returns: The instant.
    public static func instant(ofLocalSeconds local: Double, in zone: TimeZone) -> Date {
        let firstGuess = local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: firstGuess))
        return Date(timeIntervalSince1970: local - Double(offset))
    }
}
