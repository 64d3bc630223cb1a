import Foundation
import MaxCloud
import TestSupport
import Testing
import XLSX

@testable import Reports

/// Cells of `report.xlsx` that the input could get wrong: company names Excel refuses as
/// they are, ids beyond a Double, local times that daylight saving skips, keys that are
/// numbers, and column widths.
@Suite struct WorkbookCellTests {
    /// The Tickets sheet: Summary, Changes, Trend, Actions, five dimension sheets, then
    /// Tickets.
    static let ticketsPart = "xl/worksheets/sheet10.xml"

    @Test func companyNamesWithMarksOnForbiddenCharactersStillGiveAWorkbook() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = [
            "*\u{FE0F}\u{20E3} Support", "Help?\u{FE0F}", "a/\u{0301}b", "a/\u{200D}b",
            "Ops:\u{FE0E}", "'\u{0301}Acme", "   ",
        ]
        let companies = names.enumerated().map { Company(id: $0.offset + 1, name: $0.element) }

        let file = try WorkbookFiles.write(
            [Fixtures.ticket(1), Fixtures.ticket(2, company: 3)], companies: companies, in: folder)

        let sheets = try WorkbookFiles.sheetNames(file).dropFirst(WorkbookTests.sheetNames.count)
        #expect(
            sheets.map { Array($0.unicodeScalars) }
                == [
                    "_ Support", "Help_", "a_b", "a_b (company 4)", "Ops_", "Acme", "Company 7",
                ].map { Array($0.unicodeScalars) })
    }

    @Test func idsBeyondFifteenDigitsAreWrittenAsExactText() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = [
            Fixtures.ticket(9_007_199_254_740_993), Fixtures.ticket(123_456_789_012_345_678),
            Fixtures.ticket(999_999_999_999_999),
        ]

        let file = try WorkbookFiles.write(tickets, in: folder)

        let sheet = try XLSXPackage.part(Self.ticketsPart, of: file)
        #expect(cellValue("C2", in: sheet) == "999999999999999")
        #expect(cellXML("C2", in: sheet)?.contains("t=\"") == false)
        #expect(texts(in: cellXML("C3", in: sheet) ?? "") == ["9007199254740993"])
        #expect(texts(in: cellXML("C4", in: sheet) ?? "") == ["123456789012345678"])
    }

    /// 2026-03-08 02:30 does not exist in New York (clocks jump from 02:00 to 03:00); the
    /// cell shows what the API wrote, the age comes from the instant it was read as.
    @Test func timesAreWrittenAsTheAPIWroteThemEvenWhenDaylightSavingSkipsThem() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ticket = Fixtures.ticket(
            1, created: "2026-03-08 02:30:00", updated: "2026-11-01 01:30:00")

        let file = try WorkbookFiles.write(
            [ticket], clock: try Fixtures.clock(zone: "America/New_York"), in: folder)

        let sheet = try XLSXPackage.part(Self.ticketsPart, of: file)
        #expect(cellValue("M2", in: sheet)?.hasPrefix("46089.10416666") == true)
        #expect(cellValue("N2", in: sheet) == "46327.0625")
        #expect(cellValue("O2", in: sheet) == "267")
    }

    @Test func priorityKeysAreNumbersAndNoneIsText() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = [
            Fixtures.ticket(1, priority: 0), Fixtures.ticket(2, priority: 4),
            Fixtures.ticket(3, priority: nil),
        ]

        let file = try WorkbookFiles.write(tickets, in: folder)

        let byPriority = try WorkbookFiles.sheetPart("By Priority", of: file)
        #expect(cellValue("A2", in: byPriority) == "0")
        #expect(cellXML("A2", in: byPriority)?.contains("t=\"") == false)
        #expect(cellValue("A3", in: byPriority) == "4")
        #expect(texts(in: cellXML("A4", in: byPriority) ?? "") == ["none"])
        // The company sheet's Priority table, under the facts: the same keys.
        let company = try WorkbookFiles.sheetPart("DefaultTeam", of: file)
        #expect(cellValue("A9", in: company) == "0")
        #expect(cellXML("A9", in: company)?.contains("t=\"") == false)
        #expect(texts(in: cellXML("A11", in: company) ?? "") == ["none"])
    }

    @Test func numericColumnsAreAsWideAsTheirNumbers() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var ticket = Fixtures.ticket(123_456_789_012, company: 4_000_000_001)
        ticket.teamID = 98_765_432_109
        ticket.commentCount = 1_234_567_890
        let companies = [Company(id: 4_000_000_001, name: "Big")]

        let file = try WorkbookFiles.write([ticket], companies: companies, in: folder)

        let widths = WorkbookFiles.columnWidths(try XLSXPackage.part(Self.ticketsPart, of: file))
        // Company ID, Ticket, Team ID, Comments: at least the digits and a margin.
        for (column, digits) in [(1, 10), (3, 12), (11, 11), (17, 10)] {
            #expect((widths[column] ?? 0) >= Double(digits + 1), "column \(column)")
        }
        let sources = WorkbookFiles.columnWidths(
            try WorkbookFiles.sheetPart("Sources", of: file))
        #expect((sources[1] ?? 0) >= 11)
        let company = WorkbookFiles.columnWidths(
            try WorkbookFiles.sheetPart("Big", of: file))
        #expect((company[2] ?? 0) >= 11)  // The id is shown without separators.
    }

    @Test func multiLineTextIsMeasuredByItsLongestLine() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let subject = Array(repeating: "ten chars.", count: 8).joined(separator: "\r\n")

        let file = try WorkbookFiles.write([Fixtures.ticket(1, subject: subject)], in: folder)

        let widths = WorkbookFiles.columnWidths(try XLSXPackage.part(Self.ticketsPart, of: file))
        #expect((widths[7] ?? 0) < 16)
    }
}
