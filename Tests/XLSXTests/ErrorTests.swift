import CXlsxWriter
import Foundation
import Testing

@testable import XLSX

@Suite struct ErrorTests {
    private func strerror(_ error: lxw_error) -> String { String(cString: lxw_strerror(error)) }

    @Test func closeFailureCarriesTheLibrarysText() throws {
        let path = "/nonexistent-\(UUID().uuidString)/report.xlsx"
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(name: "Tickets")
        try sheet.write("x", row: 0, column: 0)

        #expect {
            try workbook.close()
        } throws: { error in
            let text = String(describing: error)
            return text.contains(strerror(LXW_ERROR_CREATING_XLSX_FILE)) && text.contains(path)
        }
    }

    @Test func sheetNameErrorsCarryTheLibrarysReason() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("names.xlsx"))
        _ = try workbook.addWorksheet(name: "Tickets")

        let cases: [(String, lxw_error)] = [
            ("a:b", LXW_ERROR_INVALID_SHEETNAME_CHARACTER),
            ("'lead", LXW_ERROR_SHEETNAME_START_END_APOSTROPHE),
            ("tickets", LXW_ERROR_SHEETNAME_ALREADY_USED),
        ]
        for (name, code) in cases {
            #expect {
                _ = try workbook.addWorksheet(name: name)
            } throws: { error in
                String(describing: error).contains(strerror(code))
            }
        }
    }

    @Test func rowOrderErrorCarriesTheLibrarysText() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(
            path: directory.path("rows.xlsx"), options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Rows")
        try sheet.write(1, row: 5, column: 0)

        #expect {
            try sheet.write(2, row: 4, column: 0)
        } throws: { error in
            let text = String(describing: error)
            return text.contains(strerror(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE))
                && text.contains("sheet 'Rows' cell A5")
        }
    }

    @Test func refusesUseAfterCloseAndForeignFormats() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("closed.xlsx"))
        let other = try Workbook(path: directory.path("other.xlsx"))
        let sheet = try workbook.addWorksheet(name: "S")
        let foreign = try other.addFormat(bold: true)

        #expect(throws: XLSXError.foreignObject(kind: "format", context: "sheet 'S' cell A1")) {
            try sheet.write("x", row: 0, column: 0, format: foreign)
        }
        try workbook.close()
        #expect(throws: XLSXError.workbookClosed(call: "sheet 'S' cell A1")) {
            try sheet.write("x", row: 0, column: 0)
        }
        #expect(throws: XLSXError.self) { try workbook.close() }
        #expect(throws: XLSXError.self) { _ = try workbook.addWorksheet(name: "T") }
    }

    @Test func dropsAnUnclosedWorkbookWithoutWriting() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let path = directory.path("dropped.xlsx")

        do {
            let workbook = try Workbook(path: path)
            try workbook.addWorksheet(name: "S").write("x", row: 0, column: 0)
        }

        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
