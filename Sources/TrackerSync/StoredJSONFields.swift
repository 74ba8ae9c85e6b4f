/// Reads a few top-level string members of a stored JSON object without building the whole tree.
///
/// Deriving a candidate needs six members of each application's stored JSON, and building every
/// application's full dictionary was the largest cost of the derivation (docs/PERFORMANCE.md).
/// This reader skips every other value. It handles the stored text of both stores (compact from
/// SQLite, re-spaced from PostgreSQL's `jsonb`); for anything it does not expect, such as a
/// `\u` escape in a wanted string or malformed text, it answers nil and the caller parses fully.
struct StoredJSONFields {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// Member names to look for, with their UTF-8 bytes ready to compare with the text's keys (so
    /// that no key of the text becomes a `String` or is hashed).
    struct Keys: Sendable {
        let names: [String]
        fileprivate let utf8: [[UInt8]]
        /// Positions by the byte length of their name: most keys of a text are not wanted, and
        /// their length alone usually says so.
        private let positionsByLength: [[Int]]

        init(_ names: [String]) {
            self.names = names
            utf8 = names.map { Array($0.utf8) }
            var byLength = [[Int]](repeating: [], count: (utf8.map(\.count).max() ?? 0) + 1)
            for (position, name) in utf8.enumerated() { byLength[name.count].append(position) }
            positionsByLength = byLength
        }

        /// The position of the name whose UTF-8 bytes these are.
        fileprivate func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
            guard key.count < positionsByLength.count else { return nil }
            for position in positionsByLength[key.count] where utf8[position].elementsEqual(key) {
                return position
            }
            return nil
        }
    }

    /// The wanted members' string values (a member that is not a string is absent), or nil when
    /// the text needs the full parser.
    static func strings(in text: String, keys: Set<String>) -> [String: String]? {
        let wanted = Keys(Array(keys))
        guard let values = strings(in: text, keys: wanted) else { return nil }
        var found: [String: String] = [:]
        for (name, value) in zip(wanted.names, values) { found[name] = value }
        return found
    }

    /// The wanted members' string values by position in `keys` (nil where absent or not a string),
    /// or nil when the text needs the full parser.
    static func strings(in text: String, keys: Keys) -> [String?]? {
        var text = text
        return text.withUTF8 { utf8 in
            var reader = StoredJSONFields(bytes: utf8)
            return reader.readObject(keys: keys)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func readObject(keys: Keys) -> [String?]? {
        skipSpace()
        guard next() == UInt8(ascii: "{") else { return nil }
        var found = [String?](repeating: nil, count: keys.utf8.count)
        // Which wanted members were met, one bit each (more than 64 go to the full parser).
        guard keys.utf8.count <= 64 else { return nil }
        var seen: UInt64 = 0
        skipSpace()
        if peek() == UInt8(ascii: "}") { return found }
        while true {
            skipSpace()
            guard next() == UInt8(ascii: "\""), let key = readKey() else { return nil }
            skipSpace()
            guard next() == UInt8(ascii: ":") else { return nil }
            skipSpace()
            let wanted = keys.position(of: key)
            if let wanted {
                // A wanted member twice: the full parser keeps the last one, whatever its kind; let it.
                let bit: UInt64 = 1 << UInt64(wanted)
                guard seen & bit == 0 else { return nil }
                seen |= bit
            }
            if let wanted, peek() == UInt8(ascii: "\"") {
                index += 1
                guard let value = readString() else { return nil }
                found[wanted] = value
            } else {
                guard skipValue() else { return nil }
            }
            skipSpace()
            switch next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return found
            default: return nil
            }
        }
    }

    /// Reads a key after its opening quote, as the bytes between the quotes; nil when it has an
    /// escape (the full parser then reads the text) or is unterminated.
    private mutating func readKey() -> UnsafeBufferPointer<UInt8>? {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
    }

    /// Reads a string after its opening quote; nil on a `\u` escape or an unterminated string.
    private mutating func readString() -> String? {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                default: return nil
                }
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// Skips one value of any kind; false on malformed text.
    private mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            skipSpace()
            guard let byte = next() else { return false }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                guard depth >= 0 else { return false }
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return false }
            default:
                // A number or a literal: runs to the next delimiter.
                while let following = peek(), !Self.isDelimiter(following) { index += 1 }
            }
        } while depth > 0
        return true
    }

    private mutating func skipString() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return true
            case UInt8(ascii: "\\"):
                index += 2
            default:
                index += 1
            }
        }
        return false
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), 0x20, 0x0A, 0x0D, 0x09: true
        default: false
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }
}
