// Parsing a command's arguments against its declaration.

/// A usage error: exit status 64, with a message that quotes the token at fault.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
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
    /// Flags a layer turns off (a config file's `false`), so that a lower layer's `true`
    /// does not show through.
    public var cleared: Set<String> = []

    /// Creates empty arguments.
    public init() {}

    /// The last value of an option.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, commas splitting too (`--scope a,b`).
    public func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }
            .filter { !$0.isEmpty }
    }

    /// Whether a flag was given.
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// Whether the option was given: a flag set, or a value.
    public func gives(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// These arguments with `upper` laid over them, option by option: a value `upper` gives
    /// replaces every value given here (a repeatable option's list included), a flag it sets
    /// or clears wins, and an option it gives turns off its opposite given here.
    /// - Parameter opposites: pairs of options that contradict each other (two flags, or a
    ///   flag and an option with a value, such as `no-history` and `history`).
    public func overlaid(by upper: ParsedArguments, opposites: [(String, String)] = [])
        -> ParsedArguments
    {
        var merged = self
        for (name, list) in upper.values { merged.values[name] = list }
        merged.flags.subtract(upper.cleared)
        for (one, other) in opposites {
            for (given, turnedOff) in [(one, other), (other, one)]
            where upper.gives(given) && !upper.gives(turnedOff) {
                merged.flags.remove(turnedOff)
                merged.values[turnedOff] = nil
            }
        }
        merged.flags.formUnion(upper.flags)
        merged.cleared = cleared.union(upper.cleared).subtracting(merged.flags)
        merged.positionals = upper.positionals.isEmpty ? positionals : upper.positionals
        return merged
    }
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
                if let note = notes[name] { throw UsageError("option '--\(name)': \(note)") }
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
                // `--company --quiet`: the option's value was left out. A value that starts
                // with `--` and names no option (or `--opt=--quiet`) is still taken.
                if isOption(value) {
                    throw UsageError(
                        "option '--\(name)' needs a value (\(option.valueName!)); '\(value)' is an "
                            + "option (to give it as the value, write --\(name)=\(value))"
                    )
                }
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

    /// Whether `argument` is one of this command's options (`--quiet`, `--format=json`,
    /// `--help`, `-h`), as given where a value was expected.
    func isOption(_ argument: String) -> Bool {
        if argument == "-h" { return true }
        guard argument.hasPrefix("--"), argument != "--" else { return false }
        let name = argument.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init)
        return name == "help" || options.contains { $0.name == name }
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
