import Foundation
import MaxCloud
import XLSX

/// `report.xlsx`: a `Summary` sheet with the headline, run facts, key figures and native
/// charts; the meeting's `Changes`, `Trend` (with a native line chart) and `Actions`
/// sheets; one sheet per dimension with a totals row; every ticket on `Tickets` (continuing on
/// `Tickets (2)` past Excel's row limit); `Sources`; and a sheet per company, named after it
/// in a way that cannot pass for one of the other sheets (`CompanySheets`).
///
/// The workbook is written in libxlsxwriter's constant-memory mode, so memory does not
/// grow with the number of tickets; every sheet is therefore written top to bottom. In that
/// mode libxlsxwriter 1.1.4 makes no Excel tables and no cached chart values, so the
/// dimension sheets are autofilter ranges with a `SUBTOTAL` totals row, and charts are drawn
/// from the cells when the file is opened (README, Known limits).
/// Document properties are fixed from the run (created = as-of), so the same snapshot
/// gives the same bytes.
enum WorkbookReport {
    /// Writes the workbook to `url`.
    /// - Throws: `ReportError.workbook` with the library's message and what was being written.
    static func write(_ data: ReportData, to url: URL) throws {
        do {
            try build(data, at: url)
        } catch {
            throw ReportError.workbook(error.description)
        }
    }

    private static func build(_ data: ReportData, at url: URL) throws(XLSXError) {
        let tmpdir = url.deletingLastPathComponent().path
        let book = try Workbook(
            path: url.path, options: .init(constantMemory: true, tmpdir: tmpdir))
        var properties = DocumentProperties()
        properties.title =
            data.summary.complete ? "MaxCloud ticket report" : "INCOMPLETE: MaxCloud ticket report"
        properties.author = "maxcloud-report"
        properties.comments = "As of \(data.summary.asOf)"
        properties.created = data.clock.asOf
        try book.setProperties(properties)
        let formats = try WorkbookFormats(book)

        // Sheets appear in the order added; Summary's charts point at the dimension sheets.
        // The meeting's sheets follow Summary; like it, they are filled in at the end.
        let summarySheet = try book.addWorksheet(name: "Summary")
        let changesSheet = try book.addWorksheet(name: "Changes")
        let trendSheet = try book.addWorksheet(name: "Trend")
        let actionsSheet = try book.addWorksheet(name: "Actions")
        let dimensions: [(String, [DimensionRow], String)] = [
            ("By Company", data.summary.byCompany, "Company"),
            ("By Priority", data.summary.byPriority, "Priority"),
            ("By Assignee", data.summary.byAssignee, "Assignee"),
            ("By State", data.summary.byState, "State"),
            ("By Age", data.summary.byAge, "Age"),
        ]
        var dimensionSheets: [String: (Worksheet, Int)] = [:]
        for (name, rows, header) in dimensions {
            let sheet = try book.addWorksheet(name: name)
            let count = try writeDimension(
                rows, header: header, numericKeys: header == "Priority", on: sheet,
                formats: formats)
            dimensionSheets[name] = (sheet, count)
        }
        try TicketSheets.write(data, into: book, formats: formats)
        try writeSources(
            data.summary.sources, on: try book.addWorksheet(name: "Sources"), formats: formats)
        try CompanySheets.write(data.summary.companies, into: book, formats: formats)
        try ChangesSheet.write(data.summary, on: changesSheet, formats: formats)
        try TrendSheet.write(data.summary, on: trendSheet, book: book, formats: formats)
        try ActionsSheet.write(data.summary, on: actionsSheet, formats: formats)
        try SummarySheet.write(
            data, on: summarySheet, book: book, formats: formats, dimensions: dimensionSheets)
        try book.close()
    }

    /// A dimension's rows under a header, then a totals row; returns the data row count
    /// (at least one: an empty dimension gets a `(none)` row of zeros, so charts stay valid).
    /// With `numericKeys` (priorities), a key that is a number is written as one.
    static func writeDimension(
        _ rows: [DimensionRow], header: String, numericKeys: Bool = false, on sheet: Worksheet,
        formats: WorkbookFormats
    )
        throws(XLSXError) -> Int
    {
        let rows = rows.isEmpty ? [DimensionRow(key: "(none)")] : rows
        let headers = [header, "Open", "Closed", "Total", "Open %"]
        try sheet.setColumnWidth(
            Double(max(14, min(48, (rows.map { displayWidth($0.shownKey) }.max() ?? 0) + 2))),
            column: 0)
        let largest = rows.reduce(0) { $0 + $1.total }
        try sheet.setColumnWidth(
            Double(max(10, numberWidth(largest, grouped: true) + 2)), columns: 1...4)
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: rows.count, lastColumn: 4))
        for (column, title) in headers.enumerated() {
            try sheet.write(title, row: 0, column: column, format: formats.header)
        }
        for (index, row) in rows.enumerated() {
            let r = index + 1
            try writeKey(row.shownKey, numeric: numericKeys, row: r, column: 0, on: sheet)
            try sheet.write(row.open, row: r, column: 1, format: formats.integer)
            try sheet.write(row.closed, row: r, column: 2, format: formats.integer)
            try sheet.write(row.total, row: r, column: 3, format: formats.integer)
            try sheet.write(
                row.total == 0 ? 0 : Double(row.open) / Double(row.total), row: r, column: 4,
                format: formats.percent)
        }
        let totalRow = rows.count + 1
        let open = rows.reduce(0) { $0 + $1.open }
        let closed = rows.reduce(0) { $0 + $1.closed }
        try sheet.write("Total", row: totalRow, column: 0, format: formats.totalLabel)
        for (column, value) in [(1, open), (2, closed), (3, open + closed)] {
            let letter = Grid.columnName(column)
            try sheet.writeFormula(
                "=SUBTOTAL(109,\(letter)2:\(letter)\(totalRow))", result: Double(value),
                row: totalRow,
                column: column, format: formats.totalInteger)
        }
        try sheet.write(
            open + closed == 0 ? 0 : Double(open) / Double(open + closed), row: totalRow, column: 4,
            format: formats.totalPercent)
        return rows.count
    }

    private static func writeSources(
        _ sources: [SourceRecord], on sheet: Worksheet, formats: WorkbookFormats
    )
        throws(XLSXError)
    {
        let headers = [
            "Company ID", "Company", "Scope", "Group tag", "Pages", "Result count", "Fetched",
            "Unique",
            "Server open", "Server closed", "Complete",
        ]
        var widths = [11, 28, 10, 16, 8, 13, 10, 10, 12, 13, 10]
        for source in sources {
            widths[0] = max(widths[0], numberWidth(source.companyID) + 2)
            let counts = [
                source.pages, source.resultCount, source.fetched, source.unique,
                source.serverOpen, source.serverClosed,
            ]
            for (offset, count) in counts.enumerated() {
                guard let count else { continue }
                widths[4 + offset] = max(widths[4 + offset], numberWidth(count, grouped: true) + 2)
            }
        }
        for (column, width) in widths.enumerated() {
            try sheet.setColumnWidth(Double(width), column: column)
        }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: max(1, sources.count), lastColumn: 10))
        for (column, title) in headers.enumerated() {
            try sheet.write(title, row: 0, column: column, format: formats.header)
        }
        for (index, source) in sources.enumerated() {
            let r = index + 1
            try sheet.write(source.companyID, row: r, column: 0)
            try sheet.write(source.company, row: r, column: 1)
            try sheet.write(source.scope, row: r, column: 2)
            if let tag = source.groupTag { try sheet.write(tag, row: r, column: 3) }
            let numbers = [source.pages, source.resultCount, source.fetched, source.unique]
            for (offset, value) in numbers.enumerated() {
                guard let value else { continue }
                try sheet.write(value, row: r, column: 4 + offset, format: formats.integer)
            }
            if let open = source.serverOpen {
                try sheet.write(open, row: r, column: 8, format: formats.integer)
            }
            if let closed = source.serverClosed {
                try sheet.write(closed, row: r, column: 9, format: formats.integer)
            }
            try sheet.write(source.complete ? "yes" : "NO", row: r, column: 10)
        }
    }

    /// Writes a dimension key: with `numeric`, a key that is a whole number (a priority) as a
    /// number, so that Excel does not flag it as a number stored as text; otherwise as text.
    static func writeKey(
        _ key: String, numeric: Bool, row: Int, column: Int, on sheet: Worksheet
    ) throws(XLSXError) {
        if numeric, let number = Int(key), String(number) == key {
            try sheet.write(number, row: row, column: column)
        } else {
            try sheet.write(key, row: row, column: column)
        }
    }

    /// Writes `text` wrapped in one cell merged over `columns` of row `row`, the row made
    /// tall enough for its lines at `perLine` characters a line. In constant-memory mode the
    /// row must not be written yet.
    static func writeNote(
        _ text: String, row: Int, columns: ClosedRange<Int>, perLine: Int, on sheet: Worksheet,
        formats: WorkbookFormats
    ) throws(XLSXError) {
        let lines = max(1, (displayWidth(text) + perLine - 1) / max(1, perLine))
        try sheet.setRowHeight(Double(min(409, lines * 15 + 3)), row: row)
        try sheet.mergeRange(
            CellRange(
                firstRow: row, firstColumn: columns.lowerBound, lastRow: row,
                lastColumn: columns.upperBound), text: text, format: formats.wrap)
    }

    /// Characters a whole number takes on screen, with its sign and, when `grouped` (format
    /// `#,##0`), its thousands separators.
    static func numberWidth(_ value: Int, grouped: Bool = false) -> Int {
        var digits = 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits + (value < 0 ? 1 : 0) + (grouped ? (digits - 1) / 3 : 0)
    }

    /// Columns a text takes on screen, on its longest line: East Asian wide characters
    /// count as two.
    static func displayWidth(_ text: String) -> Int {
        var longest = 0
        var width = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x0D {
                longest = max(longest, width)
                width = 0
                continue
            }
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return max(longest, width)
    }
}

/// The cell formats the workbook uses, made once.
struct WorkbookFormats {
    let header: Format
    let title: Format
    let warning: Format
    let label: Format
    let integer: Format
    let percent: Format
    let dateTime: Format
    let totalLabel: Format
    let totalInteger: Format
    let totalPercent: Format
    let stale: Format
    let date: Format
    let signed: Format
    let wrap: Format

    init(_ book: Workbook) throws(XLSXError) {
        let grey = Color(rgb: 0xE7_EBF0)
        header = try book.addFormat(bold: true, backgroundColor: grey, border: .thin)
        title = try book.addFormat(bold: true, fontSize: 16)
        warning = try book.addFormat(
            bold: true, fontColor: Color(rgb: 0x9C_0006), backgroundColor: Color(rgb: 0xFF_C7CE))
        label = try book.addFormat(bold: true)
        integer = try book.addFormat(numberFormat: "#,##0")
        percent = try book.addFormat(numberFormat: "0%")
        dateTime = try book.addFormat(numberFormat: "yyyy-mm-dd hh:mm:ss")
        totalLabel = try book.addFormat(bold: true, border: .thin)
        totalInteger = try book.addFormat(bold: true, numberFormat: "#,##0", border: .thin)
        totalPercent = try book.addFormat(bold: true, numberFormat: "0%", border: .thin)
        stale = try book.addFormat(
            fontColor: Color(rgb: 0x9C_0006), backgroundColor: Color(rgb: 0xFF_C7CE))
        date = try book.addFormat(numberFormat: "yyyy-mm-dd")
        signed = try book.addFormat(numberFormat: "+#,##0;-#,##0;0")
        wrap = try book.addFormat(verticalAlignment: .top, textWrap: true)
    }
}
