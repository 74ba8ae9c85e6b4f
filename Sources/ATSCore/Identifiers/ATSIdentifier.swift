/// An identifier that a provider assigned to one kind of record.
///
/// Each record kind has its own identifier type (``JobID``, ``ApplicationID``, ``CandidateID`` …)
/// so that a job's id cannot be passed where an application's is expected. Every identifier is
/// text: providers that use integers are written in their decimal form, which keeps ids
/// comparable across providers and across the string-or-integer ids Tracker sends.
public protocol ATSIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    /// Creates an identifier from the provider's text.
    init(_ rawValue: String)
}

extension ATSIdentifier {
    /// Creates an identifier from the provider's text.
    public init(rawValue: String) { self.init(rawValue) }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// The provider's text.
    public var description: String { rawValue }

    /// Orders identifiers numerically when both are decimal integers, textually otherwise,
    /// so that `"9" < "10"` as a provider's ascending-id order has it.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let left = lhs.rawValue
        let right = rhs.rawValue
        if left.count != right.count, left.allSatisfy(\.isASCIIDigit), right.allSatisfy(\.isASCIIDigit) {
            return left.count < right.count
        }
        return left < right
    }

    /// Decodes an identifier from a JSON string or integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.init(text)
        } else {
            self.init(String(try container.decode(Int64.self)))
        }
    }

    /// Encodes the identifier as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
