import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct ConstantMemoryTests {
    @Test func writesALargeSheetRowByRow() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("large.xlsx")
        let options = Workbook.Options(constantMemory: true, tmpdir: directory.url.path)

        let workbook = try Workbook(path: file, options: options)
        #expect(workbook.isConstantMemory)
        let sheet = try workbook.addWorksheet(name: "Tickets")
        let dateFormat = try workbook.addFormat(numberFormat: "yyyy-mm-dd hh:mm")
        try sheet.setAutofilter(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: 5_000, lastColumn: 2))
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.write("id", row: 0, column: 0)
        try sheet.write("subject", row: 0, column: 1)
        try sheet.write("created", row: 0, column: 2)
        for row in 1...5_000 {
            try sheet.write(row, row: row, column: 0)
            try sheet.write("工单 \(row)", row: row, column: 1)
            let created = CellDateTime(year: 2026, month: 11, day: 1 + row % 28, hour: row % 24)
            try sheet.write(created, row: row, column: 2, format: dateFormat)
        }
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(xml.contains("t=\"inlineStr\""))
        #expect(xml.contains("<autoFilter ref=\"A1:C5001\"/>"))
        #expect(cellValue("A5001", in: xml) == "5000")
        #expect(cellXML("B5001", in: xml)?.contains("工单 5000") == true)
        #expect(xml.components(separatedBy: "<row ").count - 1 == 5_001)
    }

    @Test func refusesTablesWithAClearError() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(
            path: directory.path("table.xlsx"), options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Tickets")
        let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1)

        #expect(
            throws: XLSXError.unsupportedInConstantMemory(
                feature: "Tables", context: "sheet 'Tickets' addTable(A1:B4)")
        ) {
            try sheet.addTable(range)
        }
        let error = XLSXError.unsupportedInConstantMemory(
            feature: "Tables", context: "sheet 'Tickets' addTable(A1:B4)")
        #expect(error.description.contains("constant-memory mode"))
    }

    @Test func reportsAWriteToAFlushedRow() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(
            path: directory.path("order.xlsx"), options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Rows")
        try sheet.write("first", row: 0, column: 0)
        try sheet.write("second", row: 1, column: 0)

        #expect {
            try sheet.write("late", row: 0, column: 1)
        } throws: { error in
            guard case .library(_, let message, let context) = error as? XLSXError else {
                return false
            }
            return !message.isEmpty && context == "sheet 'Rows' cell B1"
        }
    }
}
