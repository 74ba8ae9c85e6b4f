public import ATSCore
public import Foundation

/// One record as the sync engine stores it: id, cursor, typed columns and the provider's JSON.
public struct SyncRecord: Hashable, Sendable {
    /// The provider's id, stored in the `id` column.
    public var id: String
    /// The record's update time (the cursor), or nil when the provider sent none.
    public var updatedAt: Date?
    /// The stream's typed columns, by column name (see ``StreamSchema``).
    public var fields: SyncFields
    /// The provider's JSON, stored unchanged.
    public var raw: RawPayload
    /// The record's workflow stage, for streams whose stage changes are recorded in `stage_history`.
    public var stage: String?
    /// Whether ``updatedAt`` may name the wrong one of two instants: a naive local time in the hour
    /// a daylight-saving change repeats. Such a time cannot order versions (a later update can read
    /// earlier), so the store keeps whichever version arrived last instead of the newer-looking one.
    public var updatedAtIsAmbiguous = false

    /// Creates a record.
    public init(
        id: String,
        updatedAt: Date?,
        fields: SyncFields = [:],
        raw: RawPayload,
        stage: String? = nil
    ) {
        self.id = id
        self.updatedAt = updatedAt
        self.fields = fields
        self.raw = raw
        self.stage = stage
    }
}

/// A typed column value.
public enum SyncValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// True or false.
    case boolean(Bool)
    /// An instant, stored as UTC ISO-8601 text (SQLite) or `timestamptz` (PostgreSQL).
    case date(Date)
    /// No value.
    case null
}
