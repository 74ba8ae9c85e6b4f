/// A Tracker RMS record id, kept as text.
///
/// The server sends ids as numbers in results and as strings in several payloads (the vendor's
/// own samples send `"opportunityid": "2482"`); both decode to the same id, and ids are printed
/// as strings. `0` and the empty string mean "no record" and decode to `nil`.
public struct RMSRecordID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The id as text, such as `"2482"`.
    public let rawValue: String

    /// Creates an id from its text.
    /// - Parameter rawValue: The id's text.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an id from a number.
    /// - Parameter value: The id.
    public init(_ value: Int64) { self.rawValue = String(value) }

    /// Creates an id from an integer literal.
    /// - Parameter value: The id.
    public init(integerLiteral value: Int64) { self.init(value) }

    /// The id as a number, when it is one.
    public var number: Int64? { Int64(rawValue) }

    /// The id's text.
    public var description: String { rawValue }

    /// Numeric ids order numerically, others by text after every numeric one.
    public static func < (lhs: RMSRecordID, rhs: RMSRecordID) -> Bool {
        switch (lhs.number, rhs.number) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rawValue < rhs.rawValue
        }
    }

    /// The id in a JSON value: a number or a non-empty string other than `"0"`.
    /// - Parameter json: The value.
    /// - Returns: The id, or `nil` for null, `0`, `""` and anything else.
    public init?(json: RMSJSON?) {
        guard let json else { return nil }
        switch json {
        case .integer(let value) where value != 0: self.init(value)
        case .double(let value) where value.rounded() == value && value != 0 && abs(value) < 9e15:
            self.init(Int64(value))
        case .string(let text):
            let trimmed = text.rmsTrimmed
            guard !trimmed.isEmpty, trimmed != "0" else { return nil }
            self.init(rawValue: trimmed)
        default: return nil
        }
    }

    /// The id as the widget API takes it in `instructions`: a number when it is one, else text.
    var json: RMSJSON { number.map(RMSJSON.integer) ?? .string(rawValue) }
}

/// A record type letter of the widget API (`recordtype`). Open: an account may answer letters
/// this library does not name.
public struct RMSRecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The letter, such as `"O"`.
    public let rawValue: String
    /// Creates a record type from its letter.
    /// - Parameter rawValue: The letter.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// C: a client company.
    public static let client = RMSRecordType(rawValue: "C")
    /// N: a contact (a client's person).
    public static let contact = RMSRecordType(rawValue: "N")
    /// L: a lead.
    public static let lead = RMSRecordType(rawValue: "L")
    /// O: an opportunity ("job" in the UI).
    public static let opportunity = RMSRecordType(rawValue: "O")
    /// P: a project.
    public static let project = RMSRecordType(rawValue: "P")
    /// T: a ticket.
    public static let ticket = RMSRecordType(rawValue: "T")
    /// R: a resource (a candidate).
    public static let resource = RMSRecordType(rawValue: "R")
    /// X: a placement (one resource on one opportunity, an application).
    public static let placement = RMSRecordType(rawValue: "X")
    /// A: an activity (call, e-mail, note, interview).
    public static let activity = RMSRecordType(rawValue: "A")

    /// The letter.
    public var description: String { rawValue }
}
