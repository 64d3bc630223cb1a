import Testing

@testable import MaxCloudReportCLI

/// The message a parse of `arguments` fails with, or nil when it parses.
func usageError(_ arguments: [String], _ spec: CommandSpec = Specs.run) -> String? {
    do {
        _ = try spec.parse(arguments)
        return nil
    } catch {
        return error.message
    }
}

/// The parser against the commands' real declarations.
@Suite struct ArgumentsTests {
    func parse(_ arguments: [String], _ spec: CommandSpec = Specs.run) throws -> ParsedArguments {
        try spec.parse(arguments)
    }

    @Test func aValueMayFollowTheOptionOrAnEqualsSign() throws {
        let apart = try parse(["--out", "weekly", "--format", "json"])
        let joined = try parse(["--out=weekly", "--format=json"])

        #expect(apart.value("out") == "weekly")
        #expect(joined.value("out") == "weekly")
        #expect(apart.values == joined.values)
    }

    @Test func anEqualsSignMayStartOrBelongToTheValue() throws {
        let parsed = try parse(["--tag==weird", "--company=a=b"])

        #expect(parsed.values["tag"] == ["=weird"])
        #expect(parsed.values["company"] == ["a=b"])
    }

    @Test func repeatableOptionsCollectEveryValueAndCommasSplit() throws {
        let parsed = try parse(["--scope", "company", "--scope=team,tag", "--tag", "x"])

        #expect(parsed.values["scope"] == ["company", "team,tag"])
        #expect(parsed.list("scope") == ["company", "team", "tag"])
    }

    @Test func anOptionThatIsNotRepeatableMayNotBeGivenTwice() {
        #expect(usageError(["--out", "a", "--out=b"]) == "option '--out' was given twice")
    }

    @Test func flagsTakeNoValue() throws {
        #expect(try parse(["--quiet", "--no-bom"]).flags == ["quiet", "no-bom"])
        #expect(usageError(["--quiet=yes"]) == "option '--quiet' takes no value")
    }

    @Test func aMissingValueNamesTheOptionAndWhatItWants() {
        #expect(usageError(["--format"]) == "option '--format' needs a value (F[,F])")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let parsed = try parse(["--data", "d.json", "--", "--odd-name.html"], Specs.template)

        #expect(parsed.positionals == ["--odd-name.html"])
        #expect(parsed.value("data") == "d.json")
    }

    @Test func aSingleDashIsAPositional() throws {
        #expect(try parse(["-"], Specs.template).positionals == ["-"])
    }

    @Test func shortAndLongHelpAreTheSameFlag() throws {
        #expect(try parse(["-h"]).has("help"))
        #expect(try parse(["--help"]).has("help"))
        #expect(try parse(["--out", "x", "-h"], Specs.render).has("help"))
    }

    @Test func anUnknownOptionIsQuotedWithTheClosestOneSuggested() {
        let message = usageError(["--formt", "json"])

        #expect(message?.hasPrefix("unknown option '--formt'; did you mean '--format'?") == true)
        #expect(usageError(["--verbsoe"])?.contains("did you mean '--verbose'?") == true)
        #expect(usageError(["--completely-different"])?.contains("did you mean") == false)
    }

    @Test func otherShortOptionsAreRefused() {
        #expect(usageError(["-q"]) == "unknown option '-q'; options start with '--'")
    }

    @Test func surplusPositionalsAreRefused() {
        #expect(usageError(["stray"])?.hasPrefix("unexpected argument 'stray'") == true)
        #expect(usageError(["a.html", "b.html"], Specs.template)?.contains("'b.html'") == true)
    }

    @Test func anUpperLayerReplacesValuesAndDecidesFlags() {
        var file = ParsedArguments()
        file.values = ["company": ["all"], "format": ["json,csv"]]
        file.flags = ["open-only", "allow-partial", "no-bom"]
        var flags = ParsedArguments()
        flags.values = ["company": ["3"]]
        flags.flags = ["include-closed"]
        flags.cleared = ["allow-partial"]

        let merged = file.overlaid(by: flags, opposites: Specs.opposites)

        #expect(merged.values["company"] == ["3"])
        #expect(merged.values["format"] == ["json,csv"])
        #expect(merged.flags == ["include-closed", "no-bom"])
    }
}
