/// How this package spells JSON strings and numbers, for every writer that produces JSON text.
///
/// The mirror compares stored bytes to tell an unchanged row, so every writer whose text ends up in
/// a store (``TrackerJSONWriter``, TrackerSync's column and candidate writers) must spell a value
/// exactly the same way. They share these two functions instead of each keeping a copy.
package enum JSONText {
    /// Writes `text` in quotes, with `"`, `\` and control characters escaped (`\n`, `\r`, `\t`, else
    /// `\u00xx` in lowercase hex) and everything else as its UTF-8 bytes.
    /// - Parameters:
    ///   - text: The string.
    ///   - append: Called with the output's pieces in order: runs of the text's own bytes, each
    ///     escape, the quotes. Most strings need no escape and arrive as one run.
    package static func quoted(_ text: String, _ append: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        // Slots 0–5 hold an escape being written, slot 6 a quote.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7) { scratch in
            scratch.initialize(repeating: UInt8(ascii: "\\"))
            scratch[6] = UInt8(ascii: "\"")
            let quote = UnsafeBufferPointer(rebasing: scratch[6...])
            append(quote)
            text.withUTF8 { utf8 in
                var runStart = 0
                for offset in 0..<utf8.count {
                    let byte = utf8[offset]
                    guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                    append(UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                    runStart = offset + 1
                    let length = escape(byte, into: scratch)
                    append(UnsafeBufferPointer(rebasing: scratch[0..<length]))
                }
                append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
            }
            append(quote)
        }
    }

    /// A number as JSON: whole values below 10^15 without a fraction, NaN and infinity (which JSON
    /// cannot express) as `null` rather than invalid output.
    package static func number(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Writes the escape of `byte` after the backslash in slot 0; returns its length.
    private static func escape(_ byte: UInt8, into scratch: UnsafeMutableBufferPointer<UInt8>) -> Int {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            scratch[1] = byte
        case 0x0A: scratch[1] = UInt8(ascii: "n")
        case 0x0D: scratch[1] = UInt8(ascii: "r")
        case 0x09: scratch[1] = UInt8(ascii: "t")
        default:
            scratch[1] = UInt8(ascii: "u")
            scratch[2] = UInt8(ascii: "0")
            scratch[3] = UInt8(ascii: "0")
            scratch[4] = hexDigit(byte >> 4)
            scratch[5] = hexDigit(byte & 0x0F)
            return 6
        }
        return 2
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }
}
