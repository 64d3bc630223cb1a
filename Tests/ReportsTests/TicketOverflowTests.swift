import Foundation
import MaxCloud
import TestSupport
import Testing
import XLSX

@testable import Reports

/// More tickets than a sheet holds continue on `Tickets (2)`, `Tickets (3)`, ...
///
/// Writing 1,048,576 rows takes too long for the unit suite, so the split is one function
/// of the count (`TicketSheets.parts`), checked here at Excel's real limit, and the writer,
/// which takes its sheets from that function, is checked with a small `perSheet` at the same
/// boundaries: a full sheet, one row more, two full sheets, none at all.
@Suite struct TicketOverflowTests {
    @Test func aFullSheetEndsOnExcelsLastRow() {
        #expect(TicketSheets.rowsPerSheet == 1_048_575)
        // The header on row 1, then the rows: a full sheet fills Excel's grid exactly.
        #expect(TicketSheets.rowsPerSheet + 1 == Grid.rowCount)
        #expect(Grid.rowCount == 1_048_576)
    }

    @Test(arguments: [
        (0, [0]), (1, [1]), (1_048_575, [1_048_575]), (1_048_576, [1_048_575, 1]),
        (2_097_150, [1_048_575, 1_048_575]), (2_097_151, [1_048_575, 1_048_575, 1]),
    ])
    func ticketsAreSplitAtExcelsRowLimit(total: Int, rows: [Int]) {
        let parts = TicketSheets.parts(total: total)

        #expect(parts.map(\.rows) == rows)
        #expect(
            parts.map(\.name)
                == Array(["Tickets", "Tickets (2)", "Tickets (3)"].prefix(rows.count)))
        #expect(parts.allSatisfy { $0.rows <= Grid.rowCount - 1 })
    }

    @Test(arguments: [
        (0, [[String]()]), (3, [["1", "2", "3"]]), (4, [["1", "2", "3"], ["4"]]),
        (6, [["1", "2", "3"], ["4", "5", "6"]]), (7, [["1", "2", "3"], ["4", "5", "6"], ["7"]]),
    ])
    func rowsContinueOnTheNextSheetAtTheSameBoundaries(count: Int, ids: [[String]]) throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ReportData(
            snapshot: Fixtures.snapshot((0..<count).map { Fixtures.ticket($0 + 1) }),
            clock: try Fixtures.clock())
        let path = folder.appendingPathComponent("split.xlsx").path
        let book = try Workbook(path: path, options: .init(constantMemory: true))
        let formats = try WorkbookFormats(book)

        try TicketSheets.write(
            data.rows, count: data.rows.count, into: book, formats: formats, perSheet: 3)
        try book.close()

        let names = TicketSheets.parts(total: count, perSheet: 3).map(\.name)
        #expect(try WorkbookFiles.sheetNames(path) == names)
        let written = try (1...names.count).map { index in
            let xml = try XLSXPackage.part("xl/worksheets/sheet\(index).xml", of: path)
            return (2...5).compactMap { cellValue("C\($0)", in: xml) }
        }
        #expect(written == ids)
        let last = try XLSXPackage.part("xl/worksheets/sheet\(names.count).xml", of: path)
        #expect(last.contains("<autoFilter ref=\"A1:Q\(max(2, (ids.last?.count ?? 0) + 1))\"/>"))
    }
}
