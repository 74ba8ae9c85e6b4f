/// A JSON value as the sandbox received or stores it: action data, trigger conditions, custom field
/// values. Object members keep the order in which the client sent them.
public enum SandboxJSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without a fraction or exponent that fits in `Int`.
    case int(Int)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([SandboxJSON])
    /// An object, as its members in order.
    case object([Member])

    /// One member of a JSON object.
    public struct Member: Sendable, Hashable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: SandboxJSON

        /// Creates a member.
        /// - Parameters:
        ///   - key: the key.
        ///   - value: the value.
        public init(_ key: String, _ value: SandboxJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The value of an object's member, or `nil` when this is not an object or has no such key.
    public subscript(key: String) -> SandboxJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an integer or a string of digits (ids arrive both ways).
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        case .string(let text): return Int(text.trimmingSpaces())
        default: return nil
        }
    }

    /// The Boolean, when this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var objectMembers: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [SandboxJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The value's compact JSON text.
    public var jsonText: String {
        var writer = JSONWriter(capacity: 64)
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension SandboxJSON {
    /// An object from key–value pairs, in order.
    static func object(_ pairs: KeyValuePairs<String, SandboxJSON>) -> SandboxJSON {
        .object(pairs.map { Member($0.key, $0.value) })
    }

    /// A copy of this object with `key` set to `value` (replaced in place, or appended).
    func setting(_ key: String, to value: SandboxJSON) -> SandboxJSON {
        guard case .object(var members) = self else { return .object([Member(key, value)]) }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key, value))
        }
        return .object(members)
    }

    /// A short name of the value's JSON type, for error messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "decimal"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONWriter {
    /// Writes any JSON value.
    mutating func value(_ json: SandboxJSON) {
        switch json {
        case .null: null()
        case .bool(let value): bool(value)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .string(let value): string(value)
        case .array(let elements):
            beginArray()
            for element in elements { value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                value(member.value)
            }
            endObject()
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
