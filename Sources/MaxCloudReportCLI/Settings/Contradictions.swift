import Reports

/// Settings that cannot go together: two options of `Specs.opposites` given in one layer,
/// or an `--as-of` that does not exist in `--timezone`. The same check refuses a run's
/// command line and finds the problem, with its line and column, in each level of a
/// config file (`config check`, and a run with `--config`).
enum Contradictions {
    /// One thing that cannot go together.
    struct Finding: Equatable {
        /// The options at fault, by name.
        var options: [String]
        /// What is wrong and what to do.
        var message: String
    }

    /// What in `arguments` contradicts itself, in a fixed order.
    /// - Parameter label: how a message names an option: `'--open-only'` on the command
    ///   line, `'open-only'` (or `'include-closed': false`) in a config file.
    static func find(in arguments: ParsedArguments, label: (String) -> String) -> [Finding] {
        var findings: [Finding] = []
        for (one, other) in Specs.opposites where arguments.gives(one) && arguments.gives(other) {
            findings.append(
                Finding(
                    options: [one, other],
                    message: "\(label(one)) and \(label(other)) contradict each other; give one"))
        }
        if let asOf = arguments.value("as-of") {
            let zone = arguments.value("timezone") ?? CLI.defaultTimeZone
            do {
                _ = try ReportClock(timeZone: zone, asOf: asOf)
            } catch {
                // A value that is wrong on its own is reported as such, not here.
                if case .skippedAsOf = error {
                    let options = ["as-of"] + (arguments.gives("timezone") ? ["timezone"] : [])
                    findings.append(Finding(options: options, message: error.description))
                }
            }
        }
        return findings
    }

    /// Refuses the first contradiction of a command's settings.
    /// - Throws: `UsageError` naming the options as the command line writes them.
    static func check(_ arguments: ParsedArguments) throws(UsageError) {
        if let first = find(in: arguments, label: { "'--\($0)'" }).first {
            throw UsageError(first.message)
        }
    }
}
