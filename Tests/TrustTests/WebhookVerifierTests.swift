import Foundation
import Testing

@testable import TrackerAPI

/// The library's webhook verification, without a network: what is accepted, what is refused and
/// with which typed error, and the comparison that must not leak where a forgery went wrong.
extension SecretsAndTrust {
    @Suite struct WebhookVerifierTests {
        static let password = "Wh-9k2-s1gn1ng-Pa55"
        static let body = Array(
            #"{"event_name":"app_status_updated","application":{"id":42,"job_id":7,"status":"Interview","first_name":"Ada","updated_at":"2026-03-01 09:15:00"}}"#
                .utf8)

        static func sign(_ body: [UInt8], key: String = password) -> String {
            TestSignatures.hmac(key: Array(key.utf8), message: body).lowercaseHex
        }

        static func rejection(
            _ verifier: TrackerWebhookVerifier, _ body: [UInt8], _ signature: String?
        ) -> TrackerWebhookVerificationError.Code? {
            TrustFigures.shared.add { $0.signaturesChecked += 1 }
            do {
                _ = try verifier.verify(body: body, signature: signature)
                return nil
            } catch {
                TrustFigures.shared.add { $0.badDeliveriesRejected += 1 }
                return error.code
            }
        }

        static func sign(
            _ body: [UInt8], _ construction: TrackerWebhookSignatureConstruction, key: String = password
        ) -> String {
            let key = Array(key.utf8)
            return switch construction {
            case .hmac: TestSignatures.hmac(key: key, message: body).lowercaseHex
            case .passwordThenBody: TestSignatures.sha256(key + body).lowercaseHex
            case .bodyThenPassword: TestSignatures.sha256(body + key).lowercaseHex
            }
        }

        static let hub = TestSignatures.sha256(Array(password.utf8)).lowercaseHex

        @Test func anyOfTheThreeConstructionsIsAcceptedByDefaultAndOnlyTheConfiguredOneOtherwise() throws {
            let any = TrackerWebhookVerifier(apiPassword: Self.password)
            #expect(any.acceptedConstructions == TrackerWebhookSignatureConstruction.allCases)
            for construction in TrackerWebhookSignatureConstruction.allCases {
                let signature = Self.sign(Self.body, construction)
                #expect(
                    try any.authenticate(body: Self.body, signature: signature, hubSignature: Self.hub) == construction)
                #expect(try any.authenticate(body: Self.body, signature: signature) == construction)
                for configured in TrackerWebhookSignatureConstruction.allCases {
                    let pinned = TrackerWebhookVerifier(apiPassword: Self.password, construction: configured)
                    let code = Self.rejection(pinned, Self.body, signature)
                    #expect(
                        code == (configured == construction ? nil : .signatureMismatch), "\(configured) \(construction)"
                    )
                }
                var tampered = Self.body
                tampered[3] ^= 0x04
                #expect(Self.rejection(any, tampered, signature) == .signatureMismatch)
                #expect(
                    Self.rejection(any, Self.body, Self.sign(Self.body, construction, key: "other"))
                        == .signatureMismatch)
            }
        }

        @Test func theHubSignatureMustMatchWhenSentAndIsNeverEnoughAlone() {
            let verifier = TrackerWebhookVerifier(apiPassword: Self.password)
            let signature = Self.sign(Self.body)
            func code(_ ats: String?, _ hub: String?) -> TrackerWebhookVerificationError.Code? {
                do {
                    try verifier.authenticate(body: Self.body, signature: ats, hubSignature: hub)
                    return nil
                } catch {
                    #expect(!error.message.contains(Self.hub) && !error.message.contains(signature))
                    return error.code
                }
            }
            #expect(code(signature, Self.hub) == nil)
            #expect(code(signature, Self.hub.uppercased()) == nil)
            #expect(code(signature, "") == nil)
            #expect(code(signature, TestSignatures.sha256(Array("x".utf8)).lowercaseHex) == .signatureMismatch)
            #expect(code(signature, String(Self.hub.prefix(40))) == .malformedSignature)
            #expect(code(nil, Self.hub) == .missingSignature)
            #expect(code("", Self.hub) == .missingSignature)
            #expect(code(nil, nil) == .missingSignature)
            #expect(code(Self.hub, Self.hub) == .signatureMismatch)
            TrustFigures.shared.add { $0.signaturesChecked += 9 }
        }

        @Test func aGenuineDeliveryIsDecodedIntoTypedValues() throws {
            let verifier = TrackerWebhookVerifier(
                apiPassword: Self.password, accountTimeZone: TimeZone(identifier: "America/Los_Angeles"))
            let signature = Self.sign(Self.body)
            TrustFigures.shared.add { $0.signaturesChecked += 3 }
            for header in [signature, signature.uppercased(), " \(signature) "] {
                let delivery = try verifier.verify(body: Self.body, signature: header)
                #expect(delivery.event == .appStatusUpdated)
                #expect(delivery.application.id == TrackerApplicationID(rawValue: "42"))
                #expect(delivery.application.jobID == TrackerJobID(rawValue: "7"))
                #expect(delivery.application.status?.rawValue == "Interview")
                #expect(!delivery.jsonLine.contains("\n"))
                #expect(delivery.jsonLine.contains(#""event_name":"app_status_updated""#))
            }
            let data = try verifier.verify(body: Data(Self.body), signature: signature)
            #expect(data.application.firstName == "Ada")
        }

        @Test func everyKindOfBadSignatureIsATypedRejection() {
            let verifier = TrackerWebhookVerifier(apiPassword: Self.password)
            let signature = Self.sign(Self.body)
            var flippedBody = Self.body
            flippedBody[flippedBody.count / 2] ^= 0x20
            let nonHex = String(signature.dropLast()) + "g"
            let cases: [([UInt8], String?, TrackerWebhookVerificationError.Code)] = [
                (flippedBody, signature, .signatureMismatch),
                (Self.body, Self.sign(Self.body, key: Self.password + "x"), .signatureMismatch),
                (Self.body, Self.sign(Self.body, key: ""), .signatureMismatch),
                (Self.body, String(signature.prefix(63)), .malformedSignature),
                (Self.body, String(signature.prefix(32)), .malformedSignature),
                (Self.body, signature + "00", .malformedSignature),
                (Self.body, nonHex, .malformedSignature),
                (Self.body, "sha256=" + signature, .malformedSignature),
                (Self.body, nil, .missingSignature),
                (Self.body, "", .missingSignature),
                (Self.body + [0x20], signature, .signatureMismatch),
                (Array(Self.body.dropLast()), signature, .signatureMismatch),
            ]
            for (body, header, code) in cases {
                #expect(Self.rejection(verifier, body, header) == code, "signature \(header ?? "nil")")
            }
        }

        @Test func anAuthenticBodyThatIsNoDeliveryIsMalformedNotUnauthorized() {
            let verifier = TrackerWebhookVerifier(apiPassword: Self.password)
            let bodies = [
                "not json", "[1,2]", #"{"event_name":"x"}"#, #"{"application":{"id":1}}"#,
                #"{"event_name":"x","application":{"name":"no id"}}"#, #"{"event_name":"","application":{"id":1}}"#,
            ]
            for text in bodies {
                let body = Array(text.utf8)
                let code = Self.rejection(verifier, body, Self.sign(body))
                #expect(code == .malformedBody, "\(text)")
                #expect(
                    code.map { TrackerWebhookVerificationError(code: $0, message: "").isAuthenticationFailure } == false
                )
            }
        }

        /// Any single flipped bit of the body or of the signature is refused (seeded, so a failure
        /// repeats), and no error message carries the password or the expected signature.
        @Test func everySingleBitFlipIsRefused() {
            var generator = SeededGenerator(seed: 0x5EC2E7)
            let verifier = TrackerWebhookVerifier(apiPassword: Self.password)
            for round in 0..<300 {
                let body = (0..<Int.random(in: 1...400, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
                let signature = Self.sign(body)
                var tamperedBody = body
                tamperedBody[Int.random(in: 0..<body.count, using: &generator)] ^=
                    1 << UInt8.random(in: 0...7, using: &generator)
                var digits = Array(signature.utf8)
                let position = Int.random(in: 0..<digits.count, using: &generator)
                // Change one digit to another hex digit, so the header stays well formed.
                digits[position] = digits[position] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                let tamperedSignature = String(decoding: digits, as: UTF8.self)
                #expect(Self.rejection(verifier, tamperedBody, signature) == .signatureMismatch, "round \(round)")
                #expect(Self.rejection(verifier, body, tamperedSignature) == .signatureMismatch, "round \(round)")
                do {
                    _ = try verifier.verify(body: tamperedBody, signature: signature)
                } catch {
                    #expect(!error.message.contains(Self.password) && !error.message.contains(signature))
                }
            }
        }

        @Test func theVerifierNeverShowsItsKey() {
            let verifier = TrackerWebhookVerifier(apiPassword: Self.password)
            var dumped = ""
            dump(verifier, to: &dumped)
            for text in ["\(verifier)", String(reflecting: verifier), dumped] {
                #expect(!text.contains(Self.password))
                #expect(!text.contains(String(decoding: Array(Self.password.utf8).prefix(8), as: UTF8.self)))
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so that generated cases repeat from run to run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
