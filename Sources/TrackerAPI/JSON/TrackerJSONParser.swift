/// Why JSON text could not be read: a byte offset and a short reason, never the text itself.
public struct TrackerJSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset at which reading stopped.
    public var offset: Int
    /// What was wrong there.
    public var reason: String

    /// A one-line explanation.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A small recursive-descent JSON reader straight into ``TrackerJSON``.
///
/// Pages of a thousand records are decoded on every sync, so this avoids `JSONDecoder`'s
/// try-each-type dance for an untyped tree. Nesting is limited so that hostile input cannot
/// exhaust the stack.
struct TrackerJSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    /// The member count of the last object seen at each depth: records in an array are alike, so
    /// the next one's dictionary is sized right away instead of growing several times.
    private var capacityHints = [Int](repeating: 0, count: 8)
    /// Where each element of a root array (or the root object itself) starts and ends, when asked
    /// for: so that a record's JSON can be kept exactly as the server sent it.
    private(set) var elementRanges: [Range<Int>] = []
    private var recordsElementRanges = false
    private static let maximumDepth = 256

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses the document and records the byte range of each element of a root array, or of the
    /// root object (see ``elementRanges``).
    mutating func parseDocumentRecordingElements() throws -> TrackerJSON {
        recordsElementRanges = true
        let value = try parseDocument()
        if case .object = value, elementRanges.isEmpty {
            var end = bytes.count
            while end > 0, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
            var start = 0
            while start < end, bytes[start] != UInt8(ascii: "{") { start += 1 }
            elementRanges = [start..<end]
        }
        return value
    }

    mutating func parseDocument() throws -> TrackerJSON {
        skipByteOrderMarkAndWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
        return value
    }

    /// Skips leading whitespace; a UTF-8 byte order mark is tolerated: some proxies add one.
    mutating func skipByteOrderMarkAndWhitespace() {
        skipWhitespace()
        if bytes.count - index >= 3, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
            index += 3
            skipWhitespace()
        }
    }

    func fail(_ reason: String) -> TrackerJSONSyntaxError {
        TrackerJSONSyntaxError(offset: index, reason: index >= bytes.count ? "unexpected end of input" : reason)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws -> TrackerJSON {
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw fail("truncated literal") }
        let base = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != base[offset] {
            throw fail("invalid literal")
        }
        index += count
    }

    /// Goes one level deeper, or throws without changing the depth: the caller's `defer` that
    /// leaves the level is not set up yet, so a depth raised before throwing would stay raised, and
    /// the enclosing objects would then index their size hints one level too deep while unwinding.
    mutating func enter() throws {
        guard depth < Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        depth += 1
    }

    private mutating func parseObject() throws -> TrackerJSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        // Arrays deepen without a hint of their own, so an object may sit more than one level
        // below the last hinted depth: grow to reach it.
        if depth >= capacityHints.count {
            capacityHints.append(contentsOf: repeatElement(0, count: depth - capacityHints.count + 8))
        }
        var members = [String: TrackerJSON](minimumCapacity: capacityHints[depth])
        defer { capacityHints[depth] = members.count }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws -> TrackerJSON {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [TrackerJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        let recordsRanges = recordsElementRanges && depth == 1
        while true {
            skipWhitespace()
            let start = index
            elements.append(try parseValue())
            if recordsRanges { elementRanges.append(start..<index) }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    mutating func parseString() throws -> String {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes between the quotes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string") }
            index += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &scratch)
            case ..<0x20:
                throw fail("control character in string")
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func appendEscape(to scratch: inout [UInt8]) throws {
        guard index < bytes.count else { throw fail("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try readHex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(scalar) {
                scalar = 0xFFFD
            }
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            if let encoded = UTF8.encode(character) { scratch.append(contentsOf: encoded) }
        default:
            throw fail("invalid escape")
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw fail("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws -> TrackerJSON {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { throw fail("expected digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > fractionStart else { throw fail("expected fraction digits") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > exponentStart else { throw fail("expected exponent digits") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        // A number beyond Double's range would read as infinity, which JSON cannot write back (it
        // would be stored as null): refuse it rather than change the server's data.
        guard let value = Double(text), value.isFinite else { throw fail("number out of range") }
        return .double(value)
    }
}
