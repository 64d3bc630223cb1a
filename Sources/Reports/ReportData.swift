import Foundation
import MaxCloud

/// The counted report: every distinct ticket with its derived fields, and the summary.
/// Every output is rendered from this, so all formats agree.
public struct ReportData: Sendable {
    /// The report's zone and "now".
    public let clock: ReportClock
    /// One row per distinct (company, id), ordered by company id then ticket id.
    public let rows: TicketRows
    /// The counts; the history fills in `changes`, `trend` and `history`.
    public internal(set) var summary: Summary
    /// The companies selected.
    public let companies: [Company]
    /// The API root the tickets were read from, as the snapshot names it.
    public let baseURL: String

    /// Counts a snapshot by the counting rules.
    public init(snapshot: Snapshot, clock: ReportClock) {
        let names = Self.names(snapshot.header)

        // One row per (company, id): the newest version when a ticket was seen twice.
        var index: [TicketKey: Int] = [:]
        index.reserveCapacity(snapshot.tickets.count)
        var rows: [TicketRow] = []
        rows.reserveCapacity(snapshot.tickets.count)
        let reader = TimestampReader(zone: clock.timeZone)
        // Tickets listed more than once (fetch writes each once; an edited or joined file
        // may not): counted once, said in a warning.
        var repeated: [TicketKey: Int] = [:]
        var repeatedOrder: [TicketKey] = []
        for ticket in snapshot.tickets {
            let companyID = ticket.companyID ?? 0
            let row = TicketRow(
                ticket: ticket, companyID: companyID,
                companyName: names[companyID] ?? "company \(companyID)", asOf: clock.asOf,
                reader: reader)
            let key = TicketKey(company: companyID, id: ticket.id)
            if let at = index[key] {
                if (ticket.updatedAt ?? "") > (rows[at].ticket.updatedAt ?? "") { rows[at] = row }
                if repeated[key] == nil { repeatedOrder.append(key) }
                repeated[key, default: 1] += 1
            } else {
                index[key] = rows.count
                rows.append(row)
            }
        }
        rows.sort { ($0.companyID, $0.ticket.id) < ($1.companyID, $1.ticket.id) }
        var tally = Tally(clock: clock)
        var widths = TicketColumnWidths()
        for row in rows {
            tally.add(row)
            widths.add(row)
        }
        self.init(
            header: snapshot.header, names: names,
            rows: TicketRows(rows, columnWidths: widths), tally: tally, clock: clock)
        if !repeatedOrder.isEmpty {
            summary.warnings.append(
                Self.repeatedWarning(repeatedOrder.map { ($0, repeated[$0]!) }, names: names))
        }
    }

    /// `the snapshot lists 2 tickets more than once (ticket 7 of DefaultTeam (1) 2 times,
    /// ...); each is counted once, as its copy updated last`, naming the first ten.
    static func repeatedWarning(_ repeats: [(TicketKey, Int)], names: [Int: String]) -> String {
        let named = repeats.prefix(10).map { key, times in
            "ticket \(key.id) of \(names[key.company] ?? "company") (\(key.company)) \(times) times"
        }
        let more = repeats.count > 10 ? ", and \(repeats.count - 10) more" : ""
        let count = repeats.count == 1 ? "1 ticket" : "\(repeats.count) tickets"
        return "the snapshot lists \(count) more than once (\(named.joined(separator: ", "))"
            + "\(more)); each is counted once, as its copy updated last (fetch writes every "
            + "ticket once: was the file edited or joined with another?)"
    }

    /// Counts a snapshot file as a stream: tickets are counted as they are read and the
    /// rows go to a temporary file, so memory stays flat however many tickets it holds.
    /// A file whose tickets are not in (company, id) order, or repeat one, is read whole
    /// and counted as `init(snapshot:clock:)` does.
    /// - Throws: `ReportError.badSnapshot` naming the file (and line) at fault.
    public init(snapshotFile path: String, clock: ReportClock) throws(ReportError) {
        let file = try SnapshotFile(path: path)
        guard file.isStream else {
            self.init(snapshot: try Snapshot.read(from: path), clock: clock)
            return
        }
        let names = Self.names(file.header)
        let spill = try SpillFile()
        var writer = SpillWriter(file: spill)
        var tally = Tally(clock: clock)
        var widths = TicketColumnWidths()
        let reader = TimestampReader(zone: clock.timeZone)
        var last: TicketKey?
        var ordered = true
        try file.forEachTicket { ticket throws(ReportError) in
            let companyID = ticket.companyID ?? 0
            let key = TicketKey(company: companyID, id: ticket.id)
            if let last, (last.company, last.id) >= (key.company, key.id) {
                ordered = false
                return false
            }
            last = key
            let row = TicketRow(
                ticket: ticket, companyID: companyID,
                companyName: names[companyID] ?? "company \(companyID)", asOf: clock.asOf,
                reader: reader)
            tally.add(row)
            widths.add(row)
            try writer.add(row)
            return true
        }
        guard ordered else {
            self.init(snapshot: try Snapshot.read(from: path), clock: clock)
            return
        }
        try writer.flush()
        self.init(
            header: file.header, names: names,
            rows: TicketRows(
                spill: spill, count: tally.all.totals.tickets, names: names,
                columnWidths: widths),
            tally: tally, clock: clock)
    }

    private init(
        header: Snapshot.Header, names: [Int: String], rows: TicketRows, tally: Tally,
        clock: ReportClock
    ) {
        self.clock = clock
        self.companies = header.companies
        self.baseURL = header.baseURL
        self.rows = rows
        var warnings = header.warnings
        warnings += tally.warnings()
        summary = Summary(
            asOf: clock.iso8601(clock.asOf), timezone: clock.zoneName,
            complete: header.complete, warnings: warnings, totals: tally.all.totals,
            byCompany: tally.byCompany(
                header.companies, names: names,
                incomplete: Set(header.sources.filter { !$0.complete }.map(\.companyID))),
            byPriority: tally.all.byPriority, byAssignee: tally.all.byAssignee,
            byState: tally.all.byState, byAge: tally.all.byAge,
            companies: tally.companyCounts(header.companies, names: names),
            sources: header.sources, failedSources: header.failedSources,
            includeClosed: header.includeClosed, oldestOpen: tally.oldest.map(\.ticket))
        // Each source not read completely, said plainly, before the other warnings.
        summary.warnings = summary.incompleteWarnings + summary.warnings
        summary.weekly = tally.weekly.activity(includeClosed: header.includeClosed)
        summary.actions = tally.actions.list
        summary.setNoHistory(clock: clock)
    }

    private static func names(_ header: Snapshot.Header) -> [Int: String] {
        var names: [Int: String] = [:]
        for company in header.companies { names[company.id] = company.name }
        for source in header.sources where names[source.companyID] == nil {
            names[source.companyID] = source.company
        }
        return names
    }

    struct TicketKey: Hashable {
        var company: Int
        var id: Int
    }

}
