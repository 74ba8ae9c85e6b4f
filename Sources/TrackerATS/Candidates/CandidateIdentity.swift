public import ATSCore
import Crypto
import Foundation
public import TrackerAPI

/// Derives stable, personal-data-free candidate ids from Tracker applications.
///
/// Applications whose normalised e-mail addresses are equal (case and surrounding spaces ignored)
/// belong to one candidate, whose id is `tc_` followed by the first 128 bits, in hex, of
/// HMAC-SHA256(key, normalised e-mail). An unkeyed hash of an e-mail address is reversible for
/// common addresses by hashing a list of them; the key makes that impossible without it. The key
/// is ``TrackerATSClient/Configuration-swift.struct/candidateIDSecret`` when set, otherwise it is
/// derived from the account's API key and company (so the same person gets different ids in two
/// accounts, and ids change if the API key is rotated: set a secret to keep them).
///
/// An application without an e-mail address is a candidate of its own, `ta_` followed by the
/// application id (an id, not personal data).
public struct CandidateIdentity: Sendable {
    /// HMAC-SHA256 with the key already absorbed, copied for each message: an identity derives one
    /// id per application, and the key's padded blocks are the same for all of them.
    private let keyed: HMAC<SHA256>

    /// The prefix of ids derived from an e-mail address.
    public static let emailPrefix = "tc_"
    /// The prefix of ids of applicants without an e-mail address.
    public static let applicationPrefix = "ta_"

    /// Creates an identity with an explicit secret.
    /// - Parameter secret: The HMAC key; keep it out of the database the ids are stored in.
    public init(secret: [UInt8]) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: secret))
    }

    /// Creates the identity derived from an account's credentials.
    /// - Parameters:
    ///   - apiKey: The account's API key.
    ///   - companyID: The company a partner key acts for, if any.
    public init(apiKey: String, companyID: String?) {
        let material = "ATSKit candidate id v1\u{0}" + apiKey + "\u{0}" + (companyID ?? "")
        self.init(secret: Array(SHA256.hash(data: Array(material.utf8))))
    }

    /// The candidate id of an application.
    /// - Parameters:
    ///   - email: The applicant's e-mail as entered.
    ///   - applicationID: The application's id.
    /// - Returns: The id shared by every application with the same normalised e-mail, or the
    ///   application's own candidate id when it has none.
    public func candidateID(email: String?, applicationID: String) -> CandidateID {
        if let email, let id = candidateID(email: email) { return id }
        return CandidateID(Self.applicationPrefix + applicationID)
    }

    /// The candidate id of a Tracker application.
    /// - Parameter application: The application.
    /// - Returns: Its candidate's id.
    public func candidateID(of application: TrackerApplication) -> CandidateID {
        candidateID(email: application.email, applicationID: application.id.rawValue)
    }

    /// The candidate id of an e-mail address.
    /// - Parameter email: An e-mail address as entered.
    /// - Returns: The id, or nil when the address is empty.
    public func candidateID(email: String) -> CandidateID? {
        ContactNormalization.withNormalizedEmailBytes(email) { normalized in
            var hmac = keyed
            hmac.update(data: normalized)
            let code = hmac.finalize()
            return CandidateID(code.withUnsafeBytes { Self.emailID(firstHalfOf: $0) })
        }
    }

    /// `tc_` and the first 16 bytes of an authentication code in lowercase hex, written straight
    /// into the string.
    private static func emailID(firstHalfOf code: UnsafeRawBufferPointer) -> String {
        let prefix = Array(emailPrefix.utf8)
        let byteCount = min(code.count, 16)
        return String(unsafeUninitializedCapacity: prefix.count + 2 * byteCount) { buffer in
            var position = 0
            for byte in prefix {
                buffer[position] = byte
                position += 1
            }
            for byte in code.prefix(byteCount) {
                buffer[position] = hexDigit(byte >> 4)
                buffer[position + 1] = hexDigit(byte & 0x0F)
                position += 2
            }
            return position
        }
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }

    /// The application id a `ta_` candidate id stands for.
    /// - Parameter id: A candidate id.
    /// - Returns: The application id, or nil for other ids.
    public static func applicationID(of id: CandidateID) -> TrackerApplicationID? {
        guard id.rawValue.hasPrefix(applicationPrefix) else { return nil }
        let rest = id.rawValue.dropFirst(applicationPrefix.count)
        return rest.isEmpty ? nil : TrackerApplicationID(rawValue: String(rest))
    }
}

extension CandidateIdentity: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Says what the value is without its contents: the keyed hash state stands for the key
    /// (anyone holding it can derive ids), and a printed or dumped value ends up in logs.
    public var description: String { "CandidateIdentity(key: redacted)" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` and reflection show no key material either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
