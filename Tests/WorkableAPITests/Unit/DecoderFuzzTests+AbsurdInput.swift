import Crypto
import Foundation
import PropertyBased
import Testing
import WorkableSandbox

@testable import WorkableAPI

/// Absurd numbers in every numeric place of the documents, the paging link and the rate-limit
/// headers (a Double → Int64 or Duration conversion trapped here before), and random
/// `X-Workable-Signature` headers: values or typed errors, never a trap or a hang.
extension DecoderFuzzTests {
    static let absurdNumbers = [
        "1e400", "-1e400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1.7976931348623157e308", "4.9e-324", "-0", "0.0000000001", "123456789012345678901234567890", "1e19",
        "-1", "0",
    ]

    static let numericFields = [
        "id", "position", "created_at", "updated_at", "limit", "total", "count", "size", "expires_at", "stage",
    ]

    @Test func absurdNumbersInEveryFieldAreValuesOrTypedErrors() async {
        let documents = zip(
            Gen<Int>.int(in: 0...(Self.absurdNumbers.count - 1)).array(of: 1...6),
            Gen<Int>.int(in: 0...(Self.numericFields.count - 1)).array(of: 1...6)
        ).map { numbers, fields -> String in
            let pairs = zip(fields, numbers).map { #""\#(Self.numericFields[$0])":\#(Self.absurdNumbers[$1])"# }
            let object = "{" + pairs.joined(separator: ",") + "}"
            let paging = #""paging":{"next":\#(Self.absurdNumbers[numbers[0]])}"#
            return #"{"candidate":\#(object),"candidates":[\#(object)],"jobs":[\#(object)],"#
                + #""members":[\#(object)],"activities":[\#(object)],"stages":[\#(object)],\#(paging)}"#
        }
        await propertyCheck(count: WorkableFuzzFigures.cases(1_000), input: documents) { document in
            Self.decodeEverything(Data(document.utf8), target: "absurd numbers")
        }
    }

    @Test func absurdRateLimitHeadersNeverTrapThePacer() async throws {
        let values = Self.absurdNumbers + ["", " ", "abc", "Sat, 05 Dec 2026 02:00:00 GMT", "2026-12-05T02:00:00Z"]
        let triples = zip(
            Gen<Int>.int(in: 0...(values.count - 1)), Gen<Int>.int(in: 0...(values.count - 1)),
            Gen<Int>.int(in: 0...(values.count - 1)))
        await propertyCheck(count: WorkableFuzzFigures.cases(1_000), input: triples) { limit, remaining, reset in
            let headers = RateLimitHeaders(
                header: {
                    [
                        "X-Rate-Limit-Limit": values[limit], "X-Rate-Limit-Remaining": values[remaining],
                        "X-Rate-Limit-Reset": values[reset],
                    ][$0] ?? nil
                },
                wallClock: Date(timeIntervalSince1970: 1_796_000_000))
            let sandboxClock = ManualWorkableSandboxClock(start: Date(timeIntervalSince1970: 1_796_000_000))
            let pacer = WorkableRequestPacer(
                rateLimit: .accountToken,
                clock: WorkableClock(
                    WorkableSandboxAdvancingClock(sandboxClock: sandboxClock), wallClock: { sandboxClock.now() }))
            await pacer.observe(
                serverLimit: headers.limit, remaining: headers.remaining, resetIn: headers.resetIn,
                rateLimited: reset % 2 == 0)
            // The wait is virtual: the advancing clock moves time instead of sleeping.
            let waited = (try? await pacer.acquire()) ?? .zero
            WorkableFuzzFigures.shared.record("rate-limit headers into the pacer")
            #expect(waited >= .zero)
            #expect(waited <= .seconds(10 * 365 * 86_400 + 60))
        }
    }

    @Test func randomSignatureHeadersAreRefusedWithATypedError() async {
        let alphabet = Array("0123456789abcdefABCDEF+/=_- \t")
        let signatures = zip(
            Gen<Int>.int(in: 0...(alphabet.count - 1)).array(of: 0...100), Gen<Int>.int(in: 0...3)
        ).map { indices, shape -> String in
            let text = String(indices.map { alphabet[$0] })
            switch shape {
            case 0:
                return String(text.filter(\.isHexDigit).prefix(64)).padding(toLength: 64, withPad: "0", startingAt: 0)
            case 1: return Data(text.utf8.prefix(32)).base64EncodedString()
            default: return text
            }
        }
        let verifier = WorkableWebhookVerifier(signingKey: "webhook-fuzz-key")
        let body = Array(#"{"candidate":{"id":"3fa9c1","name":"Ada"}}"#.utf8)
        await propertyCheck(count: WorkableFuzzFigures.cases(2_000), input: signatures) { signature in
            do {
                _ = try verifier.verify(body: body, signature: signature)
                Issue.record("a random signature was accepted: \(signature)")
            } catch {
                WorkableFuzzFigures.shared.record("webhook signature header", typedFailure: true)
                #expect(error is WorkableWebhookVerificationError)
                #expect(!"\(error)".contains("webhook-fuzz-key"))
            }
        }
        // The real signature still passes, whatever the fuzz did.
        let real = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array("webhook-fuzz-key".utf8)))
        #expect((try? verifier.verify(body: body, signature: Data(real).base64EncodedString())) != nil)
    }
}
