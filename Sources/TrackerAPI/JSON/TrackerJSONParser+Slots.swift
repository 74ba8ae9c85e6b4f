/// One object of a page decoded into slots: the members a model reads, and where the object's
/// text is in the page.
struct SlottedObject {
    /// The values by ``WireKeys`` slot (nil where the member is absent; JSON `null` is `.null`).
    var slots: [TrackerJSON?]
    /// The object's bytes in the page, from `{` to `}`.
    var range: Range<Int>
}

extension TrackerJSONParser {
    /// Parses a document that should be an array of objects, keeping of each object only the
    /// members `keys` names, and the object's byte range.
    ///
    /// Every value is still read in full, members not kept included, so text the full parser
    /// refuses is refused here too; the duplicate of a member replaces it, as in a dictionary.
    ///
    /// - Returns: The objects, or nil when the document is JSON of another shape (the caller
    ///   then reads it with ``parseDocumentRecordingElements()`` to report what it is).
    /// - Throws: ``TrackerJSONSyntaxError`` when the text is not JSON (possibly at another offset
    ///   than the full parser's; the caller reads it again with that for the error).
    mutating func parseObjectArrayDocument(keys: WireKeys) throws -> [SlottedObject]? {
        skipByteOrderMarkAndWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        try enter()
        defer { depth -= 1 }
        index += 1
        var objects: [SlottedObject] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            elements: while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
                let start = index
                let slots = try parseSlottedObject(keys: keys)
                objects.append(SlottedObject(slots: slots, range: start..<index))
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated array") }
                switch bytes[index] {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    break elements
                default: throw fail("expected ',' or ']'")
                }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the value") }
        return objects
    }

    private mutating func parseSlottedObject(keys: WireKeys) throws -> [TrackerJSON?] {
        try enter()
        defer { depth -= 1 }
        index += 1
        var slots = [TrackerJSON?](repeating: nil, count: keys.count)
        var expected = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return slots
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let slot = try readKeySlot(keys: keys, expected: expected)
            if let slot { expected = slot + 1 }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            if let slot { slots[slot] = value }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return slots
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    /// Reads a key (from its opening quote) and answers its slot: compared as bytes when it has
    /// no escapes (no `String` is made), decoded first when it has.
    private mutating func readKeySlot(keys: WireKeys, expected: Int) throws -> Int? {
        let quote = index
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return keys.slot(ofUTF8: UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<end]), expected: expected)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            end += 1
        }
        index = quote
        return keys.slot(of: try parseString())
    }
}
