import Foundation

/// Values: the JSON types each option takes, the same value rules as the command line,
/// and the password rule.
extension ConfigChecker {
    /// A flag takes `true` or `false`; an option with a value takes a string or a number,
    /// and a repeatable one also an array of them. `false` turns a flag off, and for a flag
    /// with a complement (`include-closed`, `open-only`) means the complement.
    mutating func setting(
        _ option: OptionSpec, _ member: JSONNode.Member, into section: inout ConfigFile.Section
    ) {
        let key = member.key
        let node = member.value
        let place = ConfigFile.SettingPlace(key: key, position: member.keyPosition)
        if option.isFlag {
            guard case .bool(let on) = node.value else {
                report("'\(key)' must be true or false, not \(node.typeName)", at: node.position)
                return
            }
            if on {
                section.arguments.flags.insert(option.name)
                section.places[option.name] = place
            } else {
                section.arguments.cleared.insert(option.name)
                if let complement = Specs.complements[option.name] {
                    section.arguments.flags.insert(complement)
                    section.places[complement] = ConfigFile.SettingPlace(
                        key: key, position: member.keyPosition, negated: true)
                }
            }
            return
        }
        var items = [node]
        if case .array(let list) = node.value {
            guard option.repeatable else {
                report("'\(key)' takes one value, not an array", at: node.position)
                return
            }
            guard !list.isEmpty else {
                report(
                    "'\(key)' is an empty array; leave the key out for the default",
                    at: node.position)
                return
            }
            items = list
        }
        var values: [String] = []
        for item in items {
            let text: String
            switch item.value {
            case .string(let string): text = string
            case .number(let number): text = number
            default:
                let expected =
                    option.repeatable
                    ? "a string, a number or an array of them" : "a string or a number"
                report("'\(key)' must be \(expected), not \(item.typeName)", at: item.position)
                continue
            }
            if let problem = option.kind.problem(with: text, option: "'\(key)'") {
                report(problem, at: item.position)
                continue
            }
            values.append(text)
        }
        if values.count == items.count {
            section.arguments.values[option.name] = values
            section.places[option.name] = place
        }
    }

    /// The password, kept only when the file is not readable by group or others (mode 0600
    /// or stricter), so that a report's credentials cannot leak through a shared folder. A
    /// pipe (`--config /dev/stdin`) holds it for this process alone, and is not checked.
    mutating func password(_ member: JSONNode.Member) -> String? {
        guard case .string(let text) = member.value.value, !text.isEmpty else {
            report(
                "'password' must be a string that is not empty, not \(member.value.typeName)",
                at: member.value.position)
            return nil
        }
        if let mode, mode & 0o077 != 0 {
            let shown = String(format: "%04o", mode)
            let file =
                path == ConfigFile.standardInputName || ConfigFile.isStandardInput(path)
                ? "FILE" : path
            report(
                "'password' is in a file that group or others can read (mode \(shown)): "
                    + "run 'chmod 600 \(file)', or take the password out and set MAXCLOUD_PASSWORD",
                at: member.keyPosition)
            return nil
        }
        return text
    }
}
