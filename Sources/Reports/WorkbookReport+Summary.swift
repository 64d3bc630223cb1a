import Foundation
import MaxCloud
import XLSX

/// The `Summary` sheet: the headline (merged over the first two columns and wrapped), run
/// facts, key figures, warnings, and four native charts over the dimension sheets.
enum SummarySheet {
    static func write(
        _ data: ReportData, on sheet: Worksheet, book: Workbook, formats: WorkbookFormats,
        dimensions: [String: (Worksheet, Int)]
    ) throws(XLSXError) {
        let summary = data.summary
        try sheet.setColumnWidth(24, column: 0)
        try sheet.setColumnWidth(44, column: 1)

        var r = 0
        try sheet.write(
            summary.complete ? "MaxCloud ticket report" : "INCOMPLETE: MaxCloud ticket report",
            row: r, column: 0,
            format: summary.complete ? formats.title : formats.warning)
        r += 1
        if let headline = summary.headline {
            // Over the two columns left of the charts (some 68 characters wide).
            try WorkbookReport.writeNote(
                headline, row: r, columns: 0...1, perLine: 60, on: sheet, formats: formats)
        }
        r += 2
        if let banner = summary.incompleteBanner {
            // What is missing, in the words of the other formats' banner.
            try WorkbookReport.writeNote(
                banner, row: r - 1, columns: 0...1, perLine: 60, on: sheet, formats: formats)
            r += 1
        }
        let scopes = Set(summary.sources.map(\.scope)).sorted().joined(separator: ", ")
        // Names and tags may hold commas: each is followed by its id or quoted, and the list
        // is separated by semicolons.
        let tags = Set(summary.sources.compactMap(\.groupTag)).sorted().map { "\"\($0)\"" }
            .joined(separator: "; ")
        let facts: [(String, String)] = [
            ("As of", summary.asOf),
            ("Time zone", summary.timezone),
            ("Companies", data.companies.map { "\($0.name) (\($0.id))" }.joined(separator: "; ")),
            ("Scopes", scopes.isEmpty ? "-" : scopes),
            ("Group tags", tags.isEmpty ? "-" : tags),
            ("Closed tickets listed", summary.includeClosed ? "yes" : "no (--open-only)"),
            ("Complete", summary.complete ? "yes" : "NO: see the warnings below"),
        ]
        for (label, value) in facts {
            try sheet.write(label, row: r, column: 0, format: formats.label)
            try sheet.write(
                value, row: r, column: 1,
                format: label == "Complete" && !summary.complete ? formats.warning : nil)
            r += 1
        }
        r += 1
        let figures: [(String, Int)] = [
            ("Tickets", summary.totals.tickets), ("Open", summary.totals.open),
            ("Closed", summary.totals.closed),
            (
                "Open older than 30 days",
                summary.byAge.filter { ["30-90d", "90d+"].contains($0.key) }.reduce(0) {
                    $0 + $1.open
                }
            ),
            (
                "Open and unassigned",
                summary.byAssignee.first { $0.key == "(unassigned)" }?.open ?? 0
            ),
        ]
        for (label, value) in figures {
            try sheet.write(label, row: r, column: 0, format: formats.label)
            try sheet.write(value, row: r, column: 1, format: formats.integer)
            r += 1
        }
        r += 1
        try sheet.write("Warnings", row: r, column: 0, format: formats.label)
        if summary.warnings.isEmpty { try sheet.write("none", row: r, column: 1) }
        for warning in summary.warnings {
            try sheet.write(warning, row: r, column: 1)
            r += 1
        }

        try insertCharts(on: sheet, book: book, dimensions: dimensions)
    }

    private static func insertCharts(
        on sheet: Worksheet, book: Workbook, dimensions: [String: (Worksheet, Int)]
    )
        throws(XLSXError)
    {
        func range(_ rows: Int, _ column: Int) -> CellRange {
            CellRange(firstRow: 1, firstColumn: column, lastRow: rows, lastColumn: column)
        }
        if let (companies, count) = dimensions["By Company"] {
            let chart = try book.addChart(.columnStacked)
            try chart.addSeries(
                name: "Open", categories: (companies, range(count, 0)),
                values: (companies, range(count, 1)))
            try chart.addSeries(
                name: "Closed", categories: (companies, range(count, 0)),
                values: (companies, range(count, 2)))
            try chart.setTitle("Open and closed by company")
            try chart.setLegend(.bottom)
            try sheet.insertChart(chart, row: 0, column: 3, width: 620, height: 300)
        }
        let singles: [(String, String, ChartType, Int, Int, Int)] = [
            ("By Priority", "Open by priority", .column, 16, 3, .max),
            ("By Age", "Open by age", .column, 16, 10, .max),
            ("By Assignee", "Open by assignee (top 15)", .bar, 32, 3, 15),
        ]
        for (name, title, type, row, column, limit) in singles {
            guard let (source, count) = dimensions[name] else { continue }
            let rows = min(count, limit)
            let chart = try book.addChart(type)
            try chart.addSeries(
                name: "Open", categories: (source, range(rows, 0)), values: (source, range(rows, 1))
            )
            try chart.setTitle(title)
            try chart.setLegend(.none)
            try sheet.insertChart(
                chart, row: row, column: column, width: name == "By Assignee" ? 620 : 440,
                height: 300)
        }
    }
}
