public import Foundation
import Synchronization

/// Tracker's clock as its answers tell it: the HTTP `Date` header of the latest response.
///
/// A mirror's incremental windows end at "now minus a safety lag", and Tracker stamps records with
/// its own clock. If this machine's clock runs ahead of Tracker's, a window can end after records
/// Tracker has not written yet, and the next window starts too late to see them. Comparing the
/// local clock with this reading lets a sync move the window's end back by the difference.
public struct TrackerServerClockReading: Sendable, Hashable {
    /// The `Date` header's instant (whole seconds, rounded down by the server).
    public var serverDate: Date

    /// Creates a reading.
    public init(serverDate: Date) {
        self.serverDate = serverDate
    }
}

/// The latest `Date` header seen, shared by a client's concurrent requests.
final class ServerClockRecorder: Sendable {
    private let latest = Mutex<TrackerServerClockReading?>(nil)

    func record(dateHeader: String?) {
        guard let dateHeader, let date = HTTPDate.parse(dateHeader) else { return }
        latest.withLock { reading in
            // Answers can arrive out of order; keep the latest instant.
            if let current = reading, current.serverDate >= date { return }
            reading = TrackerServerClockReading(serverDate: date)
        }
    }

    var reading: TrackerServerClockReading? { latest.withLock { $0 } }
}

/// The HTTP date format (RFC 9110 §5.6.7, IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The instant an IMF-fixdate names, or `nil` for anything else (the obsolete formats are not
    /// worth guessing at: the reading is advisory).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
            let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3])
        else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = .gmt
        (components.year, components.month, components.day) = (year, month + 1, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        return components.date
    }
}
