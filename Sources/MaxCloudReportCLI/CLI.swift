import Foundation
import MaxCloud
import Reports

/// The command-line tool: parses arguments, runs a command, turns errors into messages
/// and exit statuses. The executable only calls `CLI.main`.
public enum CLI {
    /// The tool's version.
    public static let version = "0.1.0"
    /// The API root the vendor documents.
    public static let defaultBaseURL = "https://maxcloud-api-test.spotmaxtech.com"

    /// Runs the tool with `arguments` (without the program name) and returns the exit status.
    public static func main(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    )
        async -> Int32
    {
        guard let command = arguments.first else {
            Console.write(Specs.toolHelp)
            return ExitStatus.usage
        }
        switch command {
        case "--help", "-h", "help":
            Console.output(Specs.toolHelp)
            return ExitStatus.success
        case "--version", "version":
            Console.output("maxcloud-report \(version)\n")
            return ExitStatus.success
        default: break
        }
        guard let spec = Specs.all.first(where: { $0.name == command }) else {
            let names = Specs.all.map(\.name)
            let close = names.min { editDistance(command, $0) < editDistance(command, $1) }
            var message = "unknown command '\(command)'"
            if let close, editDistance(command, close) <= 2 {
                message += "; did you mean '\(close)'?"
            }
            Console(quiet: false).error(message + " (see 'maxcloud-report --help')")
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        let console = Console(quiet: rest.contains("--quiet"), verbose: rest.contains("--verbose"))
        do {
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
            let context = CommandContext(
                arguments: parsed, environment: environment, console: console)
            switch command {
            case "run": return try await Commands.run(context)
            case "fetch": return try await Commands.fetch(context)
            case "render": return try Commands.render(context)
            case "demo": return try await Commands.demo(context)
            case "simulate": return try await Commands.simulate(context)
            case "template": return try Commands.template(context)
            default: return ExitStatus.usage
            }
        } catch let error as ReportError where error.place != nil {
            // Compiler style, so editors jump to the place: `path:line:column: error: …`.
            console.error(error.message, at: error.place!)
            return ExitStatus.of(error)
        } catch {
            console.error("\(error)")
            return ExitStatus.of(error)
        }
    }
}

/// What a command works with.
struct CommandContext {
    var arguments: ParsedArguments
    var environment: [String: String]
    var console: Console
}
