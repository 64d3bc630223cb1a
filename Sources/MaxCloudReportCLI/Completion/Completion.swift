/// Shell completion scripts, generated from the same declarations that parse the command
/// line, so that every command and option is offered and none that does not exist.
public enum Completion {
    /// The commands by their first word (`config` for `config check`), in declaration order.
    static func groups(_ specs: [CommandSpec]) -> [(word: String, specs: [CommandSpec])] {
        var groups: [(word: String, specs: [CommandSpec])] = []
        for spec in specs {
            let word = String(spec.name.split(separator: " ").first ?? "")
            if let index = groups.firstIndex(where: { $0.word == word }) {
                groups[index].specs.append(spec)
            } else {
                groups.append((word, [spec]))
            }
        }
        return groups
    }

    /// The second word of a two-word command (`check`), or nil.
    static func action(of spec: CommandSpec) -> String? {
        let words = spec.name.split(separator: " ")
        return words.count > 1 ? String(words[1]) : nil
    }

    /// A shell function name for a command: `config check` becomes `config_check`.
    static func identifier(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Every option a command takes, `--help` included.
    static func options(of spec: CommandSpec) -> [OptionSpec] {
        spec.options + [.flag("help", "show this help")]
    }
}
