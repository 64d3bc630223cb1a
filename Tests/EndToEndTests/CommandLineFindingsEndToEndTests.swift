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
}
