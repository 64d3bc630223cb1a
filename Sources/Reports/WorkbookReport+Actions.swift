import Foundation
import XLSX

/// The `Actions` sheet: the meeting's action list, among open tickets. Unassigned tickets
/// per priority, tickets at least `MeetingRules.oldOpenDays` old per assignee, tickets not
/// updated for `MeetingRules.staleDays` per assignee and those not updated for longest,
/// and the oldest high-priority tickets. Each part is a heading with its count, then a
/// table, or "none".
enum ActionsSheet {
    static let ticketHeaders = ["Company", "Ticket", "Subject", "Priority", "Assignee"]

    static func write(_ summary: Summary, on sheet: Worksheet, formats: WorkbookFormats)
        throws(XLSXError)
    {
        let actions = summary.actions ?? ActionList()
        let tickets = actions.staleOpenTickets + actions.oldestHighPriority
        let names =
            tickets.flatMap { [$0.company, $0.assignee] } + actions.oldOpenByAssignee.map(\.key)
            + actions.staleOpenByAssignee.map(\.key)
        let nameWidth = names.map(WorkbookReport.displayWidth).max() ?? 0
        let widths: [Double] = [
            Double(max(24, min(40, nameWidth + 2))), 12, 44, 9,
            Double(max(24, min(40, nameWidth + 2))), 20, 12,
        ]
        for (column, width) in widths.enumerated() {
            try sheet.setColumnWidth(width, column: column)
        }

        try sheet.write("Action list", row: 0, column: 0, format: formats.title)
        let high = TemplateContext.listText(actions.highPriorities)
        try sheet.write(
            "Among open tickets; priorities \(high) count as high.", row: 1, column: 0)
        var r = 3
        r = try counts(
            "Unassigned open tickets", total: actions.unassignedOpen, key: "Priority",
            actions.unassignedOpenByPriority, from: r, on: sheet, formats: formats)
        r = try counts(
            "Open tickets at least \(actions.oldOpenDays) days old", total: actions.oldOpen,
            key: "Assignee", actions.oldOpenByAssignee, from: r + 1, on: sheet, formats: formats)
        r = try counts(
            "Open tickets not updated for \(actions.staleOpenDays) days", total: actions.staleOpen,
            key: "Assignee", actions.staleOpenByAssignee, from: r + 1, on: sheet, formats: formats)
        r = try ticketTable(
            "Not updated for longest (up to \(MeetingRules.listLimit))",
            actions.staleOpenTickets, updated: true, from: r + 1, on: sheet, formats: formats)
        let aged = actions.highPriorityAged.filter { $0.count > 0 }
            .map { "\($0.count) of priority \($0.key)" }
        var title = "Oldest high-priority open tickets (up to \(MeetingRules.listLimit))"
        if !aged.isEmpty {
            title += "; open at least \(actions.highPriorityAgedDays) days: "
            title += aged.joined(separator: ", ")
        }
        _ = try ticketTable(
            title, actions.oldestHighPriority, updated: false, from: r + 1, on: sheet,
            formats: formats)
    }

    /// A heading ending in the count, then a `key` / count table; returns the row after it.
    private static func counts(
        _ title: String, total: Int, key: String, _ rows: [CountRow], from first: Int,
        on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) -> Int {
        try sheet.write("\(title): \(total)", row: first, column: 0, format: formats.label)
        guard !rows.isEmpty else {
            try sheet.write("none", row: first + 1, column: 0)
            return first + 2
        }
        try sheet.write(key, row: first + 1, column: 0, format: formats.header)
        try sheet.write("Open tickets", row: first + 1, column: 1, format: formats.header)
        var r = first + 2
        for row in rows {
            try WorkbookReport.writeKey(
                row.key, numeric: key == "Priority", row: r, column: 0, on: sheet)
            try sheet.write(row.count, row: r, column: 1, format: formats.integer)
            r += 1
        }
        return r
    }

    /// A heading, then one row per ticket with its last update and idle days (`updated`)
    /// or its creation and age; returns the row after it.
    private static func ticketTable(
        _ title: String, _ tickets: [ActionTicket], updated: Bool, from first: Int,
        on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) -> Int {
        try sheet.write(title, row: first, column: 0, format: formats.label)
        guard !tickets.isEmpty else {
            try sheet.write("none", row: first + 1, column: 0)
            return first + 2
        }
        let headers =
            ticketHeaders + (updated ? ["Updated", "Idle (days)"] : ["Created", "Age (days)"])
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: first + 1, column: column, format: formats.header)
        }
        var r = first + 2
        for ticket in tickets {
            try sheet.write(ticket.company, row: r, column: 0)
            try sheet.write(ticket.id, row: r, column: 1)
            try sheet.write(ticket.subject, row: r, column: 2)
            try WorkbookReport.writeKey(
                ticket.priority, numeric: true, row: r, column: 3, on: sheet)
            try sheet.write(ticket.assignee, row: r, column: 4)
            let when = updated ? ticket.updatedAt : ticket.createdAt
            try TicketSheets.dateTime(when, r, 5, sheet, formats)
            let days = updated ? ticket.idleDays : ticket.ageDays
            if let days { try sheet.write(days, row: r, column: 6, format: formats.integer) }
            r += 1
        }
        return r
    }
}
