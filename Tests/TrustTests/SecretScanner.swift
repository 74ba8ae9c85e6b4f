import Foundation
import Testing

/// Looks for secrets in text, bytes and files, in the forms that would leak them as surely as the
/// plain text: Basic auth's base64, percent-encoding (as in URLs), JSON's `\u` escapes, and the
/// distinctive middle of each secret (a leak cut short by an excerpt still gives most of it away).
struct SecretScanner: Sendable {
    /// The needles, each with what it is.
    let needles: [(what: String, bytes: [UInt8])]

    /// - Parameters:
    ///   - secrets: The secrets, each with a name for messages.
    ///   - basicUser: The Basic-auth user sent with the first secret, for the `user:password` base64 form.
    init(secrets: [(name: String, value: String, core: String)], basicUser: String?) {
        var needles: [(String, [UInt8])] = []
        for (index, secret) in secrets.enumerated() {
            var forms: [(String, String)] = [
                ("", secret.value),
                (" (base64)", Data(secret.value.utf8).base64EncodedString()),
                (" (core)", secret.core),
                (" (percent-encoded)", secret.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                (
                    " (URL password encoding)",
                    secret.value.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? ""
                ),
                (" (JSON escapes)", Self.jsonEscaped(secret.value)),
            ]
            if index == 0, let basicUser {
                forms.append((" (Basic auth)", Data("\(basicUser):\(secret.value)".utf8).base64EncodedString()))
            }
            for (suffix, form) in forms where !form.isEmpty {
                let bytes = Array(form.utf8)
                if !needles.contains(where: { $0.1 == bytes }) { needles.append((secret.name + suffix, bytes)) }
            }
        }
        self.needles = needles
    }

    /// What of the secrets `bytes` hold, by name of the form found.
    func leaks(in bytes: [UInt8]) -> [String] {
        needles.filter { Self.contains(bytes, $0.bytes) }.map(\.what)
    }

    /// Checks one place; records the figures and an issue per leak.
    func scan(_ bytes: [UInt8], _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = leaks(in: bytes)
        for what in found {
            Issue.record("\(place) contains \(what)", sourceLocation: sourceLocation)
        }
        let leaks = found.count
        TrustFigures.shared.add {
            $0.bytesScanned += bytes.count
            $0.placesScanned += 1
            $0.leaks += leaks
        }
    }

    func scan(_ text: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        scan(Array(text.utf8), place, sourceLocation: sourceLocation)
    }

    /// Scans every file in a folder (the SQLite main file, `-wal`, `-shm`, journals).
    /// - Returns: The names of the files scanned.
    @discardableResult
    func scanFolder(_ folder: URL, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String]
    {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            scan([UInt8](data), "\(what) \(name)", sourceLocation: sourceLocation)
        }
        return names
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    private static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                for unit in String(scalar).utf16 { result += String(format: "\\u%04x", unit) }
            }
        }
        return result == text ? "" : result
    }
}
