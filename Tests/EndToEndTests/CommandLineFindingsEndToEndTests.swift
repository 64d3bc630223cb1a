import Foundation
import MaxCloudSimulator
import Testing

/// What a user test of the command line found: help that says what each command returns,
/// `--format all`, time zones written `UTC+8`, standard input for `--config` and `--data`,
/// `--company` lists, and messages that name what is really at fault.
extension EndToEndTests {
    @Test func formatAllAloneOrInAListWritesEveryFormat() async throws {
        let every = [
            "changes.csv", "report.html", "report.md", "report.xlsx", "summary.csv",
            "summary.json", "tickets.csv",
        ]
        for format in ["all", "json,all", "ALL"] {
            let out = BinaryRunner.temporaryDirectory()

            let result = try await BinaryRunner.run(
                ["demo", "--quiet", "--no-history", "--format", format, "--out", out.path])

            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(try visibleFiles(in: out) == every, "\(format)")
        }
        let empty = try await BinaryRunner.run(["demo", "--format", "all,,json"])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("error: empty format in --format 'all,,json': "))
    }

    @Test func aTimeZoneWrittenAsUTCPlusHoursSaysHowToWriteIt() async throws {
        let result = try await BinaryRunner.run(["demo", "--timezone", "UTC+8"])
        let minutes = try await BinaryRunner.run(["demo", "--timezone", "GMT-5:30"])

        #expect(result.status == 64)
        #expect(
            result.stderr
                == "error: time zone 'UTC+8' is an offset written after a name: write the offset "
                + "alone, '+08:00', or the IANA name of the place (Region/City, such as "
                + "Asia/Shanghai for +08:00); in the Etc/ names the sign is turned round (POSIX): "
                + "Etc/GMT-8 is +08:00\n")
        #expect(!result.stderr.contains("ambiguous"))
        #expect(minutes.status == 64)
        #expect(minutes.stderr.contains("write the offset alone, '-05:30', or"))
        #expect(!minutes.stderr.contains("Etc/"))
    }

    @Test func helpSaysHowToGetACommandsHelpAndWhatEachCommandExitsWith() async throws {
        let tool = try await BinaryRunner.run(["--help"])
        let fetch = try await BinaryRunner.run(["help", "fetch"])
        let render = try await BinaryRunner.run(["render", "--help"])

        #expect(tool.status == 0)
        #expect(tool.stdout.contains("(or 'maxcloud-report help COMMAND')"))
        #expect(fetch.status == 0)
        #expect(fetch.stdout.contains("3 snapshot saved but incomplete (--allow-partial)"))
        #expect(!fetch.stdout.contains("complete report"))
        #expect(render.status == 0)
        #expect(!render.stdout.contains("77 log-in refused"))
        #expect(render.stdout.contains("130 or 143 ended by Ctrl-C or SIGTERM"))
    }

    @Test func aConfigFromStandardInputWithPasswordStdinIsRefusedBeforeAnythingIsRead()
        async throws
    {
        let refusal =
            "--config '-' and --password-stdin both read standard input; put the password in "
            + "the config file, or set MAXCLOUD_PASSWORD\n"
        // Standard input holds a password, not JSON: reading it as the config would say so.
        let password = try await BinaryRunner.run(
            ["verify", "--config", "-", "--password-stdin"], stdin: "demo-password\n")
        let json = try await BinaryRunner.run(
            ["run", "--password-stdin", "--config", "-"], stdin: "{\"formt\": 1}")
        let environment = try await BinaryRunner.run(
            ["fetch", "--snapshot", "s.jsonl", "--password-stdin"],
            environment: ["MAXCLOUD_CONFIG": "/dev/stdin"], stdin: "demo-password\n")

        #expect(password.status == 64)
        #expect(password.stderr == "error: " + refusal)
        #expect(json.status == 64)
        #expect(json.stderr == "error: " + refusal)
        #expect(environment.status == 64)
        #expect(
            environment.stderr
                == "error: " + refusal.replacingOccurrences(of: "'-'", with: "'/dev/stdin'"))
    }

    @Test func aRefusedLogInNamesWhereThePasswordCameFrom() async throws {
        let server = try startServer()
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(#"{"password": "nope"}"#, mode: 0o600, in: folder)
        let verify = [
            "verify", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
        ]

        let fromFile = try await BinaryRunner.run(verify + ["--config", config])
        let fromStdin = try await BinaryRunner.run(
            verify + ["--password-stdin"], stdin: "nope\n")
        let fromEnvironment = try await BinaryRunner.run(
            verify + ["--config", config], environment: ["MAXCLOUD_PASSWORD": "wrong"])
        let run = try await BinaryRunner.run(
            [
                "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--config", config, "--out", folder.appendingPathComponent("out").path,
            ])

        #expect(fromFile.status == 77)
        #expect(
            fromFile.stderr.hasSuffix(
                "; check the e-mail and the \"password\" in the config file \(config)\n"))
        #expect(!fromFile.stderr.contains("MAXCLOUD_PASSWORD"))
        #expect(fromStdin.status == 77)
        #expect(
            fromStdin.stderr.hasSuffix(
                "; check the e-mail and the password given on standard input (--password-stdin)\n"
            ))
        #expect(fromEnvironment.status == 77)
        #expect(fromEnvironment.stderr.hasSuffix("; check the e-mail and MAXCLOUD_PASSWORD\n"))
        #expect(run.status == 77)
        #expect(run.stderr.contains("error: log in refused: "))
        #expect(run.stderr.hasSuffix("the \"password\" in the config file \(config)\n"))
    }

    @Test func configCheckReportsAMissingProfileAlongWithTheFilesOtherErrors() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(
            """
            {
              "formt": "json",
              "profiles": {
                "weekly-ops": {"page-size": 0}
              }
            }
            """, mode: 0o600, in: folder)

        let check = try await BinaryRunner.run(["config", "check", config, "--profile", "nope"])
        let known = try await BinaryRunner.run(
            ["config", "check", config, "--profile", "weekly-ops"])
        let run = try await BinaryRunner.run(
            ["render", "--from", "s.jsonl", "--config", config, "--profile", "nope"])

        #expect(check.status == 64)
        #expect(
            check.stderr == """
                \(config):2:3: error: unknown key 'formt'; did you mean 'format'?
                \(config):3:3: error: no profile 'nope' in the config file (profiles: weekly-ops)
                \(config):4:33: error: invalid value '0' for 'page-size': expected a whole number from 1 to 10000

                """)
        #expect(known.status == 64)
        #expect(!known.stderr.contains("no profile"))
        #expect(run.status == 64)
        #expect(run.stderr == check.stderr)
    }

    @Test func companyListsAreCheckedBeforeLoggingInAndAnOptionIsNoCompanyName() async throws {
        let server = try startServer()
        defer { server.stop() }
        let run = [
            "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
            "--dry-run",
        ]

        let allAndId = try await BinaryRunner.run(
            run + ["--company", "all,2"], environment: Self.environment)
        let apart = try await BinaryRunner.run(
            run + ["--company", "all", "--company", "2"], environment: Self.environment)
        let empty = try await BinaryRunner.run(
            run + ["--company", "1,,3"], environment: Self.environment)
        let option = try await BinaryRunner.run(
            run + ["--company", "--quiet"], environment: Self.environment)
        #expect(server.requestLog.isEmpty)
        let allAndName = try await BinaryRunner.run(
            run + ["--company", "all,Acme"], environment: Self.environment)
        let name = try await BinaryRunner.run(
            run + ["--company", "Acme Retail, Inc.", "--company", "1,2"],
            environment: Self.environment)

        #expect(allAndId.status == 64)
        #expect(
            allAndId.stderr
                == "error: 'all' cannot be combined with other companies in --company 'all,2': "
                + "'all' is every company; give --company all alone, or only the companies to read\n"
        )
        #expect(apart.status == 64)
        #expect(apart.stderr.contains("in --company 'all' --company '2': "))
        #expect(empty.status == 64)
        #expect(
            empty.stderr.hasPrefix(
                "error: empty company in --company '1,,3': a comma at either end or two in a row"))
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("error: option '--company' needs a value (X); '--quiet'"))
        #expect(allAndName.status == 64)
        #expect(allAndName.stderr.contains("in --company 'all,Acme': 'all' is every company"))
        #expect(name.status == 0, "\(name.stderr)")
        #expect(name.stdout.hasPrefix("plan: 3 of 4 companies; "))
    }

    @Test func templateReadsItsDataFromStandardInputAndSaysWhereJSONGoesWrong() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let template = folder.appendingPathComponent("t.md")
        try "total {{totals.tickets}}".write(to: template, atomically: true, encoding: .utf8)
        let bad = folder.appendingPathComponent("bad.json")
        try "{\n  \"totals\": {\"tickets\": 7}\n  \"x\": 1\n}".write(
            to: bad, atomically: true, encoding: .utf8)

        let devStdin = try await BinaryRunner.run(
            ["template", template.path, "--data", "/dev/stdin"],
            stdin: #"{"totals": {"tickets": 7}}"#)
        let dash = try await BinaryRunner.run(
            ["template", template.path, "--data", "-"], stdin: #"{"totals": {"tickets": 8}}"#)
        let badFile = try await BinaryRunner.run(["template", template.path, "--data", bad.path])
        let cutShort = try await BinaryRunner.run(
            ["template", template.path, "--data", "-"], stdin: #"{"totals": "#)
        let missing = try await BinaryRunner.run(
            ["template", template.path, "--data", folder.appendingPathComponent("no.json").path])

        #expect(devStdin.status == 0, "\(devStdin.stderr)")
        #expect(devStdin.stdout == "total 7")
        #expect(dash.status == 0, "\(dash.stderr)")
        #expect(dash.stdout == "total 8")
        #expect(badFile.status == 64)
        #expect(
            badFile.stderr.hasPrefix("\(bad.path):3:3: error: the data file is not valid JSON: "))
        #expect(cutShort.status == 64)
        #expect(
            cutShort.stderr
                == "<stdin>:1:12: error: the data file is not valid JSON: expected a JSON value, "
                + "found end of file\n")
        for result in [badFile, cutShort] {
            #expect(!result.stderr.contains("cut short") && !result.stderr.contains("fetch"))
        }
        #expect(missing.status == 64)
        #expect(
            missing.stderr.hasSuffix(
                "no.json: error: cannot read the data file: no such file or directory\n"))
    }

    @Test func aFileGivenAsTheTemplatesFolderIsNamedAsAFile() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("report.md")
        try "total {{totals.tickets}}".write(to: file, atomically: true, encoding: .utf8)

        let render = try await BinaryRunner.run(
            ["render", "--from", "s.jsonl", "--templates", file.path], directory: folder)
        let partials = try await BinaryRunner.run(
            ["template", file.path, "--data", "-", "--partials", file.path], stdin: "{}")

        #expect(render.status == 64)
        #expect(
            render.stderr
                == "\(file.path): error: cannot read the templates folder: it is a file, not a folder\n"
        )
        #expect(partials.status == 64)
        #expect(partials.stderr == render.stderr)
    }
}
