import ATSText

/// Writes ``TrackerJSON`` as compact JSON with sorted keys, so request bodies are reproducible.
struct TrackerJSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: TrackerJSON) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let number): append(String(number))
        case .double(let number): append(Self.format(number))
        case .string(let text): writeString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                write(members[key] ?? .null)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A number as this package writes it (`JSONText.number(_:)` of ATSText).
    static func format(_ number: Double) -> String {
        JSONText.number(number)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeString(_ text: String) {
        JSONText.quoted(text) { bytes.append(contentsOf: $0) }
    }
}
