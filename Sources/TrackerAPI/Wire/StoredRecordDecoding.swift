public import Foundation

/// Wire records decoded again from their JSON as it was stored (a mirror's `raw` column), without
/// asking Tracker: what depends on the account's time zone (the instants of naive timestamps) can
/// then be derived anew once the zone is known.
enum StoredRecordDecoding {
    static func decode<Record: WireDecodable>(_ bytes: [UInt8], accountTimeZone: TimeZone?, endpoint: String)
        -> Record?
    {
        guard case .object(let object)? = try? TrackerJSON.parse(Data(bytes)) else { return nil }
        var context = WireContext(endpoint: endpoint, timeZone: accountTimeZone)
        return try? Record(wire: WireObject(fields: object, bytes: bytes), context: &context)
    }
}

extension TrackerJob {
    /// A job decoded from its stored JSON, its naive timestamps placed in `accountTimeZone`.
    /// - Parameters:
    ///   - bytes: The record's JSON as Tracker sent it (``rawJSON``).
    ///   - accountTimeZone: The account's time zone.
    /// - Returns: The job, or nil when the bytes are not a job object with an id.
    public static func decodingStoredJSON(_ bytes: [UInt8], accountTimeZone: TimeZone?) -> TrackerJob? {
        StoredRecordDecoding.decode(bytes, accountTimeZone: accountTimeZone, endpoint: "stored job")
    }
}

extension TrackerApplication {
    /// An application decoded from its stored JSON, its naive timestamps placed in `accountTimeZone`.
    /// - Parameters:
    ///   - bytes: The record's JSON as Tracker sent it (``rawJSON``).
    ///   - accountTimeZone: The account's time zone.
    /// - Returns: The application, or nil when the bytes are not an application object with an id.
    public static func decodingStoredJSON(_ bytes: [UInt8], accountTimeZone: TimeZone?) -> TrackerApplication? {
        StoredRecordDecoding.decode(bytes, accountTimeZone: accountTimeZone, endpoint: "stored application")
    }
}

extension TrackerNote {
    /// A note decoded from its stored JSON, its naive timestamps placed in `accountTimeZone`.
    /// - Parameters:
    ///   - bytes: The record's JSON as Tracker sent it (``rawJSON``).
    ///   - accountTimeZone: The account's time zone.
    /// - Returns: The note, or nil when the bytes are not a note object with an id.
    public static func decodingStoredJSON(_ bytes: [UInt8], accountTimeZone: TimeZone?) -> TrackerNote? {
        StoredRecordDecoding.decode(bytes, accountTimeZone: accountTimeZone, endpoint: "stored note")
    }
}

extension TrackerFile {
    /// A file's metadata decoded from its stored JSON, its naive timestamps placed in `accountTimeZone`.
    /// - Parameters:
    ///   - bytes: The record's JSON as Tracker sent it (``rawJSON``).
    ///   - accountTimeZone: The account's time zone.
    /// - Returns: The file, or nil when the bytes are not a file object with an id.
    public static func decodingStoredJSON(_ bytes: [UInt8], accountTimeZone: TimeZone?) -> TrackerFile? {
        StoredRecordDecoding.decode(bytes, accountTimeZone: accountTimeZone, endpoint: "stored file")
    }
}
