import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct FeatureTests {
    @Test func writesTablesWithTotals() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("table.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "By State")
        for (row, (state, count)) in [("open", 5), ("closed", 7)].enumerated() {
            try sheet.write(state, row: row + 1, column: 0)
            try sheet.write(count, row: row + 1, column: 1)
        }
        let columns = [
            TableColumn(header: "State", total: .label("Total")),
            TableColumn(header: "Tickets", total: .function(.sum, result: 12)),
        ]
        try sheet.addTable(
            CellRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 1),
            options: TableOptions(name: "States", style: .light(9), columns: columns))
        try workbook.close()

        let table = try XLSXPackage.part("xl/tables/table1.xml", of: file)
        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(table.contains("ref=\"A1:B4\""))
        #expect(table.contains("totalsRowCount=\"1\""))
        #expect(table.contains("name=\"States\""))
        #expect(table.contains("TableStyleLight9"))
        #expect(table.contains("totalsRowLabel=\"Total\""))
        #expect(table.contains("totalsRowFunction=\"sum\""))
        #expect(cellXML("B4", in: xml)?.contains("SUBTOTAL(109,[Tickets])") == true)
        #expect(cellValue("B4", in: xml) == "12")
    }

    @Test func refusesTableColumnsThatDoNotMatchTheRange() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("bad-table.xlsx"))
        let sheet = try workbook.addWorksheet(name: "T")
        let range = CellRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 2)

        #expect(throws: XLSXError.self) {
            try sheet.addTable(range, options: TableOptions(columns: [TableColumn(header: "only")]))
        }
        #expect(throws: XLSXError.self) {
            try sheet.addTable(range, options: TableOptions(style: .dark(12)))
        }
    }

    @Test func writesLayoutFormatsAndConditionalFormats() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("layout.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Tickets")
        let header = try workbook.addFormat(
            FormatStyle(
                bold: true, italic: true, fontSize: 12, fontColor: .white,
                backgroundColor: Color(rgb: 0x1F4E79), border: .thin,
                horizontalAlignment: .center, verticalAlignment: .top, textWrap: true))
        let sameHeader = try workbook.addFormat(header.style)
        let red = try workbook.addFormat(fontColor: .red)
        let black = try workbook.addFormat(fontColor: .black, numberFormat: "0.0")
        try sheet.setColumnWidth(30, column: 1)
        try sheet.setColumnWidth(12, columns: 2...4, format: black)
        try sheet.setRowHeight(24, row: 0)
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(CellRange(firstRow: 0, firstColumn: 0, lastRow: 10, lastColumn: 4))
        try sheet.mergeRange(
            CellRange(firstRow: 12, firstColumn: 0, lastRow: 12, lastColumn: 4), text: "Notes",
            format: header)
        try sheet.addConditionalFormat(
            CellRange(firstRow: 1, firstColumn: 2, lastRow: 10, lastColumn: 2),
            rule: .cell(.greaterThan, 30), format: red)
        try sheet.addConditionalFormat(
            CellRange(firstRow: 1, firstColumn: 3, lastRow: 10, lastColumn: 3),
            rule: .cellBetween(1, 3), format: red)
        try sheet.addConditionalFormat(
            CellRange(firstRow: 1, firstColumn: 0, lastRow: 10, lastColumn: 4),
            rule: .formula("=$B2=\"closed\""), format: red)
        try workbook.close()

        #expect(header === sameHeader)
        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        let styles = try XLSXPackage.part("xl/styles.xml", of: file)
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"30.7109375\" customWidth=\"1\"/>"))
        #expect(
            xml.contains(
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            ))
        #expect(xml.contains("<autoFilter ref=\"A1:E11\"/>"))
        #expect(xml.contains("<mergeCell ref=\"A13:E13\"/>"))
        #expect(
            xml.contains(
                "<conditionalFormatting sqref=\"C2:C11\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"greaterThan\"><formula>30</formula>"
            ))
        #expect(xml.contains("operator=\"between\"><formula>1</formula><formula>3</formula>"))
        #expect(
            xml.contains(
                "<cfRule type=\"expression\" dxfId=\"0\" priority=\"3\"><formula>$B2=\"closed\"</formula>"
            ))
        #expect(styles.contains("<b/><i/><sz val=\"12\"/><color rgb=\"FFFFFFFF\"/>"))
        #expect(styles.contains("<fgColor rgb=\"FF1F4E79\"/>"))
        #expect(styles.contains("<color rgb=\"FF000000\"/>"))
        #expect(styles.contains("formatCode=\"0.0\""))
        #expect(styles.contains("wrapText=\"1\""))
    }
}
