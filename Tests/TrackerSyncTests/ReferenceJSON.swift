import Foundation
import Testing
import TrackerAPI

/// An oracle for the JSON text the mirror stores, independent of the code under test: it writes
/// JSON from the documented rule (compact; keys sorted; `"`, `\` and control characters escaped as
/// `\"`, `\\`, `\n`, `\r`, `\t` or `\u00xx` in lowercase hex, everything else as itself; whole
/// numbers below 10^15 without a fraction; NaN and infinities as `null`) one Unicode scalar at a
/// time, sharing nothing with `JSONText`, and reads JSON back with Foundation's
/// `JSONSerialization`, a parser this package did not write.
enum ReferenceJSON {
    /// `value` spelled by the documented rule.
    static func text(_ value: TrackerJSON) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return "\(number)"
        case .double(let number):
            if !number.isFinite { return "null" }
            if number.rounded(.towardZero) == number, number.magnitude < 1e15 { return "\(Int64(number))" }
            return "\(number)"
        case .string(let string): return quoted(string)
        case .array(let elements): return "[" + elements.map(text).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.keys.sorted().map { quoted($0) + ":" + text(members[$0] ?? .null) }
                .joined(separator: ",") + "}"
        }
    }

    /// A string in quotes, by the documented escapes.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Reads `text` with Foundation's parser.
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// Whether Foundation's reading of a text is the value it was written from: same strings
    /// scalar for scalar, same numbers, NaN and infinities read as null.
    static func reads(_ parsed: Any, as value: TrackerJSON) -> Bool {
        switch value {
        case .null: return parsed is NSNull
        case .bool(let flag): return (parsed as? Bool) == flag && !(parsed is String)
        case .integer(let number):
            return (parsed as? NSNumber)?.int64Value == number
        case .double(let number):
            guard number.isFinite else { return parsed is NSNull }
            guard let parsedNumber = (parsed as? NSNumber)?.doubleValue else { return false }
            // swift-corelibs-foundation reads some numbers through `Decimal`, which can round the
            // last digits; the spelling check pins the exact text, so nearly equal is enough here.
            return parsedNumber == number || abs(parsedNumber - number) <= abs(number) * 1e-14
        case .string(let string):
            guard let parsedString = parsed as? String else { return false }
            // swift-corelibs-foundation drops a U+FEFF that starts a string value; the spelling
            // check keeps it, so only this parser's quirk is set aside here.
            func scalars(_ text: String) -> [Unicode.Scalar] {
                Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
            }
            return scalars(parsedString) == scalars(string)
        case .array(let elements):
            guard let parsedElements = parsed as? [Any], parsedElements.count == elements.count else { return false }
            return zip(parsedElements, elements).allSatisfy { reads($0, as: $1) }
        case .object(let members):
            guard let parsedMembers = parsed as? [String: Any], parsedMembers.count == members.count else {
                return false
            }
            return members.allSatisfy { key, member in parsedMembers[key].map { reads($0, as: member) } ?? false }
        }
    }

    /// Checks `text` against both oracles: the documented spelling, byte for byte, and Foundation's
    /// reading of it.
    static func expect(
        _ text: String, spells value: TrackerJSON, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let expected = Self.text(value)
        #expect(text == expected, "spelling", sourceLocation: sourceLocation)
        let parsed = try? parse(text)
        #expect(
            parsed.map { reads($0, as: value) } == true,
            "Foundation reads back \(text.debugDescription) as \(String(describing: parsed))",
            sourceLocation: sourceLocation)
    }
}
