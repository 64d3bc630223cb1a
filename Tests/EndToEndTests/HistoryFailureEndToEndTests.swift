import Foundation
import MaxCloudSimulator
import SQLite
import Testing

/// Runs that fail leave the history as it was; open-only runs; a newer history refused;
/// two runs writing one history at once.
extension EndToEndTests {
    @Test func runsThatFailHalfWayLeaveTheHistoryAsItWas() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let history = out.appendingPathComponent("history.sqlite")
        let first = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-30 09:00:00", formats: "json,md"),
            environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: history)
        server.closeTicket(companyID: 1, id: server.dataset.tickets.first { !$0.isClosed }!.id)

        // The report cannot be put in place: a folder where report.md goes.
        let markdown = out.appendingPathComponent("report.md")
        try FileManager.default.removeItem(at: markdown)
        try FileManager.default.createDirectory(
            at: markdown.appendingPathComponent("keep"), withIntermediateDirectories: true)
        let unwritable = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-07 09:00:00", formats: "json,md"),
            environment: Self.environment)
        try FileManager.default.removeItem(at: markdown)

        // Fetching fails: every page of company 2 answers 502.
        server.faultPlan = SimFaultPlan(rules: [
            SimFaultRule(.badGateway, at: .tickets(companyID: 2), times: nil)
        ])
        let unreachable = try await BinaryRunner.run(
            historyArguments(
                server, out: out, asOf: "2026-12-07 09:00:00", extra: ["--retries", "0"]),
            environment: Self.environment)
        server.faultPlan = SimFaultPlan(rules: [])

        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("report.md"))
        #expect(unreachable.status == 1)
        #expect(try Data(contentsOf: history) == before)
        #expect(try runCount(history) == 1)

        // The next run that succeeds compares with the first one.
        let next = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-07 09:00:00"),
            environment: Self.environment)
        #expect(next.status == 0, "\(next.stderr)")
        let changes = try #require(try summary(in: out)["changes"] as? [String: Any])
        #expect(changes["since"] as? String == "2026-11-30T09:00:00+08:00")
        #expect(changes["closed"] as? Int == 1)
    }

    @Test func openOnlyRunsCountATicketNoLongerListedAsClosed() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = { (asOf: String) in
            self.historyArguments(
                server, out: out, asOf: asOf,
                extra: ["--open-only", "--company", "3", "--format", "json"])
        }
        let first = try await BinaryRunner.run(
            arguments("2026-11-30 09:00:00"), environment: Self.environment)
        let open = server.dataset.tickets.filter { $0.companyID == 3 && !$0.isClosed }
        let closed = server.dataset.tickets.filter { $0.companyID == 3 && $0.isClosed }
        server.closeTicket(companyID: 3, id: open[0].id)
        server.closeTicket(companyID: 3, id: open[1].id)
        server.reopenTicket(companyID: 3, id: closed[0].id)

        let second = try await BinaryRunner.run(
            arguments("2026-12-07 09:00:00"), environment: Self.environment)

        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let changes = try #require(try summary(in: out)["changes"] as? [String: Any])
        #expect(changes["closed"] as? Int == 2)
        #expect(changes["reopened"] as? Int == 1)
        #expect(changes["created"] as? Int == 0)
        #expect(changes["backlog_now"] as? Int == open.count - 1)
    }

    @Test func aHistoryOfANewerToolIsRefusedWithExit64AndLeftAlone() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let history = out.appendingPathComponent("elsewhere.sqlite")
        let newer = try Database(path: history.path)
        try newer.execute(
            "CREATE TABLE t (x); PRAGMA user_version = 9; PRAGMA application_id = 1296257608")
        newer.close()
        let before = try Data(contentsOf: history)

        let result = try await BinaryRunner.run(
            historyArguments(
                server, out: out, asOf: "2026-11-30 09:00:00", extra: ["--history", history.path]),
            environment: Self.environment)
        let loginsBeforeSkipping = server.requestLog.filter { $0.path == "/api/login" }.count
        let skipped = try await BinaryRunner.run(
            historyArguments(
                server, out: out, asOf: "2026-11-30 09:00:00",
                extra: ["--no-history", "--format", "json"]),
            environment: Self.environment)

        let both = try await BinaryRunner.run(
            historyArguments(
                server, out: out, asOf: "2026-11-30 09:00:00",
                extra: ["--history", history.path, "--no-history"]),
            environment: Self.environment)

        #expect(both.status == 64)
        #expect(both.stderr.contains("'--history' and '--no-history' contradict each other"))
        #expect(loginsBeforeSkipping == 0)
        #expect(result.status == 64)
        #expect(result.stderr.contains("newer maxcloud-report (schema version 9"))
        #expect(try Data(contentsOf: history) == before)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(
            !FileManager.default.fileExists(
                atPath: out.appendingPathComponent("history.sqlite").path))
        #expect((try summary(in: out)["history"] as? [String: Any])?["recorded"] as? Bool == false)
    }

    @Test func twoRendersWritingOneHistoryAtOnceBothLand() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let snapshot = folder.appendingPathComponent("snapshot.jsonl").path
        let history = folder.appendingPathComponent("shared.sqlite")
        let fetch = try await BinaryRunner.run(
            [
                "fetch", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--snapshot", snapshot, "--quiet",
            ],
            environment: Self.environment)
        #expect(fetch.status == 0, "\(fetch.stderr)")

        let commands = [("2026-11-30 09:00:00", "a"), ("2026-12-07 09:00:00", "b")].map {
            asOf, name in
            [
                "render", "--from", snapshot, "--as-of", asOf, "--timezone", "+08:00", "--out",
                folder.appendingPathComponent(name).path, "--history", history.path, "--format",
                "json,csv", "--quiet",
            ]
        }
        // Both processes at once: each run waits on its own thread, so they overlap.
        let results = try await withThrowingTaskGroup(of: BinaryRunner.Result.self) { group in
            for command in commands {
                group.addTask { try await BinaryRunner.run(command) }
            }
            var results: [BinaryRunner.Result] = []
            for try await result in group { results.append(result) }
            return results
        }

        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        #expect(try runCount(history) == 2)
        let database = try Database(path: history.path, options: [.readOnly])
        #expect(try database.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try database.scalar("SELECT count(*) FROM ticket_states") == .integer(1000))
    }
}
