/// One spelling of JSON strings and numbers, for every writer whose text ends up in a mirror.
///
/// A mirror tells an unchanged row by comparing its stored bytes, so every writer that produces JSON
/// for a store must spell the same value the same way. They all call these functions instead of each
/// keeping a copy of the rules.
public enum JSONText {
    /// Writes `text` in quotes, with `"`, `\` and control characters escaped (`\n`, `\r`, `\t`, else
    /// `\u00xx` in lowercase hex) and everything else, `/` and non-ASCII included, as its UTF-8 bytes.
    /// - Parameters:
    ///   - text: The string.
    ///   - append: Called with the output's pieces in order: runs of the text's own bytes, each
    ///     escape, the quotes. Most strings need no escape and arrive as one run. The buffers are
    ///     valid only during the call.
    public static func quoted(_ text: String, _ append: (UnsafeBufferPointer<UInt8>) -> Void) {
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

    /// `text` as a quoted JSON string, spelled as ``quoted(_:_:)`` writes it.
    /// - Parameter text: The string.
    /// - Returns: The JSON text, quotes included.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        quoted(text) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number as JSON: whole values of magnitude below 10^15 without a fraction (`2`, `-7`), others
    /// as Swift's shortest round-tripping text (`-0.5`, `1000000000000000.0`, `1e-07`), and NaN and
    /// infinity, which JSON cannot express, as `null` rather than invalid output.
    /// - Parameter number: The number.
    /// - Returns: The JSON text.
    public static func number(_ number: Double) -> String {
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
