import Foundation
import MaxCloudSimulator
import Testing

/// The command line as a user meets it: version, help, usage errors.
extension EndToEndTests {
    @Test func versionAndHelpGoToStandardOutputWithStatus0() async throws {
        let version = try await BinaryRunner.run(["--version"])
        let short = try await BinaryRunner.run(["-h"])
        let long = try await BinaryRunner.run(["--help"])
        let runHelp = try await BinaryRunner.run(["run", "-h"])
        let helpRun = try await BinaryRunner.run(["help", "run"])
        let checkHelp = try await BinaryRunner.run(["config", "check", "--help"])

        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("maxcloud-report 0."))
        #expect(short.status == 0 && short.stdout == long.stdout)
        #expect(short.stdout.contains("config check"))
        #expect(runHelp.status == 0 && runHelp.stdout == helpRun.stdout)
        #expect(runHelp.stdout.contains("--dry-run"))
        #expect(checkHelp.stdout.hasPrefix("usage: maxcloud-report config check [options] FILE"))
    }

    @Test func noArgumentsOrAnUnknownCommandExit64() async throws {
        let none = try await BinaryRunner.run([])
        let typo = try await BinaryRunner.run(["rnu"])

        #expect(none.status == 64)
        #expect(none.stderr.contains("usage: maxcloud-report COMMAND"))
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command 'rnu'; did you mean 'run'?"))
    }

    @Test func doubleDashLetsAFileNameStartWithADash() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let template = folder.appendingPathComponent("-odd.md")
        try "total {{totals.tickets}}".write(to: template, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("d.json")
        try #"{"totals": {"tickets": 7}}"#.write(to: data, atomically: true, encoding: .utf8)

        let result = try await BinaryRunner.run(
            ["template", "--data", data.path, "--", "-odd.md"], directory: folder)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "total 7")
    }

    @Test func verifyListsTheCompaniesOrExits77() async throws {
        let server = try startServer()
        defer { server.stop() }
        let arguments = [
            "verify", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
        ]

        let good = try await BinaryRunner.run(arguments, environment: Self.environment)
        let bad = try await BinaryRunner.run(arguments, environment: ["MAXCLOUD_PASSWORD": "nope"])

        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == "1  DefaultTeam\n2  运维二组\n3  Acme Retail, Inc.\n4  EmptyCo\n")
        #expect(good.stderr.contains("the account sees 4 companies"))
        #expect(bad.status == 77)
        #expect(bad.stdout.isEmpty)
    }

    @Test func dryRunReadsOnlyFirstPagesAndWritesNothing() async throws {
        let server = try startServer(maxPageSize: 10)
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("never")
        let snapshot = folder.appendingPathComponent("never.json")

        let run = try await BinaryRunner.run(
            runArguments(
                server, out: out, extra: ["--scope", "company", "--tag", "network", "--dry-run"]),
            environment: Self.environment)
        let fetch = try await BinaryRunner.run(
            [
                "fetch", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--company", "2", "--snapshot", snapshot.path, "--dry-run",
            ], environment: Self.environment)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("plan: 4 of 4 companies; scopes company, tag; tags network"))
        #expect(
            run.stdout.contains(
                "company DefaultTeam (1), scope company: page_count 26, result_count 260 (open "))
        #expect(run.stdout.contains("company 运维二组 (2), scope tag 'network': page_count"))
        #expect(run.stdout.contains("in all: 8 sources"))
        #expect(run.stdout.contains("a run would write summary.json, tickets.csv"))
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(fetch.stdout.contains("a fetch would save the snapshot to \(snapshot.path)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let pages = server.requestLog.filter { $0.path == "/api/tickets" }.map { $0.query("page") }
        #expect(pages.count == 9, "8 sources of the run, 1 of the fetch")
        #expect(pages.allSatisfy { $0 == "1" })
        #expect(server.requestLog.filter { $0.path == "/api/company/switch" }.count == 5)
    }

    @Test func stdoutJSONPrintsTheSummaryAndStillWritesTheFiles() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            runArguments(server, out: out, extra: ["--format", "csv", "--stdout", "json"]),
            environment: Self.environment)

        #expect(result.status == 0, "\(result.stderr)")
        let printed = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((printed["totals"] as? [String: Int])?["tickets"] == 500)
        #expect(
            try visibleFiles(in: out) == [
                "changes.csv", "history.sqlite", "summary.csv", "tickets.csv",
            ])
        let bad = try await BinaryRunner.run(
            runArguments(server, out: out, extra: ["--stdout", "csv"]),
            environment: Self.environment)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'csv'"))
    }

    @Test func verboseLogsEveryRequestWithItsTimeAndRequestIDButNoToken() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        var arguments = runArguments(server, out: out, extra: ["--format", "json", "--verbose"])
        arguments.removeAll { $0 == "--quiet" }

        let result = try await BinaryRunner.run(arguments, environment: Self.environment)

        #expect(result.status == 0, "\(result.stderr)")
        let logged = result.stderr.split(separator: "\n").filter { $0.contains(" ms request_id ") }
        #expect(logged.count == server.requestLog.count)
        #expect(logged.contains { $0.hasPrefix("POST /api/login -> 200 ") })
        #expect(logged.contains { $0.hasPrefix("POST /api/company/switch -> 200 ") })
        #expect(
            logged.contains {
                $0.hasPrefix(
                    "GET /api/tickets?scope=0&page=2&page_size=100&include_closed=true -> 200 ")
            })
        // The simulator's tokens are 48 hexadecimal digits; request ids are 32.
        #expect(!result.stderr.contains(/[0-9a-f]{48}/))
        #expect(!result.stderr.contains(SimulatorDataset.demoPassword))
    }
}
