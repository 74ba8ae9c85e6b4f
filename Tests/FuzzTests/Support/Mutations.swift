import Foundation
import PropertyBased

/// One generated input: the bytes, and how they were made (shown when a property fails, so the
/// failing input can be pinned in a regression test).
struct FuzzInput: Sendable, CustomStringConvertible {
    var origin: String
    var steps: [String]
    var bytes: Data

    var description: String {
        let shown = bytes.prefix(160).map { byte -> String in
            (0x20..<0x7F).contains(byte) && byte != UInt8(ascii: "\\") ? String(UnicodeScalar(byte)) : "\\x" + hex(byte)
        }
        return "\(origin) \(steps) \(bytes.count) bytes: \(shown.joined())\(bytes.count > 160 ? "…" : "")"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

/// Mutations of valid documents, the kinds issue 8 names: byte flips, truncation, inserted bytes,
/// invalid UTF-8, deep nesting, huge numbers, duplicate keys, wrong types, byte order marks, NUL.
enum Mutator {
    /// A generator that picks one of `seeds` and applies one to four mutations to it.
    static func mutating(_ seeds: [(name: String, bytes: Data)]) -> Generator<FuzzInput, Shrink.None<FuzzInput>> {
        Generator { rng in
            let seed = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
            var input = FuzzInput(origin: seed.name, steps: [], bytes: seed.bytes)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutate(&input, using: &rng)
            }
            return input
        }
    }

    static let kinds = [
        "flip", "truncate", "insert", "invalid-utf8", "nest", "huge-number", "duplicate-key", "wrong-type", "bom",
        "nul", "delete-span", "repeat-span",
    ]

    static func mutate(_ input: inout FuzzInput, using rng: inout some RandomNumberGenerator) {
        let kind = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
        var bytes = [UInt8](input.bytes)
        let position = Int.random(in: 0...bytes.count, using: &rng)
        var step = "\(kind)@\(position)"
        switch kind {
        case "flip":
            if position < bytes.count {
                let mask = UInt8.random(in: 1...255, using: &rng)
                bytes[position] ^= mask
                step += "^\(mask)"
            }
        case "truncate":
            bytes = Array(bytes.prefix(position))
        case "insert":
            let count = Int.random(in: 1...8, using: &rng)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position)
        case "invalid-utf8":
            let sequences: [[UInt8]] = [
                [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFE, 0xFF],
            ]
            // Inside a string most of the time: right after an opening quote.
            let quote = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }.randomElement(using: &rng)
            let at = Bool.random(using: &rng) ? (quote.map { $0 + 1 } ?? position) : position
            bytes.insert(contentsOf: sequences[Int.random(in: 0..<sequences.count, using: &rng)], at: at)
            step = "\(kind)@\(at)"
        case "nest":
            let depth = [10, 255, 256, 257, 1_000, 20_000][Int.random(in: 0..<6, using: &rng)]
            let open = Bool.random(using: &rng) ? "[" : "{\"a\":"
            let close = open == "[" ? "]" : "}"
            let wrapped =
                Array(String(repeating: open, count: depth).utf8) + [UInt8(ascii: "1")]
                + Array(String(repeating: close, count: Bool.random(using: &rng) ? depth : depth / 2).utf8)
            bytes.insert(contentsOf: wrapped, at: valueStart(in: bytes, near: position) ?? position)
            step += "x\(depth)"
        case "huge-number":
            let numbers = [
                "1e999999", "-1e400", "123456789012345678901234567890", "9223372036854775808", "-9223372036854775809",
                "9223372036854775807", "1.7976931348623157e309", "4.9e-325", "9007199254740993", "-0", "1e-2147483649",
                "0.00000000000000000000000000000000000001", "1E+308", "1" + String(repeating: "0", count: 400),
            ]
            let number = numbers[Int.random(in: 0..<numbers.count, using: &rng)]
            if let span = digitRun(in: bytes, from: position) {
                bytes.replaceSubrange(span, with: Array(number.utf8))
            } else {
                bytes.insert(contentsOf: Array(number.utf8), at: position)
            }
            step += "=\(number.prefix(24))"
        case "duplicate-key":
            let keys = ["id", "updated_at", "created_at", "email", "status", "job_id", "type"]
            let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
            let values = ["\"dup\"", "7", "null", "[]", "{}", "\"2024-02-30T25:61:00\""]
            let member = "\"\(key)\":\(values[Int.random(in: 0..<values.count, using: &rng)]),"
            if let brace = bytes[min(position, bytes.count)...].firstIndex(of: UInt8(ascii: "{"))
                ?? bytes.firstIndex(of: UInt8(ascii: "{"))
            {
                bytes.insert(contentsOf: Array(member.utf8), at: brace + 1)
                step = "\(kind)@\(brace + 1)=\(member)"
            }
        case "wrong-type":
            let replacements = ["[]", "{}", "true", "null", "\"x\"", "-0", "1.5", "[1,2]", "{\"id\":1}", "\"\""]
            let replacement = replacements[Int.random(in: 0..<replacements.count, using: &rng)]
            if let span = valueSpan(in: bytes, from: position) {
                bytes.replaceSubrange(span, with: Array(replacement.utf8))
                step = "\(kind)@\(span.lowerBound)=\(replacement)"
            }
        case "bom":
            let marks: [[UInt8]] = [
                [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE],
            ]
            bytes.insert(contentsOf: marks[Int.random(in: 0..<marks.count, using: &rng)], at: 0)
            step = kind
        case "nul":
            bytes.insert(0, at: position)
        case "delete-span":
            let end = min(bytes.count, position + Int.random(in: 1...32, using: &rng))
            if position < end { bytes.removeSubrange(position..<end) }
        default:  // repeat-span
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &rng))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: end) }
        }
        input.bytes = Data(bytes)
        input.steps.append(step)
    }

    /// The start of the value after the first `:` at or after `position`.
    private static func valueStart(in bytes: [UInt8], near position: Int) -> Int? {
        guard position < bytes.count, let colon = bytes[position...].firstIndex(of: UInt8(ascii: ":")) else {
            return nil
        }
        return colon + 1
    }

    /// The digits of the first number at or after `position`.
    private static func digitRun(in bytes: [UInt8], from position: Int) -> Range<Int>? {
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard position < bytes.count, let start = bytes[position...].firstIndex(where: isDigit) else { return nil }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        return start..<end
    }

    /// A member's value after the first `:` at or after `position`, up to the next `,` or `}`
    /// (approximate: a nested value is cut, which is one more kind of damage).
    private static func valueSpan(in bytes: [UInt8], from position: Int) -> Range<Int>? {
        guard let start = valueStart(in: bytes, near: position) else { return nil }
        let end =
            bytes[start...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? bytes.count
        return start..<end
    }
}
