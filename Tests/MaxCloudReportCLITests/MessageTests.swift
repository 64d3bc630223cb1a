import Foundation
import Testing

@testable import MaxCloud
@testable import MaxCloudReportCLI
@testable import Reports

/// What the help and the messages say: true for each command, and telling what to do.
@Suite struct MessageTests {
    @Test func theToolsHelpNamesEveryFileARunWrites() {
        let files = OutputFormat.allCases.flatMap(\.fileNames)

        let help = Specs.toolHelp.replacingOccurrences(of: "\n", with: " ")

        #expect(files.contains("changes.csv"))
        for file in files { #expect(help.contains(file), "\(file)") }
    }

    @Test func eachCommandsHelpSaysWhatItsOptionsDoThere() throws {
        #expect(
            Specs.demo.help.contains(
                "the report's now, in --timezone (default 2026-11-30 09:00:00)"))
        #expect(Specs.demo.option("config") == nil)
        #expect(Specs.fetch.option("allow-partial")?.help.contains("snapshot") == true)
        #expect(Specs.fetch.option("allow-partial")?.help.contains("report") == false)
        #expect(Specs.render.option("verbose") == nil)
        #expect(Specs.render.option("quiet") != nil)
        #expect(throws: UsageError.self) { try Specs.render.parse(["--verbose"]) }
        do {
            _ = try Specs.render.parse(["--verbose"])
        } catch {
            #expect(error.message.contains("render makes no requests"))
        }
    }

    @Test func configAloneWithHelpIsTheHelpOfConfigCheck() throws {
        let (spec, rest) = try Specs.command(for: ["config", "--help"])
        let (short, _) = try Specs.command(for: ["config", "-h"])

        #expect(spec.name == "config check")
        #expect(short.name == "config check")
        #expect(rest == ["--help"])
    }

    @Test func aMistypedOptionOfTheToolIsSuggested() {
        do {
            _ = try Specs.command(for: ["--versoin"])
            Issue.record("--versoin was taken")
        } catch {
            #expect(
                error.message
                    == "unknown option '--versoin'; did you mean '--version'? (see 'maxcloud-report --help')"
            )
        }
    }

    @Test(arguments: ["csv,", ",csv", "csv,,md", ","])
    func anEmptyFormatBetweenCommasIsRefusedQuotingTheValue(value: String) {
        let problem = ValueKind.formats.problem(with: value, option: "--format")

        #expect(problem?.hasPrefix("empty format in --format '\(value)': ") == true)
        #expect(ValueKind.formats.problem(with: "csv, md", option: "--format") == nil)
    }

    @Test func anIPv6AddressInTheBaseURLIsRefusedWithWhatToWriteInstead() {
        let problem = ValueKind.url.problem(with: "http://[::1]:8080", option: "--base-url")

        #expect(
            problem
                == "invalid value 'http://[::1]:8080' for --base-url: an IPv6 address written in "
                + "the URL cannot be reached by Foundation's URLSession on Linux; use a host name "
                + "that resolves to it, such as localhost")
        #expect(ValueKind.url.problem(with: "http://localhost:8080", option: "--base-url") == nil)
        #expect(ValueKind.url.problem(with: "https://api.example.com", option: "--base-url") == nil)
    }

    @Test func aPasswordRefusedOnStandardInputSaysWhatToDo() throws {
        for (isTerminal, line) in [(true, "secret"), (false, ""), (false, nil)] as [(Bool, String?)]
        {
            do {
                _ = try CommandContext.passwordFromStandardInput(
                    isTerminal: isTerminal, readLine: { line })
                Issue.record("a password was taken")
            } catch {
                #expect(error.message.contains("pipe it in"))
                #expect(error.message.contains("set MAXCLOUD_PASSWORD"))
                #expect(error.message.contains(isTerminal ? "a terminal" : "held no password"))
            }
        }
        #expect(
            try CommandContext.passwordFromStandardInput(isTerminal: false, readLine: { "pw" })
                == "pw")
    }

    @Test func theUserAgentNamesTheVersionThatVersionPrints() throws {
        let client = try MaxCloudClient(baseURL: URL(string: "https://example.com")!)

        #expect(client.userAgent == "maxcloud-report/\(CLI.version)")
        #expect(CLI.version == ToolVersion.current)
    }

    @Test func aSourceWithoutTicketsAddsNoPageToRead() {
        let company = Company(id: 4, name: "EmptyCo")
        let source = TicketSource(companyID: 4, companyName: "EmptyCo", scope: .company)
        let plan = FetchPlan(
            allCompanies: [company], selected: [company],
            sources: [
                SourcePlan(source: source, pageCount: 0, resultCount: 0, open: 0, closed: 0),
                SourcePlan(source: source, pageCount: 3, resultCount: 260),
            ])

        #expect(plan.pages == 3)
    }

    @Test func anOffsetWrittenAfterUTCOrGMTIsRefusedWithTheOffsetToWriteInstead() {
        let cases = [
            ("UTC+8", "'+08:00'", "Etc/GMT-8 is +08:00"),
            ("gmt-05", "'-05:00'", "Etc/GMT+5 is -05:00"),
            ("UTC+5:30", "'+05:30'", nil), ("GMT+0545", "'+05:45'", nil),
        ]
        for (name, offset, etc) in cases {
            let problem = ValueKind.timeZone.problem(with: name, option: "--timezone") ?? ""

            #expect(
                problem.hasPrefix(
                    "time zone '\(name)' is an offset written after a name: write the offset alone, \(offset), or the IANA name"
                ), "\(problem)")
            #expect(problem.contains("ambiguous") == false)
            #expect(problem.contains("Etc/") == (etc != nil))
            if let etc { #expect(problem.hasSuffix(etc)) }
        }
        #expect(ValueKind.timeZone.problem(with: "UTC", option: "--timezone") == nil)
        #expect(ValueKind.timeZone.problem(with: "Etc/GMT-8", option: "--timezone") == nil)
        #expect(
            ValueKind.timeZone.problem(with: "UTC+99", option: "--timezone")?.hasPrefix(
                "unknown time zone 'UTC+99'") == true)
        #expect(ExitStatus.of(ReportError.namedOffsetTimeZone("UTC+8", offset: "+08:00")) == 64)
    }

    @Test func formatAllIsEveryFormatAloneOrInAList() throws {
        #expect(ValueKind.formats.problem(with: "all", option: "--format") == nil)
        #expect(try OutputFormat.parseList("all").get() == OutputFormat.allCases)
        #expect(try OutputFormat.parseList("csv, all").get() == OutputFormat.allCases)
        #expect(
            ValueKind.formats.problem(with: "al", option: "--format")
                == "unknown format 'al': use any of json,csv,md,html,xlsx, or all")
    }
}
