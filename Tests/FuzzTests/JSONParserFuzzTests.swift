import Foundation
import PropertyBased
import Testing
import TrackerAPI

/// TrackerAPI's own JSON reader: generated documents round-trip, and damaged ones fail with
/// ``TrackerJSONSyntaxError`` (never a crash, never another error, however deep the nesting).
extension Fuzz {
    @Suite struct JSONParser {
        /// Random JSON values: every kind, escapes and non-ASCII text, extreme numbers.
        static let values = Generator<TrackerJSON, Shrink.None<TrackerJSON>> { rng in
            randomValue(depth: 0, using: &rng)
        }

        static func randomValue(depth: Int, using rng: inout some RandomNumberGenerator) -> TrackerJSON {
            let kind = Int.random(in: 0..<(depth > 5 ? 5 : 7), using: &rng)
            switch kind {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &rng))
            case 2:
                let edges: [Int64] = [0, -1, 1, .max, .min, 9_007_199_254_740_993]
                return .integer(
                    Bool.random(using: &rng)
                        ? edges.randomElement(using: &rng) ?? 0 : .random(in: -1_000...1_000_000, using: &rng))
            case 3:
                let edges = [
                    0.5, -0.25, 1e300, -1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 3.141592653589793,
                ]
                return .double(
                    Bool.random(using: &rng)
                        ? edges.randomElement(using: &rng) ?? 0.5 : .random(in: -1e6...1e6, using: &rng))
            case 4: return .string(randomString(using: &rng))
            case 5:
                return .array(
                    (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(depth: depth + 1, using: &rng) })
            default:
                var members: [String: TrackerJSON] = [:]
                for _ in 0..<Int.random(in: 0...5, using: &rng) {
                    members[randomString(using: &rng)] = randomValue(depth: depth + 1, using: &rng)
                }
                return .object(members)
            }
        }

        static func randomString(using rng: inout some RandomNumberGenerator) -> String {
            let pieces = [
                "a", "Zoë", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "😀", "日本", "\u{FEFF}", " ", "é", "id",
            ]
            return (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
        }

        /// Equal as JSON: numbers compare by value (the writer prints whole doubles as integers).
        static func sameJSON(_ left: TrackerJSON, _ right: TrackerJSON) -> Bool {
            switch (left, right) {
            case (.integer(let a), .double(let b)), (.double(let b), .integer(let a)): return Double(a) == b
            case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { sameJSON($0, $1) }
            case (.object(let a), .object(let b)):
                return a.count == b.count && a.allSatisfy { key, value in b[key].map { sameJSON(value, $0) } ?? false }
            default: return left == right
            }
        }

        @Test func generatedDocumentsRoundTrip() async {
            await propertyCheck(count: FuzzBudget.cases(2_000), input: Self.values) { value in
                let text = value.serialized()
                do {
                    let parsed = try TrackerJSON.parse(text)
                    #expect(Self.sameJSON(parsed, value), "\(value) came back as \(parsed)")
                    // Writing is stable: the parsed value writes the same text.
                    #expect(parsed.serialized() == text)
                    FuzzFigures.shared.record("json-round-trip", .accepted)
                } catch {
                    FuzzFigures.shared.record("json-round-trip", .untypedFailure)
                    Issue.record("generated JSON was refused: \(error) for \(String(decoding: text, as: UTF8.self))")
                }
            }
        }

        static func checkParse(_ input: FuzzInput, target: String) {
            do {
                let value = try TrackerJSON.parse(input.bytes)
                // Whatever was accepted is JSON that reads back the same.
                #expect(Self.sameJSON(try TrackerJSON.parse(value.serialized()), value), "\(input)")
                FuzzFigures.shared.record(target, .accepted)
            } catch let error as TrackerJSONSyntaxError {
                #expect(!error.reason.isEmpty && error.offset >= 0 && error.offset <= input.bytes.count, "\(input)")
                FuzzFigures.shared.record(target, .typedFailure)
            } catch {
                FuzzFigures.shared.record(target, .untypedFailure)
                Issue.record("\(type(of: error)) instead of TrackerJSONSyntaxError for \(input)")
            }
        }

        @Test func mutatedDocumentsParseOrFailTyped() async throws {
            let samples = try await WireCorpus.samples()
            let seeds =
                samples.map { ($0.name, $0.body) } + [("generated", Data(#"{"a":[1,2.5,"x\u00e9",null,true]}"#.utf8))]
            await propertyCheck(count: FuzzBudget.cases(3_000), input: Mutator.mutating(seeds)) { input in
                Self.checkParse(input, target: "json-mutated")
            }
        }

        @Test func randomBytesParseOrFailTyped() async {
            let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...64).map {
                FuzzInput(origin: "random", steps: [], bytes: Data($0))
            }
            await propertyCheck(count: FuzzBudget.cases(2_000), input: bytes) { input in
                Self.checkParse(input, target: "json-random-bytes")
            }
        }

        @Test func nestingAnyDepthEndsInAValueOrATypedError() {
            for depth in [1, 100, 255, 256, 257, 1_000, 100_000, FuzzBudget.isFull ? 10_000_000 : 1_000_000] {
                for (open, close) in [("[", "]"), (#"{"k":"#, "}")] {
                    let text = String(repeating: open, count: depth) + "0" + String(repeating: close, count: depth)
                    let input = FuzzInput(origin: "nested", steps: ["\(open)x\(depth)"], bytes: Data(text.utf8))
                    Self.checkParse(input, target: "json-nesting")
                    #expect((try? TrackerJSON.parse(input.bytes)) == nil || depth <= 256)
                }
            }
        }

        @Test func theCodableBridgeDecodesOrFailsTyped() async throws {
            let samples = try await WireCorpus.samples()
            await propertyCheck(
                count: FuzzBudget.cases(400), input: Mutator.mutating(samples.prefix(4).map { ($0.name, $0.body) })
            ) { input in
                do {
                    _ = try JSONDecoder().decode(TrackerJSON.self, from: input.bytes)
                    FuzzFigures.shared.record("json-codable", .accepted)
                } catch is DecodingError {
                    FuzzFigures.shared.record("json-codable", .typedFailure)
                } catch {
                    FuzzFigures.shared.record("json-codable", .untypedFailure)
                    Issue.record("\(type(of: error)) instead of DecodingError for \(input)")
                }
            }
        }
    }
}
