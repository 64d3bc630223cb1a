import Foundation
import MaxCloud
import Reports
import Testing

/// The meeting's action list and the headline, by `MeetingRules`. As of 2026-11-30 09:00.
@Suite struct ActionListTests {
    func summary(_ tickets: [Ticket]) throws -> Summary {
        ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock()).summary
    }

    @Test func unassignedOpenTicketsPerPriority() throws {
        let list = try #require(
            try summary([
                Fixtures.ticket(1, priority: 0, assignee: nil),
                Fixtures.ticket(2, priority: 2, assignee: ""),
                Fixtures.ticket(3, priority: nil, assignee: nil),
                Fixtures.ticket(4, priority: 2, assignee: ""),
                Fixtures.ticket(5, state: "closed", priority: 0, assignee: nil),
                Fixtures.ticket(6, priority: 0),
            ]).actions)

        #expect(list.unassignedOpen == 4)
        #expect(
            list.unassignedOpenByPriority == [
                CountRow(key: "0", count: 1), CountRow(key: "2", count: 2),
                CountRow(key: "none", count: 1),
            ])
    }

    @Test func openTicketsOlderThan30DaysPerAssignee() throws {
        let list = try #require(
            try summary([
                Fixtures.ticket(1, assignee: "a@x", created: "2026-10-31 09:00:00"),  // 30 days
                Fixtures.ticket(2, assignee: "a@x", created: "2026-01-01 00:00:00"),
                Fixtures.ticket(3, assignee: "b@x", created: "2026-06-01 00:00:00"),
                Fixtures.ticket(4, assignee: "b@x", created: "2026-10-31 09:00:01"),  // just under
                Fixtures.ticket(
                    5, state: "closed", assignee: "b@x", created: "2026-01-01 00:00:00"),
                Fixtures.ticket(6, assignee: nil, created: "2026-01-01 00:00:00"),
            ]).actions)

        #expect(list.oldOpenDays == 30)
        #expect(list.oldOpen == 4)
        #expect(
            list.oldOpenByAssignee == [
                CountRow(key: "a@x", count: 2), CountRow(key: "(unassigned)", count: 1),
                CountRow(key: "b@x", count: 1),
            ])
    }

    @Test func openTicketsNotUpdatedFor14DaysLeastRecentlyUpdatedFirst() throws {
        let list = try #require(
            try summary([
                Fixtures.ticket(1, created: "2026-01-01 00:00:00", updated: "2026-11-16 09:00:00"),
                Fixtures.ticket(2, created: "2026-01-01 00:00:00", updated: "2026-11-16 09:00:01"),
                Fixtures.ticket(3, created: "2026-11-01 00:00:00", updated: nil),  // falls back
                Fixtures.ticket(4, created: "2026-01-01 00:00:00", updated: "2026-02-01 00:00:00"),
                Fixtures.ticket(
                    5, state: "closed", created: "2026-01-01 00:00:00",
                    updated: "2026-01-01 00:00:00"),
            ]).actions)

        #expect(list.staleOpenDays == 14)
        #expect(list.staleOpen == 3)
        #expect(list.staleOpenTickets.map(\.id) == [4, 3, 1])
        #expect(list.staleOpenTickets.map(\.idleDays) == [302, 29, 14])
        #expect(list.staleOpenByAssignee == [CountRow(key: "a@example.com", count: 3)])
    }

    @Test func theTenOldestHighPriorityTicketsAreThoseOfPriority0And1() throws {
        var tickets = (1...12).map { id in
            Fixtures.ticket(
                id, priority: id % 2, created: String(format: "2026-11-%02d 09:00:00", id))
        }
        tickets.append(Fixtures.ticket(20, priority: 2, created: "2025-01-01 00:00:00"))
        tickets.append(
            Fixtures.ticket(21, state: "closed", priority: 0, created: "2025-01-01 00:00:00"))
        tickets.append(Fixtures.ticket(22, company: 2, priority: 1, created: "2026-11-01 09:00:00"))

        let list = try #require(try summary(tickets).actions)

        #expect(MeetingRules.highPriorities == [0, 1])
        #expect(list.highPriorities == ["0", "1"])
        // Ties of age go by company, then ticket id.
        #expect(list.oldestHighPriority.map(\.id) == [1, 22, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(list.oldestHighPriority.first?.ageDays == 29)
        // Every one of them is at least 7 days old: six of priority 0, seven of priority 1.
        #expect(
            list.highPriorityAged == [CountRow(key: "0", count: 6), CountRow(key: "1", count: 7)])
        #expect(
            try summary(tickets).headline?.contains(
                "6 priority-0 tickets older than 7 days; 7 priority-1 tickets older than 7 days")
                == true)
    }
}
