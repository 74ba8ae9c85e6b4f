import ATSTestSupport
import Crypto
import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct WebhookTests {
    /// The signature computed here, independently of the verifier under test.
    func sign(_ body: [UInt8], key: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(key.utf8))))
    }

    @Test func aDeliveredCandidateVerifiesAndAnAlteredOneDoesNot() async throws {
        try await WebhookReceiver.run(signatureHeader: "X-Workable-Signature") { receiver, url in
            try await withWorkableHarness { harness in
                _ = try await harness.api.subscriptions.create(target: url + "?event=moved", event: "candidate_moved")
                let truth = try #require(harness.control.candidates.first { $0.stageSlug != "offer" })
                try await harness.api.candidates.move(WorkableCandidateID(truth.id), to: "offer", by: harness.admin)
                let delivery = try #require(try await receiver.waitFor(1).first)
                #expect(delivery.query == "event=moved")

                let verifier = WorkableWebhookVerifier(signingKey: harness.sandbox.token)
                let candidate = try verifier.verify(body: delivery.body, signature: delivery.signature)
                #expect(candidate.id.rawValue == truth.id)
                #expect(candidate.stage == "Offer")

                var altered = delivery.body
                altered[altered.count / 2] ^= 0x01
                #expect(throws: WorkableWebhookVerificationError.signatureMismatch) {
                    _ = try verifier.verify(body: altered, signature: delivery.signature)
                }
                #expect(throws: WorkableWebhookVerificationError.signatureMismatch) {
                    _ = try WorkableWebhookVerifier(signingKey: "another-key").verify(
                        body: delivery.body, signature: delivery.signature)
                }
            }
        }
    }

    @Test func everyAcceptedEncodingVerifiesAndBadHeadersAreRefused() throws {
        let key = "wk-token-abc123"
        let body = Array(#"{"id":"3fa9c1","name":"Ada Okafor","stage":"Applied"}"#.utf8)
        let mac = sign(body, key: key)
        let lower = mac.map { String(format: "%02x", $0) }.joined()
        let verifier = WorkableWebhookVerifier(signingKey: key)
        for header in [lower, lower.uppercased(), Data(mac).base64EncodedString(), " \(lower) "] {
            #expect(try verifier.verify(body: body, signature: header).id == "3fa9c1")
        }
        let wrapped = Array(#"{"candidate":{"id":"77aa"}}"#.utf8)
        let wrappedSignature = sign(wrapped, key: key).map { String(format: "%02x", $0) }.joined()
        #expect(try verifier.verify(body: wrapped, signature: wrappedSignature).id == "77aa")
        #expect(throws: WorkableWebhookVerificationError.missingSignature) {
            try verifier.authenticate(body: body, signature: nil)
        }
        #expect(throws: WorkableWebhookVerificationError.malformedSignature) {
            try verifier.authenticate(body: body, signature: "sha256=zz")
        }
        #expect(throws: WorkableWebhookVerificationError.malformedSignature) {
            try verifier.authenticate(body: body, signature: String(lower.dropLast(2)))
        }
        let notCandidate = Array("[1,2]".utf8)
        #expect(throws: WorkableWebhookVerificationError.malformedBody) {
            _ = try verifier.verify(
                body: notCandidate, signature: Data(sign(notCandidate, key: key)).base64EncodedString())
        }
        #expect(!String(describing: verifier).contains(key))
        #expect(!String(reflecting: verifier).contains(key))
    }
}
