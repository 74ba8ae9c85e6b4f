/// Whether two JSON texts hold the same value, whatever their key order and spacing.
///
/// Sources hand the stores a record's JSON exactly as the provider sent it, and the stores first
/// compare stored and new text byte for byte, which settles nearly every record. Two texts of one
/// unchanged record can still differ, for instance a row written by an earlier ATSKit (which sorted
/// the keys) against the provider's order, or a provider that orders keys differently between
/// responses; those must count as unchanged (``RecordUpdateRule``), and the store then writes the
/// provider's bytes so that the next comparison is byte for byte again.
///
/// Both texts are read into a small value tree (objects as members sorted by key) and compared:
/// about a hundred times faster than Foundation's `JSONSerialization` round trip this replaced
/// (docs/PERFORMANCE.md), which mattered because a mirror whose bytes all differed paid it on every
/// row of every full scan. Numbers compare by value (`1` equals `1.0`); strings and keys compare
/// by their unescaped UTF-8 bytes (no Unicode normalisation); when a key repeats, the last member
/// counts, as a decoder keeps it.
public enum JSONEquivalence {
    /// Whether two UTF-8 JSON texts are equal as JSON values; false when either is not JSON.
    /// - Parameters:
    ///   - lhs: One text.
    ///   - rhs: The other.
    /// - Returns: True when both parse and hold the same value.
    public static func same(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        if lhs.elementsEqual(rhs) { return true }
        guard let left = value(of: lhs), let right = value(of: rhs) else { return false }
        return left == right
    }

    private static func value(of text: some Collection<UInt8>) -> JSONValue? {
        let parsed = text.withContiguousStorageIfAvailable { bytes in
            var reader = JSONValueReader(bytes: bytes)
            return reader.document()
        }
        if let parsed { return parsed }
        let copy = Array(text)
        return copy.withUnsafeBufferPointer { bytes in
            var reader = JSONValueReader(bytes: bytes)
            return reader.document()
        }
    }
}

/// A JSON value as ``JSONEquivalence`` compares it.
private indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits 64 bits, kept exact.
    case integer(Int64)
    case double(Double)
    case string([UInt8])
    case array([JSONValue])
    /// Members sorted by key bytes, one per key.
    case object([Member])

    struct Member: Equatable {
        var key: [UInt8]
        var value: JSONValue
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)): Double(a) == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }
}

/// A strict recursive-descent reader of one JSON document (RFC 8259) into a ``JSONValue``.
private struct JSONValueReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Nesting depth, bounded so that a hostile text cannot exhaust the stack.
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() -> JSONValue? {
        guard let value = value() else { return nil }
        skipSpace()
        return index == bytes.count ? value : nil
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""):
            index += 1
            return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func object() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { return nil }
        index += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            guard let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let value = value() else { return nil }
            members.append(JSONValue.Member(key: key, value: value))
            skipSpace()
            guard index < bytes.count else { return nil }
            let separator = bytes[index]
            index += 1
            if separator == UInt8(ascii: ",") { continue }
            guard separator == UInt8(ascii: "}") else { return nil }
            return .object(Self.sortedKeepingLast(members))
        }
    }

    /// Members sorted by key; of a repeated key, only the last member.
    private static func sortedKeepingLast(_ members: [JSONValue.Member]) -> [JSONValue.Member] {
        // Texts written with sorted keys (an earlier release's rows) need no sort at all.
        if zip(members, members.dropFirst()).allSatisfy({ $0.key.lexicographicallyPrecedes($1.key) }) {
            return members
        }
        // A stable sort keeps repeated keys in text order, so the last of each run is the last written.
        let sorted = members.enumerated().sorted { lhs, rhs in
            lhs.element.key.lexicographicallyPrecedes(rhs.element.key)
                || (lhs.element.key == rhs.element.key && lhs.offset < rhs.offset)
        }.map(\.element)
        var unique: [JSONValue.Member] = []
        unique.reserveCapacity(sorted.count)
        for member in sorted {
            if let last = unique.last, last.key == member.key {
                unique[unique.count - 1] = member
            } else {
                unique.append(member)
            }
        }
        return unique
    }

    private mutating func array() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { return nil }
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipSpace()
            guard index < bytes.count else { return nil }
            let separator = bytes[index]
            index += 1
            if separator == UInt8(ascii: ",") { continue }
            guard separator == UInt8(ascii: "]") else { return nil }
            return .array(elements)
        }
    }

    /// The unescaped UTF-8 bytes of a string whose opening quote was read.
    private mutating func string() -> [UInt8]? {
        // Most strings have no escape: copy them in one piece.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
            bytes[end] >= 0x20
        {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let result = Array(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end + 1
            return result
        }
        var result = Array(UnsafeBufferPointer(rebasing: bytes[index..<end]))
        index = end
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return result
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    result.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: result.append(byte)
            }
        }
        return nil
    }

    /// The scalar of a `\u` escape whose `\u` was read, joining a surrogate pair.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hexQuad() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { return nil }
            index += 2
            guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        return Unicode.Scalar(high)
    }

    private mutating func hexQuad() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number in JSON's grammar: exact as an integer when it has no fraction or exponent and
    /// fits, otherwise a double.
    private mutating func number() -> JSONValue? {
        let start = index
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits(allowLeadingZero: false) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits(allowLeadingZero: true) else { return nil }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(allowLeadingZero: true) else { return nil }
        }
        // Up to 18 digits always fit 64 bits: read them without making a String.
        let negative = bytes[start] == UInt8(ascii: "-")
        let digitCount = index - start - (negative ? 1 : 0)
        if isInteger, digitCount <= 18 {
            var value: Int64 = 0
            for byte in bytes[(start + (negative ? 1 : 0))..<index] { value = value * 10 + Int64(byte - 48) }
            return .integer(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        return Double(text).map(JSONValue.double)
    }

    /// One or more digits; without `allowLeadingZero`, a leading `0` must stand alone.
    private mutating func digits(allowLeadingZero: Bool) -> Bool {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start else { return false }
        return allowLeadingZero || bytes[start] != UInt8(ascii: "0") || index - start == 1
    }
}
