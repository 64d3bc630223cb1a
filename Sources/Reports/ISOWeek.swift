import Foundation

/// An ISO 8601 week: weeks start on Monday, and week 1 of a year is the one holding its
/// first Thursday, so the days around New Year may belong to the other year's week
/// (2026-12-31 and 2027-01-01 are both in 2026-W53).
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (the year of the week's Thursday).
    public let year: Int
    /// The week, 1-53.
    public let week: Int
    /// Weeks since the one that began on Monday 1969-12-29; consecutive weeks differ by 1.
    public let index: Int

    /// The week with this index (weeks since the one beginning Monday 1969-12-29).
    public init(index: Int) {
        self.index = index
        // Day 0 (1970-01-01) is a Thursday, so the Thursday of week `index` is day 7 * index.
        let thursday = index * 7
        let year = Timestamp.components(
            of: Date(timeIntervalSince1970: Double(thursday) * 86_400), offset: 0
        ).year
        self.year = year
        week = (thursday - Timestamp.daysFromCivil(year: year, month: 1, day: 1)) / 7 + 1
    }

    /// The week holding a calendar day.
    public init(year: Int, month: Int, day: Int) {
        self.init(day: Timestamp.daysFromCivil(year: year, month: month, day: day))
    }

    /// The week holding the calendar day `day` (days since 1970-01-01).
    public init(day: Int) {
        self.init(index: Self.floorDivide(day + 3, 7))
    }

    /// The week holding an instant, on the calendar of a zone.
    public init(_ date: Date, in zone: TimeZone) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        self.init(day: Self.floorDivide(local, 86_400))
    }

    /// Its Monday, as days since 1970-01-01.
    public var monday: Int { index * 7 - 3 }

    /// Its Monday as `YYYY-MM-DD`.
    public var mondayText: String {
        let fields = Timestamp.components(
            of: Date(timeIntervalSince1970: Double(monday) * 86_400), offset: 0)
        return String(format: "%04d-%02d-%02d", fields.year, fields.month, fields.day)
    }

    /// The instant its Monday begins (00:00) in a zone.
    public func start(in zone: TimeZone) -> Date {
        let local = Double(monday) * 86_400
        return Date(
            timeIntervalSince1970: local - Double(Timestamp.offset(forLocal: local, in: zone)))
    }

    /// The week `count` weeks later (earlier when negative).
    public func advanced(by count: Int) -> ISOWeek { ISOWeek(index: index + count) }

    /// `2026-W53`.
    public var description: String { String(format: "%04d-W%02d", year, week) }

    /// Earlier weeks first.
    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { a.index < b.index }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
