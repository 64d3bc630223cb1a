/// One option a command accepts. Help text and parsing both come from this declaration.
public struct OptionSpec: Sendable {
    /// The long name without dashes, such as `format`.
    public var name: String
    /// The value's placeholder in help (`F[,F]`), or nil for a flag.
    public var valueName: String?
    /// Whether the option may be given more than once.
    public var repeatable: Bool
    /// One line of help.
    public var help: String

    /// A flag (no value).
    public static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, repeatable: false, help: help)
    }

    /// An option with a value.
    public static func value(
        _ name: String, _ valueName: String, _ help: String, repeatable: Bool = false
    )
        -> OptionSpec
    {
        OptionSpec(name: name, valueName: valueName, repeatable: repeatable, help: help)
    }
}

/// A command's declaration: its name, summary, options and positional arguments.
public struct CommandSpec: Sendable {
    /// The subcommand, such as `run`.
    public var name: String
    /// One line saying what it does.
    public var summary: String
    /// Positional arguments, for the usage line (`FILE`).
    public var positionals: [String] = []
    /// Its options; `--help` is added to every command.
    public var options: [OptionSpec]
    /// Text after the options in help.
    public var footer: String = ""

    /// The help text, generated from the declaration.
    public var help: String {
        var lines = [
            "usage: maxcloud-report \(name) [options]\(positionals.map { " \($0)" }.joined())", "",
            summary, "", "options:",
        ]
        let all = options + [.flag("help", "show this help")]
        let width = min(28, (all.map { label(of: $0).count }.max() ?? 0) + 2)
        for option in all {
            let text = label(of: option)
            let pad = String(repeating: " ", count: max(2, width - text.count))
            lines.append("  \(text)\(pad)\(option.help)\(option.repeatable ? " (repeatable)" : "")")
        }
        if !footer.isEmpty { lines += ["", footer] }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(of option: OptionSpec) -> String {
        "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
    }
}

/// A usage error: exit status 64, with a message that quotes the token at fault.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// What the command line said.
public struct ParsedArguments: Sendable {
    /// Values of options with values, in the order given.
    public var values: [String: [String]] = [:]
    /// Flags given.
    public var flags: Set<String> = []
    /// Positional arguments.
    public var positionals: [String] = []

    /// The last value of an option.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, commas splitting too (`--scope a,b`).
    public func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }
            .filter { !$0.isEmpty }
    }

    /// Whether a flag was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }
}

extension CommandSpec {
    /// Parses arguments: `--opt value`, `--opt=value`, flags, positionals, `--` ending options.
    /// - Throws: `UsageError` for an unknown option (with a suggestion when one is close), a
    ///   missing value, a value given to a flag, or an option repeated that may not be.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" {
                parsed.flags.insert("help")
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)'; options start with '--'")
            }
            let body = argument.dropFirst(2)
            let name: String
            var inline: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inline = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            if name == "help" {
                parsed.flags.insert("help")
                continue
            }
            guard let option = options.first(where: { $0.name == name }) else {
                var message = "unknown option '--\(name)'"
                if let close = suggestion(for: name) { message += "; did you mean '--\(close)'?" }
                throw UsageError(message + " (see 'maxcloud-report \(self.name) --help')")
            }
            if option.valueName == nil {
                if inline != nil { throw UsageError("option '--\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard index < arguments.count else {
                    throw UsageError("option '--\(name)' needs a value (\(option.valueName!))")
                }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw UsageError("option '--\(name)' was given twice")
            }
            parsed.values[name, default: []].append(value)
        }
        if parsed.positionals.count > positionals.count {
            let extra = parsed.positionals[positionals.count]
            throw UsageError(
                "unexpected argument '\(extra)' (see 'maxcloud-report \(self.name) --help')")
        }
        return parsed
    }

    /// The option closest to a mistyped name, if one is close enough.
    func suggestion(for name: String) -> String? {
        let scored = (options.map(\.name) + ["help"]).map { ($0, editDistance(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }
}

/// Levenshtein distance between two words.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
