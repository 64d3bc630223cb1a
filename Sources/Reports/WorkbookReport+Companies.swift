import Foundation
import MaxCloud
import XLSX

/// One sheet per company, after `Sources`, for forwarding a team its own figures: its
/// totals and its tickets by priority, assignee, state and age.
///
/// The sheet is named after the company, made into a name Excel accepts: `[]:*?/\`
/// replaced, control characters dropped, cut to 31 UTF-16 units and unique ignoring case
/// among all the workbook's sheets (`SheetName.make`).
enum CompanySheets {
    static func write(_ companies: [CompanyCounts], into book: Workbook, formats: WorkbookFormats)
        throws(XLSXError)
    {
        for counts in companies {
            try write(
                counts, on: try book.addWorksheet(sanitizing: counts.company), formats: formats)
        }
    }

    private static func write(
        _ counts: CompanyCounts, on sheet: Worksheet, formats: WorkbookFormats
    )
        throws(XLSXError)
    {
        let keys = counts.byAssignee.map(\.key) + counts.byState.map(\.key)
        let keyWidth = keys.map(WorkbookReport.displayWidth).max() ?? 0
        try sheet.setColumnWidth(Double(max(16, min(48, keyWidth + 2))), column: 0)
        try sheet.setColumnWidth(10, columns: 1...3)

        try sheet.write(counts.company, row: 0, column: 0, format: formats.title)
        let facts: [(String, Int)] = [
            ("Company ID", counts.companyID), ("Tickets", counts.totals.tickets),
            ("Open", counts.totals.open), ("Closed", counts.totals.closed),
        ]
        var r = 2
        for (label, value) in facts {
            try sheet.write(label, row: r, column: 0, format: formats.label)
            try sheet.write(value, row: r, column: 1, format: formats.integer)
            r += 1
        }
        let tables: [(String, [DimensionRow])] = [
            ("Priority", counts.byPriority), ("Assignee", counts.byAssignee),
            ("State", counts.byState), ("Age", counts.byAge),
        ]
        for (title, rows) in tables {
            r += 1
            for (column, header) in [title, "Open", "Closed", "Total"].enumerated() {
                try sheet.write(header, row: r, column: column, format: formats.header)
            }
            r += 1
            for row in rows {
                try sheet.write(row.key, row: r, column: 0)
                try sheet.write(row.open, row: r, column: 1, format: formats.integer)
                try sheet.write(row.closed, row: r, column: 2, format: formats.integer)
                try sheet.write(row.total, row: r, column: 3, format: formats.integer)
                r += 1
            }
        }
    }
}
