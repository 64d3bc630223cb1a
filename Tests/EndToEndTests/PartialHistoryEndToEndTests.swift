import Foundation
import MaxCloudSimulator
import Testing

/// `--allow-partial` runs against the history: a company that could not be read is not
/// counted as gone, and the next complete run compares with the last complete one.
extension EndToEndTests {
    @Test func aCompanyThatFailsIsLeftOutOfTheChangesNotCountedAsGone() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-23 09:00:00"),
            environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let open = server.dataset.tickets.filter { !$0.isClosed }
        let openOf2 = open.filter { $0.companyID == 2 }.count

        // Every page of company 2 answers 502.
        server.faultPlan = SimFaultPlan(rules: [
            SimFaultRule(.badGateway, at: .tickets(companyID: 2), times: nil)
        ])
        let partial = try await BinaryRunner.run(
            historyArguments(
                server, out: out, asOf: "2026-11-30 09:00:00",
                formats: "json,csv,md", extra: ["--allow-partial", "--retries", "0"]),
            environment: Self.environment)
        server.faultPlan = SimFaultPlan(rules: [])

        #expect(partial.status == 3, "\(partial.stderr)")
        let json = try summary(in: out)
        let changes = try #require(json["changes"] as? [String: Any])
        #expect(changes["backlog_before"] as? Int == open.count - openOf2)
        #expect(changes["backlog_now"] as? Int == open.count - openOf2)
        #expect(changes["closed"] as? Int == 0)
        let leftOut = changes["left_out"] as? [[String: Any]] ?? []
        #expect(leftOut.map { $0["company_id"] as? Int } == [2])
        let headline = json["headline"] as? String ?? ""
        #expect(
            headline.hasPrefix(
                "Backlog \(open.count - openOf2), INCOMPLETE (not read completely: 运维二组); "
                    + "where read completely \(open.count - openOf2), unchanged since last week;"),
            "\(headline)")
        let trend = json["trend"] as? [[String: Any]] ?? []
        #expect(
            trend.map { $0["backlog"] as? Int } == [open.count - openOf2, open.count - openOf2])
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("company 运维二组 (2), scope company could not be read"))
        #expect(markdown.contains("its tickets are missing from every figure of this report"))

        let next = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-07 09:00:00"),
            environment: Self.environment)
        #expect(next.status == 0, "\(next.stderr)")
        let after = try summary(in: out)
        let since = (after["changes"] as? [String: Any])?["since"] as? String
        #expect(since == "2026-11-23T09:00:00+08:00")
        #expect((after["changes"] as? [String: Any])?["backlog_before"] as? Int == open.count)
        #expect((after["trend"] as? [[String: Any]] ?? []).count == 2)
    }
}
