/// A custom field's value, typed.
public enum CustomFieldValue: Hashable, Sendable, CustomStringConvertible {
    /// Text (also the value of a select field).
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A decimal number, kept as the provider's text so that no digit is lost to binary floating point.
    case decimal(String)
    /// True or false.
    case boolean(Bool)
    /// No value.
    case null

    /// The value as text, as a provider's form would show it; empty for ``null``.
    public var text: String {
        switch self {
        case .text(let value): value
        case .integer(let value): String(value)
        case .decimal(let value): value
        case .boolean(let value): value ? "true" : "false"
        case .null: ""
        }
    }

    /// The value as text.
    public var description: String { text }
}

extension CustomFieldValue: Codable {
    /// Decodes a JSON string, integer, number, boolean or null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .decimal(String(value))
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    /// Encodes the value as the matching JSON type; decimals as JSON strings, which keeps their digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value), .decimal(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
