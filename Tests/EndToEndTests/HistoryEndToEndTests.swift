import Foundation
import MaxCloudSimulator
import SQLite
import Testing

/// The built binary run again and again against one simulator whose tickets change in
/// between: the history, what changed, the trend, and runs that fail leaving it alone.
extension EndToEndTests {
    /// A run at `asOf`; the slower formats (the workbook above all) only when asked for.
    func historyArguments(
        _ server: SimulatorServer, out: URL, asOf: String, formats: String = "json,csv",
        extra: [String] = []
    ) -> [String] {
        [
            "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
            "--as-of", asOf, "--timezone", "+08:00", "--out", out.path, "--format", formats,
            "--quiet",
        ] + extra
    }

    func runCount(_ history: URL) throws -> Int64? {
        let database = try Database(path: history.path, options: [.readOnly])
        guard case .integer(let count)? = try database.scalar("SELECT count(*) FROM runs") else {
            return nil
        }
        return count
    }

    /// Checks every figure of `changes` and its breakdowns against the simulator's data.
    func expectChanges(
        in out: URL, before: [SimTicket], after: [SimTicket], since: String, sinceISO: String
    ) throws {
        let json = try summary(in: out)
        let expected = ExpectedChanges(before: before, after: after, since: since)
        let changes = try #require(json["changes"] as? [String: Any])

        #expect(changes["since"] as? String == sinceISO)
        for measure in ExpectedChanges.measures {
            #expect(changes[measure] as? Int == expected.total[measure, default: 0], "\(measure)")
        }
        #expect(
            ExpectedChanges.table(
                json["changes_by_company"] as? [[String: Any]] ?? [], key: "company_id")
                == expected.companyTable)
        #expect(
            ExpectedChanges.table(json["changes_by_priority"] as? [[String: Any]] ?? [], key: "key")
                == expected.byPriority)
    }

    /// Between a first run and a second: 3 tickets created (one unassigned without a
    /// priority), 3 closed, 2 reopened, 2 reassigned (one to nobody).
    func changeTicketsForASecondWeek(_ server: SimulatorServer) {
        let start = server.dataset.tickets
        let open = start.filter { !$0.isClosed }.sorted {
            ($0.companyID, $0.id) < ($1.companyID, $1.id)
        }
        let closed = start.filter(\.isClosed).sorted {
            ($0.companyID, $0.id) < ($1.companyID, $1.id)
        }
        for (offset, company) in [1, 1, 3].enumerated() {
            server.addTicket(
                SimTicket(
                    id: 9_000 + offset, companyID: company, teamID: 1, createdBy: "new@example.com",
                    assignedTo: offset == 2 ? nil : "new@example.com", state: "open",
                    priority: offset == 2 ? nil : offset, subject: "new \(offset)",
                    createdAt: "2026-12-0\(2 + offset) 10:00:00"))
        }
        for ticket in open.prefix(3) {
            server.closeTicket(
                companyID: ticket.companyID, id: ticket.id, updatedAt: "2026-12-03 11:00:00")
        }
        for ticket in closed.suffix(2) {
            server.reopenTicket(
                companyID: ticket.companyID, id: ticket.id, updatedAt: "2026-12-03 12:00:00")
        }
        let assigned = open.dropFirst(3).filter { !($0.assignedTo ?? "").isEmpty }
        server.reassignTicket(
            companyID: assigned[0].companyID, id: assigned[0].id, to: "someone.else@example.com")
        server.reassignTicket(companyID: assigned[1].companyID, id: assigned[1].id, to: "")
    }

    @Test func threeRunsWithTicketsChangingInBetweenShowEveryChangeAndTheTrend() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let history = out.appendingPathComponent("history.sqlite")
        let start = server.dataset.tickets

        let first = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-30 09:00:00"),
            environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect((try summary(in: out)["changes"] as? [String: Any])?["since"] is NSNull)

        changeTicketsForASecondWeek(server)
        let middle = server.dataset.tickets

        let second = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-07 09:00:00"),
            environment: Self.environment)

        #expect(second.status == 0, "\(second.stderr)")
        try expectChanges(
            in: out, before: start, after: middle, since: "2026-11-30 09:00:00",
            sinceISO: "2026-11-30T09:00:00+08:00")
        let totals = try #require(try summary(in: out)["changes"] as? [String: Any])
        #expect(
            ["created", "closed", "reopened", "reassigned"].map { totals[$0] as? Int }
                == [3, 3, 2, 2])
        let headline = try #require(try summary(in: out)["headline"] as? String)
        #expect(
            headline.hasPrefix(
                "Backlog \(totals["backlog_now"] as! Int), up 2 on last week; 3 created, 3 closed, 2 reopened"
            ))

        // The third run is in the same ISO week as the second: the trend keeps the later.
        server.closeTicket(companyID: 1, id: 9_000, updatedAt: "2026-12-07 15:00:00")
        server.reassignTicket(companyID: 1, id: 9_001, to: "other@example.com")
        let end = server.dataset.tickets

        let third = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-08 09:00:00"),
            environment: Self.environment)

        #expect(third.status == 0, "\(third.stderr)")
        try expectChanges(
            in: out, before: middle, after: end, since: "2026-12-07 09:00:00",
            sinceISO: "2026-12-07T09:00:00+08:00")
        let json = try summary(in: out)
        let trend = try #require(json["trend"] as? [[String: Any]])
        #expect(trend.map { $0["week"] as? String } == ["2026-W49", "2026-W50"])
        #expect(
            trend.map { $0["as_of"] as? String } == [
                "2026-11-30T09:00:00+08:00", "2026-12-08T09:00:00+08:00",
            ])
        #expect(
            trend.map { $0["backlog"] as? Int }
                == [start, end].map { tickets in tickets.filter { !$0.isClosed }.count })
        #expect((json["history"] as? [String: Any])?["runs"] as? Int == 3)
        #expect(try runCount(history) == 3)
        let csv = try String(
            decoding: Data(contentsOf: out.appendingPathComponent("changes.csv")), as: UTF8.self)
        #expect(csv.contains("\r\ntotal,all,,2026-12-07T09:00:00+08:00,0,1,0,1,"))
    }
}
