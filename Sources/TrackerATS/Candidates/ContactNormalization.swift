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
