import Foundation

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
            guard action == "check" else {
                throw UsageError(
                    action.isEmpty || action.hasPrefix("-")
                        ? "config needs an action: 'maxcloud-report config check FILE'"
                        : "unknown config action '\(action)'; use 'maxcloud-report config check FILE'"
                )
            }
            return (configCheck, Array(arguments.dropFirst(2)))
        }
        let names = firstWords
        let close = names.min { editDistance(word, $0) < editDistance(word, $1) }
        var message = "unknown command '\(word)'"
        if let close, editDistance(word, close) <= 2 { message += "; did you mean '\(close)'?" }
        throw UsageError(message + " (see 'maxcloud-report --help')")
    }

    /// The first word of every command, each once: what may follow `maxcloud-report`.
    static var firstWords: [String] {
        var seen = Set<String>()
        return all.compactMap { $0.name.split(separator: " ").first.map(String.init) }
            .filter { seen.insert($0).inserted }
    }

    /// `maxcloud-report --help`.
    static var toolHelp: String {
        let width = (all.map(\.name.count).max() ?? 0) + 2
        let commands = all.map {
            "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))\($0.summary)"
        }
        return """
            usage: maxcloud-report COMMAND [options]

            Turns MaxCloud tickets into weekly reports: summary.json, tickets.csv, summary.csv,
            report.md, report.html and report.xlsx.

            commands:
            \(commands.joined(separator: "\n"))

            Settings come from the command line, then the environment (MAXCLOUD_EMAIL,
            MAXCLOUD_BASE_URL, MAXCLOUD_PASSWORD, MAXCLOUD_CONFIG, MAXCLOUD_PROFILE), then the
            chosen profile of the config file, then the file's top level.

            'maxcloud-report COMMAND --help' lists a command's options.
            'maxcloud-report --version' prints the version.

            """
    }
}
