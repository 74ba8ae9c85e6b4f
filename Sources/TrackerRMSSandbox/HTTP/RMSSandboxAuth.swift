internal import Foundation
internal import Synchronization

/// Who is calling: a user id, and which kind of credential proved it.
struct RMSSandboxCaller: Sendable {
    var userID: Int
    var kind: String
}

/// Checks credentials the way the contract models it: the first present of the Bearer header,
/// the Basic header, `oauthtoken` (optionally prefixed `Bearer `), `username` + `password`, then
/// `apikey`; empty strings count as absent. Unknown or wrong answers status 1, an inactive user 2.
struct RMSSandboxAuth {
    let store: RMSSandboxStore

    struct Failure: Error {
        var status: Int
        var message: String
        var kind: String
    }

    func authenticate(authorization: String?, payload: RMSSandboxBody) -> Result<RMSSandboxCaller, Failure> {
        let configuration = store.configuration
        let credentials = payload.object("credentials")
        func present(_ key: String) -> String? {
            guard let value = credentials?.string(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                return nil
            }
            return value
        }
        if let authorization, !authorization.isEmpty {
            let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return parts[1] == configuration.oauthToken
                    ? .success(RMSSandboxCaller(userID: 2, kind: "bearer"))
                    : .failure(Failure(status: 1, message: "User not found", kind: "bearer"))
            }
            if parts.count == 2, parts[0].lowercased() == "basic",
                let decoded = Data(base64Encoded: parts[1]).flatMap({ String(data: $0, encoding: .utf8) }),
                let colon = decoded.firstIndex(of: ":")
            {
                return user(
                    String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...]), kind: "basic")
            }
        }
        if var token = present("oauthtoken") {
            if token.lowercased().hasPrefix("bearer ") { token = String(token.dropFirst(7)) }
            return token == configuration.oauthToken
                ? .success(RMSSandboxCaller(userID: 2, kind: "oauthtoken"))
                : .failure(Failure(status: 1, message: "User not found", kind: "oauthtoken"))
        }
        if let username = present("username"), let password = credentials?.string("password") {
            return user(username, password: password, kind: "username")
        }
        if let key = present("apikey") {
            return key == configuration.apiKey
                ? .success(RMSSandboxCaller(userID: 1, kind: "apikey"))
                : .failure(Failure(status: 1, message: "User not found", kind: "apikey"))
        }
        return .failure(Failure(status: 1, message: "User not found: no credentials were sent", kind: "none"))
    }

    private func user(_ username: String, password: String, kind: String) -> Result<RMSSandboxCaller, Failure> {
        let configuration = store.configuration
        let wanted = username.trimmingCharacters(in: .whitespaces).lowercased()
        let found = store.data.withLock { data in data.users.first { $0.email.lowercased() == wanted } }
        guard let found, password == configuration.password else {
            return .failure(Failure(status: 1, message: "User not found", kind: kind))
        }
        guard found.isActive else { return .failure(Failure(status: 2, message: "User not active", kind: kind)) }
        return .success(RMSSandboxCaller(userID: found.id, kind: kind))
    }
}
