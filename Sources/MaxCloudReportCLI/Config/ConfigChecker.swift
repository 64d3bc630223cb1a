import Foundation

/// Checks a config file's JSON against the commands' declarations and turns it into
/// `ConfigFile` sections, collecting every problem with its place instead of stopping at
/// the first.
struct ConfigChecker {
    /// The file, for the issues.
    let path: String
    /// The file's permission bits, for the password rule; nil for what is not a regular
    /// file (a pipe), which others cannot read.
    let mode: mode_t?
    /// What is wrong, in the order found.
    var issues: [ConfigIssue] = []

    /// Keys that are not options.
    static let passwordKey = "password"
    static let profilesKey = "profiles"

    init(path: String, mode: mode_t?) {
        self.path = path
        self.mode = mode
    }

    mutating func report(_ message: String, at position: SourcePosition) {
        issues.append(ConfigIssue(path: path, position: position, message: message))
    }

    /// The whole file: an object of settings, with `profiles` of objects of settings.
    mutating func file(_ root: JSONNode) -> ConfigFile {
        var result = ConfigFile(path: path, top: ConfigFile.Section(), profiles: [])
        guard case .object(let members) = root.value else {
            report(
                "a config file holds a JSON object of settings, not \(root.typeName)",
                at: root.position)
            return result
        }
        var settings: [JSONNode.Member] = []
        for member in members {
            guard member.key == Self.profilesKey else {
                settings.append(member)
                continue
            }
            result.profilesPosition = member.keyPosition
            result.profiles = profiles(member.value)
        }
        result.top = section(settings, profile: nil)
        contradictions(in: result)
        return result
    }

    /// Settings that cannot go together (`Contradictions`, as a run refuses them): in the
    /// top level, and in each profile laid over it, each reported once at the later of
    /// the keys at fault.
    mutating func contradictions(in file: ConfigFile) {
        var found = Set<String>()
        func check(_ section: ConfigFile.Section, profile: String?) {
            let findings = Contradictions.find(in: section.arguments) {
                section.places[$0]?.label ?? "'\($0)'"
            }
            for finding in findings {
                guard
                    let position = finding.options.compactMap({ section.places[$0]?.position })
                        .max()
                else { continue }
                let key = "\(position) \(finding.message)"
                guard found.insert(key).inserted else { continue }
                let within = profile.map { " (with profile '\($0)')" } ?? ""
                report(finding.message + within, at: position)
            }
        }
        check(file.top, profile: nil)
        for (name, profile) in file.profiles {
            var merged = file.top
            merged.arguments = file.top.arguments.overlaid(
                by: profile.arguments, opposites: Specs.opposites)
            merged.places.merge(profile.places) { $1 }
            check(merged, profile: name)
        }
    }

    /// `"profiles": {"weekly-ops": {...}, ...}`.
    mutating func profiles(_ node: JSONNode) -> [(name: String, section: ConfigFile.Section)] {
        guard case .object(let members) = node.value else {
            report(
                "'profiles' must be an object of named profiles, not \(node.typeName)",
                at: node.position)
            return []
        }
        var list: [(name: String, section: ConfigFile.Section)] = []
        var seen: [String: SourcePosition] = [:]
        for member in members {
            let name = member.key
            if let first = seen[name] {
                report(
                    "profile '\(name)' is defined twice (first at \(first))", at: member.keyPosition
                )
                continue
            }
            seen[name] = member.keyPosition
            if let problem = Self.problem(withProfileName: name) {
                report(problem, at: member.keyPosition)
            }
            guard case .object(let settings) = member.value.value else {
                report(
                    "profile '\(name)' must be an object of settings, not \(member.value.typeName)",
                    at: member.value.position)
                continue
            }
            list.append((name, section(settings, profile: name)))
        }
        return list
    }

    /// What is wrong with a profile's name (it may become part of a path through
    /// `{profile}`), or nil.
    static func problem(withProfileName name: String) -> String? {
        if name.isEmpty { return "a profile needs a name" }
        if name.contains("/") || name == "." || name == ".." || name.hasPrefix("-") {
            return "profile name '\(name)' cannot be used in a path: no '/', no leading '-', "
                + "not '.' or '..'"
        }
        return nil
    }

    /// The settings of one level.
    mutating func section(_ members: [JSONNode.Member], profile: String?) -> ConfigFile.Section {
        var section = ConfigFile.Section()
        var seen: [String: SourcePosition] = [:]
        for member in members {
            let name = Self.optionName(member.key)
            if let first = seen[name] {
                report("'\(member.key)' is set twice (first at \(first))", at: member.keyPosition)
                continue
            }
            seen[name] = member.keyPosition
            if name == Self.passwordKey {
                section.password = password(member)
            } else if name == Self.profilesKey {
                report(
                    "'profiles' belongs at the top of the file, not inside profile '\(profile ?? "")'",
                    at: member.keyPosition)
            } else if let option = Specs.configurable.first(where: { $0.name == name }) {
                setting(option, member, into: &section)
            } else {
                unknown(member, inProfile: profile != nil)
            }
        }
        return section
    }

    /// A key that names no setting: the nearest one is suggested; an option of the command
    /// line only says where it belongs instead.
    mutating func unknown(_ member: JSONNode.Member, inProfile: Bool) {
        let name = Self.optionName(member.key)
        if Specs.all.contains(where: { $0.option(name) != nil }) || name == "help" {
            let hint =
                name == "profile"
                ? "choose a profile with --profile NAME or MAXCLOUD_PROFILE"
                : name == "config"
                    ? "give the file with --config FILE or MAXCLOUD_CONFIG"
                    : "give it on the command line"
            report(
                "'\(member.key)' cannot be set in a config file; \(hint)", at: member.keyPosition)
            return
        }
        var names = Specs.configurable.map(\.name) + [Self.passwordKey]
        if !inProfile { names.append(Self.profilesKey) }
        var message = "unknown key '\(member.key)'"
        if let close = names.min(by: { editDistance(name, $0) < editDistance(name, $1) }),
            editDistance(name, close) <= max(2, name.count / 3)
        {
            message += "; did you mean '\(close)'?"
        }
        report(message, at: member.keyPosition)
    }

    /// `page_size` and `page-size` are the same key.
    static func optionName(_ key: String) -> String {
        key.replacingOccurrences(of: "_", with: "-")
    }
}
