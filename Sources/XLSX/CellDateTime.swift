import CXlsxWriter
import Foundation

/// A wall-clock date and time as Excel stores it: no time zone, 1900-01-01 to 9999-12-31.
///
/// Written with `Worksheet.write(_:row:column:format:)` it becomes a real Excel date (a
/// serial number); give the cell a format with a date `numberFormat` to show it as one.
/// Dates outside Excel's range, or components that are not a real date and time, are
/// refused with `XLSXError.invalidDate` when written, never stored blank or wrong.
public struct CellDateTime: Hashable, Sendable, CustomStringConvertible {
    /// Year, 1900...9999.
    public var year: Int
    /// Month, 1...12.
    public var month: Int
    /// Day of the month, 1...31 as the month allows.
    public var day: Int
    /// Hour, 0...23.
    public var hour: Int
    /// Minute, 0...59.
    public var minute: Int
    /// Second with fraction, 0 ..< 60.
    public var second: Double

    /// A date and time from its components; they are checked when written.
    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall-clock time of `date` in `timeZone`, to the millisecond.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let nanoseconds = Double(parts.nanosecond ?? 0)
        self.init(
            year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
            hour: parts.hour ?? 0, minute: parts.minute ?? 0,
            second: min(Double(parts.second ?? 0) + (nanoseconds / 1e6).rounded() / 1e3, 59.999))
    }

    /// ISO-like text, e.g. `2026-11-30 09:00:00`.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let whole = Int(second.isFinite ? second.rounded(.down) : 0)
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(whole))"
    }

    /// Whether this is a real date and time within Excel's range.
    public var isValid: Bool {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return false }
        guard day >= 1, day <= Self.daysIn(month: month, year: year) else { return false }
        guard (0...23).contains(hour), (0...59).contains(minute) else { return false }
        return second.isFinite && second >= 0 && second < 60
    }

    /// The C value, or an error naming where it was to be written.
    func checked(context: @autoclosure () -> String) throws(XLSXError) -> lxw_datetime {
        guard isValid else {
            throw XLSXError.invalidDate(description: description, context: context())
        }
        return lxw_datetime(
            year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour),
            min: Int32(minute), sec: second)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
