import Foundation
import TestSupport
import Testing

@testable import MaxCloudReportCLI

/// Writes a config file into a fresh folder (removed when the tests end) with the given
/// permission bits.
func configFile(_ text: String, mode: mode_t = 0o600, name: String = "config.json") -> String {
    let folder = TestFolders.make("cli-config")
    let path = folder.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    chmod(path, mode)
    return path
}

/// `config check`'s findings: each problem of a config file with its exact place.
@Suite struct ConfigFileTests {
    func issues(_ text: String, mode: mode_t = 0o600) -> [String] {
        let path = configFile(text, mode: mode)
        do {
            _ = try ConfigFile.read(path: path)
            return []
        } catch {
            return error.issues.map { $0.description.replacingOccurrences(of: path, with: "F") }
        }
    }

    @Test func aGoodFileGivesEachLevelsSettingsByOptionName() throws {
        let path = configFile(
            """
            {
              "email": "lead@example.com",
              "company": ["all"],
              "format": "json,csv",
              "out": "weekly/{week}",
              "page_size": 50,
              "open-only": true,
              "allow-partial": false,
              "password": "s3cret",
              "profiles": {
                "weekly-ops": {"company": ["运维二组", 1], "tag": "network", "quiet": true}
              }
            }
            """)

        let file = try ConfigFile.read(path: path)

        #expect(file.top.arguments.values["email"] == ["lead@example.com"])
        #expect(file.top.arguments.values["company"] == ["all"])
        #expect(file.top.arguments.values["format"] == ["json,csv"])
        #expect(file.top.arguments.values["page-size"] == ["50"])
        #expect(file.top.arguments.flags == ["open-only"])
        #expect(file.top.arguments.cleared == ["allow-partial"])
        #expect(file.top.password == "s3cret")
        #expect(file.profileNames == ["weekly-ops"])
        let profile = try #require(file.profile("weekly-ops"))
        #expect(profile.arguments.values["company"] == ["运维二组", "1"])
        #expect(profile.arguments.values["tag"] == ["network"])
        #expect(profile.arguments.flags == ["quiet"])
    }

    @Test func everyProblemIsNamedWithItsLineAndColumnNestedProfilesToo() {
        let found = issues(
            """
            {
              "formt": "json",
              "page-size": "many",
              "scope": ["company", 7],
              "open-only": "yes",
              "out": ["a", "b"],
              "profiles": {
                "weekly-ops": {
                  "format": "json,pdf",
                  "scope": ["company", "teams"],
                  "timezone": "Mars/Base",
                  "profiles": {}
                },
                "daily": "not an object"
              }
            }
            """)

        #expect(
            found == [
                "F:2:3: error: unknown key 'formt'; did you mean 'format'?",
                "F:3:16: error: invalid value 'many' for 'page-size': expected a whole number from 1 to 10000",
                "F:4:24: error: unknown scope '7': use company, team, assigned, tag or 0-3",
                "F:5:16: error: 'open-only' must be true or false, not a string",
                "F:6:10: error: 'out' takes one value, not an array",
                "F:9:17: error: unknown format 'pdf': use any of json,csv,md,html,xlsx, or all",
                "F:10:28: error: unknown scope 'teams': use company, team, assigned, tag or 0-3",
                "F:11:19: error: unknown time zone 'Mars/Base': give an IANA name such as Asia/Shanghai or an offset such as +08:00",
                "F:12:7: error: 'profiles' belongs at the top of the file, not inside profile 'weekly-ops'",
                "F:14:14: error: profile 'daily' must be an object of settings, not a string",
            ])
    }

    @Test func optionsOfTheCommandLineOnlySayWhereTheyBelong() {
        let found = issues(#"{"profile": "x", "config": "y.json", "help": true}"#)

        #expect(found.count == 3)
        #expect(
            found[0].contains(
                "'profile' cannot be set in a config file; choose a profile with --profile NAME"))
        #expect(found[1].contains("--config FILE or MAXCLOUD_CONFIG"))
    }

    @Test func keysSetTwiceAndBadPlaceholdersAreFound() {
        let found = issues("{\"out\": \"r/{weak}\",\n \"email\": \"a\", \"email\": \"b\"}")

        #expect(
            found == [
                "F:1:9: error: unknown placeholder '{weak}' in --out 'r/{weak}': use {date}, {week} or {profile}",
                "F:2:16: error: 'email' is set twice (first at 2:2)",
            ])
    }

    @Test func notJSONIsASyntaxErrorWithItsPlace() {
        #expect(
            issues("{\n  \"email\": \"a\"\n  \"out\": \"b\"\n}") == [
                "F:3:3: error: expected ',' or '}' after the value of \"email\", found '\"'"
            ])
        #expect(
            issues("[1]") == [
                "F:1:1: error: a config file holds a JSON object of settings, not an array"
            ])
    }

    @Test func aPasswordIsRefusedInAFileThatGroupOrOthersCanRead() {
        let text = "{\n  \"password\": \"s3cret\"\n}"

        for mode: mode_t in [0o644, 0o640, 0o604, 0o660] {
            let found = issues(text, mode: mode)

            #expect(found.count == 1)
            #expect(
                found.first?.hasPrefix(
                    "F:2:3: error: 'password' is in a file that group or others can read (mode 0\(String(mode, radix: 8)))"
                ) == true)
            #expect(found.first?.contains("chmod 600 F") == true)
            #expect(found.first?.contains("s3cret") == false)
        }
        #expect(issues(text, mode: 0o600).isEmpty)
        #expect(issues(text, mode: 0o400).isEmpty)
    }

    @Test func withoutAPasswordAnyModeWillDo() {
        #expect(issues(#"{"email": "a@b.c"}"#, mode: 0o644).isEmpty)
    }

    @Test func aMissingFileIsAnIssueWithoutAPlace() {
        do {
            _ = try ConfigFile.read(path: "/nonexistent/maxcloud.json")
            Issue.record("read a file that is not there")
        } catch {
            #expect(error.issues.count == 1)
            #expect(
                error.issues[0].description.hasPrefix(
                    "/nonexistent/maxcloud.json: error: cannot read"))
        }
    }

    @Test func contradictionsARunRefusesAreFoundWithTheirPlaceInEachLevel() {
        let found = issues(
            """
            {
              "open-only": true,
              "include-closed": true,
              "history": "h.sqlite",
              "no_history": true,
              "profiles": {
                "a": {"quiet": true, "verbose": true},
                "b": {"include-closed": false, "open-only": false},
                "berlin": {"timezone": "Europe/Berlin", "as-of": "2026-03-29 02:30:00"},
                "fine": {"include-closed": false, "no-history": true}
              }
            }
            """)

        #expect(
            found == [
                "F:3:3: error: 'include-closed' and 'open-only' contradict each other; give one",
                "F:5:3: error: 'history' and 'no_history' contradict each other; give one",
                "F:7:26: error: 'quiet' and 'verbose' contradict each other; give one (with profile 'a')",
                "F:8:36: error: 'open-only': false and 'include-closed': false contradict each other; give one (with profile 'b')",
                "F:9:45: error: the as-of time '2026-03-29 02:30:00' does not exist in Europe/Berlin: "
                    + "daylight saving time skips it (the clocks jump forward); give a time that exists, "
                    + "such as '2026-03-29 03:30:00', or one with its offset, such as "
                    + "'2026-03-29 02:30:00+01:00' (with profile 'berlin')",
            ])
    }

    @Test func falseForAFlagWithAComplementMeansTheComplement() throws {
        let path = configFile(
            #"{"include-closed": false, "quiet": false, "profiles": {"all": {"open-only": false}}}"#
        )

        let file = try ConfigFile.read(path: path)

        #expect(file.top.arguments.flags == ["open-only"])
        #expect(file.top.arguments.cleared == ["include-closed", "quiet"])
        #expect(file.profile("all")?.arguments.flags == ["include-closed"])
    }
}
