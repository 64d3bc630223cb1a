import Foundation
import Reports

#if canImport(Glibc)
    import Glibc
#endif

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
        /// Where each option is set, by option name, for problems found across keys.
        var places: [String: SettingPlace] = [:]
    }

    /// Where a setting is written: its key as written and the key's place; `negated` for
    /// a flag that stands for its complement's `false` (`"include-closed": false`).
    struct SettingPlace: Sendable {
        var key: String
        var position: SourcePosition
        var negated = false

        /// `'open-only'`, or `'include-closed': false`.
        var label: String { "'\(key)'" + (negated ? ": false" : "") }
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

    /// How standard input is named in messages when the config file is `-`.
    public static let standardInputName = "<stdin>"

    /// Reads and checks a config file: a regular file, or a pipe such as `/dev/stdin`
    /// (`-` is standard input too).
    /// - Parameter profile: the profile that will be used, if one is: when the file has
    ///   other problems, its absence is reported among them (without them, the caller
    ///   reports it).
    /// - Throws: `ConfigError` with every problem found: a file that cannot be read or is
    ///   not JSON, unknown keys (with a suggestion), wrong types, bad values, a password in
    ///   a regular file that others can read.
    public static func read(path given: String, profile: String? = nil) throws(ConfigError)
        -> ConfigFile
    {
        let path = given == "-" ? standardInputName : given
        let bytes: [UInt8]
        let mode: mode_t?
        switch load(given) {
        case .success(let loaded): (bytes, mode) = loaded
        case .failure(let problem):
            throw ConfigError(issues: [
                ConfigIssue(path: path, message: "cannot read the config file: \(problem.reason)")
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
        var checker = ConfigChecker(path: path, mode: mode)
        let file = checker.file(root)
        guard checker.issues.isEmpty else {
            var issues = checker.issues
            if let profile, !Self.names(profile, in: root) {
                issues.append(SettingsLayers.unknownProfile(profile, in: file))
            }
            let origin = SourcePosition(line: 0, column: 0)
            throw ConfigError(
                issues: issues.sorted { ($0.position ?? origin) < ($1.position ?? origin) })
        }
        return file
    }

    /// Whether the file's `profiles` object has a key `profile`, whatever its value (a
    /// profile that is not an object is reported as such, not as missing).
    static func names(_ profile: String, in root: JSONNode) -> Bool {
        guard case .object(let members) = root.value else { return false }
        for member in members where member.key == ConfigChecker.profilesKey {
            if case .object(let profiles) = member.value.value,
                profiles.contains(where: { $0.key == profile })
            {
                return true
            }
        }
        return false
    }

    /// Whether `path` names this process's standard input.
    static func isStandardInput(_ path: String) -> Bool {
        ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].contains(path)
    }

    /// Why a config file could not be read.
    struct LoadProblem: Error {
        var reason: String
    }

    /// The bytes of a config file, and its permission bits when it is a regular file (nil
    /// for a pipe, a FIFO or a terminal, which no one else can read back from). Read
    /// through a descriptor, so that a pipe (`/dev/stdin`, `-`) works and the mode is that
    /// of what is read, whatever name led to it.
    static func load(_ path: String) -> Result<([UInt8], mode_t?), LoadProblem> {
        let descriptor = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(LoadProblem(reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(LoadProblem(reason: String(cString: strerror(errno))))
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(LoadProblem(reason: "it is a folder, not a file")) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress, $0.count)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(LoadProblem(reason: String(cString: strerror(errno))))
            }
            bytes += buffer[0..<count]
        }
        return .success((bytes, type == S_IFREG ? status.st_mode & 0o7777 : nil))
    }
}
