public import Foundation

/// What to ask `getRecords` for (everything but the record type, which the call names).
///
/// `state` and `onlymyrecords` are always sent explicitly (`""` and `false` by default), because
/// a server could default to open records only, or to the caller's own.
public struct RMSRecordQuery: Sendable, Hashable {
    /// Opportunity states (`state`); ignored for other record types.
    public enum State: String, Sendable, Hashable {
        /// Every opportunity (`""`).
        case all = ""
        /// Open opportunities.
        case open
        /// Won opportunities.
        case won
        /// Closed opportunities.
        case closed
    }

    /// The order of results.
    public enum Order: Sendable, Hashable {
        /// The server's default (ascending id).
        case serverDefault
        /// `sortfield: lastupdateddatetime`, `sortdir: asc` (ties by id).
        case lastUpdatedAscending
        /// `sortfield: lastupdateddatetime`, `sortdir: desc`.
        case lastUpdatedDescending
    }

    /// `state`.
    public var state: State
    /// `searchtext`: a substring of the record's name.
    public var searchText: String
    /// `onlymyrecords`.
    public var onlyMyRecords: Bool
    /// Records updated at or after this instant (`updatedafter`, converted to the account's wall
    /// clock less a one-second margin, or widened when the zone is unknown).
    public var updatedAfter: Date?
    /// Records updated at or before this instant (`updatedbefore`).
    public var updatedBefore: Date?
    /// The order.
    public var order: Order
    /// `includecustomfields`.
    public var includeCustomFields: Bool
    /// Records per page; `nil` uses the configuration's.
    public var pageSize: Int?

    /// Creates a query.
    /// - Parameters:
    ///   - state: `state`.
    ///   - searchText: `searchtext`.
    ///   - onlyMyRecords: `onlymyrecords`.
    ///   - updatedAfter: The lower bound.
    ///   - updatedBefore: The upper bound.
    ///   - order: The order.
    ///   - includeCustomFields: `includecustomfields`.
    ///   - pageSize: Records per page.
    public init(
        state: State = .all, searchText: String = "", onlyMyRecords: Bool = false, updatedAfter: Date? = nil,
        updatedBefore: Date? = nil, order: Order = .serverDefault, includeCustomFields: Bool = false,
        pageSize: Int? = nil
    ) {
        self.state = state
        self.searchText = searchText
        self.onlyMyRecords = onlyMyRecords
        self.updatedAfter = updatedAfter
        self.updatedBefore = updatedBefore
        self.order = order
        self.includeCustomFields = includeCustomFields
        self.pageSize = pageSize
    }

    /// The `instructions` for one page.
    func instructions(type: RMSRecordType, page: Int, pageSize: Int, time: RMSAccountTime) -> (RMSJSON, Bool) {
        var members: [String: RMSJSON] = [
            "recordtype": .string(type.rawValue),
            "state": .string(state.rawValue),
            "searchtext": .string(searchText),
            "onlymyrecords": .bool(onlyMyRecords),
            "numrecords": .integer(Int64(pageSize)),
            "pagenum": .integer(Int64(page)),
            "includecustomfields": .bool(includeCustomFields),
            "updatedafter": .string(""),
            "updatedbefore": .string(""),
        ]
        var widened = false
        if let updatedAfter {
            let filter = time.updatedAfter(updatedAfter)
            members["updatedafter"] = .string(filter.text)
            widened = widened || filter.isWidened
        }
        if let updatedBefore {
            let filter = time.updatedBefore(updatedBefore)
            members["updatedbefore"] = .string(filter.text)
            widened = widened || filter.isWidened
        }
        switch order {
        case .serverDefault: break
        case .lastUpdatedAscending:
            members["sortfield"] = .string("lastupdateddatetime")
            members["sortdir"] = .string("asc")
        case .lastUpdatedDescending:
            members["sortfield"] = .string("lastupdateddatetime")
            members["sortdir"] = .string("desc")
        }
        return (.object(members), widened)
    }
}
