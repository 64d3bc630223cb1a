import Foundation
import Reports

/// Finding the command an argument list names, and the tool's own help.
extension Specs {
    /// The command the first words name, and the arguments after them.
    /// - Throws: `UsageError` for a word that names no command (with a suggestion when one
    ///   is close), or `config` without `check`.
    static func command(for arguments: [String]) throws(UsageError) -> (CommandSpec, [String]) {
        let word = arguments.first ?? ""
        if let spec = all.first(where: { $0.name == word }) {
            return (spec, Array(arguments.dropFirst()))
        }
        if word == "config" {
            let action = arguments.dropFirst().first ?? ""
            // `config` has one action: its help is that of `config check`.
            if action == "--help" || action == "-h" { return (configCheck, ["--help"]) }
            guard action == "check" else {
                throw UsageError(
                    action.isEmpty || action.hasPrefix("-")
                        ? "config needs an action: 'maxcloud-report config check FILE'"
                        : "unknown config action '\(action)'; use 'maxcloud-report config check FILE'"
                )
            }
            return (configCheck, Array(arguments.dropFirst(2)))
        }
        // `--versoin` is a mistyped option of the tool, not a command.
        let isOption = word.hasPrefix("-")
        let names = isOption ? ["--help", "--version"] : firstWords
        let close = names.min { editDistance(word, $0) < editDistance(word, $1) }
        var message = isOption ? "unknown option '\(word)'" : "unknown command '\(word)'"
        if let close, editDistance(word, close) <= 2 { message += "; did you mean '\(close)'?" }
        throw UsageError(message + " (see 'maxcloud-report --help')")
    }

    /// The first word of every command, each once: what may follow `maxcloud-report`.
    static var firstWords: [String] {
        var seen = Set<String>()
        return all.compactMap { $0.name.split(separator: " ").first.map(String.init) }
            .filter { seen.insert($0).inserted }
    }

    /// Every file a run writes, from the formats' declarations, in a sentence.
    static var outputFiles: String {
        let names = OutputFormat.allCases.flatMap(\.fileNames)
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// `text` broken into lines of at most `width` columns, at spaces.
    static func wrapped(_ text: String, width: Int = 88) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return (lines + [line]).joined(separator: "\n")
    }

    /// `maxcloud-report --help`.
    static var toolHelp: String {
        let width = (all.map(\.name.count).max() ?? 0) + 2
        let commands = all.map {
            "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))\($0.summary)"
        }
        return """
            usage: maxcloud-report COMMAND [options]

            \(wrapped("Turns MaxCloud tickets into weekly reports: \(outputFiles)."))

            commands:
            \(commands.joined(separator: "\n"))

            Settings come from the command line, then the environment (MAXCLOUD_EMAIL,
            MAXCLOUD_BASE_URL, MAXCLOUD_PASSWORD, MAXCLOUD_CONFIG, MAXCLOUD_PROFILE), then the
            chosen profile of the config file, then the file's top level.

            'maxcloud-report COMMAND --help' (or 'maxcloud-report help COMMAND') lists a
            command's options and exit statuses.
            'maxcloud-report --version' prints the version.

            """
    }
}
