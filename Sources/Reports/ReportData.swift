import Foundation
import MaxCloud

/// The counted report: every distinct ticket with its derived fields, and the summary.
/// Every output is rendered from this, so all formats agree.
public struct ReportData: Sendable {
    /// The report's zone and "now".
    public let clock: ReportClock
    /// One row per distinct (company, id), ordered by company id then ticket id.
    public let rows: [TicketRow]
    /// The counts.
    public let summary: Summary
    /// The companies selected.
    public let companies: [Company]

    /// Counts a snapshot by the counting rules.
    public init(snapshot: Snapshot, clock: ReportClock) {
        self.clock = clock
        self.companies = snapshot.companies
        var names: [Int: String] = [:]
        for company in snapshot.companies { names[company.id] = company.name }
        for source in snapshot.sources where names[source.companyID] == nil {
            names[source.companyID] = source.company
        }

        // One row per (company, id): the newest version when a ticket was seen twice.
        var index: [TicketKey: Int] = [:]
        index.reserveCapacity(snapshot.tickets.count)
        var rows: [TicketRow] = []
        rows.reserveCapacity(snapshot.tickets.count)
        let reader = TimestampReader(zone: clock.timeZone)
        for ticket in snapshot.tickets {
            let companyID = ticket.companyID ?? 0
            let row = TicketRow(
                ticket: ticket, companyID: companyID,
                companyName: names[companyID] ?? "company \(companyID)", asOf: clock.asOf,
                reader: reader)
            let key = TicketKey(company: companyID, id: ticket.id)
            if let at = index[key] {
                if (ticket.updatedAt ?? "") > (rows[at].ticket.updatedAt ?? "") { rows[at] = row }
            } else {
                index[key] = rows.count
                rows.append(row)
            }
        }
        rows.sort { ($0.companyID, $0.ticket.id) < ($1.companyID, $1.ticket.id) }
        self.rows = rows

        var warnings = snapshot.warnings
        warnings += Self.dataWarnings(rows, clock: clock)
        if !snapshot.failedSources.isEmpty {
            warnings.append(
                "INCOMPLETE: \(snapshot.failedSources.count) source(s) could not be read: "
                    + snapshot.failedSources.joined(separator: "; "))
        }
        summary = Summary(
            asOf: clock.iso8601(clock.asOf), timezone: clock.zoneName,
            complete: snapshot.complete, warnings: warnings, totals: Self.totals(rows),
            byCompany: Self.byCompany(rows, companies: snapshot.companies, names: names),
            byPriority: Self.count(rows, by: { $0.priorityKey }).sorted(by: Self.priorityOrder),
            byAssignee: Self.count(rows, by: { $0.assigneeKey }).sorted {
                ($1.open, $1.total, $0.key) < ($0.open, $0.total, $1.key)
            },
            byState: Self.count(rows, by: { $0.stateKey }).sorted {
                ($1.total, $0.key) < ($0.total, $1.key)
            },
            byAge: Self.byAge(rows), sources: snapshot.sources,
            failedSources: snapshot.failedSources, includeClosed: snapshot.includeClosed,
            oldestOpen: Self.oldestOpen(rows, limit: 10))
    }

    private struct TicketKey: Hashable {
        var company: Int
        var id: Int
    }

    static func totals(_ rows: [TicketRow]) -> Totals {
        let closed = rows.reduce(0) { $0 + ($1.isClosed ? 1 : 0) }
        return Totals(tickets: rows.count, open: rows.count - closed, closed: closed)
    }

    /// Counts per key, in the order keys were first met.
    static func count(_ rows: [TicketRow], by key: (TicketRow) -> String) -> [DimensionRow] {
        var order: [String] = []
        var counts: [String: (open: Int, closed: Int)] = [:]
        for row in rows {
            let value = key(row)
            if counts[value] == nil { order.append(value) }
            var entry = counts[value, default: (0, 0)]
            if row.isClosed { entry.closed += 1 } else { entry.open += 1 }
            counts[value] = entry
        }
        return order.map {
            DimensionRow(key: $0, open: counts[$0]!.open, closed: counts[$0]!.closed)
        }
    }

    static func byCompany(_ rows: [TicketRow], companies: [Company], names: [Int: String])
        -> [DimensionRow]
    {
        var counts: [Int: (open: Int, closed: Int)] = [:]
        for row in rows {
            var entry = counts[row.companyID, default: (0, 0)]
            if row.isClosed { entry.closed += 1 } else { entry.open += 1 }
            counts[row.companyID] = entry
        }
        var ids = companies.map(\.id)
        ids += counts.keys.filter { !ids.contains($0) }.sorted()
        return ids.map { id in
            let entry = counts[id, default: (0, 0)]
            return DimensionRow(
                key: names[id] ?? "company \(id)", open: entry.open, closed: entry.closed,
                companyID: id)
        }
    }

    static func byAge(_ rows: [TicketRow]) -> [DimensionRow] {
        let counted = Dictionary(
            uniqueKeysWithValues: count(rows, by: { $0.bucket.rawValue }).map { ($0.key, $0) })
        return AgeBucket.allCases.map { counted[$0.rawValue] ?? DimensionRow(key: $0.rawValue) }
    }

    static func priorityOrder(_ a: DimensionRow, _ b: DimensionRow) -> Bool {
        switch (Int(a.key), Int(b.key)) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a.key < b.key
        }
    }

    static func oldestOpen(_ rows: [TicketRow], limit: Int) -> [OldTicket] {
        // Oldest first; ties by company and id. Keeps only `limit` candidates, so a million
        // rows are neither copied nor sorted.
        func older(_ a: TicketRow, _ b: TicketRow) -> Bool {
            (b.ageSeconds!, a.companyID, a.ticket.id) < (a.ageSeconds!, b.companyID, b.ticket.id)
        }
        var best: [Int] = []
        for index in rows.indices where !rows[index].isClosed && rows[index].ageSeconds != nil {
            if best.count == limit {
                guard older(rows[index], rows[best[limit - 1]]) else { continue }
                best.removeLast()
            }
            let position = best.firstIndex { older(rows[index], rows[$0]) } ?? best.count
            best.insert(index, at: position)
        }
        return best.map { rows[$0] }.map {
            OldTicket(
                company: $0.companyName, companyID: $0.companyID, id: $0.ticket.id,
                subject: $0.ticket.subject ?? "", priority: $0.priorityKey,
                assignee: $0.assigneeKey,
                state: $0.stateKey, createdAt: $0.ticket.createdAt ?? "", ageDays: $0.ageDays ?? 0)
        }
    }

    /// Warnings about single tickets: unreadable or future `created_at`, fields of the
    /// wrong type. Each names a few examples and the total.
    static func dataWarnings(_ rows: [TicketRow], clock: ReportClock) -> [String] {
        func describe(_ matches: [TicketRow], _ what: String, _ detail: (TicketRow) -> String)
            -> String?
        {
            guard !matches.isEmpty else { return nil }
            let examples = matches.prefix(3).map {
                "\($0.companyName) #\($0.ticket.id)\(detail($0))"
            }.joined(separator: ", ")
            let more = matches.count > 3 ? " and \(matches.count - 3) more" : ""
            return "\(matches.count) ticket(s) \(what): \(examples)\(more)"
        }
        var warnings: [String] = []
        let unreadable = rows.filter { $0.created == nil }
        if let text = describe(
            unreadable, "have a created_at that cannot be read; counted as age 'unknown'",
            {
                " (\($0.ticket.createdAt.map { "'\($0)'" } ?? "missing"))"
            })
        {
            warnings.append(text)
        }
        let future = rows.filter { $0.isFuture(clock) }
        if let text = describe(
            future, "were created after the as-of time; counted as age 0",
            {
                " (\($0.ticket.createdAt ?? ""))"
            })
        {
            warnings.append(text)
        }
        let odd = rows.filter { !$0.ticket.problems.isEmpty }
        if let text = describe(
            odd, "have fields of an unexpected type",
            {
                " (\($0.ticket.problems.joined(separator: "; ")))"
            })
        {
            warnings.append(text)
        }
        return warnings
    }
}
