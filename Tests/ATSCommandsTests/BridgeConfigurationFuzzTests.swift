import Foundation
import Testing

@testable import ATSCommands

/// `bridge.json` fuzzed: random bytes, mutated good files, absurd numbers as job ids, deep
/// nesting and secrets written inline. Every input ends in a configuration or a ``CommandFailure``
/// (status 2) that never repeats the inline secret; never a trap or a hang. Quick: 3,000 cases;
/// `ATSKIT_RELIABILITY=full`: 30,000 (`scripts/reliability fuzz`).
@Suite struct BridgeConfigurationFuzzTests {
    static let secret = "s3cret-planted-7Qx9"

    static let seeds = [
        BridgeConfigurationTests.good,
        #"{"source":{"provider":"workable","base_url":"http://127.0.0.1:1/spi/v3","api_token":"\#(secret)"},"#
            + #""target":{"provider":"tracker","base_url":"http://x","api_key":"k","api_password":"\#(secret)"},"#
            + #""jobs":{"A":1e400,"B":-9223372036854775809,"C":1.5,"D":"\#(secret)"}}"#,
        #"{"source":{"provider":"tracker-rms","base_url":"https://x","username":"u","rest_token_env":"T"},"#
            + #""target":{"provider":"workable"},"jobs":{}}"#,
    ]

    static let absurdNumbers = [
        "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "1.7976931348623157e308", "4.9e-324",
        "NaN", "-0", "1e19", "0.5",
    ]

    @Test func everyInputEndsInAConfigurationOrATypedRefusal() {
        let isFull = ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full"
        let cases = isFull ? 30_000 : 3_000
        var random = FuzzRandom(seed: 0xB41D_C0F1)
        var accepted = 0
        var refused = 0
        var targets: [String: Int] = [:]
        for index in 0..<cases {
            let (target, bytes) = Self.input(index, random: &random)
            targets[target, default: 0] += 1
            do {
                _ = try BridgeConfigurationReader.parse(Data(bytes), name: "bridge.json")
                accepted += 1
            } catch let failure as CommandFailure {
                refused += 1
                #expect(failure.exitCode == 2)
                #expect(!failure.message.isEmpty)
                #expect(!failure.message.contains(Self.secret), "the refusal repeats a secret: \(failure.message)")
            } catch {
                Issue.record("not a CommandFailure: \(error) for \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        let figures: [String: Any] = [
            "suite": "bridge-config-fuzz", "budget": isFull ? "full" : "quick", "cases": cases,
            "accepted": accepted, "typed_failures": refused, "untyped_failures": cases - accepted - refused,
            "crashes": 0, "targets": targets,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]) {
            print("RELIABILITY " + String(decoding: data, as: UTF8.self))
        }
    }

    /// The `index`-th input and the kind it is.
    static func input(_ index: Int, random: inout FuzzRandom) -> (String, [UInt8]) {
        switch index % 5 {
        case 0:
            return ("random bytes", (0..<random.below(120)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 1, 2:
            var bytes = Array(seeds[random.below(seeds.count)].utf8)
            for _ in 0..<(1 + random.below(6)) where !bytes.isEmpty {
                let position = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                case 2: bytes = Array(bytes.prefix(position))
                default: bytes.insert(contentsOf: Array(#"{"jobs":[1,"#.utf8), at: position)
                }
            }
            return ("mutated files", bytes)
        case 3:
            let number = absurdNumbers[random.below(absurdNumbers.count)]
            let text =
                #"{"source":{"provider":"workable","base_url":"https://a.workable.com/spi/v3","api_token_env":"W"},"#
                + #""target":{"provider":"tracker","base_url":"https://t/api/v1","api_key":\#(number),"#
                + #""api_password_env":"P","timezone":\#(number)},"jobs":{"J":\#(number)},"source_label":\#(number)}"#
            return ("absurd numbers", Array(text.utf8))
        default:
            let depth = [10, 200, 2_000, 20_000][random.below(4)]
            let key = ["source", "target", "jobs", "source_label"][random.below(4)]
            let text =
                #"{"\#(key)":"# + String(repeating: #"{"a":["#, count: depth) + "1"
                + String(repeating: "]}", count: depth) + "}"
            return ("deep nesting", Array(text.utf8))
        }
    }
}

/// A small seeded generator, so that a failing case replays.
struct FuzzRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
