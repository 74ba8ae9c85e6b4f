/// A wire model that reads itself from one JSON object of a Tracker response.
protocol WireDecodable: Sendable {
    /// The members the model reads, when pages of it are decoded into slots rather than into a
    /// dictionary per record (see ``WireKeys``); nil to always decode into dictionaries.
    static var wireKeys: WireKeys? { get }

    init(wire: WireObject, context: inout WireContext) throws
}

extension WireDecodable {
    static var wireKeys: WireKeys? { nil }
}

/// A wire model that index endpoints page through.
protocol PageableRecord: WireDecodable {
    /// The numeric id, used to check order and to find records that moved between pages.
    var pagingKey: Int64? { get }
    /// The update time, used to drop records a server returned despite `updated_after`.
    var pagingUpdatedAt: TrackerTimestamp? { get }
}
