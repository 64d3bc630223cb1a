import Foundation
import Reports

/// `--out` with `{date}`, `{week}` and `{profile}` filled in, so that a weekly run keeps
/// each week's report in a folder of its own.
public enum OutputPath {
    /// The names that may stand between braces.
    public static let placeholders = ["date", "week", "profile"]

    /// What is wrong with the placeholders of `template`, or nil when nothing is.
    public static func problem(in template: String) -> String? {
        var rest = Substring(template)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                return "unbalanced brace in --out '\(template)': write {date}, {week} or {profile}"
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard placeholders.contains(name) else {
                return "unknown placeholder '{\(name)}' in --out '\(template)': "
                    + "use {date}, {week} or {profile}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }

    /// The folder `template` names for a report as of `asOf`.
    /// - Parameters:
    ///   - asOf: the report's "now"; `{date}` is its day (`2026-11-30`) and `{week}` its
    ///     ISO week (`2026-W49`), both in `timeZone`.
    ///   - profile: the config profile in use; `{profile}` is `default` without one.
    /// - Throws: `UsageError` for a placeholder that is not one of `placeholders`.
    public static func expand(
        _ template: String, asOf: Date, timeZone: TimeZone, profile: String?
    ) throws(UsageError) -> String {
        if let problem = problem(in: template) { throw UsageError(problem) }
        let day = Timestamp.components(of: asOf, offset: timeZone.secondsFromGMT(for: asOf))
        let week = isoWeek(year: day.year, month: day.month, day: day.day)
        let values = [
            "date": String(format: "%04d-%02d-%02d", day.year, day.month, day.day),
            "week": String(format: "%04d-W%02d", week.year, week.week),
            "profile": profile ?? "default",
        ]
        var text = template
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// The ISO 8601 week of a day: weeks start on Monday, and week 1 is the one that holds
    /// the year's first Thursday, so the first days of January may belong to the previous
    /// year's last week and the last days of December to the next year's first.
    public static func isoWeek(year: Int, month: Int, day: Int) -> (year: Int, week: Int) {
        let ordinal = days(year, month, day) - days(year, 1, 1) + 1
        let week = (ordinal - weekday(year, month, day) + 10) / 7
        if week < 1 { return (year - 1, weeks(in: year - 1)) }
        if week > weeks(in: year) { return (year + 1, 1) }
        return (year, week)
    }

    /// 53 for a year that starts on a Thursday, or a leap year that starts on a Wednesday.
    static func weeks(in year: Int) -> Int {
        let first = weekday(year, 1, 1)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return first == 4 || (leap && first == 3) ? 53 : 52
    }

    /// Monday 1 to Sunday 7.
    static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        // 1970-01-01 was a Thursday.
        ((days(year, month, day) % 7 + 7 + 3) % 7) + 1
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar.
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
