import Foundation
import History
import MaxCloud

/// Where the run history is kept, for `RenderSettings.history`.
public struct HistorySettings: Sendable {
    /// The SQLite file; created when missing.
    public var path: URL
    /// How long a run waits for another run that holds the file.
    public var busyTimeout: Duration = .seconds(120)

    /// Creates settings for a file.
    public init(path: URL) {
        self.path = path
    }
}

/// One run's use of the history, as one transaction: opened (and locked) before the
/// report files are written, so the report can show what changed; committed only after
/// the files are in place, so a run that fails leaves the history as it was.
final class ReportHistory {
    let store: HistoryStore

    /// Opens the file and takes its write lock.
    /// - Throws: `HistoryError`.
    init(_ settings: HistorySettings) throws(HistoryError) {
        store = try HistoryStore(path: settings.path.path, busyTimeout: settings.busyTimeout)
        do {
            try store.begin()
        } catch {
            store.close()
            throw error
        }
    }

    /// Records the run, and returns the data with `changes`, `trend`, `history` and the
    /// headline worked out against the previous run of the same selection.
    /// - Throws: `HistoryError`; the caller rolls back.
    func record(_ data: ReportData, recordedAt: Date = Date()) throws(HistoryError) -> ReportData {
        var data = data
        let clock = data.clock
        let summary = data.summary
        let selection = Self.selection(data)
        let server = Self.server(data.baseURL)
        let run = HistoryRun(
            asOf: Int64(clock.asOf.timeIntervalSince1970.rounded(.down)), asOfText: summary.asOf,
            recordedAt: Int64(recordedAt.timeIntervalSince1970.rounded(.down)),
            selection: selection, baseURL: server, complete: summary.complete,
            tickets: summary.totals.tickets, open: summary.totals.open,
            closed: summary.totals.closed)
        // Runs recorded before the history kept the server go on as this server's series.
        try store.claimRuns(selection: selection, baseURL: server)
        let previous = try store.previousRun(
            selection: selection, baseURL: server, before: run.asOf)
        let companies = summary.byCompany.compactMap { row in
            row.companyID.map {
                HistoryCompany(id: $0, name: row.key, complete: row.complete ?? true)
            }
        }
        let states = data.rows.lazy.map { row in
            TicketState(
                companyID: row.companyID, ticketID: row.ticket.id, state: row.ticket.state,
                isClosed: row.isClosed, priority: row.ticket.priority,
                assignee: row.ticket.assignedTo, createdAt: row.ticket.createdAt,
                updatedAt: row.ticket.updatedAt,
                createdTime: row.created.map { Int64($0.timeIntervalSince1970.rounded(.down)) })
        }
        let recorded = try store.record(run, companies: companies, states: states)

        // A run that could not read some company compares only the companies it read
        // wholly, on both sides, so a company it missed does not look closed or gone.
        let leftOut = summary.companiesNotReadWholly
        let partial = !leftOut.isEmpty
        var comparedPartly = false
        if let previous {
            let since = clock.iso8601(Date(timeIntervalSince1970: Double(previous.asOf)))
            if partial, companies.allSatisfy({ !$0.complete }) {
                data.summary.setNothingCompared(leftOut: leftOut)
            } else {
                comparedPartly = partial
                let counts = try store.changes(
                    from: previous, to: recorded, inferFromAbsence: !summary.includeClosed,
                    onlyCompaniesReadWholly: partial)
                data.summary.setChanges(counts, since: since, leftOut: leftOut)
            }
        }
        var runs = try store.runs(
            selection: selection, baseURL: server, upTo: run.asOf, including: recorded.id)
        if comparedPartly {
            // The trend's backlogs are counted over the same companies, week after week.
            for index in runs.indices {
                runs[index].open = try store.openTickets(
                    ofRun: runs[index].id, inCompaniesReadWhollyBy: recorded.id)
            }
        }
        data.summary.setTrend(runs, clock: clock)
        data.summary.history = HistoryInfo(
            recorded: true, runs: try store.runCount(selection: selection, baseURL: server))
        data.summary.headline = data.summary.makeHeadline()
        if let note = data.summary.partialComparisonNote {
            data.summary.warnings.append(note + ".")
        }
        return data
    }

    /// Makes the run permanent.
    /// - Throws: `HistoryError`; the history is then as it was before the run.
    func commit() throws(HistoryError) {
        defer { store.close() }
        try store.commit()
    }

    /// Leaves the history as it was before the run.
    func rollback() {
        store.rollback()
        store.close()
    }

    /// The server part of the key runs are compared by: the API root with its scheme and
    /// host in lower case and no trailing slash, so `https://Host/` and `https://host` are
    /// one server; the port and path are kept.
    static func server(_ baseURL: String) -> String {
        var text = baseURL.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard var parts = URLComponents(string: text) else { return text }
        parts.scheme = parts.scheme?.lowercased()
        parts.host = parts.host?.lowercased()
        return parts.string ?? text
    }

    /// What a run read, as the text runs are compared by: the companies, the scopes and
    /// group tags, and whether closed tickets were listed. A run is compared only with
    /// runs of the same selection, so adding a company to `--company all` starts a new
    /// series.
    static func selection(_ data: ReportData) -> String {
        let companies = Set(data.companies.map(\.id)).sorted().map(String.init)
        var scopes = Set<String>()
        var tags = Set<String>()
        for source in data.summary.sources {
            if let tag = source.groupTag, source.scope == "tag" {
                tags.insert(tag)
            } else {
                scopes.insert(source.scope)
            }
        }
        let tagList = tags.sorted().map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
        return
            "companies=\(companies.joined(separator: ",")); scopes=\(scopes.sorted().joined(separator: ","))"
            + "; tags=\(tagList.joined(separator: ",")); closed=\(data.summary.includeClosed ? "listed" : "not listed")"
    }
}
