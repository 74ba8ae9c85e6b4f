/// Something the client saw the server do that the contract marks as uncertain ([model]), noticed
/// at run time so that callers (the coverage matrix, sync reports) can say so.
public struct RMSServerObservation: Sendable, Hashable, CustomStringConvertible {
    /// The kind of behaviour.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The kind's name.
        public let rawValue: String
        /// Creates a kind.
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `pagenum` starts at 0.
        public static let pageBaseZero = Kind(rawValue: "page-base-0")
        /// `pagenum` starts at 1 (page 0 was empty, refused, or the same as page 1).
        public static let pageBaseOne = Kind(rawValue: "page-base-1")
        /// The server served fewer records per page than asked although more followed (a cap).
        public static let pageSizeCapped = Kind(rawValue: "page-size-capped")
        /// `count` is the total number of matches rather than this reply's.
        public static let countIsTotal = Kind(rawValue: "count-is-total")
        /// `count` is the number of results in this reply.
        public static let countIsPage = Kind(rawValue: "count-is-page")
        /// The server repeated a page of records already seen (its last page, past the end).
        public static let repeatedLastPage = Kind(rawValue: "repeated-last-page")
        /// Records outside the `updatedafter`/`updatedbefore` bounds came back.
        public static let timeFilterIgnored = Kind(rawValue: "time-filter-ignored")
        /// A create answered without `recordId`.
        public static let createWithoutRecordID = Kind(rawValue: "create-without-record-id")
        /// `getSettings` is unknown and `getSettingsData` answered instead.
        public static let settingsDataFallback = Kind(rawValue: "settings-data-fallback")
        /// A placement's status id was absent and was found from its name.
        public static let placementStatusByName = Kind(rawValue: "placement-status-by-name")
        /// Status 99 was answered and then a retry succeeded (transient trouble).
        public static let transientStatus99 = Kind(rawValue: "transient-status-99")

        /// The kind's name.
        public var description: String { rawValue }
    }

    /// What was seen.
    public var kind: Kind
    /// The operation (and record type) it was seen on, such as `getRecords X`.
    public var operation: String

    /// `kind on operation`.
    public var description: String { "\(kind) on \(operation)" }
}
