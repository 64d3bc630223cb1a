import Foundation
import MaxCloud
import XLSX

/// One sheet per company, after `Sources`, for forwarding a team its own figures: its
/// totals and its tickets by priority, assignee, state and age.
///
/// The sheet is named after the company, made into a name Excel accepts
/// (`SheetName.cleaned`): `[]:*?/\` replaced by `_` (with any accent or other mark joined to
/// them), control characters dropped, apostrophes at either end removed, and cut to 31
/// UTF-16 units. A company whose name leaves nothing visible (empty, or only spaces) gets
/// `Company <id>`. A name that would be taken by another sheet ignoring case, or that could
/// pass for one of the report's own sheets (`Summary`, `Changes`, `Trend`, `Actions`,
/// `By Company` ... `Sources`, `History`, or `Tickets (2)` and the like, which is how the `Tickets` sheet continues past
/// Excel's row limit), is followed by ` (company <id>)`: a company called `Tickets` gets
/// `Tickets (company 4)`, and the second of `acme` and `ACME` gets `ACME (company 3)`.
enum CompanySheets {
    /// The report's own sheet names, which a company sheet must not pass for.
    static let reportSheets: Set<String> = Set(
        [
            "Summary", "Changes", "Trend", "Actions", "By Company", "By Priority",
            "By Assignee", "By State", "By Age", "Tickets", "Sources", "History",
        ].map(SheetName.key))

    /// Adds a sheet per company, in order, each named by `sheetName(for:taken:)`: the
    /// company's cleaned name, or with ` (company <id>)` after it when that name is taken
    /// ignoring case or could pass for a report sheet such as `Tickets (2)`; `Company <id>`
    /// for a name with nothing visible.
    static func write(_ companies: [CompanyCounts], into book: Workbook, formats: WorkbookFormats)
        throws(XLSXError)
    {
        for counts in companies {
            let name = sheetName(for: counts, taken: book.worksheetNames)
            try write(counts, on: try book.addWorksheet(name: name), formats: formats)
        }
    }

    /// The name of a company's sheet among the sheets already `taken` (see the type).
    static func sheetName(for counts: CompanyCounts, taken: Set<String>) -> String {
        let fallback = "Company \(counts.companyID)"
        let plain = SheetName.cleaned(counts.company, fallback: fallback)
        let key = SheetName.key(plain)
        let clashes =
            reportSheets.contains(key) || looksLikeOverflowSheet(key)
            || taken.contains { SheetName.key($0) == key }
        guard clashes else { return plain }
        return SheetName.make(
            counts.company, suffix: " (company \(counts.companyID))", taken: taken,
            fallback: fallback)
    }

    /// Whether a name key reads `tickets (<digits>)`, like the continuation sheets.
    private static func looksLikeOverflowSheet(_ key: String) -> Bool {
        guard key.hasPrefix("tickets ("), key.hasSuffix(")") else { return false }
        let number = key.dropFirst("tickets (".count).dropLast()
        return !number.isEmpty && number.allSatisfy { ("0"..."9").contains($0) }
    }

    private static func write(
        _ counts: CompanyCounts, on sheet: Worksheet, formats: WorkbookFormats
    )
        throws(XLSXError)
    {
        let keys = counts.byAssignee.map(\.key) + counts.byState.map(\.key)
        let keyWidth = keys.map(WorkbookReport.displayWidth).max() ?? 0
        try sheet.setColumnWidth(Double(max(16, min(48, keyWidth + 2))), column: 0)
        let numberWidth = max(
            WorkbookReport.numberWidth(counts.companyID),
            WorkbookReport.numberWidth(counts.totals.tickets, grouped: true))
        try sheet.setColumnWidth(Double(max(10, numberWidth + 2)), columns: 1...3)

        try sheet.write(counts.company, row: 0, column: 0, format: formats.title)
        // The id as it is (no thousands separators); the counts as counts.
        try sheet.write("Company ID", row: 2, column: 0, format: formats.label)
        try sheet.write(counts.companyID, row: 2, column: 1)
        let facts: [(String, Int)] = [
            ("Tickets", counts.totals.tickets), ("Open", counts.totals.open),
            ("Closed", counts.totals.closed),
        ]
        var r = 3
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
                try WorkbookReport.writeKey(
                    row.key, numeric: title == "Priority", row: r, column: 0, on: sheet)
                try sheet.write(row.open, row: r, column: 1, format: formats.integer)
                try sheet.write(row.closed, row: r, column: 2, format: formats.integer)
                try sheet.write(row.total, row: r, column: 3, format: formats.integer)
                r += 1
            }
        }
    }
}
