import Foundation
import History
import SQLite
import Testing

/// Recording runs, finding the previous one, counting changes, and two writers at once.
struct HistoryStoreTests {
    func figures(_ counts: [ChangeCount]) -> [String: Int] {
        var table: [String: Int] = [:]
        for count in counts { table[count.measure.rawValue, default: 0] += count.count }
        return table
    }

    @Test func everyMeasureIsCountedAgainstThePreviousRun() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let before = [
            ticket(1), ticket(2), ticket(3, closed: true), ticket(4, assignee: nil),
            ticket(5, assignee: ""), ticket(6), ticket(7, company: 2, priority: nil),
        ]
        let after = [
            ticket(1),  // unchanged
            ticket(2, closed: true),  // closed
            ticket(3),  // reopened
            ticket(4, assignee: ""),  // nil and "" are both unassigned: not reassigned
            ticket(5, assignee: "b@x"),  // reassigned
            // 6 is no longer listed: not closed, since closed tickets are listed here
            ticket(7, company: 2, priority: 0, assignee: "c@x"),  // reassigned, priority now 0
            ticket(8, created: 150),  // created after the previous run
            ticket(9, created: nil),  // created_at unreadable: counted as created
            ticket(10, created: 50),  // not seen before, but created before the previous run
            ticket(11, created: 100),  // created at the previous run's as-of time: created
        ]
        let first = try record(history.path, run(100, before), before)
        let second = try record(history.path, run(200, after), after)

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let counts = try store.changes(from: first, to: second, inferFromAbsence: false)
        let previous = try store.previousRun(selection: "s", before: 200)
        store.rollback()

        #expect(previous == first)
        #expect(
            figures(counts) == [
                "created": 3, "closed": 1, "reopened": 1, "reassigned": 2, "backlog_before": 6,
                "backlog_now": 9,
            ])
        #expect(
            counts.contains {
                $0 == ChangeCount(measure: .reassigned, companyID: 2, priority: 0, count: 1)
            })
        #expect(
            counts.contains {
                $0 == ChangeCount(measure: .backlogBefore, companyID: 2, priority: nil, count: 1)
            })
    }

    @Test func runsOfOpenTicketsOnlyInferClosingAndReopeningFromAbsence() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let before = [ticket(1), ticket(2), ticket(3, company: 2)]
        let after = [
            ticket(1), ticket(4, created: 50), ticket(5, created: 150), ticket(6, created: 100),
        ]
        let companies = [
            HistoryCompany(id: 1, name: "c1", complete: true),
            HistoryCompany(id: 2, name: "c2", complete: false),
        ]
        let first = try record(history.path, run(100, before), before, companies: companies)
        let second = try record(history.path, run(200, after), after, companies: companies)

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let counts = try store.changes(from: first, to: second, inferFromAbsence: true)
        store.rollback()

        // 2 was not listed now: closed. 3 neither, but its company was not read whole.
        // 4 was not listed then but is older than that run: reopened. 5 is new, and so is 6,
        // created at the very as-of time of the run before.
        #expect(
            figures(counts) == [
                "created": 2, "closed": 1, "reopened": 1, "backlog_before": 3, "backlog_now": 4,
            ])
    }

    @Test func aRunThatMissedACompanyComparesOnlyTheCompaniesItReadWholly() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let before = [ticket(1), ticket(2), ticket(3, company: 2), ticket(4, company: 2)]
        // Company 1 could not be read: none of its tickets are listed now. Of company 2's,
        // 3 was closed and 4 is no longer listed (open tickets only: closed too), 5 is new.
        let after = [ticket(3, company: 2, closed: true), ticket(5, company: 2, created: 150)]
        let first = try record(history.path, run(100, before), before)
        let second = try record(
            history.path, run(200, after), after,
            companies: [
                HistoryCompany(id: 1, name: "c1", complete: false),
                HistoryCompany(id: 2, name: "c2", complete: true),
            ])

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let partial = try store.changes(
            from: first, to: second, inferFromAbsence: true, onlyCompaniesReadWholly: true)
        let everything = try store.changes(from: first, to: second, inferFromAbsence: true)
        let backlogs = try [first, second].map {
            try store.openTickets(ofRun: $0.id, inCompaniesReadWhollyBy: second.id)
        }
        store.rollback()

        #expect(
            figures(partial) == ["created": 1, "closed": 2, "backlog_before": 2, "backlog_now": 1])
        #expect(partial.allSatisfy { $0.companyID == 2 })
        #expect(figures(everything)["backlog_before"] == 4)
        #expect(backlogs == [2, 1])
    }

    @Test func thePreviousRunIsTheLatestCompleteEarlierOneOfTheSameSelection() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let states = [ticket(1)]
        var incomplete = run(300, states)
        incomplete.complete = false
        try record(history.path, run(100, states), states)
        let wanted = try record(history.path, run(200, states), states)
        try record(history.path, run(250, states, selection: "other"), states)
        try record(history.path, incomplete, states)
        try record(history.path, run(400, states), states)

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let previous = try store.previousRun(selection: "s", before: 400)
        let sameTime = try store.previousRun(selection: "s", before: 100)
        let trend = try store.runs(selection: "s", upTo: 300, including: 0)
        store.rollback()

        #expect(previous == wanted)
        #expect(sameTime == nil)
        #expect(trend.map(\.asOf) == [100, 200])
    }

    @Test func aRolledBackRunLeavesTheFileAsItWas() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        try record(history.path, run(100, [ticket(1)]), [ticket(1)])
        let before = try Data(contentsOf: URL(fileURLWithPath: history.path))

        let store = try HistoryStore(path: history.path)
        try store.begin()
        _ = try store.record(run(200, [ticket(2)]), companies: [], states: [ticket(2)])
        store.rollback()
        store.close()

        #expect(try HistoryStore(path: history.path).runCount() == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: history.path)) == before)
    }

    @Test func aRunThatCannotGetTheLockInTimeSaysTheFileIsInUse() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let holder = try HistoryStore(path: history.path)
        try holder.begin()
        let waiter = try HistoryStore(path: history.path, busyTimeout: .milliseconds(100))

        let error = #expect(throws: HistoryError.self) { try waiter.begin() }
        holder.rollback()

        #expect(error?.description.contains("is in use by another run") == true)
        #expect(!waiter.isInTransaction)
    }

    @Test func twoWritersAtOnceBothLandWholeAndInTurn() async throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let path = history.path
        let states = (1...2_000).map { ticket($0) }

        // Each writer holds the lock a while; the other waits at begin() and then sees the
        // first one's run as its previous run.
        let previous = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for asOf in [Int64(100), 200] {
                group.addTask {
                    let store = try HistoryStore(path: path, busyTimeout: .seconds(20))
                    try store.begin()
                    let earlier = try store.previousRun(selection: "s", before: 1000)
                    _ = try store.record(run(asOf, states), companies: [], states: states)
                    usleep(100_000)
                    try store.commit()
                    return earlier?.asOf
                }
            }
            var seen: [Int64?] = []
            for try await value in group { seen.append(value) }
            return seen
        }

        let check = try Database(path: path)
        #expect(try check.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try check.scalar("SELECT count(*) FROM ticket_states") == .integer(4_000))
        #expect(try HistoryStore(path: path).runCount() == 2)
        #expect(previous.filter { $0 == nil }.count == 1)
        #expect(previous.contains { $0 != nil })
    }
}
