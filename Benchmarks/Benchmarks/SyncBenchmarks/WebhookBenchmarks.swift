import Benchmark
import TrackerAPI
import TrackerSandbox

/// Verifying one webhook delivery of 1 MiB (`ats webhooks listen`'s default largest body): the
/// digest of the whole body under the API password, once per construction the verifier accepts.
/// Unlike the other benchmarks, an iteration is one delivery, not 1000 records.
func webhookBenchmarks() {
    let password = Array("benchmark-password".utf8)
    let body = [UInt8]((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    let signature = SandboxWebhookSignature.hmacSHA256Hex(key: password, message: body)
    let verifier = TrackerWebhookVerifier(apiPassword: String(decoding: password, as: UTF8.self))
    Benchmark("Verify a 1 MiB webhook delivery (X-ATS-Signature, HMAC-SHA256)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try verifier.authenticate(body: body, signature: signature))
        }
    }
}
