/// Something the server was seen to do where Tracker's documentation is silent or uncertain.
///
/// The client adapts to each of these instead of failing, and records it so that people can learn
/// what a real account does (see "Detecting what the server really does" in the reference).
public struct TrackerServerObservation: Sendable, Hashable, CustomStringConvertible {
    /// What kind of behaviour was seen.
    public struct Kind: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        let bit: UInt16
        let name: String

        /// A list filtered with `updated_after` returned records updated before it; the client
        /// dropped them, but the server is not applying the filter.
        public static let updatedAfterIgnored = Kind(bit: 1 << 0, name: "updatedAfterIgnored")
        /// A single-record GET answered with a one-element array.
        public static let singleRecordAsArray = Kind(bit: 1 << 1, name: "singleRecordAsArray")
        /// Ids came as JSON strings.
        public static let stringIDs = Kind(bit: 1 << 2, name: "stringIDs")
        /// Ids came as JSON integers.
        public static let integerIDs = Kind(bit: 1 << 3, name: "integerIDs")
        /// Timestamps came without an offset (naive local time).
        public static let naiveTimestamps = Kind(bit: 1 << 4, name: "naiveTimestamps")
        /// Timestamps came with `Z` or an explicit offset.
        public static let offsetTimestamps = Kind(bit: 1 << 5, name: "offsetTimestamps")
        /// A page was not in ascending id order.
        public static let unorderedPages = Kind(bit: 1 << 6, name: "unorderedPages")
        /// The record set changed while paging, so offsets may have shifted; the client re-read
        /// earlier pages to catch records that moved back.
        public static let pageShift = Kind(bit: 1 << 7, name: "pageShift")
        /// A list response came without the paging headers.
        public static let pagingHeadersMissing = Kind(bit: 1 << 8, name: "pagingHeadersMissing")
        /// The server returned fewer records per page than asked for (a lower maximum).
        public static let pageSizeCapped = Kind(bit: 1 << 9, name: "pageSizeCapped")
        /// A timestamp could not be read; the record keeps the text in its raw JSON.
        public static let unreadableTimestamps = Kind(bit: 1 << 10, name: "unreadableTimestamps")
        /// An endpoint answered 404 as a missing endpoint (``TrackerAPIError/Code-swift.struct/endpointNotFound``):
        /// an undocumented endpoint this account does not have, or a wrong base URL.
        public static let endpointMissing = Kind(bit: 1 << 11, name: "endpointMissing")

        /// Every kind.
        public static let allCases: [Kind] = [
            .updatedAfterIgnored, .singleRecordAsArray, .stringIDs, .integerIDs, .naiveTimestamps,
            .offsetTimestamps, .unorderedPages, .pageShift, .pagingHeadersMissing, .pageSizeCapped,
            .unreadableTimestamps, .endpointMissing,
        ]

        /// The kind's name.
        public var description: String { name }

        /// Kinds are identified by their bit alone.
        /// - Parameter hasher: The hasher.
        public func hash(into hasher: inout Hasher) { hasher.combine(bit) }

        /// Kinds are identified by their bit alone.
        /// - Parameters:
        ///   - lhs: A kind.
        ///   - rhs: Another kind.
        /// - Returns: Whether they are the same kind.
        public static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.bit == rhs.bit }
    }

    /// What was seen.
    public var kind: Kind
    /// The endpoint template where it was seen, such as `GET /applications`.
    public var endpoint: String

    /// Creates an observation.
    /// - Parameters:
    ///   - kind: What was seen.
    ///   - endpoint: The endpoint template.
    public init(kind: Kind, endpoint: String) {
        self.kind = kind
        self.endpoint = endpoint
    }

    /// `kind at endpoint`.
    public var description: String { "\(kind) at \(endpoint)" }
}

/// A cheap set of observation kinds gathered while decoding one response, merged once per page.
struct ObservationBits: Sendable, Equatable {
    private(set) var raw: UInt16 = 0

    mutating func insert(_ kind: TrackerServerObservation.Kind) { raw |= kind.bit }

    func contains(_ kind: TrackerServerObservation.Kind) -> Bool { raw & kind.bit != 0 }

    var kinds: [TrackerServerObservation.Kind] {
        TrackerServerObservation.Kind.allCases.filter { contains($0) }
    }
}
