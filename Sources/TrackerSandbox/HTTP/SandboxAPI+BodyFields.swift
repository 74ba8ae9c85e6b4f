internal import Foundation

/// Reading typed fields out of JSON request bodies, with `422` errors that name the field.
extension SandboxAPI {
    /// An id given as a JSON integer or a string of digits (both appear in Tracker's examples).
    func requiredID(_ key: String, in body: SandboxJSON, prefix: String = "") throws(SandboxHTTPError) -> Int {
        guard let value = body[key], value != .null else {
            throw .unprocessable("missing required field '\(prefix)\(key)'")
        }
        guard let id = value.intValue else {
            throw .unprocessable("'\(prefix)\(key)' must be an integer id, not \(value.typeName)")
        }
        return id
    }

    /// A string that must be present and not blank.
    func requiredText(_ key: String, in body: SandboxJSON, prefix: String = "") throws(SandboxHTTPError) -> String {
        guard let value = body[key], value != .null else {
            throw .unprocessable("missing required field '\(prefix)\(key)'")
        }
        guard let text = value.stringValue else {
            throw .unprocessable("'\(prefix)\(key)' must be a string, not \(value.typeName)")
        }
        guard !text.trimmingSpaces().isEmpty else { throw .unprocessable("'\(prefix)\(key)' must not be empty") }
        return text
    }

    /// A string, or `nil` when absent or `null`.
    func optionalText(_ key: String, in body: SandboxJSON) throws(SandboxHTTPError) -> String? {
        guard let value = body[key], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw .unprocessable("'\(key)' must be a string, not \(value.typeName)")
        }
        return text
    }

    /// A file name: 1–255 bytes, no path separators or control characters (it ends up in a
    /// `Content-Disposition` header).
    func filename(_ key: String, in body: SandboxJSON, prefix: String = "") throws(SandboxHTTPError) -> String {
        let name = try requiredText(key, in: body, prefix: prefix)
        let forbidden = name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
        guard name.utf8.count <= 255, !forbidden else {
            throw .unprocessable(
                "'\(prefix)\(key)' must be a file name of at most 255 bytes without '/', '\\' or control characters"
            )
        }
        return name
    }

    /// Base64 data (standard alphabet; line breaks and a `data:...;base64,` prefix are tolerated).
    func base64(_ key: String, in body: SandboxJSON, prefix: String = "") throws(SandboxHTTPError) -> [UInt8] {
        var text = try requiredText(key, in: body, prefix: prefix)
        if text.hasPrefix("data:"), let comma = text.firstIndex(of: ",") {
            text = String(text[text.index(after: comma)...])
        }
        text.removeAll { $0 == "\n" || $0 == "\r" || $0 == " " }
        guard let data = Data(base64Encoded: text) else {
            throw .unprocessable("'\(prefix)\(key)' must be base64-encoded file content")
        }
        return [UInt8](data)
    }
}
