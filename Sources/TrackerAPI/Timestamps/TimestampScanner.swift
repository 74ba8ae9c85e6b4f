import ATSText

/// The fields of a timestamp text, before any time zone is applied.
struct TimestampParts: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var fraction = 0.0
    /// Seconds east of UTC, or `nil` for a naive value.
    var offsetSeconds: Int?

    /// Seconds since 1970-01-01T00:00:00 reading the wall-clock fields as if they were UTC.
    var secondsSinceEpochIgnoringOffset: Double {
        let days = CivilCalendar.days(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
    }
}

/// Reads the timestamp grammar of ``TrackerTimestamp/parse(_:accountTimeZone:)``.
struct TimestampScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Scans a timestamp in place, without copying its bytes (three per record add up).
    static func scan(_ text: String) -> TimestampParts? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = TimestampScanner(bytes: bytes)
            return scanner.scan()
        }
    }

    private mutating func scan() -> TimestampParts? {
        guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2) else { return nil }
        guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        var parts = TimestampParts(year: year, month: month, day: day)
        if index < bytes.count, take("T") || take("t") || take(" ") {
            guard let hour = digits(2), take(":"), let minute = digits(2) else { return nil }
            parts.hour = hour
            parts.minute = minute
            if take(":") {
                guard let second = digits(2) else { return nil }
                parts.second = second
                if take(".") || take(",") {
                    guard let fraction = fractionDigits() else { return nil }
                    parts.fraction = fraction
                }
            }
            // 24:00:00 is not accepted: Tracker never sends it and it is ambiguous across days.
            guard hour < 24, minute < 60, parts.second <= 60 else { return nil }
            _ = take(" ")
            if index < bytes.count {
                guard let offset = offset() else { return nil }
                parts.offsetSeconds = offset
            }
        }
        return index == bytes.count ? parts : nil
    }

    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return value
    }

    private mutating func fractionDigits() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }

    private mutating func offset() -> Int? {
        if take("Z") || take("z") { return 0 }
        if bytes.count - index == 3,
            bytes[index...].elementsEqual("UTC".utf8) || bytes[index...].elementsEqual("GMT".utf8)
        {
            index += 3
            return 0
        }
        let sign: Int
        if take("+") {
            sign = 1
        } else if take("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(2), hours <= 18 else { return nil }
        var minutes = 0
        if take(":") {
            guard let value = digits(2) else { return nil }
            minutes = value
        } else if bytes.count - index >= 2 {
            guard let value = digits(2) else { return nil }
            minutes = value
        }
        guard minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
