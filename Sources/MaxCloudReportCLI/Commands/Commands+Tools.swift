import Foundation
import Mustache
import Reports

/// The commands that help people edit templates, config files and shells.
extension Commands {
    /// `template`: one template with a JSON file as data, to standard output.
    static func template(_ context: CommandContext) throws -> Int32 {
        let args = context.arguments
        guard args.positionals.count == 1, let file = args.positionals.first else {
            throw UsageError("template needs exactly one FILE, the template to render")
        }
        guard let dataPath = args.value("data") else {
            throw UsageError("template needs --data JSON, the data file (summary.json works)")
        }
        let fileURL = URL(fileURLWithPath: file)
        let partials = URL(
            fileURLWithPath: args.value("partials") ?? fileURL.deletingLastPathComponent().path)
        let templates = try ReportTemplates(template: fileURL, partials: partials)
        for warning in templates.warnings {
            context.console.warning(warning.message, at: warning.place)
        }
        let json: Data
        do {
            json = try Data(contentsOf: URL(fileURLWithPath: dataPath))
        } catch {
            throw ReportError.template(
                place: dataPath,
                message: "cannot read the data file: \(FileProblem.describe(error, path: dataPath))"
            )
        }
        let data: MustacheValue
        do {
            data = try TemplateContext.make(json: json)
        } catch {
            throw ReportError.template(
                place: dataPath, message: "cannot use the data file: \(FileProblem.json(error))")
        }
        Console.output(try templates.render(fileURL.lastPathComponent, data: data))
        return ExitStatus.success
    }

    /// `config check FILE`: every problem of the file, each with its line and column
    /// (exit 64), or a line saying it is fine and naming its profiles.
    static func configCheck(_ context: CommandContext) throws -> Int32 {
        guard context.arguments.positionals.count == 1,
            let path = context.arguments.positionals.first
        else {
            throw UsageError("config check needs exactly one FILE, the config file to check")
        }
        let file = try ConfigFile.read(path: path, profile: context.arguments.value("profile"))
        if let profile = context.arguments.value("profile"), file.profile(profile) == nil {
            throw ConfigError(issues: [SettingsLayers.unknownProfile(profile, in: file)])
        }
        let names = file.profileNames
        let profiles = names.isEmpty ? "no profiles" : "profiles \(names.joined(separator: ", "))"
        let settings = file.top.arguments.values.count + file.top.arguments.flags.count
        Console.output(
            "\(file.path): ok (\(settings) \(settings == 1 ? "setting" : "settings") at the top level, \(profiles)"
                + (file.top.password != nil ? ", a password" : "") + ")\n")
        return ExitStatus.success
    }

    /// `completion bash|zsh`: the completion script, generated from the declarations.
    static func completion(_ context: CommandContext) throws -> Int32 {
        guard context.arguments.positionals.count == 1,
            let shell = context.arguments.positionals.first
        else {
            throw UsageError("completion needs the shell: 'completion bash' or 'completion zsh'")
        }
        switch shell {
        case "bash": Console.output(Completion.bash(Specs.all))
        case "zsh": Console.output(Completion.zsh(Specs.all))
        default: throw UsageError("unknown shell '\(shell)': use bash or zsh")
        }
        return ExitStatus.success
    }
}
