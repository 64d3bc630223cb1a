import Foundation

/// The report's time zone and "now": how API timestamps (`YYYY-MM-DD HH:MM:SS`, no zone)
/// are read, how ages are measured and how times are shown.
public struct ReportClock: Sendable {
    /// The zone timestamps are read and shown in.
    public let timeZone: TimeZone
    /// The report's "now".
    public let asOf: Date
    /// How the zone was given: an IANA name or `+HH:MM`.
    public let zoneName: String

    /// Creates a clock.
    /// - Parameters:
    ///   - timeZone: an IANA name such as `Asia/Shanghai`, or an offset such as `+08:00`.
    ///   - asOf: `YYYY-MM-DD HH:MM:SS` in that zone, or nil for the current time.
    /// - Throws: `ReportError.badTimeZone` or `ReportError.badAsOf`.
    public init(timeZone name: String, asOf: String?, now: Date = Date()) throws(ReportError) {
        let zone = try Self.timeZone(named: name)
        self.timeZone = zone
        self.zoneName = name
        if let asOf {
            switch Timestamp.reading(asOf, in: zone) {
            case .none: throw .badAsOf(asOf)
            case .skipped(let offset)?:
                let wall = asOf.trimmingCharacters(in: .whitespaces)
                let later = Timestamp.parse(wall, in: TimeZone(secondsFromGMT: offset)!)!
                throw .skippedAsOf(
                    asOf, zone: name, later: Self.plain(later, in: zone),
                    withOffset: wall + Self.offsetText(offset))
            case .instant(let date)?:
                let year = Timestamp.components(of: date, offset: zone.secondsFromGMT(for: date))
                    .year
                guard (1900...9999).contains(year) else { throw .asOfOutOfRange(asOf) }
                // Whole seconds, as every output shows it (a fraction is dropped).
                self.asOf = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
            }
        } else {
            // Whole seconds, so that every output shows the same instant.
            self.asOf = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        }
    }

    /// A zone from an IANA name, `UTC`/`GMT`/`Z`, or `+HH:MM` / `-HHMM` / `+HH`; nil if
    /// unknown or ambiguous.
    public static func zone(named name: String) -> TimeZone? {
        try? timeZone(named: name)
    }

    /// A zone from an IANA name (any name `TimeZone(identifier:)` knows that holds a `/`,
    /// such as `Asia/Kolkata`, `US/Eastern` or `Etc/GMT+5`), `UTC`, `GMT` or `Z`, or an
    /// offset `+HH:MM` / `-HHMM` / `+HH`.
    /// - Throws: `ReportError.ambiguousTimeZone` for an abbreviation such as `EST` or `IST`
    ///   (each names several zones), `ReportError.badTimeZone` for anything else unknown.
    public static func timeZone(named name: String) throws(ReportError) -> TimeZone {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if ["Z", "UTC", "GMT"].contains(trimmed.uppercased()) {
            return TimeZone(secondsFromGMT: 0)!
        }
        if let first = trimmed.first, first == "+" || first == "-" {
            let digits = trimmed.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCII),
                let value = Int(digits)
            else { throw .badTimeZone(name) }
            let hours = digits.count == 2 ? value : value / 100
            let minutes = digits.count == 2 ? 0 : value % 100
            guard hours <= 18, minutes < 60 else { throw .badTimeZone(name) }
            let seconds = (hours * 3600 + minutes * 60) * (first == "-" ? -1 : 1)
            return TimeZone(secondsFromGMT: seconds)!
        }
        // `UTC+8`, `GMT-05:30`: an offset after a name, which POSIX would read the other
        // way round; the message says how to write it.
        for prefix in ["UTC", "GMT"] where trimmed.uppercased().hasPrefix(prefix) {
            if let seconds = looseOffset(trimmed.dropFirst(prefix.count)) {
                throw .namedOffsetTimeZone(name, offset: offsetText(seconds))
            }
        }
        // An abbreviation (EST, CST, IST) or a bare name (EST5EDT) is refused even when
        // Foundation knows one meaning of it: CST is Chicago and China, IST India, Ireland
        // and Israel.
        guard trimmed.contains("/") else {
            let known =
                TimeZone(identifier: trimmed) != nil
                || TimeZone.abbreviationDictionary[trimmed.uppercased()] != nil
            throw known
                ? .ambiguousTimeZone(
                    name, example: TimeZone.abbreviationDictionary[trimmed.uppercased()])
                : .badTimeZone(name)
        }
        guard let zone = TimeZone(identifier: trimmed) else { throw .badTimeZone(name) }
        return zone
    }

    /// Seconds east of UTC for an offset however its digits are written (`+8`, `+08`,
    /// `-5:30`, `+0530`), or nil for what is not one.
    static func looseOffset(_ text: Substring) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let body = text.dropFirst()
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") })
        else { return nil }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        let hours: Int?
        let minutes: Int?
        switch (parts.count, body.count) {
        case (2, _) where (1...2).contains(parts[0].count) && parts[1].count == 2:
            (hours, minutes) = (Int(parts[0]), Int(parts[1]))
        case (1, 1...2): (hours, minutes) = (Int(body), 0)
        case (1, 3...4): (hours, minutes) = (Int(body.dropLast(2)), Int(body.suffix(2)))
        default: return nil
        }
        guard let hours, let minutes, hours <= 18, minutes < 60 else { return nil }
        return (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
    }

    /// `+08:00`.
    static func offsetText(_ offset: Int) -> String {
        let magnitude = abs(offset)
        return String(
            format: "%@%02d:%02d", offset < 0 ? "-" : "+", magnitude / 3600, (magnitude % 3600) / 60
        )
    }

    /// `2026-11-30 09:00:00` in `zone`.
    static func plain(_ date: Date, in zone: TimeZone) -> String {
        let local = Timestamp.components(of: date, offset: zone.secondsFromGMT(for: date))
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", local.year, local.month, local.day,
            local.hour, local.minute, local.second)
    }

    /// `2026-11-30T09:00:00+08:00`: the instant in the report's zone, ISO 8601.
    public func iso8601(_ date: Date) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Timestamp.components(of: date, offset: offset)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", local.year, local.month, local.day,
            local.hour, local.minute, local.second, sign, magnitude / 3600, (magnitude % 3600) / 60)
    }

    /// `2026-11-30 09:00:00`: the instant as the API would write it, in the report's zone.
    public func plain(_ date: Date) -> String {
        Self.plain(date, in: timeZone)
    }

    /// The zone's offset at the as-of time, as `+08:00`.
    public var offsetText: String {
        let iso = iso8601(asOf)
        return String(iso.suffix(6))
    }
}
