import Foundation
import TestSupport
import Testing

@testable import XLSX

/// Compares a tiny workbook's sheet XML with a checked-in file.
///
/// Re-record with `XLSX_RECORD_GOLDEN=1 swift test --filter GoldenTests`: the test then
/// writes `Golden/sheet1-basic.xml` next to this file and fails on purpose, so that nobody
/// records by accident. Review the diff and run again without the variable.
@Suite struct GoldenTests {
    private static let goldenName = "sheet1-basic"

    private func writeTinyWorkbook(to path: String) throws {
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "Summary")
        let bold = try workbook.addFormat(bold: true, border: .thin)
        let date = try workbook.addFormat(numberFormat: "yyyy-mm-dd hh:mm")
        try sheet.setColumnWidth(18, column: 0)
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.write("key", row: 0, column: 0, format: bold)
        try sheet.write("total", row: 0, column: 1, format: bold)
        try sheet.write("open", row: 1, column: 0)
        try sheet.write(150, row: 1, column: 1)
        try sheet.write("closed", row: 2, column: 0)
        try sheet.write(137.5, row: 2, column: 1)
        try sheet.write("as of", row: 3, column: 0)
        try sheet.write(
            CellDateTime(year: 2026, month: 11, day: 30, hour: 9), row: 3, column: 1, format: date)
        try sheet.writeFormula("=SUM(B2:B3)", result: 287.5, row: 4, column: 1)
        try sheet.write(false, row: 5, column: 1)
        try workbook.close()
    }

    @Test func sheetXMLMatchesTheGoldenFile() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("golden.xlsx")

        try writeTinyWorkbook(to: file)
        let actual = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)

        if ProcessInfo.processInfo.environment["XLSX_RECORD_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden/\(Self.goldenName).xml")
            try actual.write(to: source, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded \(source.path); run again without XLSX_RECORD_GOLDEN to check it.")
            return
        }
        let url = try #require(
            Bundle.module.url(
                forResource: Self.goldenName, withExtension: "xml", subdirectory: "Golden"),
            "Golden file missing; record it with XLSX_RECORD_GOLDEN=1")
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected)
    }
}
