/// A hand-written, allocation-light JSON encoder that appends UTF-8 straight into a byte array.
///
/// `JSONEncoder` goes through `Encodable`'s keyed containers and costs several microseconds per
/// record; serving 100,000 records a second from one core leaves about ten for everything. The
/// writer keeps commas right by itself: every value or key first calls `separate()`, which writes
/// a comma unless the current container is still empty or a key has just been written.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    /// Bit `d` is set while the container at depth `d` has no element yet.
    private var emptyBits: UInt64 = 1
    private var depth = 0
    private var afterKey = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        let bit: UInt64 = 1 << UInt64(depth)
        if emptyBits & bit != 0 {
            emptyBits &= ~bit
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func open(_ byte: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: byte))
        // Nesting deeper than 63 levels only comes from echoed client JSON, which the parser caps at 32.
        depth = min(depth + 1, 63)
        emptyBits |= 1 << UInt64(depth)
    }

    private mutating func close(_ byte: Unicode.Scalar) {
        depth = max(depth - 1, 0)
        bytes.append(UInt8(ascii: byte))
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    /// A key whose text needs no escaping (the literal keys of the wire format).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A key that may need escaping (custom field names, echoed client keys).
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An id written as a JSON string, the way v1 records show them (`"id": "1"`).
    mutating func idString(_ value: Int) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendInteger(value)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func int(_ value: Int) {
        separate()
        appendInteger(value)
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            bytes.append(contentsOf: Array(value.description.utf8))
        } else {
            appendLiteral("null")
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
    }

    mutating func null() {
        separate()
        appendLiteral("null")
    }

    /// A timestamp: `YYYY-MM-DDTHH:MM:SS`, followed by `Z` when `utc` is set.
    mutating func timestamp(_ wallSeconds: Int64, utc: Bool) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 19))
        bytes.withUnsafeMutableBytes { raw in
            CivilTime.writeISO(wallSeconds, to: UnsafeMutableRawBufferPointer(rebasing: raw[start..<(start + 19)]))
        }
        if utc { bytes.append(UInt8(ascii: "Z")) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var clean = true
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                clean = false
                break
            }
            if clean {
                bytes.append(contentsOf: utf8)
            } else {
                appendEscaped(utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }
}
