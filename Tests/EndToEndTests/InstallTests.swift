import Foundation
import Testing

/// What a reviewer sees: the live display on a terminal, and `make install`.
extension EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = URL(fileURLWithPath: "/usr/bin/script")
    static let make = URL(fileURLWithPath: "/usr/bin/make")

    /// Runs the binary on a pseudo-terminal (util-linux `script`), as a person would.
    func onTerminal(_ arguments: [String], environment: [String: String]) async throws
        -> BinaryRunner.Result
    {
        let command = ([BinaryRunner.binary.path] + arguments).map { "'\($0)'" }
            .joined(separator: " ")
        return try await BinaryRunner.run(
            ["-qec", command, "/dev/null"],
            environment: environment.merging(["TERM": "xterm"]) { $1 },
            executable: Self.script)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script.path)))
    func onATerminalProgressIsALiveLinePerCompanyColouredUnlessNO_COLOR() async throws {
        let out = BinaryRunner.temporaryDirectory()
        let arguments = ["demo", "--out", out.path, "--format", "json", "--latency-ms", "5"]

        let coloured = try await onTerminal(arguments, environment: ["NO_COLOR": ""])
        let plain = try await onTerminal(arguments, environment: ["NO_COLOR": "1"])

        #expect(coloured.status == 0, "\(coloured.stdout)")
        #expect(coloured.stdout.contains("fetching 4 companies"))
        #expect(coloured.stdout.contains("\r\u{1B}[5A"), "the board is redrawn in place")
        #expect(coloured.stdout.contains("\u{1B}[32mdone"))
        #expect(!coloured.stdout.contains("scope company: 3 pages"), "no plain lines on a terminal")
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("\r\u{1B}[5A"))
        #expect(!plain.stdout.contains("\u{1B}[32m"))
    }

    @Test func withoutATerminalProgressIsPlainLines() async throws {
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(["demo", "--out", out.path, "--format", "json"])

        #expect(result.status == 0)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(
            result.stderr.contains("company DefaultTeam (1), scope company: 3 pages, 260 tickets"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: make.path)))
    func makeInstallPutsOneBinaryAndTheCompletionsUnderThePrefix() async throws {
        let prefix = BinaryRunner.temporaryDirectory().appendingPathComponent("usr local")
        let make = [
            "-C", Self.repository.path, "PREFIX=\(prefix.path)", "BIN=\(BinaryRunner.binary.path)",
        ]

        let install = try await BinaryRunner.run(make + ["install-files"], executable: Self.make)

        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/maxcloud-report")
        let bash = prefix.appendingPathComponent(
            "share/bash-completion/completions/maxcloud-report")
        let zsh = prefix.appendingPathComponent("share/zsh/site-functions/_maxcloud-report")
        #expect(
            try String(contentsOf: bash, encoding: .utf8).contains(
                "complete -o filenames -F _maxcloud_report"))
        #expect(try String(contentsOf: zsh, encoding: .utf8).hasPrefix("#compdef maxcloud-report"))
        // From another folder, with the templates built in.
        let elsewhere = BinaryRunner.temporaryDirectory()
        let demo = try await BinaryRunner.run(
            ["demo", "--format", "md,html", "--out", "r", "--quiet"], executable: installed,
            directory: elsewhere)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(
            try visibleFiles(in: elsewhere.appendingPathComponent("r")) == [
                "history.sqlite", "report.html", "report.md",
            ])

        let uninstall = try await BinaryRunner.run(make + ["uninstall"], executable: Self.make)

        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for file in [installed, bash, zsh] {
            #expect(!FileManager.default.fileExists(atPath: file.path), "\(file.path)")
        }
    }
}
