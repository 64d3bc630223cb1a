import Foundation
import XLSX

/// The `Trend` sheet: the backlog at the latest run of each ISO week (the last
/// `MeetingRules.weeks` weeks with a run) with a native line chart over it, then the
/// tickets created and, as an estimate, closed in each of the last ISO weeks, with a
/// column chart. A first run has a trend of one point: the chart shows it as a marker.
enum TrendSheet {
    /// The row of the trend table's header; the weekly table follows the trend's rows.
    static let trendHeaderRow = 3

    static func write(
        _ summary: Summary, on sheet: Worksheet, book: Workbook, formats: WorkbookFormats
    ) throws(XLSXError) {
        let trend = summary.trend ?? []
        let weeks = summary.weekly?.weeks ?? []
        try sheet.setColumnWidth(12, column: 0)
        try sheet.setColumnWidth(20, column: 1)
        try sheet.setColumnWidth(12, column: 2)
        try sheet.setColumnWidth(19, column: 3)
        try sheet.setColumnWidth(12, column: 4)

        try sheet.write("Backlog trend", row: 0, column: 0, format: formats.title)
        var note =
            "The backlog (open tickets) at the latest run of each ISO week, the last "
            + "\(MeetingRules.weeks) weeks with a run."
        if trend.count == 1 {
            note += " Only one run so far: the trend gains a point each week a report is made."
        }
        try WorkbookReport.writeNote(
            note, row: 1, columns: 0...4, perLine: 66, on: sheet, formats: formats)
        var r = trendHeaderRow
        for (column, header) in ["Week", "As of", "Backlog", "Change"].enumerated() {
            try sheet.write(header, row: r, column: column, format: formats.header)
        }
        for (index, point) in trend.enumerated() {
            r += 1
            try sheet.write(point.week, row: r, column: 0)
            try TicketSheets.dateTime(ChangesSheet.wallClock(point.asOf), r, 1, sheet, formats)
            try sheet.write(point.backlog, row: r, column: 2, format: formats.integer)
            if index > 0 {
                try sheet.write(
                    point.backlog - trend[index - 1].backlog, row: r, column: 3,
                    format: formats.signed)
            }
        }
        if trend.isEmpty {
            r += 1
            try sheet.write("No runs recorded.", row: r, column: 0)
        }

        r += 2
        let weeklyHeader = r + 2
        try sheet.write("Created and closed per week", row: r, column: 0, format: formats.label)
        try WorkbookReport.writeNote(
            "Estimate. " + TemplateContext.weeklyNote(summary), row: r + 1, columns: 0...4,
            perLine: 66, on: sheet, formats: formats)
        let headers = ["Week", "Starts", "Created", "Closed (estimated)", "Counted"]
        for (column, header) in headers.enumerated() {
            try sheet.write(header, row: weeklyHeader, column: column, format: formats.header)
        }
        r = weeklyHeader
        for week in weeks {
            r += 1
            try sheet.write(week.week, row: r, column: 0)
            try date(week.start, row: r, column: 1, on: sheet, formats: formats)
            try sheet.write(week.created, row: r, column: 2, format: formats.integer)
            try sheet.write(week.closedEstimated, row: r, column: 3, format: formats.integer)
            try sheet.write(week.partial ? "so far" : "whole week", row: r, column: 4)
        }

        try insertCharts(
            on: sheet, book: book, trendRows: trend.count, weeklyHeader: weeklyHeader,
            weeks: weeks.count)
    }

    /// A `YYYY-MM-DD` day as an Excel date, or as the text when it is not one.
    private static func date(
        _ text: String, row: Int, column: Int, on sheet: Worksheet, formats: WorkbookFormats
    ) throws(XLSXError) {
        if let f = Timestamp.wallClock(text + " 00:00:00") {
            let cell = CellDateTime(
                year: f.year, month: f.month, day: f.day, hour: 0, minute: 0, second: 0)
            if cell.isValid {
                try sheet.write(cell, row: row, column: column, format: formats.date)
                return
            }
        }
        try sheet.write(text, row: row, column: column)
    }

    private static func insertCharts(
        on sheet: Worksheet, book: Workbook, trendRows: Int, weeklyHeader: Int, weeks: Int
    ) throws(XLSXError) {
        func column(_ column: Int, from first: Int, rows: Int) -> CellRange {
            CellRange(
                firstRow: first, firstColumn: column, lastRow: first + rows - 1,
                lastColumn: column)
        }
        if trendRows > 0 {
            let first = trendHeaderRow + 1
            let line = try book.addChart(.line)
            try line.addSeries(
                name: "Backlog", categories: (sheet, column(0, from: first, rows: trendRows)),
                values: (sheet, column(2, from: first, rows: trendRows)), marker: .circle,
                showValues: true)
            try line.setTitle("Backlog per week")
            try line.setLegend(.none)
            try sheet.insertChart(line, row: 0, column: 6, width: 560, height: 280)
        }
        if weeks > 0 {
            let first = weeklyHeader + 1
            let bars = try book.addChart(.column)
            try bars.addSeries(
                name: "Created", categories: (sheet, column(0, from: first, rows: weeks)),
                values: (sheet, column(2, from: first, rows: weeks)))
            try bars.addSeries(
                name: "Closed (estimated)",
                categories: (sheet, column(0, from: first, rows: weeks)),
                values: (sheet, column(3, from: first, rows: weeks)))
            try bars.setTitle("Created and closed (estimated) per week")
            try bars.setLegend(.bottom)
            try sheet.insertChart(bars, row: 16, column: 6, width: 560, height: 300)
        }
    }
}
