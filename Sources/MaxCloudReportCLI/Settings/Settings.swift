import Foundation
import History
import MaxCloud
import Reports

/// Turning parsed arguments and the environment into the library's settings.
extension CommandContext {
    /// Fetch settings from the connection options; flags win over the environment.
    func fetchSettings() throws -> FetchSettings {
        let args = arguments
        let base = args.value("base-url") ?? CLI.defaultBaseURL
        guard let url = URL(string: base), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { throw UsageError("invalid --base-url '\(base)': expected https://host[:port]") }
        guard let email = args.value("email"), !email.isEmpty else {
            throw UsageError(
                "no e-mail: give --email E, set MAXCLOUD_EMAIL, or put \"email\" in the config file"
            )
        }
        let password = try readPassword()
        var settings = FetchSettings(baseURL: url, email: email, password: password)
        if spec.option("company") != nil { try applySelection(to: &settings) }
        settings.pageSize = try integer("page-size", default: 100)
        settings.concurrency = try integer("concurrency", default: 4)
        settings.retry = RetryPolicy(maxAttempts: try integer("retries", default: 4) + 1)
        settings.timeout = Double(try integer("timeout", default: 30))
        settings.allowInsecureHTTP = args.has("insecure-http")
        settings.allowPartial = args.has("allow-partial")
        return settings
    }

    /// Companies, scopes, tags and open/closed from the options.
    func applySelection(to settings: inout FetchSettings) throws {
        let args = arguments
        // Not split at commas here: a company's name may hold one ("Acme Retail, Inc.").
        // `FetchJob.select` tries the whole value first, then its comma-separated parts.
        let companies = (args.values["company"] ?? []).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if let empty = companies.first(where: \.isEmpty) {
            throw UsageError("empty --company '\(empty)': give 'all', a company id or a name")
        }
        if companies.count > 1, companies.contains(where: { $0.lowercased() == "all" }) {
            // Each value given: `'all' --company '2'` reads as the command line did.
            throw UsageError(
                MaxCloudError.allWithOthersText(companies.joined(separator: "' --company '")))
        }
        settings.companies = companies.isEmpty ? ["all"] : companies
        var scopes: [Scope] = []
        for word in args.list("scope") {
            guard let scope = Scope(argument: word) else {
                throw UsageError("unknown scope '\(word)': use company, team, assigned, tag or 0-3")
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        // A tag or scope given twice is read once.
        var seenTags = Set<String>()
        settings.tags = (args.values["tag"] ?? []).filter { seenTags.insert($0).inserted }
        if settings.tags.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw UsageError("empty --tag '': give the group tag to read")
        }
        if scopes.contains(.tag), settings.tags.isEmpty {
            throw UsageError("scope 'tag' needs at least one --tag T")
        }
        if scopes.isEmpty { scopes = settings.tags.isEmpty ? [.company] : [] }
        settings.scopes = scopes.filter { $0 != .tag }
        // `--open-only` with `--include-closed` is refused before: `Contradictions`.
        settings.includeClosed = !args.has("open-only")
    }

    /// The password: from standard input (`--password-stdin`), else `MAXCLOUD_PASSWORD`,
    /// else the config file (which `ConfigFile` accepts only when others cannot read it).
    func readPassword() throws -> String {
        if arguments.has("password-stdin") {
            return try Self.passwordFromStandardInput(
                isTerminal: isatty(STDIN_FILENO) == 1,
                readLine: { readLine(strippingNewline: true) })
        }
        if let password = environment["MAXCLOUD_PASSWORD"], !password.isEmpty { return password }
        if let password = layers.configPassword { return password }
        throw UsageError(
            "no password: set MAXCLOUD_PASSWORD, use --password-stdin, or put \"password\" in a "
                + "config file only you can read (chmod 600)")
    }

    /// Where `readPassword` takes the password from, in words for a refused log-in's hint
    /// ("check the e-mail and ..."); nil when there is no password to take.
    var passwordSource: String? {
        if arguments.has("password-stdin") {
            return "the password given on standard input (--password-stdin)"
        }
        if let password = environment["MAXCLOUD_PASSWORD"], !password.isEmpty {
            return "MAXCLOUD_PASSWORD"
        }
        if layers.configPassword != nil, let path = layers.configPath {
            let file = ConfigFile.isStandardInput(path) ? ConfigFile.standardInputName : path
            return "the \"password\" in the config file \(file)"
        }
        return nil
    }

    /// The first line of standard input as the password, for `--password-stdin`: only from
    /// a pipe or a file, since a terminal would show the password as it is typed.
    /// - Throws: `UsageError` saying how to give the password instead.
    static func passwordFromStandardInput(isTerminal: Bool, readLine: () -> String?)
        throws(UsageError) -> String
    {
        let instead =
            "pipe it in (printf '%s\\n' \"$PASSWORD\" | maxcloud-report ... --password-stdin), "
            + "or set MAXCLOUD_PASSWORD instead"
        guard !isTerminal else {
            throw UsageError(
                "--password-stdin reads the password from a pipe, and standard input is a "
                    + "terminal (the password would show as you type it): \(instead)")
        }
        guard let line = readLine(), !line.isEmpty else {
            throw UsageError(
                "--password-stdin: standard input held no password (its first line is empty): "
                    + instead)
        }
        return line
    }

    /// Render settings and the clock from the rendering options.
    func renderSettings(defaultAsOf: String? = nil) throws -> (RenderSettings, ReportClock) {
        let args = arguments
        let clock = try ReportClock(
            timeZone: args.value("timezone") ?? CLI.defaultTimeZone,
            asOf: args.value("as-of") ?? defaultAsOf)
        var formats = OutputFormat.allCases
        let words = args.values["format"] ?? []
        if !words.isEmpty {
            for word in words {
                if let problem = ValueKind.formats.problem(with: word, option: "--format") {
                    throw UsageError(problem)
                }
            }
            formats = (try? OutputFormat.parseList(words.joined(separator: ",")).get()) ?? formats
        }
        let out = URL(
            fileURLWithPath: try OutputPath.expand(
                args.value("out") ?? "report", asOf: clock.asOf, timeZone: clock.timeZone,
                profile: layers.profile))
        try Self.checkWritableFolder(out, option: "out")
        let templates = try ReportTemplates(
            overrides: args.value("templates").map { URL(fileURLWithPath: $0) })
        for warning in templates.warnings { console.warning(warning.message, at: warning.place) }
        var settings = RenderSettings(outDirectory: out, templates: templates)
        settings.formats = formats
        settings.bom = !args.has("no-bom")
        settings.history = try historySettings(out: out)
        return (settings, clock)
    }

    /// The run history from `--history` and `--no-history`: `history.sqlite` in the output
    /// folder unless told otherwise.
    func historySettings(out: URL) throws -> HistorySettings? {
        let path = arguments.value("history")
        // `--history` with `--no-history` is refused before: `Contradictions`.
        if arguments.has("no-history") { return nil }
        let file: URL
        if let path {
            guard !path.isEmpty else {
                throw UsageError("empty --history '': give the file to use")
            }
            try Self.checkWritableFile(path, option: "history")
            file = URL(fileURLWithPath: path)
        } else {
            file = out.appendingPathComponent("history.sqlite")
        }
        // A history of a newer tool, or a file that is not one, is refused before fetching.
        try HistoryStore.checkUsable(path: file.path)
        return HistorySettings(path: file)
    }

    /// Refuses, before anything is fetched, an output folder that cannot be used: a file
    /// in its place, or no right to write where it is or would be made.
    static func checkWritableFolder(_ url: URL, option: String) throws {
        var isFolder: ObjCBool = false
        var path = url.standardizedFileURL.path
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw UsageError("--\(option) '\(url.path)' is a file, not a folder")
            }
        } else {
            // The nearest folder that exists is where the new one would be made.
            while !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                path = (path as NSString).deletingLastPathComponent
            }
            guard isFolder.boolValue else {
                throw UsageError("--\(option) '\(url.path)' cannot be made: '\(path)' is a file")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw UsageError("--\(option) '\(url.path)': no permission to write in '\(path)'")
        }
    }

    /// Refuses, before anything is fetched, a file path that cannot be written: a folder in
    /// its place, or a folder to hold it that is missing or not writable.
    static func checkWritableFile(_ path: String, option: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
            isFolder.boolValue
        {
            throw UsageError("--\(option) '\(path)' is a folder, not a file")
        }
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw UsageError("--\(option) '\(path)': the folder '\(parent)' does not exist")
        }
        guard access(parent, W_OK | X_OK) == 0 else {
            throw UsageError("--\(option) '\(path)': no permission to write in '\(parent)'")
        }
    }

    /// A whole number option, within the range its declaration gives.
    func integer(_ name: String, default value: Int) throws -> Int {
        guard let text = arguments.value(name) else { return value }
        guard let option = spec.option(name), case .integer(let range) = option.kind else {
            preconditionFailure("--\(name) is not declared as a whole number")
        }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "invalid value '\(text)' for --\(name): expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }
}
