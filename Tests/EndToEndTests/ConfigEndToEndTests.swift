import Foundation
import MaxCloudSimulator
import Testing

/// Config files and profiles through the built binary: which layer wins, the password
/// rule, `config check`, and `{profile}`/`{week}` in `--out`.
extension EndToEndTests {
    func writeConfig(
        _ text: String, mode: mode_t, in folder: URL, name: String = "weekly.json"
    ) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    func weeklyConfig(out: URL) -> String {
        """
        {
          "email": "nobody@example.com",
          "password": "\(SimulatorDataset.demoPassword)",
          "timezone": "+08:00",
          "as-of": "\(Self.asOf)",
          "quiet": true,
          "profiles": {
            "weekly-ops": {
              "company": ["运维二组"],
              "format": "json",
              "out": "\(out.path)/{profile}/{week}"
            }
          }
        }
        """
    }

    @Test func aProfileChoosesCompaniesFormatsAndFolderAndTheEnvironmentWinsOverTheFile()
        async throws
    {
        let server = try startServer()
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(weeklyConfig(out: folder), mode: 0o600, in: folder)
        // The file's e-mail would be refused; the environment's wins. The password comes
        // from the file, which only its owner can read.
        let environment = [
            "MAXCLOUD_EMAIL": "demo@example.com",
            "MAXCLOUD_BASE_URL": server.baseURL.absoluteString,
        ]

        let result = try await BinaryRunner.run(
            ["run", "--config", config, "--profile", "weekly-ops"], environment: environment)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "quiet came from the file")
        let out = folder.appendingPathComponent("weekly-ops/2026-W49")
        #expect(try visibleFiles(in: out) == ["history.sqlite", "summary.json"])
        #expect((try summary(in: out)["totals"] as? [String: Int])?["tickets"] == 150)

        let flags = try await BinaryRunner.run(
            [
                "run", "--company", "DefaultTeam", "--out",
                folder.appendingPathComponent("flags").path,
            ],
            environment: environment.merging(
                ["MAXCLOUD_CONFIG": config, "MAXCLOUD_PROFILE": "weekly-ops"]) { $1 })

        #expect(flags.status == 0, "\(flags.stderr)")
        let byFlags = try summary(in: folder.appendingPathComponent("flags"))
        #expect((byFlags["totals"] as? [String: Int])?["tickets"] == 260)
    }

    @Test func aPasswordInAConfigFileOthersCanReadIsRefused() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let config = try writeConfig(weeklyConfig(out: folder), mode: 0o644, in: folder)

        let result = try await BinaryRunner.run(
            ["run", "--config", config], environment: ["MAXCLOUD_EMAIL": "demo@example.com"])
        let check = try await BinaryRunner.run(["config", "check", config])

        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "\(config):3:3: error: 'password' is in a file that group or others can read (mode 0644)"
            ))
        #expect(!result.stderr.contains(SimulatorDataset.demoPassword))
        #expect(check.status == 64)
        #expect(check.stderr == result.stderr)
    }

    @Test func configCheckNamesEveryErrorWithItsPlaceOrSaysTheFileIsFine() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let bad = try writeConfig(
            """
            {
              "formt": "json",
              "profiles": {
                "weekly-ops": {"scope": ["company", "teams"], "page-size": 0}
              }
            }
            """, mode: 0o644, in: folder, name: "bad.json")
        let fine = try writeConfig(weeklyConfig(out: folder), mode: 0o600, in: folder)

        let errors = try await BinaryRunner.run(["config", "check", bad])
        let good = try await BinaryRunner.run(["config", "check", fine, "--profile", "weekly-ops"])
        let missingProfile = try await BinaryRunner.run([
            "config", "check", fine, "--profile", "daily",
        ])

        #expect(errors.status == 64)
        #expect(
            errors.stderr.split(separator: "\n") == [
                "\(bad):2:3: error: unknown key 'formt'; did you mean 'format'?",
                "\(bad):4:41: error: unknown scope 'teams': use company, team, assigned, tag or 0-3",
                "\(bad):4:64: error: invalid value '0' for 'page-size': expected a whole number from 1 to 10000",
            ])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("ok"))
        #expect(good.stdout.contains("profiles weekly-ops"))
        #expect(missingProfile.status == 64)
        #expect(
            missingProfile.stderr
                == "\(fine):7:3: error: no profile 'daily' in the config file (profiles: weekly-ops)\n"
        )
    }
}
