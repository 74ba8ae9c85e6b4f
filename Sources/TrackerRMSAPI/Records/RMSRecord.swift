/// One result of `getRecords` or `getIndividualRecord`, as the server sent it, with tolerant
/// accessors: `details` as an object (or an array of objects, merged), custom fields as
/// `[{id, name, value}]`, keys matched whatever their casing.
public struct RMSRecord: Sendable, Hashable {
    /// The whole result object.
    public var raw: RMSJSON

    /// Wraps a result.
    /// - Parameter raw: The result object.
    public init(raw: RMSJSON) {
        self.raw = raw
    }

    /// `id` (or `recordid`), a number or a string.
    public var id: RMSRecordID? { RMSRecordID(json: raw.firstMember("id", "recordid", "recordId")) }
    /// `name` as listed (for opportunities prefixed like `JOB-1034 Java Programmer`).
    public var name: String? { raw.member("name")?.scalarText }
    /// `company`.
    public var company: String? { raw.member("company")?.scalarText }
    /// `status`, the account's status name.
    public var status: String? { raw.member("status")?.scalarText }
    /// `dateopened`.
    public var dateOpened: String? { raw.member("dateopened")?.scalarText }
    /// `text`, when the server sends it.
    public var text: String? { raw.member("text")?.scalarText }

    /// `details` as one object: an object as sent, an array of objects merged in order, else empty.
    public var details: RMSJSON {
        switch raw.member("details") {
        case .object(let members)?: return .object(members)
        case .array(let elements)?:
            var merged: [String: RMSJSON] = [:]
            for case .object(let members) in elements {
                merged.merge(members) { _, later in later }
            }
            return .object(merged)
        default: return .object([:])
        }
    }

    /// A field from `details` first, then from the result itself, under any of several spellings.
    /// - Parameter keys: The spellings, in order of preference.
    /// - Returns: The first present, non-null value.
    public func field(_ keys: String...) -> RMSJSON? {
        let details = details
        for key in keys {
            if let value = details.member(key), !value.isNull { return value }
        }
        for key in keys {
            if let value = raw.member(key), !value.isNull { return value }
        }
        return nil
    }

    /// A text field from `details` or the result.
    /// - Parameter keys: The spellings.
    /// - Returns: The text, `nil` when absent or empty.
    public func text(_ keys: String...) -> String? {
        for key in keys {
            if let value = field(key)?.scalarText, !value.isEmpty { return value }
        }
        return nil
    }

    /// `customfields` (when asked for with `includecustomfields`).
    public var customFields: [RMSCustomFieldValue] {
        guard
            case .array(let elements)? = raw.firstMember("customfields", "customFields")
                ?? details.member("customfields")
        else { return [] }
        return elements.compactMap { element in
            guard let id = RMSRecordID(json: element.firstMember("id", "fieldid")) else { return nil }
            return RMSCustomFieldValue(
                id: id, name: element.member("name")?.scalarText, value: element.member("value")?.scalarText ?? "")
        }
    }

    /// The update time: `details.lastupdated` (activities: `lastupdateddatetime`), else either key at
    /// the result level.
    public var lastUpdatedText: String? {
        text("lastupdated", "lastupdateddatetime", "lastUpdated", "dateupdated")
    }
}

/// A custom field's value on a record: written as `{id, value}`, read back as `{id, name, value}`.
/// Values are always strings on the wire, numbers and ids included.
public struct RMSCustomFieldValue: Sendable, Hashable {
    /// The field's id (from the settings' `customFields`).
    public var id: RMSRecordID
    /// The field's name, when the server sends it.
    public var name: String?
    /// The value as text.
    public var value: String

    /// Creates a value.
    /// - Parameters:
    ///   - id: The field id.
    ///   - name: The name, if known.
    ///   - value: The value as text.
    public init(id: RMSRecordID, name: String? = nil, value: String) {
        self.id = id
        self.name = name
        self.value = value
    }

    var json: RMSJSON { .object(["id": id.json, "value": .string(value)]) }
}

/// A record type that can be read from a `getRecords` result.
public protocol RMSRecordDecodable: Sendable {
    /// The record type letter to ask for.
    static var recordType: RMSRecordType { get }
    /// Reads a result; `nil` when it has no id.
    /// - Parameters:
    ///   - record: The result.
    ///   - time: The account's clock, for date-times.
    init?(record: RMSRecord, time: RMSAccountTime)
    /// The record's id.
    var id: RMSRecordID { get }
    /// The record's update time, if the server sent one.
    var lastUpdated: RMSTimestamp? { get }
}
