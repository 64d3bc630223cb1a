/// The arguments a command runs with, put together from four layers, each over the one
/// before: the config file's top level, the chosen profile, the environment, and the
/// command line.
public struct SettingsLayers: Sendable {
    /// Every option's value after the layers are laid over each other.
    public var arguments: ParsedArguments
    /// The password from the config file (profile over top level), if it holds one; the
    /// environment's `MAXCLOUD_PASSWORD` and `--password-stdin` win over it.
    public var configPassword: String?
    /// The profile in use, for `{profile}` in `--out`.
    public var profile: String?
    /// The config file in use.
    public var configPath: String?

    /// Environment variables that stand for options, by option name.
    public static let environmentOptions = [
        "email": "MAXCLOUD_EMAIL", "base-url": "MAXCLOUD_BASE_URL",
    ]

    /// Lays the layers over each other for `spec`.
    /// - Parameters:
    ///   - commandLine: what `spec.parse` made of the command line.
    ///   - environment: `MAXCLOUD_CONFIG` and `MAXCLOUD_PROFILE` choose the file and the
    ///     profile when `--config` and `--profile` do not; `MAXCLOUD_EMAIL` and
    ///     `MAXCLOUD_BASE_URL` stand for `--email` and `--base-url`.
    /// - Throws: `ConfigError` for a config file with problems or without the profile
    ///   asked for; `UsageError` for a profile without a config file.
    public static func resolve(
        _ spec: CommandSpec, commandLine: ParsedArguments, environment: [String: String]
    ) throws -> SettingsLayers {
        func setting(_ option: String, _ variable: String) -> String? {
            guard spec.option(option) != nil else { return nil }
            if let given = commandLine.value(option) { return given }
            return environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        // Only a command that reads config files has a profile to choose (`config check`
        // has `--profile` to name the one it checks).
        let path = setting("config", "MAXCLOUD_CONFIG")
        let profile = spec.option("config") == nil ? nil : setting("profile", "MAXCLOUD_PROFILE")
        var environmentLayer = ParsedArguments()
        for (option, variable) in environmentOptions where spec.option(option) != nil {
            if let value = environment[variable], !value.isEmpty {
                environmentLayer.values[option] = [value]
            }
        }
        guard let path else {
            if let profile {
                throw UsageError(
                    "profile '\(profile)' needs a config file: give --config FILE or set MAXCLOUD_CONFIG"
                )
            }
            return SettingsLayers(
                arguments: environmentLayer.overlaid(by: commandLine, opposites: Specs.opposites),
                profile: nil, configPath: nil)
        }

        let file = try ConfigFile.read(path: path, profile: profile)
        var layers = [file.top.arguments.restricted(to: spec)]
        var password = file.top.password
        if let profile {
            guard let section = file.profile(profile) else {
                throw ConfigError(issues: [unknownProfile(profile, in: file)])
            }
            layers.append(section.arguments.restricted(to: spec))
            password = section.password ?? password
        }
        layers += [environmentLayer, commandLine]
        let merged = layers.dropFirst().reduce(layers[0]) {
            $0.overlaid(by: $1, opposites: Specs.opposites)
        }
        return SettingsLayers(
            arguments: merged, configPassword: password, profile: profile, configPath: path)
    }

    /// A profile the file does not have, placed at its `profiles` key.
    static func unknownProfile(_ name: String, in file: ConfigFile) -> ConfigIssue {
        var message = "no profile '\(name)' in the config file"
        let names = file.profileNames
        if let close = names.min(by: { editDistance(name, $0) < editDistance(name, $1) }),
            editDistance(name, close) <= max(2, name.count / 3)
        {
            message += "; did you mean '\(close)'?"
        }
        message +=
            names.isEmpty
            ? " (it defines no profiles)" : " (profiles: \(names.joined(separator: ", ")))"
        return ConfigIssue(path: file.path, position: file.profilesPosition, message: message)
    }
}

extension ParsedArguments {
    /// Only the options `spec` has: a config file may hold settings of other commands.
    func restricted(to spec: CommandSpec) -> ParsedArguments {
        var copy = self
        copy.values = values.filter { spec.option($0.key) != nil }
        copy.flags = flags.filter { spec.option($0) != nil }
        copy.cleared = cleared.filter { spec.option($0) != nil }
        return copy
    }
}
