import Foundation
import MaxCloud
import Reports

extension Commands {
    /// Fetches with progress lines on standard error.
    static func fetch(_ settings: FetchSettings, console: Console) async throws -> Snapshot {
        let job = FetchJob(settings: settings) { event in
            switch event {
            case .loggedIn(let all, let selected):
                console.info("logged in; reading \(selected.count) of \(all.count) companies")
            case .page: break
            case .sourceDone(let result):
                console.info(
                    "\(result.source): \(result.pages) pages, \(result.tickets.count) tickets "
                        + "(result_count \(result.resultCount))")
            case .sourceFailed(let source, let error):
                console.warning("\(source) left out: \(error)")
            case .request(let request):
                console.detail(
                    "\(request.method) \(request.path) -> \(request.status.map(String.init) ?? "no answer") "
                        + "\(request.milliseconds) ms request_id \(request.requestID ?? "-")"
                        + (request.attempt > 1 ? " (try \(request.attempt))" : ""))
                if let reason = request.retryReason { console.warning("will retry: \(reason)") }
            }
        }
        return try await job.run()
    }

    /// Counts and writes the report; the exit status says whether it is complete.
    static func write(
        _ snapshot: Snapshot, render: RenderSettings, clock: ReportClock, console: Console
    )
        throws -> Int32
    {
        try write(ReportData(snapshot: snapshot, clock: clock), render: render, console: console)
    }

    /// Writes the report of counted data; the exit status says whether it is complete.
    static func write(_ data: ReportData, render: RenderSettings, console: Console) throws -> Int32
    {
        let written = try ReportWriter.writeReport(data, settings: render)
        let summary = written.data.summary
        let totals = summary.totals
        for warning in summary.warnings { console.warning(warning) }
        console.info(
            "wrote \(written.files.map(\.lastPathComponent).joined(separator: ", ")) to \(render.outDirectory.path): "
                + "\(totals.tickets) tickets, \(totals.open) open, \(totals.closed) closed"
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
        return summary.complete ? ExitStatus.success : ExitStatus.incomplete
    }

    /// Writes a snapshot atomically.
    static func save(_ snapshot: Snapshot, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try snapshot.encoded().write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw ReportError.write(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? ReportError { throw error }
            throw ReportError.write(path: path, reason: error.localizedDescription)
        }
    }
}
