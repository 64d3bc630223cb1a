import Dispatch
import Foundation
import MaxCloud
import Reports

extension Commands {
    /// Fetches, showing progress on standard error as `console` wants it: a live display
    /// on a terminal, plain lines otherwise, nothing when quiet.
    static func fetch(_ settings: FetchSettings, console: Console) async throws -> Snapshot {
        let reporter = ProgressReporter(
            mode: console.progressMode, colour: console.colour, verbose: console.verbose,
            sourcesPerCompany: FetchJob(settings: settings).sources(of: Company(id: 0, name: ""))
                .count,
            output: StandardError(), clock: monotonicSeconds,
            columns: TerminalText.terminalColumns() ?? 80)
        let job = FetchJob(settings: settings) { reporter.handle($0) }
        // Keeps the display moving (elapsed time, the plain line) while a request hangs.
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                reporter.tick()
            }
        }
        defer { ticker.cancel() }
        do {
            let snapshot = try await job.run()
            reporter.finish()
            return snapshot
        } catch {
            reporter.finish()
            throw error
        }
    }

    /// Seconds since the machine started; never goes back.
    @Sendable static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// Writes the report of counted data, and `summary.json` to standard output too when
    /// `--stdout json` asks for it; the exit status says whether the report is complete.
    static func write(_ data: ReportData, render: RenderSettings, context: CommandContext)
        throws -> Int32
    {
        let written = try ReportWriter.writeReport(data, settings: render)
        let summary = written.data.summary
        let totals = summary.totals
        let console = context.console
        for warning in summary.warnings { console.warning(warning) }
        console.info(
            "wrote \(written.files.map(\.lastPathComponent).joined(separator: ", ")) to \(render.outDirectory.path): "
                + "\(ProgressBoard.plural(totals.tickets, "ticket", "tickets")), "
                + "\(totals.open) open, \(totals.closed) closed"
                + (summary.complete ? "" : " (INCOMPLETE)"))
        if let history = render.history {
            if let warning = written.historyWarning {
                console.warning(warning)
            } else {
                console.info(
                    "history: run \(summary.history?.runs ?? 0) of this selection recorded in \(history.path.path)"
                )
            }
        }
        if let headline = summary.headline { console.info(headline) }
        if context.arguments.value("stdout") == "json" {
            FileHandle.standardOutput.write(try summary.jsonData())
        }
        return summary.complete ? ExitStatus.success : ExitStatus.incomplete
    }

    /// Writes a snapshot atomically.
    static func save(_ snapshot: Snapshot, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        TemporaryFiles.shared.register(temporary.path)
        defer { TemporaryFiles.shared.forget(temporary.path) }
        do {
            try snapshot.encoded().write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw ReportError.write(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? ReportError { throw error }
            throw ReportError.write(path: path, reason: FileProblem.describe(error, path: path))
        }
    }
}
