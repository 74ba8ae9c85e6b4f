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
