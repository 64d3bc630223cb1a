import Foundation

/// Reading and splitting the API's timestamps without Foundation's date parsers, which
/// are slow on Linux. A ticket's timestamp must be exactly `YYYY-MM-DD HH:MM:SS`, as the API
/// documents it, read in the report's zone; anything else is not a timestamp (age
/// `unknown`). `--as-of` is read more freely: a `T` also accepted, an optional fraction and
/// an optional `Z` or `±HH:MM`.
public enum Timestamp {
    /// Local calendar fields.
    public struct Fields: Sendable, Equatable {
        /// Year, month (1-12), day (1-31), hour, minute, second.
        public var year, month, day, hour, minute, second: Int
    }

    /// The instant a timestamp names, or nil when it is not a valid timestamp; the free
    /// form (`T`, fraction, zone, surrounding spaces), for what a person types.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        var text = text
        return text.withUTF8 {
            parse(bytes: $0, strict: false, offset: { offset(forLocal: $0, in: zone) })
        }
    }

    /// How `--as-of` reads in a zone.
    public enum Reading: Sendable, Equatable {
        /// The instant. A wall time that a daylight-saving change repeats (the hour the
        /// clocks go back) is read as its first occurrence, at the offset before the change.
        case instant(Date)
        /// A wall time that a daylight-saving change skips (the hour the clocks jump
        /// forward): no instant has it. The offset in force before the jump.
        case skipped(offsetBefore: Int)
    }

    /// Reads `--as-of` as `parse` does, telling apart a wall time that does not exist in
    /// `zone`; nil when the text is not a timestamp. A text with its own offset or `Z` is
    /// never skipped.
    public static func reading(_ text: String, in zone: TimeZone) -> Reading? {
        var text = text
        var skipped: Int?
        let date = text.withUTF8 { bytes in
            parse(bytes: bytes, strict: false) { local in
                let offsets = offsets(forLocal: local, in: zone)
                guard let earliest = offsets.max() else {
                    skipped = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - 86_400))
                    return offset(forLocal: local, in: zone)
                }
                return earliest
            }
        }
        guard let date else { return nil }
        if let skipped { return .skipped(offsetBefore: skipped) }
        return .instant(date)
    }

    /// Every offset at which the wall time `local` (seconds since 1970 as if it were UTC)
    /// occurs in `zone`: one as a rule, none in a daylight-saving gap, two in an overlap.
    static func offsets(forLocal local: Double, in zone: TimeZone) -> [Int] {
        // Zones change their offset at most once within a day or so, so the offsets in force
        // a day around the wall time are the only candidates.
        var candidates: [Int] = []
        for probe in [local - 86_400, local, local + 86_400] {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: probe))
            if !candidates.contains(offset) { candidates.append(offset) }
        }
        return candidates.filter {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double($0))) == $0
        }
    }

    /// Parses UTF-8 bytes; `offset` gives the zone's offset for a local wall time when the
    /// text carries no zone of its own. `strict` takes exactly `YYYY-MM-DD HH:MM:SS`.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, strict: Bool, offset: (Double) -> Int)
        -> Date?
    {
        var start = 0
        var end = bytes.count
        if strict {
            guard end == 19, bytes[10] == 0x20 else { return nil }
        }
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        guard end - start >= 19 else { return nil }
        let b = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let fields = fields(b, allowT: !strict) else {
            return nil
        }
        let (year, month, day) = (fields.year, fields.month, fields.day)
        let (hour, minute, second) = (fields.hour, fields.minute, fields.second)

        // Optional fraction, then optional zone.
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == 0x2E {
            i += 1
            var scale = 0.1
            let digitsStart = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > digitsStart else { return nil }
        }
        var explicitOffset: Int?
        func number(_ from: Int, _ count: Int) -> Int? { Timestamp.number(b, from, count) }
        if i < b.count {
            if b[i] == 0x5A, i + 1 == b.count {
                explicitOffset = 0
            } else if b[i] == 0x2B || b[i] == 0x2D {
                let sign = b[i] == 0x2D ? -1 : 1
                let rest = b.count - i - 1
                var hm: (Int, Int)?
                if rest == 5, b[i + 3] == 0x3A, let h = number(i + 1, 2), let m = number(i + 4, 2) {
                    hm = (h, m)
                } else if rest == 4, let h = number(i + 1, 2), let m = number(i + 3, 2) {
                    hm = (h, m)
                } else if rest == 2, let h = number(i + 1, 2) {
                    hm = (h, 0)
                }
                // ISO 8601 offsets: at most 18 hours (no zone is further than 14), minutes
                // below 60.
                guard let (h, m) = hm, m < 60, h * 60 + m <= 18 * 60 else { return nil }
                explicitOffset = sign * (h * 3600 + m * 60)
            } else {
                return nil
            }
        }

        let local =
            Double(
                daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute
                    * 60
                    + second) + fraction
        if let explicitOffset { return Date(timeIntervalSince1970: local - Double(explicitOffset)) }
        return Date(timeIntervalSince1970: local - Double(offset(local)))
    }

    /// The wall-clock fields of an API timestamp (exactly `YYYY-MM-DD HH:MM:SS`) as written,
    /// or nil when it is not one. Unlike going through the instant, a local time that a
    /// daylight-saving switch skips (02:30 on the morning clocks jump from 02:00 to 03:00)
    /// keeps the hour the API wrote.
    public static func wallClock(_ text: String) -> Fields? {
        var text = text
        return text.withUTF8 { bytes in
            bytes.count == 19 ? fields(bytes, allowT: false) : nil
        }
    }

    /// The fields of the first 19 bytes, `YYYY-MM-DD HH:MM:SS` (or with a `T` between date
    /// and time when `allowT`), when they form a real date and time.
    private static func fields(_ b: UnsafeBufferPointer<UInt8>, allowT: Bool) -> Fields? {
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20 || (allowT && b[10] == 0x54),
            b[13] == 0x3A, b[16] == 0x3A, let year = number(b, 0, 4),
            let month = number(b, 5, 2), let day = number(b, 8, 2), let hour = number(b, 11, 2),
            let minute = number(b, 14, 2), let second = number(b, 17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return Fields(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The decimal number in `count` bytes from `from`, or nil when one is not a digit.
    @inline(__always)
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int)
        -> Int?
    {
        var value = 0
        for i in from..<(from + count) {
            let digit = Int(b[i]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The zone's offset for a local wall time (seconds since 1970 as if the wall time were
    /// UTC). Around a DST change the offset in force just after the wall time is used.
    static func offset(forLocal local: Double, in zone: TimeZone) -> Int {
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        let second = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(first)))
        return second
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The local calendar fields of an instant at a fixed offset.
    public static func components(of date: Date, offset: Int) -> Fields {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(
            year: year, month: month, day: day, hour: rest / 3600, minute: (rest % 3600) / 60,
            second: rest % 60)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads many timestamps in one zone, remembering the zone's offset per local hour, so
/// that a million tickets do not ask Foundation for the offset four million times. An hour
/// in which the offset changes (a daylight-saving switch) is always worked out exactly.
public final class TimestampReader {
    /// The zone timestamps without one are read in.
    public let zone: TimeZone
    private let fixedOffset: Int?
    private var offsets: [Int: Int] = [:]

    /// Creates a reader for a zone.
    public init(zone: TimeZone) {
        self.zone = zone
        // A zone made from an offset never changes it.
        fixedOffset =
            zone.identifier.hasPrefix("GMT") || zone.identifier == "UTC"
            ? zone.secondsFromGMT() : nil
    }

    /// The instant an API timestamp names (exactly `YYYY-MM-DD HH:MM:SS`), or nil when it
    /// is not one.
    public func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 {
            Timestamp.parse(bytes: $0, strict: true, offset: offset(forLocal:))
        }
    }

    private func offset(forLocal local: Double) -> Int {
        if let fixedOffset { return fixedOffset }
        let hour = Int((local / 3600).rounded(.down))
        if let known = offsets[hour] { return known }
        let start = Timestamp.offset(forLocal: Double(hour) * 3600, in: zone)
        let end = Timestamp.offset(forLocal: Double(hour + 1) * 3600 - 1, in: zone)
        guard start == end else { return Timestamp.offset(forLocal: local, in: zone) }
        offsets[hour] = start
        return start
    }
}
