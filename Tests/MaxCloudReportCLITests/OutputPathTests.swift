import Foundation
import Testing

@testable import MaxCloudReportCLI

/// `{date}`, `{week}` and `{profile}` in `--out`.
@Suite struct OutputPathTests {
    @Test(arguments: [
        (2026, 11, 30, "2026-W49"), (2026, 1, 1, "2026-W01"), (2026, 12, 31, "2026-W53"),
        (2027, 1, 3, "2026-W53"), (2027, 1, 4, "2027-W01"), (2024, 12, 30, "2025-W01"),
        (2021, 1, 3, "2020-W53"), (2020, 12, 31, "2020-W53"), (2008, 12, 29, "2009-W01"),
        (2010, 1, 3, "2009-W53"), (2025, 6, 15, "2025-W24"),
    ])
    func isoWeeks(_ year: Int, _ month: Int, _ day: Int, _ expected: String) {
        let week = OutputPath.isoWeek(year: year, month: month, day: day)

        #expect(String(format: "%04d-W%02d", week.year, week.week) == expected)
    }

    @Test func theWeekAgreesWithFoundationsISOCalendarForTenYears() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        var date = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01
        for _ in 0..<3653 {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekOfYear, .yearForWeekOfYear], from: date)

            let week = OutputPath.isoWeek(year: parts.year!, month: parts.month!, day: parts.day!)

            #expect(week.year == parts.yearForWeekOfYear && week.week == parts.weekOfYear)
            date += 86_400
        }
    }

    @Test func placeholdersAreFilledInTheReportsZone() throws {
        // 2026-11-29 20:00 UTC is already Monday 2026-11-30 in Shanghai.
        let asOf = Date(timeIntervalSince1970: 1_795_982_400)
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!

        let inShanghai = try OutputPath.expand(
            "r/{profile}/{week}/{date}", asOf: asOf, timeZone: shanghai, profile: "weekly-ops")
        let inUTC = try OutputPath.expand(
            "r/{profile}/{week}/{date}", asOf: asOf, timeZone: TimeZone(secondsFromGMT: 0)!,
            profile: nil)

        #expect(inShanghai == "r/weekly-ops/2026-W49/2026-11-30")
        #expect(inUTC == "r/default/2026-W48/2026-11-29")
    }

    @Test func unknownOrUnbalancedPlaceholdersAreRefused() {
        #expect(OutputPath.problem(in: "r/{weak}")?.contains("'{weak}'") == true)
        #expect(OutputPath.problem(in: "r/{week")?.hasPrefix("unbalanced brace") == true)
        #expect(OutputPath.problem(in: "r/week}")?.hasPrefix("unbalanced brace") == true)
        #expect(OutputPath.problem(in: "plain/folder") == nil)
        #expect(throws: UsageError.self) {
            try OutputPath.expand("{x}", asOf: Date(), timeZone: .current, profile: nil)
        }
    }
}
