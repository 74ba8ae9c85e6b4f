/// Writes compact JSON text piece by piece, with the exact spelling of TrackerAPI's writer
/// (`TrackerJSON.serialized()`): the same escapes, nothing else escaped, no spaces.
///
/// The candidate derivation builds each candidate's stored JSON with it instead of building a
/// `[String: TrackerJSON]` and serializing that: the stores compare stored bytes, so the text must
/// stay what the dictionary would have written (checked against it in the tests), but building the
/// dictionary, hashing its keys and sorting them cost as much as the rest of a candidate.
struct CompactJSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (punctuation, a member name with its quotes and colon).
    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a string value, or `null`.
    mutating func append(string value: String?) {
        guard var text = value else {
            append("null")
            return
        }
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated()
            where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                runStart = offset + 1
                appendEscape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The escapes TrackerAPI's writer uses: `\"`, `\\`, `\n`, `\r`, `\t`, and `\u00xx` (lower-case
    /// hex) for every other control character.
    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        default:
            append("\\u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0x0F))
        }
    }
}
