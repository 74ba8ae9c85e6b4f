/// A JSON value as Tracker RMS sent it, kept whole so that no field the server adds is lost.
///
/// Integers are kept apart from other numbers so that ids never lose precision. Objects keep
/// their keys as sent; ``member(_:)`` finds a key whatever its casing, because the widget API
/// spells the same key `Owners`, `owners` or `OWNERS` depending on the operation.
public enum RMSJSON: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([RMSJSON])
    /// An object.
    case object([String: RMSJSON])
}

extension RMSJSON {
    /// The object, if this value is one.
    public var objectValue: [String: RMSJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, if this value is one.
    public var arrayValue: [RMSJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Whether this value is JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as text: strings as they are, numbers and booleans in their JSON spelling;
    /// `nil` for null, arrays and objects. The server sends the same field as `"3"` or `3`.
    public var scalarText: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .double(let value):
            if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// The value as an integer: an integer, a whole double, or a string holding one.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        case .string(let text): return Int64(text.rmsTrimmed)
        default: return nil
        }
    }

    /// The value as a boolean, tolerating every spelling seen from the server: `true`/`false`,
    /// `"true"`/`"false"`, `"y"`/`"n"`, `"yes"`/`"no"`, `1`/`0` and `"1"`/`"0"`, in any casing.
    /// `nil` for anything else (including null and the empty string).
    public var booleanValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .integer(let value) where value == 0 || value == 1: return value == 1
        case .string(let text):
            switch text.rmsTrimmed.lowercased() {
            case "true", "y", "yes", "1", "t": return true
            case "false", "n", "no", "0", "f": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The member named `key` of an object, matched exactly first and then ignoring case;
    /// `nil` when this is not an object or has no such member.
    /// - Parameter key: The member name.
    /// - Returns: The member's value.
    public func member(_ key: String) -> RMSJSON? {
        guard case .object(let members) = self else { return nil }
        if let exact = members[key] { return exact }
        let lowered = key.lowercased()
        for (name, value) in members where name.lowercased() == lowered {
            return value
        }
        return nil
    }

    /// The first of several spellings of a member that is present and not null.
    /// - Parameter keys: The candidate names, in order of preference.
    /// - Returns: The first non-null value found.
    public func firstMember(_ keys: String...) -> RMSJSON? {
        for key in keys {
            if let value = member(key), !value.isNull { return value }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var rmsTrimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            text = text.dropLast()
        }
        return String(text)
    }
}
