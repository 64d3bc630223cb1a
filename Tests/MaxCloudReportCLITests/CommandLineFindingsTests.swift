import Foundation
import Testing

@testable import MaxCloud
@testable import MaxCloudReportCLI
@testable import Reports

/// `--company` lists and values left out, as a user test found them.
@Suite struct CommandLineFindingsTests {
    @Test func anOptionWhereAValueBelongsIsAMissingValue() throws {
        #expect(
            usageError(["--company", "--quiet"])
                == "option '--company' needs a value (X); '--quiet' is an option "
                + "(to give it as the value, write --company=--quiet)")
        #expect(
            usageError(["--out", "--format=json"])?.hasPrefix(
                "option '--out' needs a value (DIR); '--format=json' is an option") == true)
        #expect(usageError(["--tag", "-h"])?.hasPrefix("option '--tag' needs a value (T)") == true)
        #expect(usageError(["--tag", "--help"])?.hasPrefix("option '--tag' needs a value") == true)
        #expect(
            usageError(["--data", "--partials", "p"], Specs.template)?.hasPrefix(
                "option '--data' needs a value (JSON)") == true)
        // Values that start with a dash but name no option, `=`, and `--` still work.
        let parsed = try Specs.run.parse([
            "--company=--quiet", "--timezone", "-05:00", "--tag", "--odd", "--tag", "-x",
        ])
        #expect(parsed.values["company"] == ["--quiet"])
        #expect(parsed.value("timezone") == "-05:00")
        #expect(parsed.values["tag"] == ["--odd", "-x"])
        let ended = try Specs.template.parse(["--data", "d.json", "--", "--quiet"])
        #expect(ended.positionals == ["--quiet"])
    }

    @Test func aCompanyListWithAnEmptyItemIsRefusedQuotingIt() {
        for value in ["1,,3", ",1", "1,", "Acme,, Inc."] {
            #expect(
                ValueKind.companies.problem(with: value, option: "--company")
                    == "empty company in --company '\(value)': a comma at either end or two in "
                    + "a row; separate the companies with single commas, such as '1,3'")
        }
        #expect(
            ValueKind.formats.problem(with: "csv,,md", option: "--format")?.hasPrefix(
                "empty format in --format 'csv,,md': ") == true)
    }

    @Test func allWithIdsIsRefusedAndNamesWithCommasAreLeftToTheServer() {
        for value in ["all,2", "2,ALL", "all,all,1"] {
            #expect(
                ValueKind.companies.problem(with: value, option: "--company")
                    == "'all' cannot be combined with other companies in --company '\(value)': "
                    + "'all' is every company; give --company all alone, or only the companies "
                    + "to read")
        }
        for value in ["all", "1,3", "Acme Retail, Inc.", "运维二组", "All, Inc."] {
            #expect(
                ValueKind.companies.problem(with: value, option: "--company") == nil, "\(value)")
        }
        #expect(ExitStatus.of(MaxCloudError.allWithOthers("all,Acme")) == 64)
    }

    @Test func allWithAnotherCompanyGivenApartIsRefusedBeforeLoggingIn() throws {
        var arguments = ParsedArguments()
        arguments.values["company"] = ["all", "2"]
        let context = CommandContext(
            spec: Specs.run, arguments: arguments, environment: [:],
            console: Console(environment: [:]),
            layers: SettingsLayers(arguments: arguments))
        var settings = FetchSettings(
            baseURL: URL(string: "http://127.0.0.1:1")!, email: "e", password: "p")

        #expect {
            try context.applySelection(to: &settings)
        } throws: { error in
            (error as? UsageError)?.message
                == "'all' cannot be combined with other companies in --company 'all' --company "
                + "'2': 'all' is every company; give --company all alone, or only the companies "
                + "to read"
        }
    }
}
