public import ATSCore
import Crypto
import Foundation

/// How ATSKit names a Workable person: the same person in several jobs is several Workable records,
/// linked only by their e-mail address, so the person's id is derived from the normalised address
/// (trimmed, lower-cased) as HMAC-SHA256 under a secret, and carries no personal data.
///
/// A record without an e-mail address is a person of its own, named after the record.
public struct WorkableCandidateIdentity: Sendable {
    private let keyed: HMAC<SHA256>

    /// The prefix of ids derived from an e-mail address.
    public static let emailPrefix = "wc_"
    /// The prefix of ids of records without an e-mail address (the record id follows).
    public static let recordPrefix = "wr_"

    /// Creates an identity keyed by a secret.
    /// - Parameter secret: The key; keep it out of any database the ids are stored in.
    public init(secret: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: secret))
    }

    /// Creates an identity keyed by the account's token and base URL, as the Tracker provider keys
    /// its ids by the API key: the same account gives the same ids in every run.
    /// - Parameters:
    ///   - token: The API token.
    ///   - baseURL: The SPI v3 root.
    public init(token: String, baseURL: String) {
        let material = "ATSKit Workable candidate id v1\u{0}" + token + "\u{0}" + baseURL
        self.init(secret: Array(SHA256.hash(data: Array(material.utf8))))
    }

    /// The e-mail address as the person's key: surrounding white space trimmed, lower-cased; `nil`
    /// when nothing is left.
    /// - Parameter email: The address as a record holds it.
    /// - Returns: The normalised address.
    public static func normalizedEmail(_ email: String?) -> String? {
        guard let email else { return nil }
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The id of the person a record belongs to.
    /// - Parameters:
    ///   - email: The record's e-mail address.
    ///   - recordID: The record's id, used when there is no address.
    /// - Returns: The candidate id.
    public func candidateID(email: String?, recordID: String) -> CandidateID {
        if let id = candidateID(email: email) { return id }
        return CandidateID(Self.recordPrefix + recordID)
    }

    /// The id of the person with this e-mail address, or `nil` for a blank address.
    /// - Parameter email: The address.
    /// - Returns: The candidate id.
    public func candidateID(email: String?) -> CandidateID? {
        guard let normalized = Self.normalizedEmail(email) else { return nil }
        var hmac = keyed
        hmac.update(data: Array(normalized.utf8))
        let code = Array(hmac.finalize()).prefix(16)
        return CandidateID(Self.emailPrefix + code.map { String(format: "%02x", $0) }.joined())
    }

    /// The record id named by a `wr_` candidate id.
    /// - Parameter id: The candidate id.
    /// - Returns: The record id, or `nil` for an id derived from an e-mail address.
    public static func recordID(of id: CandidateID) -> String? {
        guard id.rawValue.hasPrefix(recordPrefix) else { return nil }
        let rest = id.rawValue.dropFirst(recordPrefix.count)
        return rest.isEmpty ? nil : String(rest)
    }
}

extension WorkableCandidateIdentity: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Hides the key.
    public var description: String { "WorkableCandidateIdentity(key: redacted)" }
    /// Hides the key.
    public var debugDescription: String { description }
    /// Hides the key from reflection.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
