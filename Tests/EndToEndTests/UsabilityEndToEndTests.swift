import Foundation
import MaxCloudSimulator
import Testing

/// What a new user met on the command line: `demo` and the user's config, time zones and
/// as-of times, contradictions, config files from a pipe, help and messages.
extension EndToEndTests {
    @Test func demoReadsNoConfigFileAndWritesIntoReportInTheWorkingFolder() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(
            #"{"out": "from-config", "format": "json", "company": "2", "no-history": true}"#,
            mode: 0o600, in: folder)

        let demo = try await BinaryRunner.run(
            ["demo", "--quiet", "--format", "json"],
            environment: ["MAXCLOUD_CONFIG": config, "MAXCLOUD_PROFILE": "weekly-ops"],
            directory: folder)
        let given = try await BinaryRunner.run(["demo", "--config", config], directory: folder)

        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("from-config").path))
        let report = folder.appendingPathComponent("report")
        #expect(try visibleFiles(in: report) == ["history.sqlite", "summary.json"])
        #expect((try summary(in: report)["totals"] as? [String: Int])?["tickets"] == 500)
        #expect(given.status == 64)
        #expect(given.stderr.contains("option '--config': demo reads no config file"))
    }

    @Test func timeZonesAreRegionCityNamesAndAbbreviationsOrSkippedTimesExit64() async throws {
        let out = BinaryRunner.temporaryDirectory()
        let demo = ["demo", "--quiet", "--format", "json", "--no-history", "--out", out.path]

        let kolkata = try await BinaryRunner.run(demo + ["--timezone", "Asia/Kolkata"])
        let est = try await BinaryRunner.run(demo + ["--timezone", "EST"])
        let unknown = try await BinaryRunner.run(demo + ["--timezone", "Mars/Olympus"])
        let gap = try await BinaryRunner.run(
            demo + ["--timezone", "Europe/Berlin", "--as-of", "2026-03-29 02:30:00"])

        #expect(kolkata.status == 0, "\(kolkata.stderr)")
        #expect(try summary(in: out)["as_of"] as? String == "2026-11-30T09:00:00+05:30")
        #expect(est.status == 64)
        #expect(est.stderr.hasPrefix("error: ambiguous time zone 'EST': "))
        #expect(est.stderr.contains("give an IANA name such as America/New_York"))
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: unknown time zone 'Mars/Olympus'"))
        #expect(gap.status == 64)
        #expect(
            gap.stderr.hasPrefix(
                "error: the as-of time '2026-03-29 02:30:00' does not exist in Europe/Berlin"))
    }

    @Test func configCheckAndARunRefuseTheSameContradictionsAtTheirPlace() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(
            """
            {
              "history": "runs.sqlite",
              "no-history": true
            }
            """, mode: 0o600, in: folder)

        let check = try await BinaryRunner.run(["config", "check", config])
        let run = try await BinaryRunner.run(
            ["render", "--config", config, "--from", "snapshot.json"], directory: folder)
        let flags = try await BinaryRunner.run(["demo", "--quiet", "--verbose"], directory: folder)

        #expect(check.status == 64)
        #expect(
            check.stderr
                == "\(config):3:3: error: 'history' and 'no-history' contradict each other; give one\n"
        )
        #expect(run.status == 64)
        #expect(run.stderr == check.stderr)
        #expect(flags.status == 64)
        #expect(
            flags.stderr == "error: '--quiet' and '--verbose' contradict each other; give one\n")
        #expect(try visibleFiles(in: folder) == ["weekly.json"])
    }

    @Test func includeClosedFalseInAConfigFileListsOpenTicketsOnly() async throws {
        let server = try startServer()
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(
            #"{"include-closed": false, "company": "3"}"#, mode: 0o600, in: folder)
        let arguments = [
            "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
            "--config", config, "--dry-run",
        ]

        let plan = try await BinaryRunner.run(arguments, environment: Self.environment)
        let overridden = try await BinaryRunner.run(
            arguments + ["--include-closed"], environment: Self.environment)

        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("; open tickets only; "))
        #expect(overridden.stdout.contains("; closed tickets included; "))
    }

    @Test func aConfigFileMayComeFromAPipeWithThePasswordInIt() async throws {
        let server = try startServer()
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let config = """
            {"email": "demo@example.com", "password": "\(SimulatorDataset.demoPassword)",
             "base-url": "\(server.baseURL.absoluteString)", "company": "3"}
            """
        let fifo = folder.appendingPathComponent("config.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // A FIFO opened for writing waits for its reader: the writer runs beside the check.
        let writer = Thread {
            try? Data(config.utf8).write(to: URL(fileURLWithPath: fifo))
        }
        writer.start()

        let verify = try await BinaryRunner.run(
            ["verify", "--config", "/dev/stdin"], stdin: config)
        let dash = try await BinaryRunner.run(["config", "check", "-"], stdin: config)
        let named = try await BinaryRunner.run(["config", "check", fifo])
        let both = try await BinaryRunner.run(
            ["verify", "--config", "-", "--password-stdin"], stdin: config)

        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("1  DefaultTeam\n"))
        #expect(dash.status == 0, "\(dash.stderr)")
        #expect(
            dash.stdout == "<stdin>: ok (3 settings at the top level, no profiles, a password)\n")
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.hasSuffix("a password)\n"))
        #expect(both.status == 64)
        #expect(both.stderr.contains("--config '-' and --password-stdin both read standard input"))
    }

    @Test func configHelpIsConfigChecksHelpAndMistypedOptionsAreSuggested() async throws {
        let check = try await BinaryRunner.run(["config", "check", "--help"])
        let config = try await BinaryRunner.run(["config", "--help"])
        let help = try await BinaryRunner.run(["help", "config"])
        let typo = try await BinaryRunner.run(["--versoin"])
        let comma = try await BinaryRunner.run(["demo", "--format", "csv,"])
        let empty = try await BinaryRunner.run(
            ["verify", "--email", "demo@example.com", "--password-stdin"], stdin: "")

        #expect(config.status == 0 && help.status == 0)
        #expect(config.stdout.hasPrefix("usage: maxcloud-report config check [options] FILE"))
        #expect(config.stdout == check.stdout && help.stdout == check.stdout)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown option '--versoin'; did you mean '--version'?"))
        #expect(comma.status == 64)
        #expect(comma.stderr.hasPrefix("error: empty format in --format 'csv,': "))
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("standard input held no password"))
        #expect(empty.stderr.contains("or set MAXCLOUD_PASSWORD instead"))
    }

    @Test func aDryRunReadsATagGivenTwiceOnceAndSaysWhenASourceHasNoTickets() async throws {
        let server = try startServer()
        defer { server.stop() }

        let result = try await BinaryRunner.run(
            [
                "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--company", "EmptyCo", "--company", "3", "--scope", "company,company",
                "--tag", "network", "--tag", "network", "--dry-run",
            ], environment: Self.environment)

        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("scopes company, tag; tags network;") == true)
        #expect(
            lines.contains(
                "company EmptyCo (4), scope company: no tickets (page_count 0, result_count 0)"))
        #expect(lines.contains("in all: 4 sources, 2 pages to read, 105 results"))
        #expect(server.requestLog.filter { $0.path == "/api/tickets" }.count == 4)
    }
}
