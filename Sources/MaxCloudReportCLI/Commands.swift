import Foundation
import MaxCloud
import MaxCloudSimulator
import Mustache
import Reports

/// The subcommands.
enum Commands {
    /// `run`: fetch, count and render.
    static func run(_ context: CommandContext) async throws -> Int32 {
        let settings = try context.fetchSettings()
        let (render, clock) = try context.renderSettings()
        if let path = context.arguments.value("snapshot") {
            try CommandContext.checkWritableFile(path, option: "snapshot")
        }
        let snapshot = try await fetch(settings, console: context.console)
        if let path = context.arguments.value("snapshot") { try save(snapshot, to: path) }
        return try write(snapshot, render: render, clock: clock, console: context.console)
    }

    /// `fetch`: fetch into a snapshot file.
    static func fetch(_ context: CommandContext) async throws -> Int32 {
        guard let path = context.arguments.value("snapshot") else {
            throw UsageError("fetch needs --snapshot FILE, the file to write")
        }
        try CommandContext.checkWritableFile(path, option: "snapshot")
        let snapshot = try await fetch(try context.fetchSettings(), console: context.console)
        try save(snapshot, to: path)
        context.console.info(
            "saved \(snapshot.tickets.count) tickets from \(snapshot.sources.count) sources to \(path)"
        )
        return snapshot.complete ? ExitStatus.success : ExitStatus.incomplete
    }

    /// `render`: render from a snapshot.
    static func render(_ context: CommandContext) throws -> Int32 {
        guard let path = context.arguments.value("from") else {
            throw UsageError(
                "render needs --from FILE, a snapshot written by fetch or run --snapshot")
        }
        let (render, clock) = try context.renderSettings()
        // Read as a stream: a large snapshot is counted as it is read, its rows kept on disk.
        let data = try ReportData(snapshotFile: path, clock: clock)
        return try write(data, render: render, console: context.console)
    }

    /// `demo`: the simulator in-process, and the real pipeline against it over HTTP.
    static func demo(_ context: CommandContext) async throws -> Int32 {
        let (render, clock) = try context.renderSettings(defaultAsOf: SimulatorClock.anchor)
        let server = SimulatorServer()
        try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        context.console.info("demo: simulator listening at \(server.baseURL.absoluteString)")

        var settings = FetchSettings(
            baseURL: server.baseURL, email: "demo@example.com",
            password: SimulatorDataset.demoPassword)
        try context.applySelection(to: &settings)
        let snapshot = try await fetch(settings, console: context.console)
        return try write(snapshot, render: render, clock: clock, console: context.console)
    }

    /// `simulate`: serve the simulator until SIGINT or SIGTERM.
    static func simulate(_ context: CommandContext) async throws -> Int32 {
        let port = try context.integer("port", default: 8080, range: 0...65_535)
        let host = context.arguments.value("host") ?? "127.0.0.1"
        guard host == "localhost" || host.hasPrefix("127.") else {
            throw UsageError(
                "--host '\(host)' is not a loopback address; the simulator serves this machine only"
            )
        }
        var configuration = SimulatorConfiguration()
        configuration.maxPageSize = try context.integer(
            "max-page-size", default: 100, range: 1...100_000)
        configuration.latency = .milliseconds(
            try context.integer("latency-ms", default: 0, range: 0...60_000))
        configuration.recordsRequests = false
        let server = SimulatorServer(dataset: .sample(), configuration: configuration)
        let bound = try server.start(host: host, port: UInt16(port))
        Console.output(
            "MaxCloud simulator at http://\(host):\(bound)\n"
                + "log in as demo@example.com / \(SimulatorDataset.demoPassword); Ctrl-C stops it\n"
        )
        fflush(nil)
        await Signals.waitForTermination()
        server.stop()
        context.console.info("simulator stopped")
        return ExitStatus.success
    }

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
        let json: Data
        do {
            json = try Data(contentsOf: URL(fileURLWithPath: dataPath))
        } catch {
            throw ReportError.template(
                place: dataPath,
                message: "cannot read the data file (\(error.localizedDescription))")
        }
        let data: MustacheValue
        do {
            data = try TemplateContext.make(json: json)
        } catch {
            throw ReportError.template(place: dataPath, message: "not valid JSON (\(error))")
        }
        Console.output(try templates.render(fileURL.lastPathComponent, data: data))
        return ExitStatus.success
    }
}
