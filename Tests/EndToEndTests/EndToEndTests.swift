import Foundation
import MaxCloudSimulator
import Testing

/// The built binary against the simulator over loopback HTTP, as a user runs it.
@Suite(.serialized) struct EndToEndTests {
    static let asOf = "2026-11-30 09:00:00"

    func startServer(maxPageSize: Int = 100) throws -> SimulatorServer {
        let server = SimulatorServer(
            dataset: .sample(), configuration: SimulatorConfiguration(maxPageSize: maxPageSize))
        try server.start()
        return server
    }

    func runArguments(
        _ server: SimulatorServer, out: URL, company: String = "all", extra: [String] = []
    )
        -> [String]
    {
        [
            "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
            "--company", company, "--include-closed", "--as-of", Self.asOf, "--timezone", "+08:00",
            "--out", out.path, "--quiet",
        ] + extra
    }

    /// Checks the totals and every dimension of `summary.json` against the expectation.
    func expectFigures(
        _ summary: [String: Any], _ expected: Expected,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            summary["totals"] as? [String: Int] == [
                "tickets": expected.tickets, "open": expected.open, "closed": expected.closed,
            ], sourceLocation: sourceLocation)
        #expect(rows(summary, "by_company") == expected.byCompany, sourceLocation: sourceLocation)
        #expect(
            rows(summary, "by_priority") == expected.byPriority, sourceLocation: sourceLocation)
        #expect(
            rows(summary, "by_assignee") == expected.byAssignee, sourceLocation: sourceLocation)
        #expect(rows(summary, "by_state") == expected.byState, sourceLocation: sourceLocation)
        #expect(
            rows(summary, "by_age").filter { $0.value != [0, 0] } == expected.byAge,
            sourceLocation: sourceLocation)
    }

    func rows(_ object: [String: Any], _ key: String) -> [String: [Int]] {
        var table: [String: [Int]] = [:]
        for row in object[key] as? [[String: Any]] ?? [] {
            table[row["key"] as! String] = [row["open"] as! Int, row["closed"] as! Int]
        }
        return table
    }

    @Test func runWritesSevenFilesAndTheHistoryWhoseFiguresMatchTheSimulatorsData() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(server, out: out),
            environment: ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword])

        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "changes.csv", "history.sqlite", "report.html", "report.md", "report.xlsx",
                "summary.csv", "summary.json", "tickets.csv",
            ])

        let dataset = SimulatorDataset.sample()
        let expected = Expected(
            dataset.tickets, companies: dataset.companies, asOf: Self.asOf,
            zone: TimeZone(secondsFromGMT: 28_800)!)
        let json = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])

        #expect(summary["complete"] as? Bool == true)
        #expect(summary["as_of"] as? String == "2026-11-30T09:00:00+08:00")
        expectFigures(summary, expected)
        #expect((summary["by_age"] as? [[String: Any]])?.count == 8)

        let sources = try #require(summary["sources"] as? [[String: Any]])
        #expect(sources.count == dataset.companies.count)
        for source in sources {
            let id = source["company_id"] as! Int
            let all = dataset.tickets.filter { $0.companyID == id }
            #expect(source["result_count"] as? Int == all.count)
            #expect(source["fetched"] as? Int == all.count)
            #expect(source["pages"] as? Int == max(1, (all.count + 99) / 100))
            #expect(
                source["server_closed"] as? Int
                    == all.filter { $0.state.lowercased() == "closed" }.count)
        }

        let csv = try String(contentsOf: out.appendingPathComponent("tickets.csv"), encoding: .utf8)
        #expect(
            csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == expected.tickets + 1
        )
    }

    @Test func smallServerPagesAndOneFormat() async throws {
        let server = try startServer(maxPageSize: 7)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(
                server, out: out, company: "运维二组", extra: ["--format", "json", "--page-size", "50"]),
            environment: ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "history.sqlite", "summary.json",
            ])
        let json = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let source = try #require((summary["sources"] as? [[String: Any]])?.first)
        #expect(source["pages"] as? Int == 22)  // 150 tickets, 7 a page whatever was asked
        #expect((summary["totals"] as? [String: Int])?["tickets"] == 150)
    }

    @Test func refusedLoginExits77AndWritesNothing() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory().appendingPathComponent("never")

        let result = try await BinaryRunner.run(
            runArguments(server, out: out), environment: ["MAXCLOUD_PASSWORD": "wrong"])

        #expect(result.status == 77)
        #expect(result.stderr.contains("log in refused"))
        #expect(!result.stderr.contains("wrong"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func passwordFromStandardInput() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(server, out: out, extra: ["--password-stdin", "--format", "csv"]),
            stdin: SimulatorDataset.demoPassword + "\n")

        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("tickets.csv").path))
    }

    @Test func unreachableServerExits1AndKeepsThePreviousReport() async throws {
        let server = try startServer()
        let out = BinaryRunner.temporaryDirectory()
        let environment = ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword]
        let first = try await BinaryRunner.run(
            runArguments(server, out: out), environment: environment)
        #expect(first.status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("report.xlsx"))
        let arguments = runArguments(server, out: out, extra: ["--retries", "0", "--timeout", "2"])
        server.stop()

        let second = try await BinaryRunner.run(arguments, environment: environment)

        #expect(second.status == 1)
        #expect(second.stderr.contains("log in failed"))
        #expect(try Data(contentsOf: out.appendingPathComponent("report.xlsx")) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy {
                !$0.hasPrefix(".")
            })
    }

    @Test func usageErrorsExit64AndQuoteTheToken() async throws {
        let typo = try await BinaryRunner.run(["run", "--formt", "json"])
        let password = try await BinaryRunner.run(["run", "--password", "secret"])
        let zone = try await BinaryRunner.run([
            "render", "--from", "x.json", "--timezone", "Mars/Base",
        ])

        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown option '--formt'"))
        #expect(typo.stderr.contains("did you mean '--format'"))
        #expect(password.status == 64)
        #expect(!password.stderr.contains("secret"))
        #expect(zone.status == 64)
        #expect(zone.stderr.contains("'Mars/Base'"))
    }

    @Test func demoRunsThePipelineAgainstTheBuiltInSimulator() async throws {
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(["demo", "--out", out.path])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("500 tickets"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 8)
    }

    @Test func fetchThenRenderGivesTheSameSummaryAsRun() async throws {
        let server = try startServer()
        defer { server.stop() }
        let environment = ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword]
        let direct = BinaryRunner.temporaryDirectory()
        let later = BinaryRunner.temporaryDirectory()
        let snapshot = later.appendingPathComponent("snapshot.json").path
        _ = try await BinaryRunner.run(
            runArguments(server, out: direct, extra: ["--format", "json"]), environment: environment
        )

        let fetch = try await BinaryRunner.run(
            [
                "fetch", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--snapshot", snapshot,
            ],
            environment: environment)
        let render = try await BinaryRunner.run([
            "render", "--from", snapshot, "--as-of", Self.asOf, "--timezone", "+08:00", "--out",
            later.path,
            "--format", "json",
        ])

        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(render.status == 0, "\(render.stderr)")
        #expect(
            try Data(contentsOf: direct.appendingPathComponent("summary.json"))
                == Data(contentsOf: later.appendingPathComponent("summary.json")))
        let saved = try String(contentsOf: URL(fileURLWithPath: snapshot), encoding: .utf8)
        #expect(!saved.contains(SimulatorDataset.demoPassword))
    }
}
