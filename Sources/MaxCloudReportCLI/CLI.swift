import Foundation
import MaxCloud
import Reports

/// The command-line tool: parses arguments, runs a command, turns errors into messages
/// and exit statuses. The executable only calls `CLI.main`.
public enum CLI {
    /// The tool's version, the one the `User-Agent` of every request names.
    public static let version = ToolVersion.current
    /// The API root the vendor documents.
    public static let defaultBaseURL = "https://maxcloud-api-test.spotmaxtech.com"
    /// The zone the API's timestamps are read in unless `--timezone` says otherwise: the
    /// vendor's home zone.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// Runs the tool with `arguments` (without the program name) and returns the exit status.
    public static func main(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    )
        async -> Int32
    {
        guard let first = arguments.first else {
            Console.write(Specs.toolHelp)
            return ExitStatus.usage
        }
        switch first {
        case "--help", "-h":
            Console.output(Specs.toolHelp)
            return ExitStatus.success
        case "help" where arguments.count == 1:
            Console.output(Specs.toolHelp)
            return ExitStatus.success
        case "--version", "version":
            Console.output("maxcloud-report \(version)\n")
            return ExitStatus.success
        default: break
        }
        var console = Console(environment: environment)
        // Named in the hint of a refused log-in, once the settings are known.
        var passwordSource: String?
        do {
            if first == "help" {
                // `help run` is `run --help`; `help config` is `config --help`.
                let words = Array(arguments.dropFirst())
                let (spec, _) = try Specs.command(
                    for: words == ["config"] ? words + ["--help"] : words)
                Console.output(spec.help)
                return ExitStatus.success
            }
            let (spec, rest) = try Specs.command(for: arguments)
            if rest.contains(where: { $0 == "--password" || $0.hasPrefix("--password=") }) {
                throw UsageError(
                    "the password is never taken as an argument (it would show in ps and shell history); "
                        + "set MAXCLOUD_PASSWORD or use --password-stdin")
            }
            let parsed = try spec.parse(rest)
            if parsed.has("help") {
                Console.output(spec.help)
                return ExitStatus.success
            }
            // Before the config file is read: standard input must not be half read by one
            // of the two when the other is refused.
            if spec.option("config") != nil {
                let config =
                    parsed.value("config")
                    ?? environment["MAXCLOUD_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
                try refuseTwoReadersOfStandardInput(
                    config: config, passwordStdin: parsed.has("password-stdin"))
            }
            let layers = try SettingsLayers.resolve(
                spec, commandLine: parsed, environment: environment)
            try check(layers.arguments, of: spec)
            try Contradictions.check(layers.arguments)
            // `password-stdin` may come from the file itself.
            try refuseTwoReadersOfStandardInput(
                config: layers.configPath, passwordStdin: layers.arguments.has("password-stdin"))
            console = Console(
                quiet: layers.arguments.has("quiet"), verbose: layers.arguments.has("verbose"),
                environment: environment)
            let context = CommandContext(
                spec: spec, arguments: layers.arguments, environment: environment,
                console: console, layers: layers)
            passwordSource = context.passwordSource
            return try await Commands.dispatch(context)
        } catch let error as ReportError where error.place != nil {
            // Compiler style, so editors jump to the place: `path:line:column: error: …`.
            console.error(error.message, at: error.place!)
            return ExitStatus.of(error)
        } catch let error as ConfigError {
            for issue in error.issues { console.diagnostic(issue) }
            return ExitStatus.usage
        } catch let error as MaxCloudError {
            console.error(passwordSource.map { error.describing(passwordFrom: $0) } ?? "\(error)")
            return ExitStatus.of(error)
        } catch {
            console.error("\(error)")
            return ExitStatus.of(error)
        }
    }
}

extension CLI {
    /// Refuses a config file read from standard input (`-`, `/dev/stdin`) together with
    /// `--password-stdin`: standard input serves one of the two.
    static func refuseTwoReadersOfStandardInput(config: String?, passwordStdin: Bool)
        throws(UsageError)
    {
        guard let config, ConfigFile.isStandardInput(config), passwordStdin else { return }
        throw UsageError(
            "--config '\(config)' and --password-stdin both read standard input; "
                + "put the password in the config file, or set MAXCLOUD_PASSWORD")
    }

    /// Refuses, before anything runs, a value its option's declaration does not allow.
    /// - Throws: `UsageError` quoting the value and naming the option.
    static func check(_ arguments: ParsedArguments, of spec: CommandSpec) throws(UsageError) {
        for (name, values) in arguments.values.sorted(by: { $0.key < $1.key }) {
            guard let option = spec.option(name) else { continue }
            for value in values {
                if let problem = option.kind.problem(with: value, option: "--\(name)") {
                    throw UsageError(problem)
                }
            }
        }
    }
}

/// What a command works with.
struct CommandContext {
    /// The command's declaration.
    var spec: CommandSpec
    /// The settings: config file, profile, environment and command line laid together.
    var arguments: ParsedArguments
    /// The process's environment.
    var environment: [String: String]
    /// Where messages go.
    var console: Console
    /// The config file and profile in use, and the file's password.
    var layers: SettingsLayers
}
