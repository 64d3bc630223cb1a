import Foundation
import Testing

/// Inputs that cannot be used, through the built binary: a snapshot that mixes tenants, a
/// templates folder with a dangling link, a block's name misspelt, a folder given as a file.
extension EndToEndTests {
    @Test func renderRefusesASnapshotWithATicketOfAnotherCompanyAndKeepsTheReport() async throws {
        let snapshot = try await sampleSnapshot()
        let folder = URL(fileURLWithPath: snapshot).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let arguments = [
            "render", "--from", snapshot, "--out", out.path, "--format", "json", "--as-of",
            Self.asOf, "--timezone", "+08:00", "--quiet",
        ]
        let first = try await BinaryRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let history = try Data(contentsOf: out.appendingPathComponent("history.sqlite"))
        var lines = try String(contentsOfFile: snapshot, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        lines[5] = lines[5].replacingOccurrences(
            of: "\"company_id\":1,", with: "\"company_id\":77,")
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: snapshot, atomically: true, encoding: .utf8)

        let result = try await BinaryRunner.run(arguments)

        #expect(result.status == 1)
        #expect(result.stderr.contains("\(snapshot):6: ticket "))
        #expect(
            result.stderr.contains(
                "belongs to company 77, which is not among the snapshot's companies"))
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == report)
        #expect(try Data(contentsOf: out.appendingPathComponent("history.sqlite")) == history)
    }

    @Test func aDanglingTemplateLinkExits64AndAMisspeltBlockWarns() async throws {
        let snapshot = try await sampleSnapshot()
        let dangling = BinaryRunner.temporaryDirectory()
        let typo = try templateFolder([
            "report.md":
                "{{<default/report.md}}\n{{$headlin}}x{{/headlin}}\n{{/default/report.md}}\n"
        ])
        defer {
            for url in [dangling, typo, URL(fileURLWithPath: snapshot).deletingLastPathComponent()]
            {
                try? FileManager.default.removeItem(at: url)
            }
        }
        try FileManager.default.createSymbolicLink(
            atPath: dangling.appendingPathComponent("report.md").path,
            withDestinationPath: "nowhere.md")
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }

        let broken = try await render(snapshot, templates: dangling, out: out)
        let leftBehind = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let warned = try await BinaryRunner.run([
            "render", "--from", snapshot, "--templates", typo.path, "--out", out.path,
            "--format", "md", "--no-history",
        ])

        #expect(broken.status == 64)
        #expect(
            broken.stderr.contains(
                "\(dangling.path)/report.md: error: 'report.md' is a symbolic link to 'nowhere.md', which does not exist"
            ))
        #expect(leftBehind.isEmpty)
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(
            warned.stderr.contains(
                "\(typo.path)/report.md:2:1: warning: block 'headlin' is not a block of 'default/report.md'"
            ))
        #expect(warned.stderr.contains("did you mean 'headline'?"))
    }

    @Test func aFolderGivenAsAFileIsNamedInWords() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }

        let snapshot = try await BinaryRunner.run([
            "render", "--from", folder.path, "--out", folder.appendingPathComponent("o").path,
        ])
        let config = try await BinaryRunner.run(["config", "check", folder.path])
        let data = try await BinaryRunner.run([
            "template", Self.templatesFolder.appendingPathComponent("report.md").path, "--data",
            folder.path,
        ])

        #expect(snapshot.status == 1)
        #expect(
            snapshot.stderr
                == "error: cannot read the snapshot \(folder.path): it is a folder, not a snapshot file\n"
        )
        #expect(config.status == 64)
        #expect(
            config.stderr.contains(
                "\(folder.path): error: cannot read the config file: it is a folder, not a file"))
        #expect(data.status == 64)
        #expect(data.stderr.contains("cannot read the data file: it is a folder, not a file"))
        for result in [snapshot, config, data] {
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }
}
