import Foundation
import MaxCloudSimulator
import Testing

/// A shell example of README.md and what its marker says to do with it.
struct ReadmeBlock {
    /// `sh` or `crontab`.
    var language: String
    /// The line of the opening fence, for messages.
    var line: Int
    /// The block's text.
    var text: String
    /// The comment before the fence: `readme-test ...` or `not run by the README test: ...`.
    var marker: String?
    /// Lines the output must hold, from a `readme-output` block after it.
    var expected: [String] = []

    /// Whether the test runs it.
    var runs: Bool { marker?.hasPrefix("readme-test") == true }

    /// The exit status the marker asks for.
    var exitStatus: Int32 {
        marker?.firstMatch(of: /exit=(\d+)/).flatMap { Int32($0.1) } ?? 0
    }

    /// A program the marker says the block needs.
    var requires: String? { marker?.firstMatch(of: /requires=(\S+)/).map { String($0.1) } }

    /// The shell text to run: a crontab line without its five time fields.
    var script: String {
        guard language == "crontab" else { return text }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.replacing(/^\s*(\S+\s+){5}/, with: "")
        }.joined(separator: "\n")
    }

    /// Every fenced block of `markdown`, with the marker on the line before each.
    static func parse(_ markdown: String) -> [ReadmeBlock] {
        let lines = markdown.components(separatedBy: "\n")
        var blocks: [ReadmeBlock] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```") else {
                index += 1
                continue
            }
            let language = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            let previous = index > 0 ? lines[index - 1] : ""
            let marker = previous.firstMatch(of: /^<!-- (.*) -->$/).map { String($0.1) }
            let start = index
            index += 1
            var body: [String] = []
            while index < lines.count, !lines[index].hasPrefix("```") {
                body.append(lines[index])
                index += 1
            }
            index += 1
            if language == "text", marker == "readme-output", !blocks.isEmpty {
                blocks[blocks.count - 1].expected = body.filter { $0 != "..." }
                continue
            }
            blocks.append(
                ReadmeBlock(
                    language: language, line: start + 1, text: body.joined(separator: "\n"),
                    marker: marker))
        }
        return blocks
    }
}

/// README.md's shell examples, run as documented in its "The README's examples are tested".
extension EndToEndTests {
    static let readme = repository.appendingPathComponent("README.md")

    func shellBlocks() throws -> [ReadmeBlock] {
        try ReadmeBlock.parse(String(contentsOf: Self.readme, encoding: .utf8)).filter {
            ["sh", "bash", "shell", "crontab"].contains($0.language)
        }
    }

    @Test func everyShellExampleOfTheReadmeIsRunOrSaysWhyNot() async throws {
        let blocks = try shellBlocks()

        #expect(blocks.count >= 15)
        for block in blocks {
            let marker = block.marker ?? ""
            #expect(
                block.runs || marker.hasPrefix("not run by the README test: "),
                "README.md:\(block.line): a \(block.language) block without a marker")
        }
        #expect(blocks.filter(\.runs).count >= 10)
    }

    @Test func theReadmesExamplesDoWhatItSays() async throws {
        let server = try startServer()
        defer { server.stop() }
        let folder = BinaryRunner.temporaryDirectory()
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("templates"),
            to: folder.appendingPathComponent("templates"))
        let binaries = BinaryRunner.binary.deletingLastPathComponent().path
        let environment = [
            "HOME": home.path,
            "PATH": "\(binaries):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
            "MAXCLOUD_BASE_URL": server.baseURL.absoluteString,
            "MAXCLOUD_EMAIL": "demo@example.com",
            "MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword,
        ]
        let address = server.baseURL.absoluteString.trimmingCharacters(in: ["/"])
        var ran = 0

        for (number, block) in try shellBlocks().enumerated() where block.runs {
            if let program = block.requires,
                !["/usr/bin/\(program)", "/bin/\(program)"].contains(where: {
                    FileManager.default.isExecutableFile(atPath: $0)
                })
            {
                continue
            }
            let script = block.script.replacingOccurrences(
                of: "http://127.0.0.1:8080", with: address
            )
            .replacingOccurrences(
                of: "/usr/local/bin/maxcloud-report", with: BinaryRunner.binary.path)
            let file = folder.appendingPathComponent(".readme-block-\(number).sh")
            try script.write(to: file, atomically: true, encoding: .utf8)
            let options = block.exitStatus == 0 ? ["-e", "-o", "pipefail"] : []

            let result = try await BinaryRunner.run(
                options + [file.path], environment: environment, limit: 120,
                executable: URL(fileURLWithPath: "/bin/bash"), directory: folder)

            ran += 1
            let output = result.stdout + result.stderr
            #expect(
                result.status == block.exitStatus,
                "README.md:\(block.line) exited \(result.status):\n\(output)")
            for line in block.expected {
                #expect(
                    output.contains(line),
                    "README.md:\(block.line) did not print: \(line)\n\(output)")
            }
        }
        #expect(ran >= 10)
        let made = [
            "report/report.xlsx", "preview.md", "reports/weekly-ops",
            "home/.zfunc/_maxcloud-report",
        ]
        for path in made {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path),
                "\(path)")
        }
    }
}
