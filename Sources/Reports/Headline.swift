extension Summary {
    /// The headline of `headline`, worked out from the summary's own figures: the backlog
    /// and its change since the previous run, then what needs acting on. For example
    /// "Backlog 154, up 12 on last week; 20 created, 8 closed, 1 reopened, 3 reassigned;
    /// 3 priority-1 tickets older than 7 days; 5 unassigned open tickets." Without an
    /// earlier run it begins "Backlog 250 open tickets; no earlier run to compare with yet"
    /// (or "(no history kept, so no change to show)" with `--no-history`). An incomplete
    /// report says so after the backlog, naming the companies not read completely, and
    /// gives the change over the companies read completely only: "Backlog 119, INCOMPLETE
    /// (not read completely: DefaultTeam); where read completely 119, unchanged on last week".
    func makeHeadline() -> String {
        var parts: [String] = []
        let backlog = totals.open
        let missing = byCompany.filter { $0.complete == false }.map(\.key)
        // An incomplete run says so first, naming what it could not read.
        let incomplete =
            missing.isEmpty
            ? (complete ? "" : ", INCOMPLETE")
            : ", INCOMPLETE (not read completely: \(Self.list(missing)))"
        if let changes, let since = changes.since, let before = changes.backlogBefore {
            let period = Self.period(since: since, asOf: asOf)
            let delta = changes.backlogNow - before
            let compared: String
            switch delta {
            case 0: compared = "unchanged \(period.unchanged)"
            case 1...: compared = "up \(delta) \(period.moved)"
            default: compared = "down \(-delta) \(period.moved)"
            }
            if changes.isPartial {
                // Only the companies read completely are compared, on both sides.
                parts.append("Backlog \(backlog)\(incomplete)")
                parts.append("where read completely \(changes.backlogNow), \(compared)")
            } else {
                parts.append("Backlog \(backlog)\(incomplete), \(compared)")
            }
            parts.append(
                "\(changes.created ?? 0) created, \(changes.closed ?? 0) closed, "
                    + "\(changes.reopened ?? 0) reopened, \(changes.reassigned ?? 0) reassigned")
        } else if history?.recorded == false {
            parts.append(
                "Backlog \(Self.count(backlog, "open ticket"))\(incomplete) (no history kept, so no change to show)"
            )
        } else if changes?.isPartial == true {
            parts.append(
                "Backlog \(Self.count(backlog, "open ticket"))\(incomplete); no company was read "
                    + "completely, so nothing is compared with the previous run")
        } else {
            parts.append(
                "Backlog \(Self.count(backlog, "open ticket"))\(incomplete); no earlier run to compare with yet"
            )
        }
        if let actions {
            for row in actions.highPriorityAged where row.count > 0 {
                let tickets = row.count == 1 ? "ticket" : "tickets"
                parts.append(
                    "\(row.count) priority-\(row.key) \(tickets) older than \(actions.highPriorityAgedDays) days"
                )
            }
            if actions.unassignedOpen > 0 {
                parts.append("\(Self.count(actions.unassignedOpen, "unassigned open ticket"))")
            }
            if actions.staleOpen > 0 {
                parts.append(
                    "\(Self.count(actions.staleOpen, "open ticket")) not updated for \(actions.staleOpenDays) days"
                )
            }
        }
        return parts.joined(separator: "; ") + "."
    }

    /// "on last week" when the previous run was in the ISO week before the as-of time's,
    /// else "since" its date. Both times are ISO 8601 in the report's zone.
    static func period(since: String, asOf: String) -> (moved: String, unchanged: String) {
        let date = String(since.prefix(10))
        guard let then = week(of: since), let now = week(of: asOf), then.advanced(by: 1) == now
        else { return ("since \(date)", "since \(date)") }
        return ("on last week", "since last week")
    }

    /// The ISO week of the date an ISO 8601 time begins with.
    private static func week(of iso: String) -> ISOWeek? {
        let fields = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard fields.count == 3 else { return nil }
        return ISOWeek(year: fields[0], month: fields[1], day: fields[2])
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
