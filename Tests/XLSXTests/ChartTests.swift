import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct ChartTests {
    @Test func putsChartsInThePackageWithTheRightRanges() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("chart.xlsx")

        let workbook = try Workbook(path: file)
        let data = try workbook.addWorksheet(name: "By Priority")
        let summary = try workbook.addWorksheet(name: "Summary")
        for (row, (key, count)) in [("1", 4), ("2", 9), ("none", 2)].enumerated() {
            try data.write(key, row: row + 1, column: 0)
            try data.write(count, row: row + 1, column: 1)
        }
        let column = try workbook.addChart(.column)
        try column.addSeries(
            name: "Open",
            categories: (data, CellRange(firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 0)),
            values: (data, CellRange(firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1)))
        try column.setTitle("Tickets by priority")
        try column.setAxisNames(x: "Priority", y: "Tickets")
        try column.setLegend(.bottom)
        try column.setStyle(10)
        try summary.insertChart(column, row: 1, column: 1, width: 640, height: 320)
        let pie = try workbook.addChart(.doughnut)
        try pie.addSeries(
            name: "=not a reference", categories: nil,
            values: (data, CellRange(firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1)))
        try summary.insertChart(pie, row: 20, column: 1)
        try workbook.close()

        let parts = try XLSXPackage.partNames(of: file)
        #expect(parts.contains("xl/charts/chart1.xml"))
        #expect(parts.contains("xl/charts/chart2.xml"))
        #expect(parts.contains("xl/drawings/drawing1.xml"))
        let chart = try XLSXPackage.part("xl/charts/chart1.xml", of: file)
        #expect(chart.contains("<c:barChart>"))
        #expect(chart.contains("<c:f>'By Priority'!$A$2:$A$4</c:f>"))
        #expect(chart.contains("<c:f>'By Priority'!$B$2:$B$4</c:f>"))
        #expect(
            texts(
                in: chart.replacingOccurrences(of: "<a:t>", with: "<t>").replacingOccurrences(
                    of: "</a:t>", with: "</t>"))
                == ["Tickets by priority", "Priority", "Tickets"])
        #expect(chart.contains("<c:legendPos val=\"b\"/>"))
        #expect(chart.contains("<c:style val=\"10\"/>"))
        #expect(chart.contains("<c:v>Open</c:v>"))
        let doughnut = try XLSXPackage.part("xl/charts/chart2.xml", of: file)
        #expect(doughnut.contains("<c:doughnutChart>"))
        #expect(doughnut.contains("<c:v> =not a reference</c:v>"))
    }

    @Test func aLineSeriesCanMarkItsPointsAndShowTheirValues() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("line.xlsx")
        let workbook = try Workbook(path: file, options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Trend")
        try sheet.write("2026-W49", row: 1, column: 0)
        try sheet.write(250, row: 1, column: 1)
        let range = { (column: Int) in
            CellRange(firstRow: 1, firstColumn: column, lastRow: 1, lastColumn: column)
        }

        let line = try workbook.addChart(.line)
        try line.addSeries(
            name: "Backlog", categories: (sheet, range(0)), values: (sheet, range(1)),
            marker: .circle, showValues: true)
        let plain = try workbook.addChart(.line)
        try plain.addSeries(name: nil, categories: nil, values: (sheet, range(1)))
        try sheet.insertChart(line, row: 3, column: 0)
        try sheet.insertChart(plain, row: 20, column: 0)
        try workbook.close()

        let marked = try XLSXPackage.part("xl/charts/chart1.xml", of: file)
        #expect(marked.contains("<c:lineChart>"))
        #expect(marked.contains("<c:marker><c:symbol val=\"circle\"/></c:marker>"))
        #expect(marked.contains("<c:dLbls><c:showVal val=\"1\"/></c:dLbls>"))
        #expect(marked.contains("<c:f>Trend!$B$2</c:f>"))
        let unmarked = try XLSXPackage.part("xl/charts/chart2.xml", of: file)
        // A line chart draws no markers unless asked, so one point alone would not show.
        #expect(unmarked.contains("<c:symbol val=\"none\"/>") && !unmarked.contains("<c:showVal"))
    }

    @Test func refusesChartsThatCannotBePlaced() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("empty-chart.xlsx"))
        let other = try Workbook(path: directory.path("other.xlsx"))
        let sheet = try workbook.addWorksheet(name: "Summary")
        let foreignSheet = try other.addWorksheet(name: "Elsewhere")
        let chart = try workbook.addChart(.line)
        let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0)

        #expect(throws: XLSXError.self) { try sheet.insertChart(chart, row: 0, column: 0) }
        #expect {
            try chart.addSeries(name: nil, categories: nil, values: (foreignSheet, range))
        } throws: { error in
            if case .foreignObject = error as? XLSXError { return true }
            return false
        }
        #expect(throws: XLSXError.self) { try chart.setStyle(49) }
        try chart.addSeries(name: nil, categories: nil, values: (sheet, range))
        try sheet.insertChart(chart, row: 0, column: 0)
        #expect(throws: XLSXError.self) { try sheet.insertChart(chart, row: 5, column: 0) }
    }
}
