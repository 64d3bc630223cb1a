import Mustache

/// The display fields of the meeting's sections: what changed since the previous run, the
/// trend, the created and closed figures per week, and the action list.
extension TemplateContext {
    /// The sentence a report shows instead of the change tables when there is no earlier run.
    static func noChangesNote(_ summary: Summary) -> String {
        if summary.history?.recorded == false {
            return "No run history was kept (--no-history), so there is nothing to compare with."
        }
        return "There is no earlier run of this selection to compare with yet: this run is "
            + "recorded, and the next report will show what changed since it."
    }

    /// The sentence that goes with the created and closed figures per week.
    static func weeklyNote(_ summary: Summary) -> String {
        var note =
            "Closed (estimated) counts closed tickets in the week of their last update "
            + "(updated_at), as the API gives no closing time: a ticket changed after it was "
            + "closed counts in the later week. The current week is counted up to the as-of time."
        if !summary.includeClosed {
            note +=
                " Closed tickets were not listed (--open-only), so no closed ticket is counted, "
                + "and Created counts only the tickets of each week that are still open."
        }
        return note
    }

    /// `report.changes`: whether there is a previous run, its time, and the rows of the
    /// change tables, each with its backlog change as text (`delta`).
    static func changes(_ summary: Summary) -> MustacheValue {
        let changes = summary.changes ?? ChangeSummary(backlogNow: summary.totals.open)
        let since = changes.since
        var total = ChangeRow(key: "All tickets")
        total.created = changes.created ?? 0
        total.closed = changes.closed ?? 0
        total.reopened = changes.reopened ?? 0
        total.reassigned = changes.reassigned ?? 0
        total.backlogBefore = changes.backlogBefore ?? 0
        total.backlogNow = changes.backlogNow
        let companies = summary.changesByCompany ?? []
        let priorities = summary.changesByPriority ?? []
        return .object([
            "has_previous": .bool(since != nil),
            "since_display": .string(since.map(asOfDisplay) ?? ""),
            "note": .string(noChangesNote(summary)),
            "backlog_now": .number(Double(changes.backlogNow)),
            "total": changeRow(total),
            "by_company": .array(companies.map(changeRow)),
            "by_priority": .array(priorities.map(changeRow)),
            "has_by_company": .bool(!companies.isEmpty),
            "has_by_priority": .bool(!priorities.isEmpty),
            "partial_note": .string(summary.partialComparisonNote.map { $0 + "." } ?? ""),
        ])
    }

    private static func changeRow(_ row: ChangeRow) -> MustacheValue {
        .object([
            "key": .string(row.key), "created": .number(Double(row.created)),
            "closed": .number(Double(row.closed)), "reopened": .number(Double(row.reopened)),
            "reassigned": .number(Double(row.reassigned)),
            "backlog_before": .number(Double(row.backlogBefore)),
            "backlog_now": .number(Double(row.backlogNow)),
            "delta": .string(TrendChart.signed(row.backlogNow - row.backlogBefore)),
        ])
    }

    /// `report.actions`: which lists of the action list have entries, and the rules'
    /// figures as text.
    static func actions(_ summary: Summary) -> MustacheValue {
        let actions = summary.actions ?? ActionList()
        let aged = actions.highPriorityAged.filter { $0.count > 0 }
        return .object([
            "high_priorities_text": .string(listText(actions.highPriorities)),
            "list_limit": .number(Double(MeetingRules.listLimit)),
            "has_unassigned": .bool(!actions.unassignedOpenByPriority.isEmpty),
            "has_old_open": .bool(!actions.oldOpenByAssignee.isEmpty),
            "has_stale_open": .bool(!actions.staleOpenByAssignee.isEmpty),
            "has_stale_tickets": .bool(!actions.staleOpenTickets.isEmpty),
            "has_oldest_high_priority": .bool(!actions.oldestHighPriority.isEmpty),
            "has_high_priority_aged": .bool(!aged.isEmpty),
            "high_priority_aged_text": .string(
                aged.map { "\($0.count) of priority \($0.key)" }.joined(separator: ", ")),
        ])
    }

    /// `0 and 1`, `0, 1 and 2`.
    static func listText(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "none" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
