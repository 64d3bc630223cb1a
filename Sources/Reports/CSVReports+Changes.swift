extension CSVReports {
    /// The columns of `changes.csv`, in order.
    public static let changeColumns = [
        "dimension", "key", "company_id", "since", "created", "closed", "reopened", "reassigned",
        "backlog_before", "backlog_now",
    ]

    /// Writes `changes.csv`: the overall row (`total,all`), then one per company and one
    /// per priority. Without a previous run to compare with, only the overall row is
    /// written, with `since` and every figure but `backlog_now` empty. An incomplete report
    /// starts with the row `report,INCOMPLETE`, as `summary.csv` does; a company left out
    /// of the comparison because this run could not read it completely has a row
    /// `left_out,<name>,<id>` with every figure empty.
    public static func writeChanges(_ summary: Summary, to writer: inout CSVWriter) throws {
        try writer.row(changeColumns)
        if !summary.complete {
            writer.text("report")
            writer.text("INCOMPLETE")
            for _ in 2..<changeColumns.count { writer.number(nil as Int?) }
            try writer.endRow()
        }
        let changes = summary.changes ?? ChangeSummary(backlogNow: summary.totals.open)
        writer.text("total")
        writer.text("all")
        writer.number(nil as Int?)
        writer.text(changes.since)
        for figure in [
            changes.created, changes.closed, changes.reopened, changes.reassigned,
            changes.backlogBefore, changes.backlogNow,
        ] {
            writer.number(figure)
        }
        try writer.endRow()
        for company in changes.leftOut ?? [] {
            writer.text("left_out")
            writer.text(company.key)
            writer.number(company.companyID)
            for _ in 3..<changeColumns.count { writer.number(nil as Int?) }
            try writer.endRow()
        }
        guard let since = changes.since else { return }

        func add(_ dimension: String, _ rows: [ChangeRow]) throws {
            for row in rows {
                writer.text(dimension)
                writer.text(row.key)
                writer.number(row.companyID)
                writer.text(since)
                for figure in [
                    row.created, row.closed, row.reopened, row.reassigned, row.backlogBefore,
                    row.backlogNow,
                ] {
                    writer.number(figure)
                }
                try writer.endRow()
            }
        }
        try add("company", summary.changesByCompany ?? [])
        try add("priority", summary.changesByPriority ?? [])
    }
}
