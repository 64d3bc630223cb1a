import Foundation
import MaxCloud
import TestSupport
import Testing
import XLSX

@testable import Reports

/// `report.xlsx` as a whole: its sheets, charts, typed cells and Excel's limits, read back
/// from the package.
@Suite struct WorkbookTests {
    static let sheetNames = [
        "Summary", "Changes", "Trend", "Actions", "By Company", "By Priority", "By Assignee",
        "By State", "By Age", "Tickets", "Sources",
    ]

    func workbook(_ tickets: [Ticket], companies: [Company]? = nil, in folder: URL) throws
        -> String
    {
        try WorkbookFiles.write(tickets, companies: companies, in: folder)
    }

    func sheetNames(_ file: String) throws -> [String] { try WorkbookFiles.sheetNames(file) }

    @Test func everySheetChartAndTypedCellIsThere() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = [
            Fixtures.ticket(7, priority: 1, created: "2026-10-01 09:00:00"),
            Fixtures.ticket(8, state: "Closed", priority: nil, assignee: nil),
            Fixtures.ticket(9, company: 2, created: "2026-11-30 08:00:00"),
        ]

        let file = try workbook(tickets, in: folder)

        #expect(try sheetNames(file) == Self.sheetNames + ["DefaultTeam", "运维二组"])
        let parts = try XLSXPackage.partNames(of: file)
        #expect(parts.filter { $0.hasPrefix("xl/charts/chart") }.count == 6)
        let sheet = try WorkbookFiles.sheetPart("Tickets", of: file)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\""))
        #expect(sheet.contains("<autoFilter ref=\"A1:Q4\"/>"))
        #expect(sheet.contains("<conditionalFormatting sqref=\"A2:Q4\">"))
        // Ticket 7: id a number, created 2026-10-01 09:00 as an Excel serial, age 60 days.
        #expect(cellValue("C2", in: sheet) == "7")
        #expect(cellXML("C2", in: sheet)?.contains("t=\"") == false)
        #expect(cellValue("M2", in: sheet) == "46296.375")
        #expect(cellValue("O2", in: sheet) == "60")
        #expect(cellValue("F2", in: sheet) == "1")
        // Ticket 8 has no priority: the cell is left empty, not written as text.
        #expect(cellXML("F3", in: sheet) == nil)
        #expect(texts(in: cellXML("E3", in: sheet) ?? "") == ["closed"])
        let byCompany = try WorkbookFiles.sheetPart("By Company", of: file)
        #expect(
            texts(in: byCompany).prefix(7) == [
                "Company", "Open", "Closed", "Total", "Open %", "DefaultTeam", "运维二组",
            ])
        #expect(cellValue("B2", in: byCompany) == "1")
        #expect(cellValue("C2", in: byCompany) == "1")
        #expect(cellValue("D4", in: byCompany) == "3")
    }

    @Test func anEmptyCompanyGivesZerosAndChartsButNeverNaN() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }

        let file = try workbook([], companies: [Company(id: 4, name: "EmptyCo")], in: folder)

        #expect(try sheetNames(file) == Self.sheetNames + ["EmptyCo"])
        for part in try XLSXPackage.partNames(of: file) where part.hasSuffix(".xml") {
            let xml = try XLSXPackage.part(part, of: file)
            #expect(
                !xml.contains(">NAN<") && !xml.contains(">INF<") && !xml.contains(">-INF<"),
                "\(part)")
        }
        let byCompany = try WorkbookFiles.sheetPart("By Company", of: file)
        #expect(texts(in: byCompany).contains("EmptyCo"))
        #expect(cellValue("B2", in: byCompany) == "0")
        #expect(cellValue("E2", in: byCompany) == "0")
        let byPriority = try WorkbookFiles.sheetPart("By Priority", of: file)
        #expect(texts(in: byPriority).contains("(none)"))
        #expect(
            try XLSXPackage.partNames(of: file).filter { $0.hasPrefix("xl/charts/") }.count == 6)
    }

    @Test func hostileTextIsCleanedAndCutInTheTicketsSheet() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "工单😀", count: 20_000)
        let tickets = [
            Fixtures.ticket(1, subject: "before\u{0}\u{1}\u{8}\u{B}after\tend"),
            Fixtures.ticket(2, subject: long),
        ]

        let file = try workbook(tickets, in: folder)

        let sheet = try WorkbookFiles.sheetPart("Tickets", of: file)
        #expect(texts(in: cellXML("G2", in: sheet) ?? "") == ["beforeafter\tend"])
        let cut = try #require(texts(in: cellXML("G3", in: sheet) ?? "").first)
        #expect(cut.utf16.count <= 32_767)
        #expect(cut.hasSuffix(TextSanitizer.truncationMarker))
        #expect(long.hasPrefix(cut.dropLast(TextSanitizer.truncationMarker.count)))
    }

    @Test func companySheetsAreNamedAfterCompaniesAsExcelAllows() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "很长的公司名称", count: 10)
        let companies = [
            Company(id: 1, name: "Ops [prod]: a/b\\c*?"), Company(id: 2, name: "acme"),
            Company(id: 3, name: "ACME"), Company(id: 4, name: "Tickets"),
            Company(id: 5, name: long), Company(id: 6, name: "'quoted'\u{7}"),
            Company(id: 7, name: "history"), Company(id: 8, name: "tickets (3)"),
            Company(id: 9, name: " \u{3000} "), Company(id: 10, name: "By Age"),
            Company(id: 11, name: "Äpfel"), Company(id: 12, name: "äPFEL"),
        ]
        let tickets = [
            Fixtures.ticket(1, priority: 3), Fixtures.ticket(2, company: 2, state: "closed"),
            Fixtures.ticket(3, company: 2, assignee: nil),
        ]

        let file = try workbook(tickets, companies: companies, in: folder)

        let names = Array(try sheetNames(file).dropFirst(Self.sheetNames.count))
        #expect(
            names == [
                "Ops _prod__ a_b_c__", "acme", "ACME (company 3)", "Tickets (company 4)",
                String(long.prefix(31)), "quoted", "history (company 7)",
                "tickets (3) (company 8)", "Company 9", "By Age (company 10)", "Äpfel",
                "äPFEL (company 12)",
            ])
        // "acme": one closed ticket and one unassigned open one.
        let acme = try WorkbookFiles.sheetPart("acme", of: file)
        let text = texts(in: acme)
        #expect(text.first == "acme")
        #expect(text.contains("(unassigned)"))
        #expect(cellValue("B4", in: acme) == "2")
        #expect(cellValue("B5", in: acme) == "1")
        #expect(cellValue("B6", in: acme) == "1")
    }
}

/// The same snapshot gives the same bytes, and the sheets match checked-in golden files.
///
/// Re-record with `REPORTS_RECORD_GOLDEN=1 swift test --filter WorkbookGoldenTests`: the
/// test then writes `Golden/*.xml` beside this file and fails on purpose, so that nobody
/// records by accident. Review the diff and run again without the variable.
@Suite struct WorkbookGoldenTests {
    static let goldenSheets = [
        ("summary", "xl/worksheets/sheet1.xml"), ("changes", "xl/worksheets/sheet2.xml"),
        ("trend", "xl/worksheets/sheet3.xml"), ("actions", "xl/worksheets/sheet4.xml"),
        ("by-company", "xl/worksheets/sheet5.xml"), ("by-priority", "xl/worksheets/sheet6.xml"),
        ("by-assignee", "xl/worksheets/sheet7.xml"), ("by-state", "xl/worksheets/sheet8.xml"),
        ("by-age", "xl/worksheets/sheet9.xml"), ("tickets", "xl/worksheets/sheet10.xml"),
        ("sources", "xl/worksheets/sheet11.xml"),
        ("company-defaultteam", "xl/worksheets/sheet12.xml"),
        ("chart-company", "xl/charts/chart1.xml"), ("chart-trend", "xl/charts/chart5.xml"),
    ]

    func write(to folder: URL) throws -> String {
        let tickets = [
            Fixtures.ticket(101, priority: 0, created: "2025-12-01 10:00:00", subject: "磁盘告警"),
            Fixtures.ticket(102, state: "closed", priority: 4, assignee: ""),
            Fixtures.ticket(103, state: "pending", priority: nil, created: "bad date"),
            Fixtures.ticket(5, company: 2, subject: "=HYPERLINK(\"x\")"),
        ]
        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())
        var settings = RenderSettings(outDirectory: folder, templates: try ReportTemplates())
        settings.formats = [.xlsx]
        try ReportWriter.write(data, settings: settings)
        return folder.appendingPathComponent("report.xlsx").path
    }

    /// `render --from` counts a snapshot file as a stream and notes the column widths as it
    /// counts; its Tickets sheet must be the one the in-memory rows give, wide text included.
    @Test func aStreamedSnapshotGivesTheSameTicketsSheetAsTheRowsInMemory() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = [
            Fixtures.ticket(7, subject: String(repeating: "磁盘", count: 12)),
            Fixtures.ticket(8, state: "closed", assignee: "a-rather-long-name@example.com"),
            Fixtures.ticket(123_456_789, company: 2, subject: "short"),
        ]
        let snapshot = Fixtures.snapshot(tickets)
        let path = folder.appendingPathComponent("snapshot.jsonl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try snapshot.encoded().write(to: path)
        let clock = try Fixtures.clock()
        let inMemory = ReportData(snapshot: snapshot, clock: clock)
        let streamed = try ReportData(snapshotFile: path.path, clock: clock)

        let widths = streamed.rows.columnWidths.widths
        #expect(widths == TicketSheets.columnWidths(streamed.rows))
        #expect(widths == TicketSheets.columnWidths(inMemory.rows.array))
        #expect(streamed.rows.isSpilled && !inMemory.rows.isSpilled)
        #expect(widths[6] == 50)  // 24 CJK characters, two columns each, and 2
        #expect(widths[7] == 32)  // 30 characters and 2
        #expect(widths[2] == 11)  // 9 digits and 2

        var sheets: [String] = []
        for (name, data) in [("memory", inMemory), ("stream", streamed)] {
            let out = folder.appendingPathComponent(name)
            var settings = RenderSettings(outDirectory: out, templates: try ReportTemplates())
            settings.formats = [.xlsx]
            try ReportWriter.write(data, settings: settings)
            sheets.append(
                try XLSXPackage.part(
                    "xl/worksheets/sheet10.xml", of: out.appendingPathComponent("report.xlsx").path)
            )
        }
        #expect(sheets[0] == sheets[1])
        #expect(sheets[0].contains("width=\"50.7109375\""))
    }

    @Test func twoRunsOnTheSameSnapshotGiveIdenticalBytes() throws {
        let first = Fixtures.temporaryDirectory()
        let second = Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }

        let a = try Data(contentsOf: URL(fileURLWithPath: try write(to: first)))
        Thread.sleep(forTimeInterval: 1.1)
        let b = try Data(contentsOf: URL(fileURLWithPath: try write(to: second)))

        #expect(a == b)
        let core = try XLSXPackage.part("docProps/core.xml", of: try write(to: first))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-30T01:00:00Z"))
    }

    @Test func sheetsMatchTheGoldenFiles() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(to: folder)
        let record = ProcessInfo.processInfo.environment["REPORTS_RECORD_GOLDEN"] == "1"

        for (name, part) in Self.goldenSheets {
            let actual = try XLSXPackage.part(part, of: file)
            if record {
                let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("Golden/\(name).xml")
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded \(url.path); run again without REPORTS_RECORD_GOLDEN.")
                continue
            }
            let url = try #require(
                Bundle.module.url(forResource: name, withExtension: "xml", subdirectory: "Golden"),
                "Golden file \(name).xml missing; record it with REPORTS_RECORD_GOLDEN=1")
            #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(part)")
        }
    }
}
