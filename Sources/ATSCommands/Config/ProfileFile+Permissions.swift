import Foundation

extension ProfileFile {
    /// Refuses a file that other users can read while it holds an API key or a database password.
    /// - Throws: ``CommandFailure`` saying which secret and how to fix the permissions.
    static func checkPermissions(of file: ProfileFile) throws {
        let secrets = file.profiles.values.sorted { $0.name < $1.name }.compactMap { profile -> String? in
            if profile.apiKey != nil { return "the API key of profile '\(profile.name)'" }
            if let database = profile.database, SecretText.hasPassword(database) {
                return "a database password in profile '\(profile.name)'"
            }
            return nil
        }
        guard let first = secrets.first else { return }
        var status = stat()
        guard stat(file.path, &status) == 0 else { return }
        guard status.st_mode & 0o077 != 0 else { return }
        let mode = String(Int(status.st_mode & 0o777), radix: 8)
        throw CommandFailure.usage(
            "The configuration file \(file.path) can be read by other users (mode \(mode)) and holds \(first). "
                + "Make it yours alone: chmod 600 '\(file.path)'.")
    }
}

/// Recognising secrets inside settings, to redact them.
enum SecretText {
    /// Whether a URL carries a password (`scheme://user:password@host`).
    static func hasPassword(_ text: String) -> Bool {
        guard let components = URLComponents(string: text) else { return false }
        return !(components.password ?? "").isEmpty
    }

    /// The text with a URL's password replaced.
    static func redactingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), !(components.password ?? "").isEmpty else { return text }
        components.password = "redacted"
        return components.string ?? "<redacted>"
    }
}
