import Foundation
import MaxCloud
import Reports

/// The subcommands.
enum Commands {
    /// Runs the command `context.spec` names.
    static func dispatch(_ context: CommandContext) async throws -> Int32 {
        if ["run", "fetch", "render", "demo"].contains(context.spec.name) {
            Signals.removeTemporaryFilesOnTermination()
        }
        switch context.spec.name {
        case "run": return try await run(context)
        case "fetch": return try await fetch(context)
        case "render": return try render(context)
        case "verify": return try await verify(context)
        case "demo": return try await demo(context)
        case "simulate": return try await simulate(context)
        case "template": return try template(context)
        case "config check": return try configCheck(context)
        case "completion": return try completion(context)
        default: throw UsageError("unknown command '\(context.spec.name)'")
        }
    }

    /// `run`: fetch, count and render.
    static func run(_ context: CommandContext) async throws -> Int32 {
        let settings = try context.fetchSettings()
        let (render, clock) = try context.renderSettings()
        if let path = context.arguments.value("snapshot") {
            try CommandContext.checkWritableFile(path, option: "snapshot")
        }
        if context.arguments.has("dry-run") {
            return try await plan(settings, render: render, context: context)
        }
        let snapshot = try await fetch(settings, console: context.console)
        if let path = context.arguments.value("snapshot") { try save(snapshot, to: path) }
        let data = ReportData(snapshot: snapshot, clock: clock)
        return try write(data, render: render, context: context)
    }

    /// `fetch`: fetch into a snapshot file.
    static func fetch(_ context: CommandContext) async throws -> Int32 {
        guard let path = context.arguments.value("snapshot") else {
            throw UsageError("fetch needs --snapshot FILE, the file to write")
        }
        try CommandContext.checkWritableFile(path, option: "snapshot")
        let settings = try context.fetchSettings()
        if context.arguments.has("dry-run") {
            return try await plan(settings, render: nil, context: context)
        }
        let snapshot = try await fetch(settings, console: context.console)
        try save(snapshot, to: path)
        context.console.info(
            "saved \(ProgressBoard.plural(snapshot.tickets.count, "ticket", "tickets")) from "
                + "\(ProgressBoard.plural(snapshot.sources.count, "source", "sources")) to \(path)"
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
        return try write(data, render: render, context: context)
    }
}
