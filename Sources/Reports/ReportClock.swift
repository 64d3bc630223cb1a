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
        guard let zone = Self.zone(named: name) else { throw .badTimeZone(name) }
        self.timeZone = zone
        self.zoneName = name
        if let asOf {
            guard let date = Timestamp.parse(asOf, in: zone) else { throw .badAsOf(asOf) }
            self.asOf = date
        } else {
            // Whole seconds, so that every output shows the same instant.
            self.asOf = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        }
    }

    /// A zone from an IANA name, `UTC`/`Z`, or `+HH:MM` / `-HHMM` / `+HH`; nil if unknown.
    public static func zone(named name: String) -> TimeZone? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed == "Z" || trimmed.uppercased() == "UTC" { return TimeZone(secondsFromGMT: 0) }
        if let first = trimmed.first, first == "+" || first == "-" {
            let digits = trimmed.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCII),
                let value = Int(digits)
            else { return nil }
            let hours = digits.count == 2 ? value : value / 100
            let minutes = digits.count == 2 ? 0 : value % 100
            guard hours <= 18, minutes < 60 else { return nil }
            let seconds = (hours * 3600 + minutes * 60) * (first == "-" ? -1 : 1)
            return TimeZone(secondsFromGMT: seconds)
        }
        // TimeZone(identifier:) accepts some abbreviations; insist on a known IANA name.
        guard TimeZone.knownTimeZoneIdentifiers.contains(trimmed) else { return nil }
        return TimeZone(identifier: trimmed)
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
        let local = Timestamp.components(of: date, offset: timeZone.secondsFromGMT(for: date))
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", local.year, local.month, local.day,
            local.hour, local.minute, local.second)
    }

    /// The zone's offset at the as-of time, as `+08:00`.
    public var offsetText: String {
        let iso = iso8601(asOf)
        return String(iso.suffix(6))
    }
}
