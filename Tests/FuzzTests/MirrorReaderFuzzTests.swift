import ATSCore
import Foundation
import PropertyBased
import Testing
import TrackerAPI

@testable import ATSSyncSQLite
@testable import TrackerSync

/// The mirror's own readers: the stored-JSON member reader, the SQLite store's UTC timestamp
/// text, and the bulk-reject journal.
extension Fuzz {
    @Suite struct MirrorReaders {
        static let wanted: Set<String> = ["email", "first_name", "last_name", "phone", "updated_at", "id"]

        @Test func storedJSONFieldsAgreeWithTheFullParser() async throws {
            let samples = try await WireCorpus.samples()
            // Stored rows are single records: take the objects out of the captured pages.
            var records: [(String, Data)] = []
            for sample in samples {
                if case .array(let elements)? = try? TrackerJSON.parse(sample.body) {
                    records += elements.prefix(3).map { (sample.name, $0.serialized()) }
                }
            }
            let generated = Fuzz.JSONParser.values.map { value -> FuzzInput in
                let object: TrackerJSON = ["email": value, "id": 1, "first_name": "Zoë \"Z\"", "nested": [value]]
                return FuzzInput(origin: "generated", steps: [], bytes: object.serialized())
            }
            let mutated = Mutator.mutating(records)
            let inputs = Generator<FuzzInput, Shrink.None<FuzzInput>> { rng in
                Bool.random(using: &rng) ? generated.run(using: &rng) : mutated.run(using: &rng)
            }
            await propertyCheck(count: FuzzBudget.cases(3_000), input: inputs) { input in
                let text = String(decoding: input.bytes, as: UTF8.self)
                let fast = StoredJSONFields.strings(in: text, keys: Self.wanted)
                FuzzFigures.shared.record("stored-json-fields", fast == nil ? .typedFailure : .accepted)
                // When the text is a JSON object, whatever the fast reader answers must be what
                // the full parser reads (it may also answer nil: the caller then parses fully).
                guard let fast, case .object(let members)? = try? TrackerJSON.parse(Data(text.utf8)) else { return }
                for key in Self.wanted {
                    #expect(fast[key] == members[key]?.stringValue, "\(key) of \(input)")
                }
            }
        }

        @Test func storeTimestampsRoundTripAndGarbageIsRefused() async {
            let instants = Gen.double(in: -62_135_596_800...253_402_300_799)
            await propertyCheck(count: FuzzBudget.cases(3_000), input: instants) { seconds in
                let date = Date(timeIntervalSince1970: seconds)
                let text = ISO8601Text.string(date)
                let back = ISO8601Text.date(text)
                // Milliseconds are truncated, and a Double far from 2001 carries some rounding.
                #expect(back.map { abs($0.timeIntervalSince(date)) < 0.0011 } == true, "\(seconds) → \(text)")
                // Foundation's calendar is Julian before 15 October 1582; ISO 8601 and the store are not.
                if seconds > -12_212_553_600 {
                    #expect(
                        text
                            == date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
                    )
                }
                FuzzFigures.shared.record("store-timestamp-round-trip", back == nil ? .untypedFailure : .accepted)
            }
            let garbage = Generator<FuzzInput, Shrink.None<FuzzInput>> { rng in
                let seconds = Double.random(in: -62_135_596_800...253_402_300_799, using: &rng)
                var input = FuzzInput(
                    origin: "store-timestamp", steps: [],
                    bytes: Data(ISO8601Text.string(Date(timeIntervalSince1970: seconds)).utf8))
                for _ in 0..<Int.random(in: 1...3, using: &rng) { Mutator.mutate(&input, using: &rng) }
                return input
            }
            await propertyCheck(count: FuzzBudget.cases(3_000), input: garbage) { input in
                let date = ISO8601Text.date(String(decoding: input.bytes, as: UTF8.self))
                FuzzFigures.shared.record("store-timestamp-garbage", date == nil ? .typedFailure : .accepted)
            }
        }

        static func journalEntries(_ count: Int) -> [BulkRejectionJournalEntry] {
            (0..<count).map { index in
                BulkRejectionJournalEntry(
                    application: ApplicationID(rawValue: String(index + 1)),
                    step: [.intent, .accepted, .unknown, .settled][index % 4], references: ["r\(index)"],
                    recordedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)))
            }
        }

        @Test func tornAndGarbledJournalsAreReadOrRefusedTyped() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "fuzz-journal-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let written = Self.journalEntries(6)
            let original = folder.appendingPathComponent("original.jsonl")
            let journal = FileBulkRejectionJournal(url: original)
            for entry in written { try await journal.record(entry) }
            await journal.close()
            let bytes = try Data(contentsOf: original)
            let lastLineStart = (bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            let target = folder.appendingPathComponent("damaged.jsonl")

            // A line torn anywhere in the last entry loses just that entry (without only its
            // newline, the entry is whole and is kept).
            for cut in lastLineStart..<bytes.count - 1 {
                try bytes.prefix(cut).write(to: target)
                let read = try await FileBulkRejectionJournal(url: target).entries()
                #expect(read == Array(written.dropLast()), "cut at \(cut)")
                FuzzFigures.shared.record("journal-torn", .accepted)
            }

            await propertyCheck(count: FuzzBudget.cases(600), input: Mutator.mutating([("journal", bytes)])) { input in
                do {
                    try input.bytes.write(to: target)
                    let read = try await FileBulkRejectionJournal(url: target).entries()
                    #expect(read.count <= written.count + 2, "\(input)")
                    FuzzFigures.shared.record("journal-garbled", .accepted)
                } catch let error as ATSError {
                    #expect(error.code == .invalidInput && error.description.contains("line"), "\(error) for \(input)")
                    FuzzFigures.shared.record("journal-garbled", .typedFailure)
                } catch {
                    FuzzFigures.shared.record("journal-garbled", .untypedFailure)
                    Issue.record("\(type(of: error)) instead of ATSError for \(input)")
                }
            }
        }
    }
}
