import Foundation
import Testing
import TrackerRMSAPI

/// A small deterministic generator for the fuzz cases.
private struct FuzzRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 17
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

@Suite("TrackerRMSAPI: the reply decoder, fuzzed")
struct ReplyFuzzTests {
    static let seeds: [String] = [
        #"{"status":0,"message":"success","count":2,"results":[{"id":1,"name":"JOB-1 A","details":{"name":"A","lastupdated":"2026-03-08 02:30:00"}},{"id":"2","details":[]}]}"#,
        #"{"status":3,"message":"Resource already exists","count":0,"recordId":"4711","recordName":"Ada"}"#,
        #"{"status":99,"message":"Invalid request","count":0}"#,
        #"{"status":0,"count":0,"opportunityResourceStatuses":[{"Id":1,"Name":"Applied","Group":"Applied"}]}"#,
        #"{"Message":"An error has occurred."}"#,
    ]

    @Test("Mutated replies never crash: each decodes or is refused with a reason that echoes no input")
    func mutations() {
        var random = FuzzRandom(state: 0xC0FFEE)
        let alphabet = Array(#"{}[]":,0123456789-.eE truefalsnul\u00"#.utf8) + [0x00, 0xFF, 0xC3, 0x80]
        for iteration in 0..<6000 {
            var bytes = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            for _ in 0..<(1 + random.below(6)) {
                switch random.below(4) {
                case 0 where !bytes.isEmpty: bytes.remove(at: random.below(bytes.count))
                case 1: bytes.insert(alphabet[random.below(alphabet.count)], at: random.below(bytes.count + 1))
                case 2 where !bytes.isEmpty: bytes[random.below(bytes.count)] = alphabet[random.below(alphabet.count)]
                default: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
                }
            }
            do {
                let reply = try RMSReply.decode(bytes)
                _ = reply.results.map { RMSRecord(raw: $0).details }
                _ = reply.results.compactMap {
                    RMSPlacement(record: RMSRecord(raw: $0), time: RMSAccountTime(timeZone: nil))
                }
            } catch {
                #expect(!error.reason.isEmpty)
                #expect(error.reason.count < 120, "reasons are short and never echo the body")
            }
        }
    }

    @Test("Deep nesting and huge numbers are refused or read without crashing")
    func hostile() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: RMSReplyDecodingError.self) { try RMSReply.decode(Array(deep.utf8)) }
        let big = try RMSReply.decode(
            Array(#"{"status":0,"count":1e400,"results":[{"id":123456789012345678901234567890}]}"#.utf8))
        #expect(big.count == nil)
        #expect(big.results.count == 1)
        #expect(throws: RMSReplyDecodingError.self) { try RMSReply.decode(Array(#"{"status":"ok"}"#.utf8)) }
        #expect(throws: RMSReplyDecodingError.self) { try RMSReply.decode(Array("<html></html>".utf8)) }
    }
}
