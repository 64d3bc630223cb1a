import Testing

@testable import MaxCloudReportCLI

/// Help comes from the same declarations that parse.
@Suite struct HelpTests {
    @Test(arguments: Specs.all.map(\.name))
    func everyCommandsHelpListsEachOfItsOptions(_ name: String) throws {
        let spec = try #require(Specs.all.first { $0.name == name })

        let help = spec.help

        #expect(help.hasPrefix("usage: maxcloud-report \(name) [options]"))
        #expect(help.contains(spec.summary))
        for option in spec.options {
            let label = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            #expect(help.contains("  \(label)"), "\(name) help lacks \(label)")
            #expect(help.contains(option.helpLine))
        }
        #expect(help.contains("-h, --help"))
        for positional in spec.positionals { #expect(help.contains(" \(positional)\n")) }
    }

    @Test func theToolsHelpListsEveryCommand() {
        for spec in Specs.all {
            #expect(Specs.toolHelp.contains("  \(spec.name) "))
            #expect(Specs.toolHelp.contains(spec.summary))
        }
    }

    @Test func everyCommandIsFoundByItsWords() throws {
        for spec in Specs.all {
            let words = spec.name.split(separator: " ").map(String.init)

            let (found, rest) = try Specs.command(for: words + ["--help"])

            #expect(found.name == spec.name)
            #expect(rest == ["--help"])
        }
    }

    @Test func anUnknownCommandIsQuotedWithASuggestion() {
        #expect(throws: UsageError.self) { try Specs.command(for: ["rnu"]) }
        do {
            _ = try Specs.command(for: ["rnu"])
        } catch {
            #expect(error.message.hasPrefix("unknown command 'rnu'; did you mean 'run'?"))
        }
        do {
            _ = try Specs.command(for: ["config", "chek"])
        } catch {
            #expect(error.message.contains("unknown config action 'chek'"))
        }
    }

    @Test func everyOptionOfTheSameNameIsDeclaredAlike() {
        var seen: [String: OptionSpec] = [:]
        for option in Specs.all.flatMap(\.options) {
            if let first = seen[option.name] {
                #expect(first.kind == option.kind, "--\(option.name)")
                #expect(first.isFlag == option.isFlag, "--\(option.name)")
                #expect(first.repeatable == option.repeatable, "--\(option.name)")
                #expect(first.configurable == option.configurable, "--\(option.name)")
            }
            seen[option.name] = option
        }
    }

    @Test func eachCommandsHelpGivesTheExitStatusesItCanReturnInItsOwnWords() {
        let fetch = Specs.fetch.help
        let render = Specs.render.help
        let verify = Specs.verify.help
        let template = Specs.template.help

        #expect(Specs.run.help.contains("exit status: 0 complete report written; 1 failure"))
        #expect(Specs.run.help.contains("3 report written but incomplete (--allow-partial)"))
        #expect(fetch.contains("exit status: 0 complete snapshot saved; 1 failure, nothing saved"))
        #expect(fetch.contains("3 snapshot saved but incomplete (--allow-partial)"))
        #expect(fetch.contains("77 log-in refused;"))
        #expect(!fetch.contains("complete report") && !fetch.contains("previous\nreport"))
        #expect(!fetch.contains("report written"))
        #expect(render.contains("3 the snapshot is incomplete, so the report is written marked"))
        #expect(!render.contains("77") && !render.contains("log-in"))
        #expect(verify.contains("exit status: 0 logged in, companies listed; 1 failure"))
        #expect(verify.contains("64 usage or configuration error; 77 log-in refused."))
        #expect(template.contains("exit status: 0 rendered to standard output; 64 usage error"))
        #expect(!template.contains(" 1 ") && !template.contains(" 3 "))
        for spec in [Specs.run, Specs.fetch, Specs.render, Specs.demo] {
            #expect(spec.help.contains("130 or 143 ended by Ctrl-C or SIGTERM"), "\(spec.name)")
            #expect(spec.help.contains("sees 128+N): temporary files removed"), "\(spec.name)")
        }
        for spec in [Specs.verify, Specs.template, Specs.configCheck, Specs.simulate] {
            #expect(!spec.help.contains("130"), "\(spec.name)")
        }
        for spec in Specs.all { #expect(spec.help.contains("\nexit status: 0 "), "\(spec.name)") }
    }

    @Test func aNumbersHelpGivesItsRangeFromTheDeclaration() {
        let help = Specs.run.help

        #expect(
            help.contains(
                "  --concurrency N             pages fetched at once per source, 1 to 64 (default 4)\n"
            ))
        #expect(
            help.contains(
                "  --retries N                 tries per request after the first, 0 to 20 (default 4)\n"
            ))
        #expect(
            help.contains(
                "  --timeout SECONDS           time-out per request, 1 to 3600 (default 30)\n"))
        #expect(
            help.contains(
                "tickets asked for per page, 1 to 10000 (default 100; the server may cap it)"))
        #expect(Specs.simulate.help.contains("port to listen on, 0 to 65535 (default 8080"))
        for option in Specs.all.flatMap(\.options) {
            guard case .integer(let range) = option.kind else { continue }
            #expect(option.helpLine.contains(", \(range.lowerBound) to \(range.upperBound)"))
        }
    }

    @Test func everyOptionsHelpStartsInOneColumnAndALongLabelHasItsHelpOnTheNextLine() throws {
        for spec in Specs.all {
            let lines = spec.help.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            var columns = Set<Int>()
            for option in spec.options {
                let index = try #require(lines.firstIndex { $0.hasSuffix(option.helpLine) })
                columns.insert(lines[index].count - option.helpLine.count)
                #expect(
                    lines[index].hasPrefix("  --\(option.name)")
                        || lines[index - 1].hasPrefix("  --\(option.name) "))
            }
            #expect(columns.count <= 1, "\(spec.name): help in columns \(columns.sorted())")
        }
        let run = Specs.run.help
        #expect(
            run.contains(
                "\n  --as-of \"YYYY-MM-DD HH:MM:SS\"\n" + String(repeating: " ", count: 30)
                    + "the report's now"))
    }

    @Test func theToolsHelpSaysHelpCommandListsACommandsOptions() {
        #expect(
            Specs.toolHelp.contains(
                "'maxcloud-report COMMAND --help' (or 'maxcloud-report help COMMAND') lists a\ncommand's options"
            ))
    }
}
