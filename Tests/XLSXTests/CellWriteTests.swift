import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct CellWriteTests {
    @Test func writesStringsNumbersBooleansAndFormulas() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("cells.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Data")
        try sheet.write("hello & <world>", row: 0, column: 0)
        try sheet.write("工单 已关闭", row: 0, column: 1)
        try sheet.write(1.5, row: 1, column: 0)
        try sheet.write(42, row: 1, column: 1)
        try sheet.write(true, row: 2, column: 0)
        try sheet.writeFormula("=A2*2", result: 3, row: 2, column: 1)
        try sheet.writeFormula("=A1&\"!\"", result: "hello!", row: 2, column: 2)
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        let strings = texts(in: try XLSXPackage.part("xl/sharedStrings.xml", of: file))
        #expect(strings == ["hello & <world>", "工单 已关闭"])
        #expect(cellValue("A2", in: xml) == "1.5")
        #expect(cellValue("B2", in: xml) == "42")
        #expect(cellXML("A3", in: xml)?.contains("t=\"b\"") == true)
        #expect(cellValue("A3", in: xml) == "1")
        #expect(cellXML("B3", in: xml)?.contains("<f>A2*2</f>") == true)
        #expect(cellValue("B3", in: xml) == "3")
        #expect(cellXML("C3", in: xml)?.contains("t=\"str\"") == true)
        #expect(cellValue("C3", in: xml) == "hello!")
    }

    @Test func writesDatetimesAsExcelSerialNumbers() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("dates.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Dates")
        let format = try workbook.addFormat(numberFormat: "yyyy-mm-dd hh:mm")
        try sheet.write(
            CellDateTime(year: 2026, month: 11, day: 30, hour: 9), row: 0, column: 0, format: format
        )
        try sheet.write(CellDateTime(year: 1900, month: 1, day: 1), row: 1, column: 0)
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let instant = Date(timeIntervalSince1970: 1_796_000_400)  // 2026-11-30T01:00:00Z
        try sheet.write(CellDateTime(instant, in: shanghai), row: 2, column: 0)
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(cellValue("A1", in: xml) == "46356.375")
        #expect(cellXML("A1", in: xml)?.contains("s=\"1\"") == true)
        #expect(cellValue("A2", in: xml) == "1")
        #expect(cellValue("A3", in: xml) == "46356.375")
    }

    @Test(arguments: [
        CellDateTime(year: 1899, month: 12, day: 31),
        CellDateTime(year: 10000, month: 1, day: 1),
        CellDateTime(year: 2026, month: 2, day: 29),
        CellDateTime(year: 2026, month: 1, day: 1, hour: 24),
        CellDateTime(year: 2026, month: 1, day: 1, second: .nan),
    ])
    func refusesDatesExcelCannotHold(date: CellDateTime) throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("bad-dates.xlsx"))
        let sheet = try workbook.addWorksheet(name: "Dates")

        #expect {
            try sheet.write(date, row: 3, column: 1)
        } throws: { error in
            guard case .invalidDate(_, let context) = error as? XLSXError else { return false }
            return context == "sheet 'Dates' cell B4"
        }
    }

    @Test func neverWritesNaNOrInfinity() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("nan.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Numbers")
        let format = try workbook.addFormat(bold: true)
        try sheet.write(Double.nan, row: 0, column: 0)
        try sheet.write(Double.infinity, row: 0, column: 1, format: format)
        try sheet.write(-Double.infinity, row: 0, column: 2)
        try sheet.writeFormula("=1/0", result: .nan, row: 0, column: 3)
        try sheet.write(7.0, row: 0, column: 4)
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(!xml.uppercased().contains("NAN"))
        #expect(!xml.uppercased().contains("INF"))
        #expect(cellXML("A1", in: xml) == nil)
        #expect(cellXML("B1", in: xml) == "<c r=\"B1\" s=\"1\"/>")
        #expect(cellValue("D1", in: xml) == "0")
        #expect(cellValue("E1", in: xml) == "7")
    }

    @Test(arguments: [(1_048_576, 0), (0, 16_384), (-1, 0), (0, -1), (Int.max, Int.max)])
    func refusesCellsOutsideTheGrid(row: Int, column: Int) throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("range.xlsx"))
        let sheet = try workbook.addWorksheet(name: "Grid")

        #expect(
            throws: XLSXError.cellOutOfRange(
                row: row, column: column, context: sheet.cellContext(row, column))
        ) {
            try sheet.write("x", row: row, column: column)
        }
        #expect(throws: XLSXError.self) { try sheet.write(1.0, row: row, column: column) }
        #expect(throws: XLSXError.self) {
            try sheet.write(CellDateTime(year: 2026, month: 1, day: 1), row: row, column: column)
        }
    }

    @Test func acceptsTheLastCellOfTheGrid() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("corner.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Grid")
        try sheet.write("corner", row: 1_048_575, column: 16_383)
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(cellXML("XFD1048576", in: xml) != nil)
    }

    /// An integer that a Double cannot hold exactly, or that Excel would show rounded (over
    /// 15 digits), is written as its digits in a text cell.
    @Test func writesLargeIntegersAsExactText() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("ids.xlsx")
        let values = [
            9_007_199_254_740_993, 123_456_789_012_345_678, -9_007_199_254_740_993, .min, .max,
            1_000_000_000_000_000, 999_999_999_999_999, -999_999_999_999_999, 0,
        ]

        let workbook = try Workbook(path: file, options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Ids")
        for (row, value) in values.enumerated() {
            try sheet.write(value, row: row, column: 0)
        }
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        let cells = (1...values.count).map { cellXML("A\($0)", in: xml) ?? "" }
        #expect(
            cells.prefix(6).map { texts(in: $0) } == values.prefix(6).map { [String($0)] })
        #expect(cells.prefix(6).allSatisfy { $0.contains("t=\"inlineStr\"") })
        #expect(
            (7...9).map { cellValue("A\($0)", in: xml) } == [
                "999999999999999", "-999999999999999", "0",
            ])
    }
}
