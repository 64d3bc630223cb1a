import Foundation
import Reports
import Testing

/// ISO weeks, and the created / closed-estimated counts per week from timestamps alone.
@Suite struct WeekTests {
    @Test(arguments: [
        (2026, 12, 31, "2026-W53"), (2027, 1, 1, "2026-W53"), (2027, 1, 3, "2026-W53"),
        (2027, 1, 4, "2027-W01"), (2024, 12, 30, "2025-W01"), (2021, 1, 3, "2020-W53"),
        (2026, 11, 30, "2026-W49"), (1970, 1, 1, "1970-W01"), (1969, 12, 28, "1969-W52"),
    ])
    func weeksAcrossYearBoundaries(year: Int, month: Int, day: Int, week: String) {
        #expect(ISOWeek(year: year, month: month, day: day).description == week)
    }

    @Test func everyDayOfTenYearsAgreesWithFoundationsISOCalendar() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        let first = ISOWeek(year: 2020, month: 1, day: 1).monday

        for day in first..<(first + 3_700) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200)
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            let week = ISOWeek(day: day)

            #expect(week.year == parts.yearForWeekOfYear && week.week == parts.weekOfYear)
        }
    }

    @Test func anInstantFallsInTheWeekOfItsDayInTheReportZone() throws {
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        let shanghai = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        let sundayNight = try #require(Timestamp.parse("2027-01-03 20:00:00", in: utc))

        #expect(ISOWeek(sundayNight, in: utc).description == "2026-W53")
        #expect(ISOWeek(sundayNight, in: shanghai).description == "2027-W01")
        #expect(ISOWeek(year: 2027, month: 1, day: 1).mondayText == "2026-12-28")
        #expect(
            ISOWeek(year: 2026, month: 11, day: 30).start(in: shanghai)
                == Timestamp.parse("2026-11-30 00:00:00", in: shanghai))
    }

    @Test func createdAndClosedEstimatedPerWeekForTheLastTwelveWeeks() throws {
        // As of Monday 2026-11-30 09:00 (+08:00): weeks 2026-W38 (from 09-14) to W49.
        let tickets = [
            Fixtures.ticket(1, created: "2026-11-30 08:00:00"),
            Fixtures.ticket(2, created: "2026-11-30 10:00:00"),  // after the as-of time
            Fixtures.ticket(3, created: "2026-11-29 23:59:59"),
            Fixtures.ticket(4, created: "2026-09-14 00:00:00"),
            Fixtures.ticket(5, created: "2026-09-13 23:59:59"),  // before the first week
            Fixtures.ticket(
                6, state: "Closed", created: "2026-01-01 00:00:00", updated: "2026-11-24 12:00:00"),
            Fixtures.ticket(7, state: "closed", created: "2026-01-01 00:00:00", updated: "soon"),
            Fixtures.ticket(8, created: "2026-01-01 00:00:00", updated: "2026-11-25 00:00:00"),
        ]

        let summary = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())
            .summary
        let weekly = try #require(summary.weekly)

        #expect(weekly.weeks.count == 12)
        #expect(weekly.weeks.first?.week == "2026-W38" && weekly.weeks.first?.start == "2026-09-14")
        #expect(weekly.weeks.last?.week == "2026-W49" && weekly.weeks.last?.partial == true)
        #expect(weekly.weeks.filter(\.partial).count == 1)
        #expect(weekly.weeks.map(\.created) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
        #expect(weekly.weeks.map(\.closedEstimated) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])
        #expect(weekly.note.contains("closed_estimated is an estimate"))
    }

    @Test func openOnlyRunsSayClosedTicketsWereNotListed() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.includeClosed = false

        let summary = ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary

        #expect(summary.weekly?.note.contains("--open-only") == true)
        let json = try #require(String(data: try summary.jsonData(), encoding: .utf8))
        #expect(json.contains("\"closed_estimated\" : 0"))
    }
}
