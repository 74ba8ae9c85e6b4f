/// Parsing of the ISO-8601 variants that Tracker clients send in `updated_after` and `begin_date`.
enum Timestamp {
    /// Reads `2024-03-01`, `2024-03-01T09:15`, `2024-03-01T09:15:00`, `2024-03-01 09:15:00.250`, each
    /// optionally followed by `Z`, `±HH:MM`, `±HHMM` or `±HH`.
    ///
    /// A value without an offset is a wall time in the account's zone. A `+` that arrived as a space
    /// (an unencoded `+` in a query string) is read as `+`.
    /// - Returns: the first whole epoch second at or after the instant, which makes an inclusive
    ///   comparison against whole-second records exact; `nil` when the text is not a timestamp.
    static func parseLowerBound(_ text: Substring, zone: ZoneOffsetTable) -> Int64? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var fields = CivilTime.Fields(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        var hasFraction = false
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
                hour < 24, minute < 60
            else { return nil }
            fields.hour = hour
            fields.minute = minute
            if scanner.skip(":") {
                guard let second = scanner.number(digits: 2), second < 61 else { return nil }
                fields.second = min(second, 59)
                if scanner.skip(".") || scanner.skip(",") {
                    let digits = scanner.digitRun()
                    guard !digits.isEmpty else { return nil }
                    hasFraction = digits.contains { $0 != UInt8(ascii: "0") }
                }
            }
        }
        let wall = CivilTime.seconds(of: fields)
        var instant: Int64
        if scanner.atEnd {
            instant = zone.instant(ofLocal: wall)
        } else if scanner.skip("Z") || scanner.skip("z") {
            instant = wall
        } else {
            let sign: Int64
            if scanner.skip("+") || scanner.skip(" ") {
                sign = 1
            } else if scanner.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = scanner.number(digits: 2), hours <= 18 else { return nil }
            var minutes = 0
            if scanner.skip(":") {
                guard let value = scanner.number(digits: 2) else { return nil }
                minutes = value
            } else if let value = scanner.number(digits: 2) {
                minutes = value
            }
            instant = wall - sign * Int64(hours * 3600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        if hasFraction { instant += 1 }
        return instant
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        mutating func digitRun() -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return bytes[start..<index]
        }
    }
}
