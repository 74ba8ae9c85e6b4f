import ATSText
import TrackerAPI

/// The JSON text of the `tags`, `options` and `custom_fields` columns, written straight into the
/// column's string.
///
/// The text is byte for byte what ``TrackerJSON/serialized()`` writes for the same value (compact,
/// keys sorted, the same escapes and number spellings): the stores compare a row's columns as
/// bytes to tell an unchanged row, so another spelling would rewrite every row once. Building a
/// ``TrackerJSON`` tree and serialising it took about a tenth of the decoding threads' time in a
/// profile of a first sync; this measures the text first and then writes it into a string of
/// exactly that size, so a column costs one allocation (none for `[]`, `{}` and other texts short
/// enough for a small string).
enum ColumnJSON {
    /// A JSON array of strings.
    static func array(of strings: [String]) -> String {
        text { sink in
            sink.append(UInt8(ascii: "["))
            for (offset, string) in strings.enumerated() {
                if offset > 0 { sink.append(UInt8(ascii: ",")) }
                sink.writeString(string)
            }
            sink.append(UInt8(ascii: "]"))
        }
    }

    /// A JSON object with sorted keys.
    static func object(_ members: [String: TrackerJSON]) -> String {
        text { sink in sink.writeObject(members) }
    }

    /// Runs `write` once to measure the text and once to write it.
    private static func text(_ write: (inout JSONTextSink) -> Void) -> String {
        var counter = JSONTextSink(output: nil)
        write(&counter)
        return String(unsafeUninitializedCapacity: counter.count) { buffer in
            var writer = JSONTextSink(output: buffer)
            write(&writer)
            return min(writer.count, buffer.count)
        }
    }
}

/// Where ``ColumnJSON`` writes: counts bytes only (no output, the measuring pass) or also stores
/// them in `output`, sized by the measuring pass (and never written past, should the two passes
/// ever disagree).
struct JSONTextSink {
    let output: UnsafeMutableBufferPointer<UInt8>?
    private(set) var count = 0

    init(output: UnsafeMutableBufferPointer<UInt8>?) {
        self.output = output
    }

    mutating func append(_ byte: UInt8) {
        if let output, count < output.count { output.initializeElement(at: count, to: byte) }
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let output, count < output.count {
            let room = UnsafeMutableBufferPointer(rebasing: output[count...])
            _ = room.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room.count)))
        }
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func writeValue(_ value: TrackerJSON) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let number): append(String(number))
        case .double(let number): append(JSONText.number(number))
        case .string(let text): writeString(text)
        case .array(let elements):
            append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { append(UInt8(ascii: ",")) }
                writeValue(element)
            }
            append(UInt8(ascii: "]"))
        case .object(let members): writeObject(members)
        }
    }

    mutating func writeObject(_ members: [String: TrackerJSON]) {
        append(UInt8(ascii: "{"))
        var first = true
        Self.forEachSorted(members) { key, value in
            if !first { append(UInt8(ascii: ",")) }
            first = false
            writeString(key)
            append(UInt8(ascii: ":"))
            writeValue(value)
        }
        append(UInt8(ascii: "}"))
    }

    /// A string in quotes, escaped as every writer of this package does (`JSONText` of ATSText).
    mutating func writeString(_ text: String) {
        JSONText.quoted(text) { append($0) }
    }

    /// Calls `body` with the members in ascending key order (`String`'s `<`, as `keys.sorted()`),
    /// sorting positions on the stack: objects here have a handful of keys.
    private static func forEachSorted(
        _ members: [String: TrackerJSON],
        _ body: (String, TrackerJSON) -> Void
    ) {
        guard members.count > 1 else {
            for (key, value) in members { body(key, value) }
            return
        }
        guard members.count <= 32 else {
            for key in members.keys.sorted() { body(key, members[key] ?? .null) }
            return
        }
        // Insertion sort of the members' positions, in a buffer on the stack.
        withUnsafeTemporaryAllocation(of: [String: TrackerJSON].Index.self, capacity: members.count) { order in
            var sorted = 0
            for index in members.indices {
                let key = members[index].key
                var position = sorted
                while position > 0, key < members[order[position - 1]].key { position -= 1 }
                if position == sorted {
                    order.initializeElement(at: sorted, to: index)
                } else {
                    order.initializeElement(at: sorted, to: order[sorted - 1])
                    var slot = sorted - 1
                    while slot > position {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[position] = index
                }
                sorted += 1
            }
            for slot in 0..<sorted {
                let member = members[order[slot]]
                body(member.key, member.value)
            }
            _ = UnsafeMutableBufferPointer(rebasing: order[0..<sorted]).deinitialize()
        }
    }
}
