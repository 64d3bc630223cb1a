import Foundation
import MaxCloud
import XLSX

/// The `Tickets` sheets: every ticket, a frozen header, an autofilter, real datetimes and
/// numbers, widths fitted to the content, and open tickets older than 30 days marked.
enum TicketSheets {
    static let headers = [
        "Company ID", "Company", "Ticket", "State", "Status", "Priority", "Subject", "Assigned to",
        "Created by", "Updated by", "Team ID", "Team", "Created", "Updated", "Age (days)",
        "Age bucket", "Comments",
    ]
    /// Data rows per sheet: Excel's 1,048,576 rows less the header, so that a full sheet's
    /// last ticket is on Excel's last row.
    static let rowsPerSheet = Grid.rowCount - 1

    static func write(_ data: ReportData, into book: Workbook, formats: WorkbookFormats)
        throws(XLSXError)
    {
        try write(
            data.rows, count: data.rows.count, widths: data.rows.columnWidths.widths, into: book,
            formats: formats)
    }

    /// The sheets `total` rows go on, `perSheet` to a sheet: `Tickets`, `Tickets (2)`, ...
    /// with the number of rows on each; one sheet (with only its header) when there are none.
    static func parts(total: Int, perSheet: Int = rowsPerSheet) -> [(name: String, rows: Int)] {
        let count = max(1, (total + perSheet - 1) / perSheet)
        return (0..<count).map { part in
            (
                part == 0 ? "Tickets" : "Tickets (\(part + 1))",
                min(perSheet, total - part * perSheet)
            )
        }
    }

    /// Writes the rows in one pass (they may stream from a file), starting a new sheet
    /// every `perSheet` rows (`parts`). The column widths are worked out from the rows in
    /// a pass of their own unless `widths` gives them (`TicketRows` notes them as the rows
    /// are counted).
    static func write<Rows: Sequence<TicketRow>>(
        _ rows: Rows, count: Int? = nil, widths: [Double]? = nil, into book: Workbook,
        formats: WorkbookFormats, perSheet: Int = rowsPerSheet
    ) throws(XLSXError) {
        let total = count ?? rows.underestimatedCount
        let widths = widths ?? columnWidths(rows)
        var iterator = rows.makeIterator()
        for (name, inPart) in parts(total: total, perSheet: perSheet) {
            let sheet = try book.addWorksheet(name: name)
            try startPart(rows: inPart, widths: widths, on: sheet, formats: formats)
            var r = 1
            while r <= inPart, let row = iterator.next() {
                try writeRow(row, at: r, on: sheet, formats: formats)
                r += 1
            }
        }
    }

    /// The settings that constant-memory mode wants before the rows, and the header.
    private static func startPart(
        rows: Int, widths: [Double], on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) {
        let last = max(1, rows)
        let lastColumn = headers.count - 1
        for (column, width) in widths.enumerated() {
            let format = column == 12 || column == 13 ? formats.dateTime : nil
            try sheet.setColumnWidth(width, column: column, format: format)
        }
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: last, lastColumn: lastColumn))
        try sheet.addConditionalFormat(
            CellRange(firstRow: 1, firstColumn: 0, lastRow: last, lastColumn: lastColumn),
            rule: .formula("=AND($E2=\"open\",ISNUMBER($O2),$O2>=30)"), format: formats.stale)
        for (column, title) in headers.enumerated() {
            try sheet.write(title, row: 0, column: column, format: formats.header)
        }
    }

    private static func writeRow(
        _ row: TicketRow, at r: Int, on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) {
        let ticket = row.ticket
        try sheet.write(row.companyID, row: r, column: 0)
        try sheet.write(row.companyName, row: r, column: 1)
        try sheet.write(ticket.id, row: r, column: 2)
        try text(ticket.state, r, 3, sheet)
        try sheet.write(row.isClosed ? "closed" : "open", row: r, column: 4)
        if let priority = ticket.priority { try sheet.write(priority, row: r, column: 5) }
        try text(ticket.subject, r, 6, sheet)
        try text(ticket.assignedTo, r, 7, sheet)
        try text(ticket.createdBy, r, 8, sheet)
        try text(ticket.updatedBy, r, 9, sheet)
        if let team = ticket.teamID { try sheet.write(team, row: r, column: 10) }
        try text(ticket.teamName, r, 11, sheet)
        try dateTime(ticket.createdAt, r, 12, sheet, formats)
        try dateTime(ticket.updatedAt, r, 13, sheet, formats)
        if let age = row.ageDays { try sheet.write(age, row: r, column: 14) }
        try sheet.write(row.bucket.rawValue, row: r, column: 15)
        if let comments = ticket.commentCount { try sheet.write(comments, row: r, column: 16) }
    }

    private static func text(_ value: String?, _ row: Int, _ column: Int, _ sheet: Worksheet)
        throws(XLSXError)
    {
        guard let value, !value.isEmpty else { return }
        try sheet.write(value, row: row, column: column)
    }

    /// A real Excel datetime with the wall-clock fields the API wrote (not worked out again
    /// from the instant, which would move a time that daylight saving skips); text as the
    /// API wrote it when it is not a timestamp or lies outside Excel's calendar.
    static func dateTime(
        _ raw: String?, _ row: Int, _ column: Int, _ sheet: Worksheet, _ formats: WorkbookFormats
    ) throws(XLSXError) {
        if let raw, let f = Timestamp.wallClock(raw) {
            let cell = CellDateTime(
                year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute,
                second: Double(f.second))
            if cell.isValid {
                try sheet.write(cell, row: row, column: column, format: formats.dateTime)
                return
            }
        }
        try text(raw, row, column, sheet)
    }

    /// Widths from the longest cell of each column (see `TicketColumnWidths`).
    static func columnWidths<Rows: Sequence<TicketRow>>(_ rows: Rows) -> [Double] {
        TicketColumnWidths(of: rows).widths
    }
}
