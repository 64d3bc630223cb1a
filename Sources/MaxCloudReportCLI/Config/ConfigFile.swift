import Foundation
import Reports

/// One thing wrong with a config file, where it is: printed compiler style,
/// `weekly.json:3:5: error: unknown key 'formt'; did you mean 'format'?`.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// Where in it, when the problem has a place (a file that cannot be read has none).
    public var position: SourcePosition?
    /// What is wrong and what to do.
    public var message: String

    /// `path:line:column` or `path`.
    public var location: String { position.map { "\(path):\($0)" } ?? path }

    /// `path:line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }
}

/// A config file that cannot be used: every problem found, each with its place. A usage
/// error (exit 64).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they appear in the file.
    public var issues: [ConfigIssue]

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// A JSON config file read and checked: the settings of its top level and of each profile,
/// in the command line's terms (the keys are option names), so that an option added to a
/// command is a config key without more code.
public struct ConfigFile: Sendable {
    /// The settings of one level: the top of the file, or one profile.
    public struct Section: Sendable {
        /// Values and flags by option name.
        public var arguments = ParsedArguments()
        /// The `password`, allowed only in a file that group and others cannot read.
        public var password: String?
    }

    /// The file's path as given.
    public var path: String
    /// The settings at the top level.
    public var top: Section
    /// The profiles, in the order written.
    public var profiles: [(name: String, section: Section)]
    /// Where the `profiles` key is, for errors about a profile that is not there.
    public var profilesPosition: SourcePosition?

    /// The names of the profiles.
    public var profileNames: [String] { profiles.map(\.name) }

    /// The section of a profile, if the file has one of that name.
    public func profile(_ name: String) -> Section? {
        profiles.first { $0.name == name }?.section
    }

    /// Reads and checks a config file.
    /// - Throws: `ConfigError` with every problem found: a file that cannot be read or is
    ///   not JSON, unknown keys (with a suggestion), wrong types, bad values, a password in
    ///   a file that others can read.
    public static func read(path: String) throws(ConfigError) -> ConfigFile {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = FileProblem.describe(error, path: path)
            throw ConfigError(issues: [
                ConfigIssue(path: path, message: "cannot read the config file: \(reason)")
            ])
        }
        let root: JSONNode
        do {
            root = try JSONReader.read(bytes)
        } catch {
            throw ConfigError(issues: [
                ConfigIssue(path: path, position: error.position, message: error.message)
            ])
        }
        var checker = ConfigChecker(path: path, mode: fileMode(path))
        let file = checker.file(root)
        guard checker.issues.isEmpty else {
            let origin = SourcePosition(line: 0, column: 0)
            throw ConfigError(
                issues: checker.issues.sorted { ($0.position ?? origin) < ($1.position ?? origin) })
        }
        return file
    }

    /// The permission bits of a file, or nil when it cannot be examined.
    static func fileMode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }
}
