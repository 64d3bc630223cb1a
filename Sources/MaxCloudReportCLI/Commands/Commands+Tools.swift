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
        // Read through a descriptor, as a config file is: `-` and `/dev/stdin` are a pipe.
        let name = dataPath == "-" ? ConfigFile.standardInputName : dataPath
        let bytes: [UInt8]
        switch ConfigFile.load(dataPath) {
        case .success(let loaded): bytes = loaded.0
        case .failure(let problem):
            let reason = problem.reason.prefix(1).lowercased() + problem.reason.dropFirst()
            throw ReportError.template(place: name, message: "cannot read the data file: \(reason)")
        }
        let data: MustacheValue
        do {
            data = try TemplateContext.make(json: Data(bytes))
        } catch {
            throw dataFileError(error, bytes: bytes, name: name)
        }
        Console.output(try templates.render(fileURL.lastPathComponent, data: data))
        return ExitStatus.success
    }

    /// Why `template`'s data file could not be used: where JSON that is not well formed
    /// goes wrong (`data.json:3:14`), or which value is not what it should be.
    static func dataFileError(_ error: any Error, bytes: [UInt8], name: String) -> ReportError {
        do {
            _ = try JSONReader.read(bytes)
        } catch {
            return .template(
                place: "\(name):\(error.position)",
                message: "the data file is not valid JSON: \(error.message)")
        }
        if case .dataCorrupted(let context) = error as? DecodingError, context.codingPath.isEmpty {
            return .template(place: name, message: "the data file is not valid JSON")
        }
        return .template(
            place: name, message: "cannot use the data file: \(FileProblem.json(error))")
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
