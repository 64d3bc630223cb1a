import Foundation
import XLSX

/// The `Changes` sheet: what changed since the previous run of the same selection, overall,
/// per company and per priority (created, closed, reopened, reassigned, backlog before and
/// now, and the backlog's change). On a first run, or with `--no-history`, it says there is
/// nothing to compare with and gives the backlog now.
enum ChangesSheet {
    static let headers = [
        "Created", "Closed", "Reopened", "Reassigned", "Backlog before", "Backlog now", "Change",
    ]

    static func write(_ summary: Summary, on sheet: Worksheet, formats: WorkbookFormats)
        throws(XLSXError)
    {
        let companies = summary.changesByCompany ?? []
        let priorities = summary.changesByPriority ?? []
        let keys = ["All tickets", "Previous run"] + companies.map(\.key)
        let keyWidth = keys.map(WorkbookReport.displayWidth).max() ?? 0
        try sheet.setColumnWidth(Double(max(16, min(48, keyWidth + 2))), column: 0)
        let largest = max(summary.totals.tickets, summary.changes?.backlogBefore ?? 0)
        let numberWidth = WorkbookReport.numberWidth(largest, grouped: true) + 2
        try sheet.setColumnWidth(Double(max(10, numberWidth)), columns: 1...4)
        try sheet.setColumnWidth(Double(max(15, numberWidth)), columns: 5...6)
        try sheet.setColumnWidth(Double(max(10, numberWidth)), column: 7)

        guard let changes = summary.changes, let since = changes.since else {
            try sheet.write("What changed", row: 0, column: 0, format: formats.title)
            try WorkbookReport.writeNote(
                TemplateContext.noChangesNote(summary), row: 2, columns: 0...7, perLine: 80,
                on: sheet, formats: formats)
            try sheet.write("Backlog now", row: 4, column: 0, format: formats.label)
            try sheet.write(
                summary.changes?.backlogNow ?? summary.totals.open, row: 4, column: 1,
                format: formats.integer)
            return
        }

        try sheet.write(
            "What changed since \(TemplateContext.asOfDisplay(since))", row: 0, column: 0,
            format: formats.title)
        try sheet.write("Previous run", row: 2, column: 0, format: formats.label)
        try sheet.write(TemplateContext.asOfDisplay(since), row: 2, column: 1)
        try sheet.write("This run", row: 3, column: 0, format: formats.label)
        try sheet.write(TemplateContext.asOfDisplay(summary.asOf), row: 3, column: 1)

        var total = ChangeRow(key: "All tickets")
        total.created = changes.created ?? 0
        total.closed = changes.closed ?? 0
        total.reopened = changes.reopened ?? 0
        total.reassigned = changes.reassigned ?? 0
        total.backlogBefore = changes.backlogBefore ?? 0
        total.backlogNow = changes.backlogNow
        var r = 5
        if let note = summary.partialComparisonNote {
            try WorkbookReport.writeNote(
                note + ".", row: 4, columns: 0...7, perLine: 80, on: sheet, formats: formats)
            r = 6
        }
        r = try table("Overall", [total], from: r, on: sheet, formats: formats)
        r = try table("Company", companies, from: r + 1, on: sheet, formats: formats)
        _ = try table(
            "Priority", priorities, numericKeys: true, from: r + 1, on: sheet, formats: formats)
    }

    /// A header row and a row per change row from row `first`; returns the row after it.
    private static func table(
        _ title: String, _ rows: [ChangeRow], numericKeys: Bool = false, from first: Int,
        on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) -> Int {
        var r = first
        for (column, header) in ([title] + headers).enumerated() {
            try sheet.write(header, row: r, column: column, format: formats.header)
        }
        r += 1
        if rows.isEmpty {
            try sheet.write("(none)", row: r, column: 0)
            return r + 1
        }
        for row in rows {
            try WorkbookReport.writeKey(row.key, numeric: numericKeys, row: r, column: 0, on: sheet)
            let figures = [
                row.created, row.closed, row.reopened, row.reassigned, row.backlogBefore,
                row.backlogNow,
            ]
            for (offset, value) in figures.enumerated() {
                try sheet.write(value, row: r, column: 1 + offset, format: formats.integer)
            }
            try sheet.write(
                row.backlogNow - row.backlogBefore, row: r, column: 7, format: formats.signed)
            r += 1
        }
        return r
    }

    /// `2026-11-30 09:00:00` from `2026-11-30T09:00:00+08:00`: the wall-clock time of an
    /// ISO 8601 time in the report's zone, as the API writes times.
    static func wallClock(_ iso: String) -> String {
        String(iso.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }
}
