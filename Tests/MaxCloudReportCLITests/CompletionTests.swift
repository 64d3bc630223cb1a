import Foundation
import Testing

@testable import MaxCloudReportCLI

/// Runs a shell with a script on standard input; nil when the shell is not installed.
func shell(_ path: String, _ arguments: [String], input: String) throws -> (Int32, String)? {
    guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// The completion scripts come from the declarations: every command and option is in them.
@Suite struct CompletionTests {
    static let zshPath = ["/usr/bin/zsh", "/bin/zsh"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// What bash offers for the words typed so far, the last one being completed.
    func bashOffers(_ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script =
            Completion.bash(Specs.all)
            + "COMP_WORDS=(maxcloud-report \(quoted)); COMP_CWORD=\(words.count)\n"
            + "_maxcloud_report; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
        let (status, output) = try #require(try shell("/bin/bash", ["-s"], input: script))
        #expect(status == 0, "\(output)")
        return output.split(separator: "\n").map(String.init)
    }

    @Test func theBashScriptIsValidAndNamesEveryCommandAndOption() throws {
        let script = Completion.bash(Specs.all)

        let (status, output) = try #require(try shell("/bin/bash", ["-n"], input: script))

        #expect(status == 0, "\(output)")
        #expect(script.contains("complete -o filenames -F _maxcloud_report maxcloud-report"))
        for word in Specs.firstWords { #expect(script.contains("\(word))")) }
        for spec in Specs.all {
            let function = try #require(
                script.components(
                    separatedBy: "_maxcloud_report_\(Completion.identifier(spec.name))() {"
                )
                .last?.components(separatedBy: "\n}\n").first)
            for option in spec.options {
                #expect(function.contains("--\(option.name)"), "\(spec.name) --\(option.name)")
            }
        }
    }

    @Test func bashCompletesCommandsOptionsAndValues() throws {
        #expect(try bashOffers(["ver"]) == ["verify", "--version"].filter { $0.hasPrefix("ver") })
        #expect(try bashOffers(["run", "--for"]) == ["--format"])
        #expect(
            try bashOffers(["run", "--format", ""]) == ["json", "csv", "md", "html", "xlsx", "all"])
        #expect(try bashOffers(["demo", "--scope", "t"]) == ["team", "tag"])
        #expect(try bashOffers(["config", ""]) == ["check"])
        #expect(try bashOffers(["config", "check", "--pro"]) == ["--profile"])
        #expect(try bashOffers(["completion", ""]) == ["bash", "zsh"])
        #expect(try bashOffers(["run", "--email", ""]).isEmpty)
        #expect(try bashOffers(["help", "ru"]) == ["run"])
    }

    @Test func theZshScriptNamesEveryCommandAndOption() {
        let script = Completion.zsh(Specs.all)

        #expect(script.hasPrefix("#compdef maxcloud-report\n"))
        for word in Specs.firstWords { #expect(script.contains("'\(word):")) }
        for spec in Specs.all {
            for option in spec.options {
                let head = (option.repeatable ? "*" : "") + "--\(option.name)"
                #expect(script.contains("'\(head)"), "\(spec.name) --\(option.name)")
            }
        }
        #expect(
            script.contains(
                "'*--format=[any of json,csv,md,html,xlsx, or all for every one (default all)]:F[,F]:(json csv md html xlsx all)'"
            ))
        #expect(
            script.contains(
                #"'--as-of=[the report'\''s now, in --timezone (default now)]:"YYYY-MM-DD HH\:MM\:SS": '"#
            ))
    }

    @Test(.enabled(if: zshPath != nil, "zsh is not installed"))
    func zshReadsTheScriptWithoutASyntaxError() throws {
        let (status, output) = try #require(
            try shell(Self.zshPath!, ["-n"], input: Completion.zsh(Specs.all)))

        #expect(status == 0, "\(output)")
    }
}
