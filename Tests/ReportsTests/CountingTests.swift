import Foundation
import MaxCloud
import Reports
import Testing

@Suite struct CountingTests {
    /// `created_at` exactly N days before the as-of time, in the report's zone.
    func created(daysBefore days: Double, clock: ReportClock) -> String {
        clock.plain(clock.asOf.addingTimeInterval(-days * 86_400))
    }

    @Test func agesOnEachBoundaryFallInTheUpperBucket() throws {
        let clock = try Fixtures.clock()
        let days: [Double] = [0, 1, 3, 7, 14, 30, 90]
        let tickets = days.enumerated().map { index, day in
            Fixtures.ticket(index + 1, created: created(daysBefore: day, clock: clock))
        }

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock)

        #expect(
            data.rows.map(\.bucket.rawValue) == [
                "0-1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d", "90d+",
            ])
        #expect(
            data.summary.byAge.map(\.key) == [
                "0-1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d", "90d+", "unknown",
            ])
        #expect(data.summary.byAge.map(\.open) == [1, 1, 1, 1, 1, 1, 1, 0])
    }

    @Test func aSecondShortOfABoundaryStaysInTheLowerBucket() throws {
        let clock = try Fixtures.clock()
        let tickets = [1.0, 3, 7, 14, 30, 90].enumerated().map { index, day in
            Fixtures.ticket(index + 1, created: created(daysBefore: day - 1 / 86_400, clock: clock))
        }

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock)

        #expect(
            data.rows.map(\.bucket.rawValue) == [
                "0-1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d",
            ])
    }

    @Test func futureAndUnreadableCreatedAtAreAgeZeroAndUnknown() throws {
        let clock = try Fixtures.clock()
        let tickets = [
            Fixtures.ticket(1, created: "2027-01-01 00:00:00"),
            Fixtures.ticket(2, created: "yesterday"),
            Fixtures.ticket(3, created: "2026-02-30 10:00:00"),
            Fixtures.ticket(4, created: nil),
        ]

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock)

        #expect(data.rows.array[0].ageSeconds == 0)
        #expect(data.rows.array[0].bucket == .underOneDay)
        #expect(data.rows.array[1...].allSatisfy { $0.bucket == .unknown && $0.ageDays == nil })
        #expect(data.summary.byAge.first { $0.key == "unknown" }?.total == 3)
        #expect(
            data.summary.warnings.contains {
                $0.contains("3 ticket(s)") && $0.contains("'yesterday'")
            })
        #expect(data.summary.warnings.contains { $0.contains("after the as-of time") })
    }

    @Test func closedInAnyCaseIsClosedAndEveryOtherStateIsOpen() throws {
        let states = [
            "closed", "Closed", "CLOSED", " closed ", "open", "pending", "closing", nil, "",
        ]
        let tickets = states.enumerated().map { Fixtures.ticket($0.offset + 1, state: $0.element) }

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())

        // Read literally: " closed " is not "closed" (the server's include_closed=false
        // lists it too), and keeps its spaces as its own state.
        #expect(
            data.rows.map(\.isClosed) == [
                true, true, true, false, false, false, false, false, false,
            ])
        #expect(data.summary.totals == Totals(tickets: 9, open: 6, closed: 3))
        let byState = Dictionary(
            uniqueKeysWithValues: data.summary.byState.map { ($0.key, $0.total) })
        #expect(
            byState == [
                "closed": 3, " closed ": 1, "open": 1, "pending": 1, "closing": 1, "(none)": 2,
            ])
    }

    @Test func onlyAnEmptyOrMissingAssigneeIsUnassigned() throws {
        let assignees = ["a@example.com", " a@example.com ", "", nil, " "]
        let tickets = assignees.enumerated().map {
            Fixtures.ticket($0.offset + 1, assignee: $0.element)
        }

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())

        let byAssignee = Dictionary(
            uniqueKeysWithValues: data.summary.byAssignee.map { ($0.key, $0.total) })
        #expect(
            byAssignee == [
                "a@example.com": 1, " a@example.com ": 1, "(unassigned)": 2, " ": 1,
            ])
    }

    @Test func aTicketTimestampMustBeExactlyTheDocumentedForm() throws {
        // As of 2026-11-30 09:00:00 +08:00: one day earlier is bucket 1-3d, read in +08:00.
        let created = [
            "2026-11-29 09:00:00", "2026-11-29T09:00:00", "2026-11-29 09:00:00Z",
            "2026-11-29 09:00:00+00:00", " 2026-11-29 09:00:00", "2026-11-29 09:00:00.000",
            "2026-11-29 9:00:00", "2026-02-30 09:00:00",
        ]
        let tickets = created.enumerated().map {
            Fixtures.ticket($0.offset + 1, created: $0.element)
        }

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())

        #expect(data.rows.map(\.bucket) == [.oneToThreeDays] + Array(repeating: .unknown, count: 7))
    }

    @Test func aTicketSeenTwiceIsCountedOnceAndIdsArePerCompany() throws {
        let tickets = [
            Fixtures.ticket(7, company: 1, updated: "2026-11-01 00:00:00"),
            Fixtures.ticket(7, company: 1, state: "closed", updated: "2026-11-20 00:00:00"),
            Fixtures.ticket(7, company: 2),
        ]

        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())

        #expect(data.summary.totals == Totals(tickets: 2, open: 1, closed: 1))
        #expect(data.summary.byCompany.map(\.total) == [1, 1])
        #expect(data.rows.first { $0.companyID == 1 }?.isClosed == true)  // the newer version wins
    }

    @Test func keysFollowTheCountingRules() throws {
        let tickets = [
            Fixtures.ticket(1, priority: nil, assignee: nil),
            Fixtures.ticket(2, priority: 0, assignee: ""),
            Fixtures.ticket(3, priority: 4, assignee: "b@example.com"),
            Fixtures.ticket(4, company: 2, priority: 1, assignee: "b@example.com"),
        ]
        let companies = [
            Company(id: 1, name: "DefaultTeam"), Company(id: 2, name: "运维二组"),
            Company(id: 3, name: "EmptyCo"),
        ]

        let summary = ReportData(
            snapshot: Fixtures.snapshot(tickets, companies: companies), clock: try Fixtures.clock()
        ).summary

        #expect(summary.byPriority.map(\.key) == ["0", "1", "4", "none"])
        #expect(summary.byAssignee.map(\.key) == ["(unassigned)", "b@example.com"])
        #expect(summary.byAssignee.map(\.open) == [2, 2])
        #expect(summary.byCompany.map(\.key) == ["DefaultTeam", "运维二组", "EmptyCo"])
        #expect(summary.byCompany.map(\.total) == [3, 1, 0])
        #expect(summary.asOf == "2026-11-30T09:00:00+08:00")
    }

    @Test func oldestOpenListsTheTenOldestOpenTickets() throws {
        let clock = try Fixtures.clock()
        let tickets = (1...15).map {
            Fixtures.ticket(
                $0, state: $0 == 15 ? "closed" : "open",
                created: created(daysBefore: Double($0 * 10), clock: clock))
        }

        let summary = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock).summary

        #expect(summary.oldestOpen.map(\.id) == [14, 13, 12, 11, 10, 9, 8, 7, 6, 5])
        #expect(summary.oldestOpen.first?.ageDays == 140)
    }
}
