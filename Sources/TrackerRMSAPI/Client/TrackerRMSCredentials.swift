/// How a request proves who it is. Exactly one kind is sent with every request.
///
/// `description` never shows a secret: only the kind, and for a username the address itself.
public enum TrackerRMSCredentials: Sendable, Hashable, CustomStringConvertible {
    /// `credentials.apikey`: the account's key from Tracker's support; calls act as the system
    /// administrator.
    case apiKey(String)
    /// `credentials.username` + `credentials.password`: a user's e-mail address and password.
    case usernamePassword(username: String, password: String)
    /// `Authorization: Bearer <token>`, an OAuth2 access token (the vendor's preferred way).
    case oauthToken(String)

    /// The kind and, for a username, the user; never a secret.
    public var description: String {
        switch self {
        case .apiKey: return "API key (redacted)"
        case .usernamePassword(let username, _): return "username \(username) with password (redacted)"
        case .oauthToken: return "OAuth token (redacted)"
        }
    }

    /// The secret texts, to scrub from anything the client shows.
    var secrets: [String] {
        switch self {
        case .apiKey(let key): return [key]
        case .usernamePassword(_, let password): return [password]
        case .oauthToken(let token): return [token]
        }
    }

    /// The `credentials` member of the body: `apikey` or `username` + `password`; empty for a
    /// bearer token (sent as a header so that it appears in one place only).
    var bodyMember: RMSJSON {
        switch self {
        case .apiKey(let key): return .object(["apikey": .string(key)])
        case .usernamePassword(let username, let password):
            return .object(["username": .string(username), "password": .string(password)])
        case .oauthToken: return .object([:])
        }
    }

    /// The `Authorization` header, for a bearer token only.
    var authorizationHeader: String? {
        if case .oauthToken(let token) = self { return "Bearer " + token }
        return nil
    }

    /// Whether any secret is empty or blank (the server counts an empty field as absent).
    var isBlank: Bool {
        switch self {
        case .apiKey(let key): return key.rmsTrimmed.isEmpty
        case .usernamePassword(let username, let password):
            return username.rmsTrimmed.isEmpty || password.isEmpty
        case .oauthToken(let token): return token.rmsTrimmed.isEmpty
        }
    }
}

/// Replaces every occurrence of the given secrets in `text` by `<redacted>`.
func redacting(_ text: String, secrets: [String]) -> String {
    var result = text
    for secret in secrets where secret.count >= 3 {
        result = result.replacingAll(secret, with: "<redacted>")
    }
    return result
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var start = startIndex
        while let found = self[start...].firstIndex(of: first) {
            if self[found...].hasPrefix(target) {
                return found..<(index(found, offsetBy: target.count))
            }
            start = index(after: found)
        }
        return nil
    }
}
