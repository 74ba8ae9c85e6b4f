/// A server-owned set of names: known values are static constants, unknown ones still decode.
///
/// Tracker's status names, action types and field types are configured by accounts or may grow,
/// so a closed Swift `enum` would fail on the first new value. Conforming types are structs
/// wrapping the name the server uses.
public protocol TrackerOpenEnum: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    /// Creates a value from the server's name.
    /// - Parameter rawValue: The name.
    init(rawValue: String)
}

extension TrackerOpenEnum {
    /// Creates a value from a string literal.
    /// - Parameter value: The name.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The server's name.
    public var description: String { rawValue }

    /// Decodes the name.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the name.
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
