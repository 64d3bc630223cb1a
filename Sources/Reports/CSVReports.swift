import Foundation
import MaxCloud

/// `tickets.csv` and `summary.csv`.
public enum CSVReports {
    /// The columns of `tickets.csv`, in order.
    public static let ticketColumns = [
        "company_id", "company", "id", "state", "status", "priority", "subject", "assigned_to",
        "created_by", "updated_by", "team_id", "team_name", "created_at", "updated_at",
        "age_days", "age_bucket", "comment_count",
    ]

    /// Writes one row per ticket.
    public static func writeTickets(_ data: ReportData, to writer: inout CSVWriter) throws {
        try writer.row(ticketColumns)
        for row in data.rows {
            let ticket = row.ticket
            writer.number(row.companyID)
            writer.text(row.companyName)
            writer.number(ticket.id)
            writer.text(ticket.state)
            writer.text(row.isClosed ? "closed" : "open")
            writer.number(ticket.priority)
            writer.text(ticket.subject)
            writer.text(ticket.assignedTo)
            writer.text(ticket.createdBy)
            writer.text(ticket.updatedBy)
            writer.number(ticket.teamID)
            writer.text(ticket.teamName)
            writer.text(ticket.createdAt)
            writer.text(ticket.updatedAt)
            writer.number(row.ageDays)
            writer.text(row.bucket.rawValue)
            writer.number(ticket.commentCount)
            try writer.endRow()
        }
    }

    /// Writes `dimension,key,open,closed,total`, the totals first; an incomplete report
    /// starts with the row `report,INCOMPLETE,,,`, and a company a source of which failed
    /// or did not add up has `(incomplete)` after its name.
    public static func writeSummary(_ summary: Summary, to writer: inout CSVWriter) throws {
        try writer.row(["dimension", "key", "open", "closed", "total"])
        func add(_ dimension: String, _ rows: [DimensionRow]) throws {
            for row in rows {
                writer.text(dimension)
                // A company whose counts are not whole is marked as in the other formats.
                writer.text(row.complete == false ? "\(row.key) (incomplete)" : row.key)
                writer.number(row.open)
                writer.number(row.closed)
                writer.number(row.total)
                try writer.endRow()
            }
        }
        if !summary.complete {
            // Marked where a person opening the file looks first; scripts that pick rows by
            // dimension skip it, and `summary.json` says why in `warnings`.
            writer.text("report")
            writer.text("INCOMPLETE")
            for _ in 0..<3 { writer.number(nil as Int?) }
            try writer.endRow()
        }
        let totals = summary.totals
        try add("total", [DimensionRow(key: "all", open: totals.open, closed: totals.closed)])
        try add("company", summary.byCompany)
        try add("priority", summary.byPriority)
        try add("assignee", summary.byAssignee)
        try add("state", summary.byState)
        try add("age", summary.byAge)
    }
}

extension Summary {
    /// `summary.json`'s bytes: pretty, keys sorted, so two runs on one snapshot are equal.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
