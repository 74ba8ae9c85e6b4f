import Foundation
import Testing
import TrackerRMSAPI

/// Tracker RMS's reply decoder (`RMSReply.decode`, and through it the JSON reader), its record
/// ids and its naive date-times, with generated and mutated input: every input decodes or throws
/// the library's typed error; none traps (absurd numbers included: the Double→Int64 and
/// date arithmetic conversions are where this kind of code traps).
extension Fuzz {
    @Suite struct RMSReplyDecoder {
        /// Numbers a server (or a proxy) could put anywhere.
        static let absurdNumbers = [
            "0", "-0", "1", "99", "-1", "2147483648", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1e308", "-1e308", "1e309", "4.9e-324", "9e15", "9.3e18", "-9.3e18", "1.5",
            "0.0", "1E400", "123456789012345678901234567890", "-0.0e-0", "1e-400",
        ]

        static let scalars =
            absurdNumbers + [
                "null", "true", "false", "\"\"", "\"0\"", "\"12\"", "\" 7 \"", "\"abc\"", "\"9223372036854775808\"",
                "\"1e300\"", "\"y\"", "\"\\u0000\"", "\"😀\"", "{}", "[]",
            ]

        /// A reply-shaped document from the generator.
        static func envelope(using rng: inout RMSFuzzRandom) -> String {
            var members: [String] = []
            let keys = [
                "status", "message", "count", "results", "recordId", "recordid", "id", "recordName", "Message",
            ]
            for key in keys where rng.below(4) != 0 {
                let value: String
                switch key {
                case "results":
                    value =
                        rng.below(3) == 0
                        ? record(using: &rng)
                        : "["
                            + (0..<rng.below(4)).map { _ in
                                record(using: &rng)
                            }.joined(separator: ",") + "]"
                default: value = rng.pick(scalars)
                }
                members.append("\"\(key)\":\(value)")
            }
            return "{" + members.joined(separator: ",") + "}"
        }

        static func record(using rng: inout RMSFuzzRandom) -> String {
            let keys = ["opportunityid", "resourceid", "lastupdated", "dateassigned", "details", "name", "status"]
            let dates = [
                "\"2026-03-08 02:30:00\"", "\"2026-11-01T01:30:00\"", "\"0000-00-00 00:00:00\"",
                "\"99999999999-12-31 23:59:59\"", "\"2026-13-45 25:61:61\"", "\"2026-03-05T18:30:00.1234567890123Z\"",
                "\"2026-03-05T18:30:00+99:99\"", "\"-2026-01-01 00:00:00\"", "\"2026-02-29 00:00:00\"",
            ]
            let members = keys.filter { _ in rng.below(2) == 0 }.map { key in
                "\"\(key)\":" + (key.contains("date") || key == "lastupdated" ? rng.pick(dates) : rng.pick(scalars))
            }
            return "{" + members.joined(separator: ",") + "}"
        }

        /// Damages a document: flips, inserts, deletes, truncates, nests, inflates digit runs.
        static func mutate(_ text: String, using rng: inout RMSFuzzRandom) -> [UInt8] {
            var bytes = Array(text.utf8)
            for _ in 0...rng.below(4) {
                let position = bytes.isEmpty ? 0 : rng.below(bytes.count)
                switch rng.below(7) {
                case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << rng.below(8))
                case 1: bytes.insert(rng.pick(Array("{}[]\",:\\-0e.9 \u{0}".utf8)), at: position)
                case 2 where !bytes.isEmpty: bytes.remove(at: position)
                case 3: bytes = Array(bytes.prefix(position))
                case 4: bytes = Array(repeating: UInt8(ascii: "["), count: 1 + rng.below(5_000)) + bytes
                case 5:
                    bytes.insert(
                        contentsOf: Array(String(repeating: "9", count: 1 + rng.below(400)).utf8), at: position)
                default: bytes.insert(contentsOf: [0xFF, 0xFE, 0xC0, 0x80].prefix(1 + rng.below(4)), at: position)
                }
            }
            return bytes
        }

        /// Decodes one input; anything but the typed error is a failure.
        static func decodeOne(_ bytes: [UInt8], target: String) {
            do {
                let reply = try RMSReply.decode(bytes)
                // What the client reads next from a reply must not trap either.
                for result in reply.results {
                    for (_, value) in result.objectValue ?? [:] {
                        _ = value.integerValue
                        _ = value.booleanValue
                        _ = value.scalarText
                        _ = RMSRecordID(json: value)
                    }
                }
                FuzzFigures.shared.record(target, .accepted)
            } catch {
                #expect(!error.reason.isEmpty, "a typed error says why")
                FuzzFigures.shared.record(target, .typedFailure)
            }
        }

        @Test func generatedEnvelopesDecodeOrThrowTheTypedError() {
            var rng = RMSFuzzRandom(seed: 0x524D_5301)
            for _ in 0..<FuzzBudget.cases(2_000) {
                Self.decodeOne(Array(Self.envelope(using: &rng).utf8), target: "rms reply (generated)")
            }
        }

        @Test func mutatedRepliesDecodeOrThrowTheTypedError() {
            let seeds = [
                #"{"status":0,"message":"Success","count":2,"results":[{"opportunityid":12,"name":"A"},{"opportunityid":"13"}]}"#,
                #"{"status":99,"message":"Please try again"}"#,
                #"{"status":"1","message":"Invalid login"}"#,
                #"{"status":0,"recordId":"4411","recordName":"Ann Lee","results":{"details":[1,2]}}"#,
                #"<html><body>Service unavailable</body></html>"#,
                #"{"Message":"An error has occurred."}"#,
            ]
            var rng = RMSFuzzRandom(seed: 0x524D_5302)
            for _ in 0..<FuzzBudget.cases(3_000) {
                Self.decodeOne(Self.mutate(rng.pick(seeds), using: &rng), target: "rms reply (mutated)")
            }
        }

        @Test func absurdNumbersAreIdsOrNothing() {
            let doubles: [Double] = [
                .infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 9.3e18, -9.3e18,
                9.223372036854775807e18, 9e15, -9e15, 8.999999999999999e15, .leastNonzeroMagnitude, -0.0, 1.0,
            ]
            var rng = RMSFuzzRandom(seed: 0x524D_5303)
            for _ in 0..<FuzzBudget.cases(500) {
                let value: RMSJSON =
                    switch rng.below(3) {
                    case 0: .double(rng.pick(doubles))
                    case 1: .double(Double(bitPattern: rng.next()))
                    default: .string(rng.pick(Self.absurdNumbers))
                    }
                _ = value.integerValue
                _ = value.booleanValue
                if let id = RMSRecordID(json: value) {
                    #expect(!id.rawValue.isEmpty)
                    FuzzFigures.shared.record("rms record id", .accepted)
                } else {
                    FuzzFigures.shared.record("rms record id", .typedFailure)
                }
            }
        }

        @Test func naiveDateTimesParseOrAreRefused() {
            let zones = ["America/Adak", "Pacific/Kiritimati", "Asia/Kolkata", "America/Chicago", "UTC"]
                .compactMap(TimeZone.init(identifier:))
            let pieces = [
                "2026", "99999999999", "-1", "0000", "-", "-", "03", "13", "00", "08", "31", "T", " ", "02", "30", "25",
                ":", ":", "59", "61", ".", "123456789012345678901234", "Z", "+05:30", "-10:00", "+99:99", "9e99",
            ]
            var rng = RMSFuzzRandom(seed: 0x524D_5304)
            for _ in 0..<FuzzBudget.cases(3_000) {
                let text =
                    rng.below(2) == 0
                    ? (0..<rng.below(12)).map { _ in rng.pick(pieces) }.joined()
                    : String(decoding: Self.mutate("2026-03-08 02:30:00.5", using: &rng), as: UTF8.self)
                guard let naive = RMSNaiveDateTime(text) else {
                    FuzzFigures.shared.record("rms naive date-time", .typedFailure)
                    continue
                }
                _ = naive.wireText
                _ = naive.secondsAsIfUTC
                let time = RMSAccountTime(timeZone: rng.pick(zones))
                let stamp = time.timestamp(naive)
                _ = stamp.possibleInstants
                _ = time.timestamp(.string(text))
                FuzzFigures.shared.record("rms naive date-time", .accepted)
            }
        }

        /// Instants at and beyond the ends of the calendar a mirror can hold (`Date.distantPast`
        /// and `distantFuture` included). Instants whose seconds do not fit in Int64 (1e300) are
        /// left out: `RMSAccountTime.wallClock`/`updatedAfter`/`updatedBefore` convert them with
        /// `Int64(_:)` and trap (reported to the wire library's owner), as does
        /// `RMSNaiveDateTime.fromSecondsAsIfUTC(.min)`.
        @Test func extremeInstantsMakeFiltersOrNothing() {
            var seconds: [Double] = [
                Date.distantPast.timeIntervalSince1970, Date.distantFuture.timeIntervalSince1970,
                253_402_300_800, -62_135_596_800, 0, -0.5, 1_772_735_400.999, 1e15, -1e15,
            ]
            var rng = RMSFuzzRandom(seed: 0x524D_5305)
            for _ in 0..<FuzzBudget.cases(300) {
                seconds.append(Double(Int64(bitPattern: rng.next()) % 100_000_000_000_000))
            }
            let zones = ["America/Adak", "Pacific/Kiritimati", "Asia/Kathmandu"].compactMap(TimeZone.init(identifier:))
            for value in seconds {
                let instant = Date(timeIntervalSince1970: value)
                for time in zones.map(RMSAccountTime.init(timeZone:)) + [RMSAccountTime(timeZone: nil)] {
                    _ = time.wallClock(instant)
                    _ = time.wireText(instant)
                    _ = time.updatedAfter(instant).text
                    _ = time.updatedBefore(instant).text
                }
                _ = RMSNaiveDateTime.fromSecondsAsIfUTC(Int64(value)).wireText
                FuzzFigures.shared.record("rms instants", .accepted)
            }
        }
    }
}

/// A small seeded generator, so a failing case reproduces from its seed.
struct RMSFuzzRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    mutating func pick<Element>(_ elements: [Element]) -> Element { elements[below(elements.count)] }
}
