import Foundation

/// What an option's value is: how a config file's value is checked and how a shell
/// completes it.
public enum ValueKind: Sendable, Equatable {
    /// Any text that is not empty.
    case text
    /// A path to a file.
    case file
    /// A path to a folder.
    case folder
    /// A path to a folder that may hold `{date}`, `{week}` and `{profile}`.
    case outFolder
    /// A whole number within the range.
    case integer(ClosedRange<Int>)
    /// One of these words.
    case choice([String])
    /// Report formats, comma-separated: `json,csv,md,html,xlsx`.
    case formats
    /// Scopes, comma-separated: `company`, `team`, `assigned`, `tag` or 0-3.
    case scopes
    /// Companies: `all`, an id, a name (which may hold commas), or ids comma-separated.
    case companies
    /// An IANA time-zone name or an offset such as `+08:00`.
    case timeZone
    /// `YYYY-MM-DD HH:MM:SS`.
    case timestamp
    /// An `http://` or `https://` address with a host.
    case url

    /// The words a shell offers for the value, if the value is one of a few.
    public var words: [String] {
        switch self {
        case .choice(let words): words
        case .formats: ["json", "csv", "md", "html", "xlsx", "all"]
        case .scopes: ["company", "team", "assigned", "tag"]
        default: []
        }
    }
}

/// One option a command accepts. Help text, parsing, config files and shell completion
/// all come from this declaration.
public struct OptionSpec: Sendable {
    /// The long name without dashes, such as `format`.
    public var name: String
    /// The value's placeholder in help (`F[,F]`), or nil for a flag.
    public var valueName: String?
    /// Whether the option may be given more than once.
    public var repeatable: Bool
    /// One line of help.
    public var help: String
    /// What the value is (ignored for a flag).
    public var kind: ValueKind = .text
    /// Whether a config file may set it (`--config` and `--profile` themselves may not).
    public var configurable = true

    /// A flag (no value).
    public static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, repeatable: false, help: help)
    }

    /// An option with a value.
    public static func value(
        _ name: String, _ valueName: String, _ help: String, kind: ValueKind = .text,
        repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, valueName: valueName, repeatable: repeatable, help: help, kind: kind)
    }

    /// Whether the option is a flag.
    public var isFlag: Bool { valueName == nil }

    /// The help line as `--help` shows it: a whole number's allowed range written in from
    /// the declaration (`pages fetched at once per source, 1 to 64 (default 4)`), and
    /// `(repeatable)` for an option that may be given more than once.
    public var helpLine: String {
        var text = help
        if case .integer(let range) = kind {
            let span = ", \(range.lowerBound) to \(range.upperBound)"
            if let defaults = text.range(of: " (default") {
                text.insert(contentsOf: span, at: defaults.lowerBound)
            } else {
                text += span
            }
        }
        return text + (repeatable ? " (repeatable)" : "")
    }

    /// The same option, kept out of config files.
    func commandLineOnly() -> OptionSpec {
        var copy = self
        copy.configurable = false
        return copy
    }
}

/// A command's declaration: its name, summary, options and positional arguments.
public struct CommandSpec: Sendable {
    /// The subcommand, such as `run`, or two words such as `config check`.
    public var name: String
    /// One line saying what it does.
    public var summary: String
    /// Positional arguments, for the usage line (`FILE`).
    public var positionals: [String] = []
    /// The words each positional may be, for completion (empty: a file, or anything).
    public var positionalWords: [[String]] = []
    /// Its options; `--help` is added to every command.
    public var options: [OptionSpec]
    /// Text after the options in help.
    public var footer: String = ""
    /// Options of other commands that this one refuses with a reason instead of the plain
    /// "unknown option" (`demo` reads no config file), by name.
    public var notes: [String: String] = [:]

    /// The option called `name`, if the command has one.
    public func option(_ name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    /// The help text, generated from the declaration.
    public var help: String {
        var lines = [
            "usage: maxcloud-report \(name) [options]\(positionals.map { " \($0)" }.joined())", "",
            summary, "", "options:",
        ]
        let all = options + [.flag("help", "show this help")]
        // The help column starts after the longest label up to `widest`; a longer label
        // has its help on the next line, in the same column.
        let widest = 28
        let width = min(widest, (all.map { label(of: $0).count }.max() ?? 0) + 2)
        for option in all {
            let text = label(of: option)
            if text.count + 2 > width {
                lines.append("  \(text)")
                lines.append(String(repeating: " ", count: 2 + width) + option.helpLine)
            } else {
                let pad = String(repeating: " ", count: width - text.count)
                lines.append("  \(text)\(pad)\(option.helpLine)")
            }
        }
        if !footer.isEmpty { lines += ["", footer] }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(of option: OptionSpec) -> String {
        (option.name == "help" ? "-h, " : "") + "--\(option.name)"
            + (option.valueName.map { " \($0)" } ?? "")
    }
}
