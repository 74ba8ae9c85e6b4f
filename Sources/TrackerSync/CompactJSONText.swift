import ATSText

/// Writes compact JSON text piece by piece, with the exact spelling of TrackerAPI's writer
/// (`TrackerJSON.serialized()`): the same escapes, nothing else escaped, no spaces.
///
/// The candidate derivation builds each candidate's stored JSON with it instead of building a
/// `[String: TrackerJSON]` and serializing that: the stores compare stored bytes, so the text must
/// stay what the dictionary would have written (checked against it in the tests), but building the
/// dictionary, hashing its keys and sorting them would cost as much as the rest of a candidate.
struct CompactJSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (punctuation, a member name with its quotes and colon).
    mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends bytes that are already JSON.
    mutating func append(bytes text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// Appends a string value, or `null`.
    mutating func append(string value: String?) {
        guard let text = value else {
            append("null")
            return
        }
        JSONText.quoted(text) { bytes.append(contentsOf: $0) }
    }
}
