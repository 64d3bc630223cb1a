import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct DeterminismTests {
    private func writeReport(to path: String, constantMemory: Bool) throws {
        let workbook = try Workbook(path: path, options: .init(constantMemory: constantMemory))
        var properties = DocumentProperties(
            title: "Weekly tickets", author: "maxcloud-report", company: "MaxCloud 示例")
        try properties.setCreated(year: 2026, month: 11, day: 30, hour: 1)
        try workbook.setProperties(properties)
        let sheet = try workbook.addWorksheet(name: "Tickets")
        let bold = try workbook.addFormat(bold: true, backgroundColor: .lightGray)
        try sheet.write("subject", row: 0, column: 0, format: bold)
        try sheet.write("created", row: 0, column: 1, format: bold)
        for row in 1...50 {
            try sheet.write("工单 \(row)", row: row, column: 0)
            try sheet.write(
                CellDateTime(year: 2026, month: 11, day: row % 28 + 1), row: row, column: 1)
        }
        let chart = try workbook.addChart(.pie)
        try chart.addSeries(
            name: "Dates", categories: nil,
            values: (sheet, CellRange(firstRow: 1, firstColumn: 1, lastRow: 5, lastColumn: 1)))
        try sheet.insertChart(chart, row: 1, column: 4)
        try workbook.close()
    }

    @Test(arguments: [false, true])
    func sameCallsGiveTheSameBytes(constantMemory: Bool) throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let first = directory.path("first.xlsx")
        let second = directory.path("second.xlsx")

        try writeReport(to: first, constantMemory: constantMemory)
        Thread.sleep(forTimeInterval: 1.1)
        try writeReport(to: second, constantMemory: constantMemory)

        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(firstBytes.count > 0)
        #expect(firstBytes == secondBytes)
    }

    @Test func writesTheDocumentProperties() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("props.xlsx")

        try writeReport(to: file, constantMemory: false)

        let core = try XLSXPackage.part("docProps/core.xml", of: file)
        let app = try XLSXPackage.part("docProps/app.xml", of: file)
        #expect(core.contains("<dc:title>Weekly tickets</dc:title>"))
        #expect(core.contains("<dc:creator>maxcloud-report</dc:creator>"))
        #expect(core.contains(">2026-11-30T01:00:00Z</dcterms:created>"))
        #expect(app.contains("<Company>MaxCloud 示例</Company>"))
    }
}
