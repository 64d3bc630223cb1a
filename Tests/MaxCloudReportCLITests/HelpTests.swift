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
            #expect(help.contains(option.help))
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
}
