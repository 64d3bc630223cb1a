import Foundation
import MaxCloudSimulator
import Testing

/// The built binary against a simulator that misbehaves: what the run does, its exit
/// status, and what is left in `--out`.
extension EndToEndTests {
    static let environment = ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword]

    func startServer(_ rules: [SimFaultRule], maxPageSize: Int = 10) throws -> SimulatorServer {
        var configuration = SimulatorConfiguration(maxPageSize: maxPageSize)
        configuration.faultPlan = SimFaultPlan(rules: rules)
        let server = SimulatorServer(dataset: .sample(), configuration: configuration)
        try server.start()
        return server
    }

    func summary(in folder: URL) throws -> [String: Any] {
        let json = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    func visibleFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aTicketOfAnotherCompanyStopsTheRunEveryTimeWithoutHanging() async throws {
        // Page 2 of company 2 carries a foreign ticket while other pages are in flight; the
        // run must end with exit 1 at once, never wait on the cancelled requests.
        let rule = SimFaultRule(
            .tenantLeak, at: .tickets(companyID: 2, page: 2), times: nil)
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        for _ in 0..<6 {
            let result = try await BinaryRunner.run(
                runArguments(server, out: out, extra: ["--concurrency", "8"]),
                environment: Self.environment, limit: 30)

            #expect(!result.timedOut, "the run hung after the tenant error")
            #expect(result.status == 1)
            #expect(result.stderr.contains("not of the company being read"))
            #expect(try visibleFiles(in: out).isEmpty)
        }
    }

    @Test func ticketsThatKeepMovingFailTheRunUnlessPartialReportsAreAllowed() async throws {
        // Every reading of page 2 of company 3 creates a ticket: the counts never add up.
        let rule = SimFaultRule(.createTicket, at: .tickets(companyID: 3, page: 2), times: nil)
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let strict = try await BinaryRunner.run(
            runArguments(server, out: out), environment: Self.environment)

        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Acme Retail, Inc. (3), scope company"))
        #expect(strict.stderr.contains("--allow-partial"))
        #expect(try visibleFiles(in: out).isEmpty)

        let partial = try await BinaryRunner.run(
            runArguments(server, out: out, extra: ["--allow-partial"]),
            environment: Self.environment)

        #expect(partial.status == 3, "\(partial.stderr)")
        let json = try summary(in: out)
        #expect(json["complete"] as? Bool == false)
        let warnings = json["warnings"] as? [String] ?? []
        #expect(
            warnings.contains {
                $0.contains("Acme Retail, Inc. (3)") && $0.contains("result_count")
            })
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let html = try String(
            contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let csv = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(markdown.contains("INCOMPLETE"))
        #expect(html.contains("INCOMPLETE"))
        #expect(csv.contains("\r\nreport,INCOMPLETE,,,\r\n"))
        #expect(csv.contains("\r\ncompany,\"Acme Retail, Inc. (incomplete)\","))
        #expect(csv.contains("\r\ncompany,DefaultTeam,"))
        let changes = try String(
            decoding: Data(contentsOf: out.appendingPathComponent("changes.csv")), as: UTF8.self)
        #expect(changes.contains("\r\nreport,INCOMPLETE,,,,,,,,\r\n"))
    }

    @Test func aSourceThatKeepsFailingIsListedWhenPartialReportsAreAllowed() async throws {
        let rule = SimFaultRule(.badGateway, at: .tickets(companyID: 2), times: nil)
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        let arguments = runArguments(server, out: out, extra: ["--retries", "1"])

        let strict = try await BinaryRunner.run(arguments, environment: Self.environment)
        let partial = try await BinaryRunner.run(
            arguments + ["--allow-partial"], environment: Self.environment)

        #expect(strict.status == 1)
        #expect(strict.stderr.contains("HTTP status 502"))
        #expect(partial.status == 3, "\(partial.stderr)")
        let json = try summary(in: out)
        #expect((json["failed_sources"] as? [String])?.count == 1)
        let failed = (json["sources"] as? [[String: Any]])?.first { $0["company_id"] as? Int == 2 }
        #expect(failed?["complete"] as? Bool == false)
        #expect((failed?["error"] as? String)?.contains("HTTP status 502") == true)
        #expect(failed?["result_count"] is NSNull)
        #expect((json["totals"] as? [String: Int])?["tickets"] == 260 + 90)
        // The company not wholly read says so, instead of showing as a company with no tickets.
        let companies = json["by_company"] as? [[String: Any]] ?? []
        #expect(companies.first { $0["company_id"] as? Int == 2 }?["complete"] as? Bool == false)
        #expect(companies.first { $0["company_id"] as? Int == 1 }?["complete"] as? Bool == true)
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("| 运维二组 (incomplete) | 0 | 0 | 0 |"))
    }

    @Test func anAnswerThatTricklesInIsGivenUpAtTheTimeOutAndRetried() async throws {
        // Page 2 of company 1 takes 8 s to arrive, a few bytes at a time: URLSession's own
        // time-out (silence between bytes) never fires; the whole-request deadline must.
        let rule = SimFaultRule(.trickle(seconds: 8), at: .tickets(companyID: 1, page: 2))
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        let started = Date()

        let result = try await BinaryRunner.run(
            runArguments(
                server, out: out, company: "1",
                extra: ["--timeout", "1", "--retries", "2", "--format", "json"]),
            environment: Self.environment, limit: 30)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 6)
        #expect((try summary(in: out)["totals"] as? [String: Int])?["tickets"] == 260)
        #expect(server.requestLog.filter { $0.fault == .trickle(seconds: 8) }.count == 1)
    }

    @Test func a401AfterOtherFailuresIsNotTwiceInARowAndRenewsAgain() async throws {
        // Page 2: 401, then (after logging in again) 500, then 401 again, then a good answer.
        let page2 = { (occurrence: Int) in
            SimFaultTrigger.tickets(companyID: 1, page: 2, occurrence: occurrence)
        }
        let server = try startServer([
            SimFaultRule(.expireToken, at: page2(1)), SimFaultRule(.bodyStatus500, at: page2(2)),
            SimFaultRule(.expireToken, at: page2(3)),
        ])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(
                server, out: out, company: "1",
                extra: ["--concurrency", "1", "--format", "json"]),
            environment: Self.environment)

        #expect(result.status == 0, "\(result.stderr)")
        #expect((try summary(in: out)["totals"] as? [String: Int])?["tickets"] == 260)
        #expect(server.requestLog.filter { $0.path == "/api/login" }.count == 3)
    }

    @Test func aTokenRefusedRightAfterEachNewLogInIsAClearError() async throws {
        // Every token of company 1 is refused after page 1. The first had worked for page 1 (it
        // expired: log in again); each new one is refused before it ever worked. The third
        // such refusal in a row is a clear error: four log-ins in all.
        let rule = SimFaultRule(
            .expireToken, at: .tickets(companyID: 1, occurrence: 2), times: nil)
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(server, out: out, company: "1", extra: ["--concurrency", "1"]),
            environment: Self.environment)

        #expect(result.status == 1)
        // The page reports its own refusals in a row: the expired token and three new ones.
        #expect(result.stderr.contains("4 times in a row"))
        #expect(result.stderr.contains("DefaultTeam (1), scope company, page "))
        #expect(try visibleFiles(in: out).isEmpty)
        #expect(server.requestLog.filter { $0.path == "/api/login" }.count == 4)
    }

    @Test func aFileThatCannotBeReplacedLeavesThePreviousReportWhole() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        let first = try await BinaryRunner.run(
            runArguments(server, out: out, company: "3"), environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try visibleFiles(in: out).map {
            ($0, try Data(contentsOf: out.appendingPathComponent($0)))
        }
        // A folder where report.xlsx goes: the new report cannot be put in place whole.
        let xlsx = out.appendingPathComponent("report.xlsx")
        try FileManager.default.removeItem(at: xlsx)
        try FileManager.default.createDirectory(
            at: xlsx.appendingPathComponent("keep"), withIntermediateDirectories: true)

        let second = try await BinaryRunner.run(
            runArguments(server, out: out, company: "all"), environment: Self.environment)

        #expect(second.status == 1)
        #expect(second.stderr.contains("report.xlsx"))
        for (name, data) in before where name != "report.xlsx" {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == data, "\(name)")
        }
        #expect(try visibleFiles(in: out) == before.map(\.0))
        #expect(FileManager.default.fileExists(atPath: xlsx.appendingPathComponent("keep").path))
    }

    @Test func tokensExpiringUnderConcurrentPagesAreRenewedOnce() async throws {
        // The company token expires on page 2 while pages 3-5 are in flight with it.
        let rule = SimFaultRule(.expireToken, at: .tickets(companyID: 1, page: 2))
        let server = try startServer([rule])
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(server, out: out, company: "1", extra: ["--format", "json"]),
            environment: Self.environment)

        #expect(result.status == 0, "\(result.stderr)")
        #expect((try summary(in: out)["totals"] as? [String: Int])?["tickets"] == 260)
        let logins = server.requestLog.filter { $0.path == "/api/login" }.count
        #expect(logins == 2)
    }

    @Test func aCompanyIsChosenByANameThatHoldsACommaOrByAListOfIDs() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let byName = BinaryRunner.temporaryDirectory()
        let byList = BinaryRunner.temporaryDirectory()

        let name = try await BinaryRunner.run(
            runArguments(
                server, out: byName, company: "Acme Retail, Inc.", extra: ["--format", "json"]),
            environment: Self.environment)
        let list = try await BinaryRunner.run(
            runArguments(server, out: byList, company: "2,3", extra: ["--format", "json"]),
            environment: Self.environment)

        #expect(name.status == 0, "\(name.stderr)")
        #expect((try summary(in: byName)["totals"] as? [String: Int])?["tickets"] == 90)
        #expect(list.status == 0, "\(list.stderr)")
        #expect((try summary(in: byList)["totals"] as? [String: Int])?["tickets"] == 150 + 90)
    }

    @Test func badSelectionsAndOutputFoldersExit64BeforeLoggingIn() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)

        let emptyTag = try await BinaryRunner.run(
            runArguments(server, out: folder, extra: ["--tag", ""]), environment: Self.environment)
        let outIsFile = try await BinaryRunner.run(
            runArguments(server, out: file), environment: Self.environment)
        let unknown = try await BinaryRunner.run(
            runArguments(server, out: folder, company: "Nope Corp"), environment: Self.environment)
        let stray = try await BinaryRunner.run(
            runArguments(server, out: folder, extra: ["stray"]), environment: Self.environment)
        let snapshot = try await BinaryRunner.run(
            runArguments(server, out: folder, extra: ["--snapshot", "/nonexistent/dir/s.jsonl"]),
            environment: Self.environment)

        #expect(emptyTag.status == 64)
        #expect(emptyTag.stderr.contains("empty --tag"))
        #expect(outIsFile.status == 64)
        #expect(outIsFile.stderr.contains("'\(file.path)' is a file"))
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'Nope Corp'"))
        #expect(stray.status == 64)
        #expect(stray.stderr.contains("unexpected argument 'stray'"))
        #expect(snapshot.status == 64)
        #expect(snapshot.stderr.contains("the folder '/nonexistent/dir' does not exist"))
        #expect(server.requestLog.filter { $0.path == "/api/login" }.count == 1)
    }
}
