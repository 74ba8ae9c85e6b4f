import Foundation

/// The member names a wire model reads, numbered, so that a page can be decoded straight into one
/// small array of values per record instead of a `[String: TrackerJSON]` for each.
///
/// Building a dictionary per record (every key made a `String` and hashed) and then looking each
/// member up again by hashing would be the largest part of decoding a page. With the keys known, the parser matches each key's bytes against this table and keeps only the
/// members the model reads; the record's whole object is still available, parsed from its bytes
/// when a caller asks for it (``RawJSONObject``). A class, so that the records of a page share one
/// table without copying it.
final class WireKeys: Sendable {
    /// The names, in slot order.
    let names: [String]
    /// Every name's UTF-8 bytes, one after another.
    private let utf8: [UInt8]
    /// Where each name's bytes start in ``utf8`` (one more entry than names: the end).
    private let starts: [Int]
    /// Slots by the byte length of their name: most keys can be told apart by length alone.
    private let slotsByLength: [[Int]]

    init(_ names: [String]) {
        self.names = names
        var utf8: [UInt8] = []
        var starts: [Int] = []
        var byLength: [[Int]] = []
        for (slot, name) in names.enumerated() {
            starts.append(utf8.count)
            utf8.append(contentsOf: name.utf8)
            let length = name.utf8.count
            if byLength.count <= length {
                byLength.append(contentsOf: repeatElement([], count: length + 1 - byLength.count))
            }
            byLength[length].append(slot)
        }
        starts.append(utf8.count)
        self.utf8 = utf8
        self.starts = starts
        slotsByLength = byLength
    }

    /// How many names there are.
    var count: Int { names.count }

    /// The slot of a name.
    func slot(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { slot(ofUTF8: $0) }
    }

    /// The slot of a name given as the UTF-8 bytes between its quotes, without making a `String`.
    /// - Parameters:
    ///   - key: The name's bytes.
    ///   - expected: The slot to try first (the one after the last member read: servers write a
    ///     resource's members in the same order every time).
    func slot(ofUTF8 key: UnsafeBufferPointer<UInt8>, expected: Int = -1) -> Int? {
        if expected >= 0, expected < names.count, matches(key, slot: expected) { return expected }
        guard key.count < slotsByLength.count else { return nil }
        for slot in slotsByLength[key.count] where matches(key, slot: slot) {
            return slot
        }
        return nil
    }

    private func matches(_ key: UnsafeBufferPointer<UInt8>, slot: Int) -> Bool {
        let start = starts[slot]
        guard starts[slot + 1] - start == key.count else { return false }
        guard let keyBase = key.baseAddress else { return true }
        return utf8.withUnsafeBufferPointer { table in
            guard let tableBase = table.baseAddress else { return false }
            return memcmp(tableBase + start, keyBase, key.count) == 0
        }
    }
}
