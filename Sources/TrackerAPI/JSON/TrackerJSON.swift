public import Foundation

/// A JSON value exactly as Tracker sent it, kept so that nothing the server says is lost.
///
/// Wire models keep each record's raw object (``TrackerJob/raw`` and friends), so fields this
/// library does not know yet are still available to callers, and custom fields and action data
/// stay schemaless. Integers are kept apart from other numbers so that ids never lose precision.
public enum TrackerJSON: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([TrackerJSON])
    /// An object. Key order is not kept (JSON does not give it meaning).
    case object([String: TrackerJSON])
}

extension TrackerJSON {
    /// The string, if this value is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, if this value is one.
    public var objectValue: [String: TrackerJSON]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array, if this value is one.
    public var arrayValue: [TrackerJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Whether the value is JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as text the way a person would read it: strings unquoted, numbers and booleans
    /// in their JSON spelling, `nil` for null, arrays and objects.
    ///
    /// Servers send the same field as `"3"` or `3`; callers that only want text use this.
    public var scalarText: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .double(let value): return TrackerJSONWriter.format(value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// Parses JSON text.
    ///
    /// - Parameter data: UTF-8 encoded JSON.
    /// - Returns: The value.
    /// - Throws: ``TrackerJSONSyntaxError`` when the text is not JSON.
    public static func parse(_ data: Data) throws -> TrackerJSON {
        try data.withUnsafeBytes { buffer in
            var parser = TrackerJSONParser(bytes: buffer.bindMemory(to: UInt8.self))
            return try parser.parseDocument()
        }
    }

    /// Parses JSON text held in an array.
    static func parse(bytes: [UInt8]) throws -> TrackerJSON {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = TrackerJSONParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses a document that should be an array of objects into the members `keys` names, and
    /// copies out each object's bytes (see ``TrackerJSONParser/parseObjectArrayDocument(keys:)``).
    ///
    /// - Returns: The objects' slots and bytes, or nil when the document is not an array of
    ///   objects or not JSON: the caller then parses it fully, which says what is wrong with it.
    static func parseObjectArray(_ data: Data, keys: WireKeys) -> [(slots: [TrackerJSON?], bytes: [UInt8])]? {
        data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var parser = TrackerJSONParser(bytes: bytes)
            guard let objects = try? parser.parseObjectArrayDocument(keys: keys) else { return nil }
            return objects.map { ($0.slots, Array(bytes[$0.range])) }
        }
    }

    /// Parses JSON text and copies out each element of a root array (or the root object) as the
    /// bytes it was sent as, so that a record can be stored exactly as the server wrote it.
    ///
    /// - Parameter data: UTF-8 encoded JSON.
    /// - Returns: The value, and one byte array per root array element (one for a root object,
    ///   none for anything else).
    /// - Throws: ``TrackerJSONSyntaxError`` when the text is not JSON.
    static func parseKeepingElements(_ data: Data) throws -> (value: TrackerJSON, elements: [[UInt8]]) {
        try data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var parser = TrackerJSONParser(bytes: bytes)
            let value = try parser.parseDocumentRecordingElements()
            return (value, parser.elementRanges.map { Array(bytes[$0]) })
        }
    }

    /// The value as compact JSON text, with object keys sorted so that output is stable.
    ///
    /// - Returns: UTF-8 encoded JSON.
    public func serialized() -> Data {
        var writer = TrackerJSONWriter()
        writer.write(self)
        return Data(writer.bytes)
    }
}

extension TrackerJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// Creates a string value.
    /// - Parameter value: The string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates an integer value.
    /// - Parameter value: The integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// Creates a boolean value.
    /// - Parameter value: The boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Creates a number value.
    /// - Parameter value: The number.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// Creates `null`.
    /// - Parameter nilLiteral: Nothing.
    public init(nilLiteral: ()) { self = .null }
    /// Creates an array value.
    /// - Parameter elements: The elements.
    public init(arrayLiteral elements: TrackerJSON...) { self = .array(elements) }
    /// Creates an object value; a repeated key keeps its last value.
    /// - Parameter elements: The key-value pairs.
    public init(dictionaryLiteral elements: (String, TrackerJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TrackerJSON: Codable {
    /// Decodes any JSON value. Prefer ``parse(_:)`` for whole documents: it is much faster.
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is not JSON.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var elements: [TrackerJSON] = []
            while !array.isAtEnd { elements.append(try array.decode(TrackerJSON.self)) }
            self = .array(elements)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var members: [String: TrackerJSON] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(TrackerJSON.self, forKey: key) }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Encodes the value.
    /// - Parameter encoder: The encoder.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in members { try container.encode(value, forKey: AnyCodingKey(key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        }
    }
}

/// A coding key for arbitrary object keys.
private struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { self.stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
