public import Foundation

/// A JSON value exactly as Workable sent it: the raw form every wire model keeps next to its typed
/// fields, so an unknown or new field is never lost and never fatal.
public enum WorkableJSON: Sendable, Hashable {
    /// `null`, or a missing value (Workable sends empty strings as `null`).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as the text it was written in so large ids lose no digits.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([WorkableJSON])
    /// An object.
    case object([String: WorkableJSON])

    /// The member named `key` of an object, or ``null`` for anything else.
    public subscript(key: String) -> WorkableJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The text of a string, or of a number (ids may come as either); `nil` for anything else and
    /// for an empty string.
    public var string: String? {
        switch self {
        case .string(let text): text.isEmpty ? nil : text
        case .number(let text): text
        default: nil
        }
    }

    /// The value as an integer: a whole number, or a string holding one.
    public var int: Int? {
        switch self {
        case .number(let text), .string(let text): Int(text) ?? Double(text).flatMap { Int(exactly: $0) }
        default: nil
        }
    }

    /// The value as a Boolean: `true`/`false`, or the strings `"true"`/`"false"`.
    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// The elements of an array, or an empty array for anything else.
    public var array: [WorkableJSON] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// Whether the value is an array.
    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// Whether the value is an object.
    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }

    /// The members of an object, or `nil` for anything else.
    public var object: [String: WorkableJSON]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }

    /// The strings of an array, skipping anything that is not text.
    public var strings: [String] { array.compactMap(\.string) }

    /// The value as a timestamp, when it is ISO-8601 text.
    public var timestamp: WorkableTimestamp? { string.flatMap(WorkableTimestamp.init(iso8601:)) }
}

extension WorkableJSON {
    /// Parses a JSON document.
    /// - Parameter data: The document's bytes.
    /// - Throws: ``WorkableJSONError`` when the bytes are not JSON.
    public init(parsing data: Data) throws(WorkableJSONError) {
        do {
            self = try JSONDecoder().decode(WorkableJSON.self, from: data)
        } catch {
            throw WorkableJSONError(reason: "the body is not JSON")
        }
    }

    /// The value as compact JSON bytes with sorted keys (request bodies and tests).
    public func encoded() -> Data {
        var text = ""
        write(into: &text)
        return Data(text.utf8)
    }

    private func write(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let number): text += number
        case .string(let value): Self.writeString(value, into: &text)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.writeString(key, into: &text)
                text += ":"
                members[key, default: .null].write(into: &text)
            }
            text += "}"
        }
    }

    private static func writeString(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension WorkableJSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A Boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A whole number.
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    /// An array.
    public init(arrayLiteral elements: WorkableJSON...) { self = .array(elements) }
    /// An object.
    public init(dictionaryLiteral elements: (String, WorkableJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}

/// A body that is not JSON.
public struct WorkableJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why it could not be read.
    public var reason: String
    /// The reason.
    public var description: String { reason }
}

extension WorkableJSON: Decodable {
    /// Decodes any JSON value; numbers keep their digits when they are whole.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the input is not JSON.
    public init(from decoder: any Decoder) throws {
        if var elements = try? decoder.unkeyedContainer() {
            var values: [WorkableJSON] = []
            while !elements.isAtEnd { values.append(try elements.decode(WorkableJSON.self)) }
            self = .array(values)
            return
        }
        if let members = try? decoder.container(keyedBy: AnyKey.self) {
            var values: [String: WorkableJSON] = [:]
            for key in members.allKeys { values[key.stringValue] = try members.decode(WorkableJSON.self, forKey: key) }
            self = .object(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .number(String(value))
        } else if let value = try? single.decode(Double.self) {
            self = .number(String(value))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
