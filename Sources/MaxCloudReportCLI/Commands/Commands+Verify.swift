import Foundation
import MaxCloud
import Reports

/// The commands that talk to the server without fetching every ticket: `verify` and
/// `--dry-run`.
extension Commands {
    /// `verify`: logs in and lists the companies the account sees, one a line on standard
    /// output (id, two spaces, name). Exit 0, or 77 when the log-in is refused.
    static func verify(_ context: CommandContext) async throws -> Int32 {
        let settings = try context.fetchSettings()
        let job = FetchJob(settings: settings, onEvent: logger(context.console))
        let login = try await job.login()
        let companies =
            (try? FetchJob.select(["all"], from: login.allCompanies, login: login)) ?? []
        context.console.info(
            "logged in to \(settings.baseURL.absoluteString) as \(settings.email): "
                + "the account sees \(ProgressBoard.plural(companies.count, "company", "companies"))"
        )
        let width = companies.map { String($0.id).count }.max() ?? 0
        var lines = ""
        for company in companies {
            let id = String(company.id)
            lines +=
                String(repeating: " ", count: width - id.count) + id + "  "
                + Console.printable(company.name) + "\n"
        }
        Console.output(lines)
        return ExitStatus.success
    }

    /// `--dry-run`: logs in, switches to each company, reads the first page of each source
    /// and prints the plan on standard output; fetches nothing more and writes nothing.
    static func plan(_ settings: FetchSettings, render: RenderSettings?, context: CommandContext)
        async throws -> Int32
    {
        let job = FetchJob(settings: settings, onEvent: logger(context.console))
        let plan = try await job.plan()
        let scopes = settings.scopes.map(\.name) + (settings.tags.isEmpty ? [] : ["tag"])
        var lines = [
            "plan: \(plan.selected.count) of \(plan.allCompanies.count) companies; "
                + "scopes \(scopes.joined(separator: ", ")); "
                + "tags \(settings.tags.isEmpty ? "none" : settings.tags.joined(separator: ", ")); "
                + (settings.includeClosed ? "closed tickets included" : "open tickets only")
                + "; page size \(settings.pageSize)"
        ]
        for source in plan.sources {
            // A source without tickets: its first request is all a run would read of it.
            var line =
                source.pageCount == 0 && source.resultCount == 0
                ? "\(source.source): no tickets (page_count 0, result_count 0)"
                : "\(source.source): page_count \(source.pageCount), result_count \(source.resultCount)"
            if let open = source.open, let closed = source.closed, source.resultCount > 0 {
                line += " (open \(open), closed \(closed))"
            }
            lines.append(Console.printable(line))
        }
        lines.append(
            "in all: \(ProgressBoard.plural(plan.sources.count, "source", "sources")), "
                + "\(ProgressBoard.plural(plan.pages, "page", "pages")) to read, "
                + ProgressBoard.plural(plan.results, "result", "results"))
        if let render {
            let names = render.formats.flatMap(\.fileNames).joined(separator: ", ")
            lines.append("a run would write \(names) to \(render.outDirectory.path)")
        } else if let path = context.arguments.value("snapshot") {
            lines.append("a fetch would save the snapshot to \(path)")
        }
        lines.append("dry run: only first pages read; nothing written")
        Console.output(lines.joined(separator: "\n") + "\n")
        return ExitStatus.success
    }

    /// Log lines for commands without a progress display: the log-in, and with `--verbose`
    /// each request.
    static func logger(_ console: Console) -> @Sendable (FetchEvent) -> Void {
        { event in
            switch event {
            case .loggedIn(let all, let selected):
                console.info("logged in; " + ProgressBoard.selection(all: all, selected: selected))
            case .request(let request):
                console.detail(ProgressReporter<StandardError>.describe(request))
                if let reason = request.retryReason { console.warning("will retry: \(reason)") }
            default:
                break
            }
        }
    }
}
