import Foundation
import Testing

@testable import MaxCloudReportCLI

/// Which layer wins: the command line over the environment over the profile over the
/// config file's top level.
@Suite struct SettingsLayersTests {
    static let config = """
        {
          "email": "file@example.com",
          "base-url": "https://file.example.com",
          "company": ["all"],
          "format": "json,csv",
          "out": "weekly/",
          "open-only": true,
          "port": 9000,
          "password": "from-file",
          "profiles": {
            "weekly-ops": {"company": ["运维二组"], "format": ["md", "html"], "password": "from-profile"},
            "bare": {}
          }
        }
        """

    func resolve(
        _ arguments: [String], environment: [String: String] = [:], spec: CommandSpec = Specs.run
    ) throws -> SettingsLayers {
        try SettingsLayers.resolve(
            spec, commandLine: try spec.parse(arguments), environment: environment)
    }

    @Test func theFilesTopLevelFillsWhatNothingElseSays() throws {
        let path = configFile(Self.config)

        let layers = try resolve(["--config", path])

        #expect(layers.arguments.value("email") == "file@example.com")
        #expect(layers.arguments.list("format") == ["json", "csv"])
        #expect(layers.arguments.has("open-only"))
        #expect(layers.arguments.value("port") == nil, "an option of another command")
        #expect(layers.configPassword == "from-file")
        #expect(layers.profile == nil)
    }

    @Test func aProfileWinsOverTheTopLevel() throws {
        let path = configFile(Self.config)

        let layers = try resolve(["--config", path, "--profile", "weekly-ops"])

        #expect(layers.arguments.values["company"] == ["运维二组"])
        #expect(layers.arguments.values["format"] == ["md", "html"])
        #expect(layers.arguments.value("out") == "weekly/")
        #expect(layers.configPassword == "from-profile")
        #expect(layers.profile == "weekly-ops")
    }

    @Test func theEnvironmentWinsOverTheFileAndChoosesFileAndProfile() throws {
        let path = configFile(Self.config)
        let environment = [
            "MAXCLOUD_CONFIG": path, "MAXCLOUD_PROFILE": "weekly-ops",
            "MAXCLOUD_EMAIL": "env@example.com", "MAXCLOUD_BASE_URL": "http://127.0.0.1:1",
        ]

        let layers = try resolve([], environment: environment)

        #expect(layers.arguments.value("email") == "env@example.com")
        #expect(layers.arguments.value("base-url") == "http://127.0.0.1:1")
        #expect(layers.arguments.values["company"] == ["运维二组"])
        #expect(layers.configPath == path)
    }

    @Test func flagsWinOverEverything() throws {
        let path = configFile(Self.config)
        let environment = ["MAXCLOUD_EMAIL": "env@example.com", "MAXCLOUD_PROFILE": "nope"]

        let layers = try resolve(
            [
                "--config", path, "--profile", "bare", "--email", "flag@example.com",
                "--company", "3", "--include-closed",
            ], environment: environment)

        #expect(layers.arguments.value("email") == "flag@example.com")
        #expect(layers.arguments.values["company"] == ["3"], "a list given replaces the file's")
        #expect(layers.arguments.has("include-closed"))
        #expect(!layers.arguments.has("open-only"), "the flag turns off its opposite")
        #expect(layers.profile == "bare")
    }

    @Test func verboseOnTheCommandLineTurnsOffQuietInTheFile() throws {
        let path = configFile(#"{"quiet": true, "no-bom": true}"#)

        let layers = try resolve(["--config", path, "--verbose"])

        #expect(layers.arguments.flags == ["verbose", "no-bom"])
    }

    @Test func anUnknownProfileIsAConfigErrorWithASuggestion() throws {
        let path = configFile(Self.config)

        #expect {
            try resolve(["--config", path, "--profile", "weekly-op"])
        } throws: { error in
            let issue = (error as? ConfigError)?.issues.first
            return issue?.position == SourcePosition(line: 10, column: 3)
                && issue?.message
                    == "no profile 'weekly-op' in the config file; did you mean 'weekly-ops'? (profiles: weekly-ops, bare)"
        }
    }

    @Test func aProfileWithoutAConfigFileIsAUsageError() {
        #expect(throws: UsageError.self) { try resolve(["--profile", "weekly-ops"]) }
    }

    @Test func withoutAConfigFileTheEnvironmentStandsForItsOptions() throws {
        let layers = try resolve(
            ["--company", "1"], environment: ["MAXCLOUD_BASE_URL": "http://127.0.0.1:2"])

        #expect(layers.arguments.value("base-url") == "http://127.0.0.1:2")
        #expect(layers.arguments.values["company"] == ["1"])
        #expect(layers.configPassword == nil)
    }

    @Test func aCommandWithoutConfigOptionsIgnoresTheEnvironmentsConfig() throws {
        let layers = try resolve(
            ["x.html", "--data", "d.json"], environment: ["MAXCLOUD_CONFIG": "/nonexistent"],
            spec: Specs.template)

        #expect(layers.configPath == nil)
    }

    @Test func anOptionGivenAboveTurnsOffItsOppositeBelowFlagOrValue() throws {
        let path = configFile(
            #"{"history": "runs.sqlite", "quiet": true, "include-closed": false}"#)

        let layers = try resolve(["--config", path, "--no-history", "--verbose"])
        let kept = try resolve(["--config", path])

        #expect(layers.arguments.value("history") == nil)
        #expect(layers.arguments.has("no-history"))
        #expect(!layers.arguments.has("quiet"))
        #expect(kept.arguments.value("history") == "runs.sqlite")
        #expect(kept.arguments.has("open-only"))
        #expect(!kept.arguments.has("include-closed"))
        #expect(Contradictions.find(in: layers.arguments, label: { $0 }).isEmpty)
    }

    @Test func bothOfAPairInOneLayerAreRefusedNamingThemAsTheCommandLineDoes() throws {
        let both = try resolve(["--quiet", "--verbose", "--history", "h.sqlite", "--no-history"])

        #expect(
            Contradictions.find(in: both.arguments, label: { "'--\($0)'" }).map(\.message) == [
                "'--quiet' and '--verbose' contradict each other; give one",
                "'--history' and '--no-history' contradict each other; give one",
            ])
        #expect(throws: UsageError.self) { try Contradictions.check(both.arguments) }
    }
}
