import Foundation

/// How applicants' contact details are compared: the same person types them differently on
/// different applications.
enum ContactNormalization {
    /// An e-mail address with surrounding spaces removed and letters lowercased; nil when empty.
    ///
    /// Lowercasing the local part is not what RFC 5321 promises, but it is what every mail
    /// provider applicants use does, and what recruiters mean by "the same address".
    static func email(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingSpaces.lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Calls `body` with the UTF-8 bytes of ``email(_:)``'s result, without making a string when the
    /// address is ASCII (candidate ids hash one address per application, and a sync maps every
    /// application).
    /// - Returns: What `body` returned, or nil when the address is empty.
    static func withNormalizedEmailBytes<Result>(
        _ raw: String,
        _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result? {
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else {
            guard var normalized = email(raw) else { return nil }
            return normalized.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        // ASCII: trimming white space (tab to carriage return, space) and lowercasing A–Z is all
        // that `email(_:)` does to it.
        var raw = raw
        return raw.withUTF8 { utf8 -> Result? in
            var start = 0
            var end = utf8.count
            while start < end, isASCIIWhitespace(utf8[start]) { start += 1 }
            while end > start, isASCIIWhitespace(utf8[end - 1]) { end -= 1 }
            guard start < end else { return nil }
            let trimmed = UnsafeBufferPointer(rebasing: utf8[start..<end])
            guard trimmed.contains(where: isASCIIUppercase) else { return body(UnsafeRawBufferPointer(trimmed)) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: trimmed.count) { lowered in
                for (offset, byte) in trimmed.enumerated() {
                    lowered.initializeElement(at: offset, to: isASCIIUppercase(byte) ? byte | 0x20 : byte)
                }
                return body(UnsafeRawBufferPointer(lowered))
            }
        }
    }

    private static func isASCIIUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The digits of a phone number without its extension; nil when fewer than seven remain.
    static func phoneDigits(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var digits = ""
        var scanner = Substring(raw.lowercased())
        while let character = scanner.first {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if !digits.isEmpty, character == "x" || character == "#" || scanner.hasPrefix("ext") {
                break  // "ext. 45", "x45", "#45": an extension is not part of the number
            }
            scanner.removeFirst()
        }
        return digits.count >= 7 ? digits : nil
    }

    /// Whether two phone numbers' digits are the same number: equal, or equal once a country code
    /// of up to three digits is ignored on the longer one (`+1 201 …` and `201 …`).
    static func phonesMatch(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        let (short, long) = left.count < right.count ? (left, right) : (right, left)
        return long.count - short.count <= 3 && long.hasSuffix(short) && short.count >= 10
    }

    /// A name folded for comparison: case and diacritics ignored, inner spaces collapsed; nil when empty.
    static func name(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
