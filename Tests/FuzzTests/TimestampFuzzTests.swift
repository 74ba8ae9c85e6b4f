import Foundation
import PropertyBased
import Testing
import TrackerAPI

/// The timestamp reader: the four forms of the reference ("Timestamps": UTC with `Z`, an explicit
/// offset, naive local time with `T` or a space), fractions, every zone, and garbage.
extension Fuzz {
    @Suite struct Timestamps {
        /// A valid timestamp text, the instant it names when it carries an offset, and its form.
        struct Sample: CustomStringConvertible {
            var text: String
            var offsetSeconds: Int?
            var wallSeconds: Double
            var description: String { text }
        }

        static let zones = TimeZone.knownTimeZoneIdentifiers

        static let samples = Generator<Sample, Shrink.None<Sample>> { rng in
            let year = Int.random(in: 1...9999, using: &rng)
            let month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...daysIn(month: month, year: year), using: &rng)
            let hour = Int.random(in: 0...23, using: &rng)
            let minute = Int.random(in: 0...59, using: &rng)
            let second = Int.random(in: 0...59, using: &rng)
            let fractionDigits = [0, 0, 1, 3, 6, 9][Int.random(in: 0..<6, using: &rng)]
            let fraction = (0..<fractionDigits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            let separator = ["T", " ", "t"][Int.random(in: 0..<3, using: &rng)]
            var text =
                pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + separator + pad(hour, 2) + ":" + pad(minute, 2)
            text += ":" + pad(second, 2) + (fraction.isEmpty ? "" : "." + fraction)
            var offset: Int?
            switch Int.random(in: 0..<7, using: &rng) {
            case 0:
                text += "Z"
                offset = 0
            case 1:
                text += " UTC"
                offset = 0
            case 2, 3:
                let minutes = Int.random(in: -12 * 60...14 * 60, using: &rng)
                let sign = minutes < 0 ? "-" : "+"
                let magnitude = abs(minutes)
                text += sign + pad(magnitude / 60, 2) + (Bool.random(using: &rng) ? ":" : "") + pad(magnitude % 60, 2)
                offset = minutes * 60
            default: break  // naive local time
            }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let wall = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + (Double("0." + fraction) ?? 0)
            return Sample(text: text, offsetSeconds: offset, wallSeconds: wall)
        }

        static func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        /// Days in a month of the proleptic Gregorian calendar, which the parser uses for every year
        /// (Foundation's calendar is Julian before 1582, where 1000-02-29 exists).
        static func daysIn(month: Int, year: Int) -> Int {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        }

        /// Days since 1970 by Foundation's calendar: an oracle independent of the library's arithmetic.
        static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .gmt
            let date = calendar.date(from: DateComponents(timeZone: .gmt, year: year, month: month, day: day))
            return Int(((date?.timeIntervalSince1970 ?? 0) / 86_400).rounded())
        }

        @Test func everyValidFormReadsAsTheInstantItNames() async {
            await propertyCheck(count: FuzzBudget.cases(3_000), input: Self.samples, Gen.element(of: Self.zones)) {
                sample, zoneName in
                let zone = zoneName.flatMap(TimeZone.init(identifier:))
                guard let stamp = TrackerTimestamp.parse(sample.text, accountTimeZone: zone) else {
                    FuzzFigures.shared.record("timestamp-valid", .untypedFailure)
                    Issue.record("a valid timestamp was refused: \(sample.text)")
                    return
                }
                FuzzFigures.shared.record("timestamp-valid", .accepted)
                #expect(stamp.text == sample.text)
                // The oracle is Foundation's calendar, which is Julian before 15 October 1582.
                guard sample.wallSeconds > -12_212_553_600 + 86_400 else { return }
                if let offset = sample.offsetSeconds {
                    #expect(stamp.offsetSource == .explicit)
                    #expect(
                        abs(stamp.date.timeIntervalSince1970 - (sample.wallSeconds - Double(offset))) < 1e-3,
                        "\(sample)")
                } else if let zone {
                    #expect(stamp.offsetSource == .accountTimeZone)
                    // The instant's wall time in the zone is the text's, except inside a spring-forward
                    // gap, whose times may be placed on either side of the change (a time in a gap
                    // far in the future, where zones follow rules rather than tables, can land before it).
                    let offset = zone.secondsFromGMT(for: stamp.date)
                    let wall = stamp.date.timeIntervalSince1970 + Double(offset)
                    let before = zone.secondsFromGMT(for: stamp.date.addingTimeInterval(-7_200))
                    let after = zone.secondsFromGMT(for: stamp.date.addingTimeInterval(7_200))
                    let shiftedByTheChange = abs(abs(wall - sample.wallSeconds) - Double(abs(after - before))) < 1e-3
                    let inGap = before != after && shiftedByTheChange
                    #expect(inGap || abs(wall - sample.wallSeconds) < 1e-3, "\(sample) in \(zone.identifier)")
                } else {
                    #expect(stamp.offsetSource == .assumedUTC)
                    #expect(abs(stamp.date.timeIntervalSince1970 - sample.wallSeconds) < 1e-3, "\(sample)")
                }
            }
        }

        @Test func formattedFiltersReadBackAsTheSameSecond() async {
            let instants = Gen.double(in: -62_135_596_800...253_402_214_399)
            await propertyCheck(count: FuzzBudget.cases(3_000), input: instants, Gen.element(of: Self.zones)) {
                seconds, zoneName in
                let zone = zoneName.flatMap(TimeZone.init(identifier:))
                let date = Date(timeIntervalSince1970: seconds)
                let text = TrackerTimestamp.filterText(for: date, accountTimeZone: zone)
                let back = TrackerTimestamp.parse(text, accountTimeZone: zone)
                #expect(back?.hasExplicitOffset == true, "\(text)")
                #expect(
                    back?.date == Date(timeIntervalSince1970: seconds.rounded(.down)),
                    "\(date) → \(text) in \(zoneName ?? "UTC")")
                FuzzFigures.shared.record("timestamp-format-parse", back == nil ? .untypedFailure : .accepted)
            }
        }

        @Test func garbageIsRefusedWithoutACrash() async {
            let valid = Self.samples.map { FuzzInput(origin: "timestamp", steps: [], bytes: Data($0.text.utf8)) }
            let mutated = Generator<FuzzInput, Shrink.None<FuzzInput>> { rng in
                var input = valid.run(using: &rng)
                for _ in 0..<Int.random(in: 1...3, using: &rng) { Mutator.mutate(&input, using: &rng) }
                return input
            }
            await propertyCheck(count: FuzzBudget.cases(4_000), input: mutated, Gen.element(of: Self.zones)) {
                input, zoneName in
                let text = String(decoding: input.bytes, as: UTF8.self)
                let stamp = TrackerTimestamp.parse(text, accountTimeZone: zoneName.flatMap(TimeZone.init(identifier:)))
                // Refusal is the typed outcome here: the reader answers nil, and callers record it.
                FuzzFigures.shared.record("timestamp-garbage", stamp == nil ? .typedFailure : .accepted)
                if let stamp { #expect(stamp.date.timeIntervalSince1970.isFinite, "\(input)") }
            }
        }
    }
}
