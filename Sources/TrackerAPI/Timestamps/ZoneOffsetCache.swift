import Foundation

/// Remembers the account zone's offset for whole local hours in which it does not change.
///
/// An hour is cached only when the offset at its start and at its end agree, so the hours that
/// contain a daylight-saving change (or a half-hour zone's change) are always computed exactly.
struct ZoneOffsetCache {
    private var offsets: [Int: Int] = [:]

    mutating func instant(ofLocalSeconds local: Double, in zone: TimeZone) -> Date {
        let hour = Int((local / 3_600).rounded(.down))
        if let offset = offsets[hour] {
            return Date(timeIntervalSince1970: local - Double(offset))
        }
        let start = TrackerTimestamp.instant(ofLocalSeconds: Double(hour * 3_600), in: zone)
        let end = TrackerTimestamp.instant(ofLocalSeconds: Double(hour * 3_600 + 3_599), in: zone)
        let startOffset = Double(hour * 3_600) - start.timeIntervalSince1970
        let endOffset = Double(hour * 3_600 + 3_599) - end.timeIntervalSince1970
        guard startOffset == endOffset else { return TrackerTimestamp.instant(ofLocalSeconds: local, in: zone) }
        if offsets.count > 4_096 { offsets.removeAll(keepingCapacity: true) }
        offsets[hour] = Int(startOffset)
        return Date(timeIntervalSince1970: local - startOffset)
    }
}
