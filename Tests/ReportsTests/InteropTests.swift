import Foundation
import MaxCloud
import Reports
import Testing

/// `report.xlsx` with hostile ticket text, opened by the programs people use: LibreOffice
/// converts every sheet to CSV (it refuses or repairs a broken file), openpyxl loads it.
///
/// Needs `soffice` (Debian's libreoffice-calc-nogui) and Python's openpyxl. Without them the
/// suite is skipped, unless `MAXCLOUD_REQUIRE_INTEROP=1` (set by `.ci/run`), which makes a
/// missing tool a failure, so CI always runs it.
@Suite(.enabled(if: Interop.available || Interop.required), .serialized)
struct InteropTests {
    static let companies = [
        Company(id: 1, name: "DefaultTeam"), Company(id: 2, name: "运维二组 [prod]/*?"),
        Company(id: 3, name: "EmptyCo"),
    ]

    /// Tickets whose text Excel and XML cannot take as it is.
    static let tickets: [Ticket] = [
        Fixtures.ticket(1, subject: "NUL\u{0}inside and \u{1}\u{8}\u{B}\u{C}\u{1F} controls"),
        Fixtures.ticket(2, subject: String(repeating: "長い件名😀", count: 8_000)),
        Fixtures.ticket(3, subject: "=HYPERLINK(\"http://evil.example\",\"x\")"),
        Fixtures.ticket(4, subject: "line one\nline two\r\n\"quoted\", comma"),
        Fixtures.ticket(5, state: "Closed", priority: nil, assignee: nil, created: "not a date"),
        Fixtures.ticket(6, company: 2, created: "1899-12-31 00:00:00", subject: "<b>&amp;</b>"),
        Fixtures.ticket(7, company: 2, created: "2027-05-01 00:00:00", subject: "\u{FFFE}\u{FFFF}"),
    ]

    /// Company names whose forbidden character carries a mark, an id beyond a Double, a
    /// literal `_xHHHH_` escape, and a local time that daylight saving skips.
    static let awkwardCompanies = [
        "*\u{FE0F}\u{20E3} Support", "Help?\u{FE0F}", "a/\u{0301}b", "a/\u{200D}b",
        "Ops:\u{FE0E}", "'\u{0301}Acme",
    ].enumerated().map { Company(id: $0.offset + 1, name: $0.element) }
    static let awkwardTickets = [
        Fixtures.ticket(9_007_199_254_740_993, subject: "literal _x000D_ and _x005F_x000D_"),
        Fixtures.ticket(2, company: 6, created: "2026-03-08 02:30:00"),
    ]

    func writeWorkbook(
        _ tickets: [Ticket] = tickets, companies: [Company] = companies,
        zone: String = "+08:00"
    ) throws -> URL {
        let folder = Fixtures.temporaryDirectory()
        let data = ReportData(
            snapshot: Fixtures.snapshot(tickets, companies: companies),
            clock: try Fixtures.clock(zone: zone))
        var settings = RenderSettings(outDirectory: folder, templates: try ReportTemplates())
        settings.formats = [.xlsx]
        try ReportWriter.write(data, settings: settings)
        return folder.appendingPathComponent("report.xlsx")
    }

    @Test func libreOfficeConvertsEverySheetWithTheRightRows() throws {
        try #require(Interop.available, "soffice or openpyxl is missing")
        let workbook = try writeWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook.deletingLastPathComponent()) }
        let folder = workbook.deletingLastPathComponent()

        let converted = try Interop.convertToCSV(workbook)

        #expect(converted.status == 0, "\(converted.output)")
        let expected = [
            "Summary": nil, "Changes": nil, "Trend": nil, "Actions": nil, "By Company": 3 + 2,
            "By Priority": 2 + 2, "By Assignee": 2 + 2,
            "By State": 2 + 2, "By Age": 8 + 2, "Tickets": Self.tickets.count + 1, "Sources": 4,
        ]
        for (sheet, records) in expected {
            let csv = folder.appendingPathComponent("report-\(sheet).csv")
            #expect(FileManager.default.fileExists(atPath: csv.path), "no CSV for \(sheet)")
            guard let records else { continue }
            let counted = try Interop.json(
                Interop.run("/usr/bin/env", ["python3", Interop.script, "--csv", csv.path]))
            #expect(counted["records"] as? Int == records, "\(sheet)")
        }
        let tickets = try String(
            contentsOf: folder.appendingPathComponent("report-Tickets.csv"), encoding: .utf8)
        #expect(tickets.contains("NULinside and  controls"))
        #expect(tickets.contains("=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")"))
        #expect(tickets.contains("2026-11-01 09:00:00"))
    }

    @Test func openpyxlLoadsItWithChartsTypesAndLimits() throws {
        try #require(Interop.available, "soffice or openpyxl is missing")
        let workbook = try writeWorkbook()
        defer { try? FileManager.default.removeItem(at: workbook.deletingLastPathComponent()) }

        let read = try Interop.json(
            Interop.run("/usr/bin/env", ["python3", Interop.script, workbook.path]))

        let sheets = try #require(read["sheets"] as? [[String: Any]])
        #expect(
            sheets.compactMap { $0["name"] as? String } == [
                "Summary", "Changes", "Trend", "Actions", "By Company", "By Priority",
                "By Assignee", "By State", "By Age", "Tickets", "Sources", "DefaultTeam",
                "运维二组 _prod____", "EmptyCo",
            ])
        let summary = try #require(sheets.first)
        #expect(summary["charts"] as? Int == 4)
        let trend = try #require(sheets.first { $0["name"] as? String == "Trend" })
        #expect(trend["charts"] as? Int == 2)
        let ticketSheet = try #require(sheets.first { $0["name"] as? String == "Tickets" })
        #expect(ticketSheet["rows"] as? Int == Self.tickets.count + 1)
        #expect(ticketSheet["freeze"] as? String == "A2")
        #expect(ticketSheet["autofilter"] as? String == "A1:Q8")
        #expect(ticketSheet["conditional_formats"] as? Int == 1)
        #expect((ticketSheet["longest_text"] as? Int ?? .max) <= 32_767)
        let types = try #require(ticketSheet["types"] as? [String: [String]])
        #expect(types["id"] == ["int"])
        #expect(types["age"] == ["NoneType", "int"])
        // Six readable dates (1899 included) and one kept as the text the API sent.
        #expect(types["created"] == ["datetime", "str"])
    }

    @Test func awkwardNamesIdsEscapesAndTimesSurviveBothReaders() throws {
        try #require(Interop.available, "soffice or openpyxl is missing")
        let workbook = try writeWorkbook(
            Self.awkwardTickets, companies: Self.awkwardCompanies, zone: "America/New_York")
        let folder = workbook.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }

        let read = try Interop.json(
            Interop.run("/usr/bin/env", ["python3", Interop.script, workbook.path]))
        let converted = try Interop.convertToCSV(workbook)

        let sheets = try #require(read["sheets"] as? [[String: Any]])
        #expect(
            sheets.compactMap { $0["name"] as? String }.dropFirst(11).map {
                Array($0.unicodeScalars)
            }
                == ["_ Support", "Help_", "a_b", "a_b (company 4)", "Ops_", "Acme"].map {
                    Array($0.unicodeScalars)
                })
        #expect(converted.status == 0, "\(converted.output)")
        let tickets = try String(
            contentsOf: folder.appendingPathComponent("report-Tickets.csv"), encoding: .utf8)
        #expect(tickets.contains("9007199254740993,"))
        #expect(tickets.contains("literal _x000D_ and _x005F_x000D_"))
        #expect(tickets.contains("2026-03-08 02:30:00"))
        let csvFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") }
        #expect(csvFiles.count == 11 + Self.awkwardCompanies.count)
    }
}

/// Finding and running the outside programs.
enum Interop {
    static let required = ProcessInfo.processInfo.environment["MAXCLOUD_REQUIRE_INTEROP"] == "1"

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Interop/read_workbook.py").path

    static let available: Bool = {
        let office = (try? run("/usr/bin/env", ["soffice", "--version"]))?.status == 0
        let openpyxl =
            (try? run("/usr/bin/env", ["python3", "-c", "import openpyxl"]))?.status == 0
        return office && openpyxl
    }()

    static func run(_ executable: String, _ arguments: [String]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Converts every sheet of `workbook` to `report-<sheet>.csv` beside it with LibreOffice.
    static func convertToCSV(_ workbook: URL) throws -> (status: Int32, output: String) {
        let folder = workbook.deletingLastPathComponent()
        return try run(
            "/usr/bin/env",
            [
                "soffice", "-env:UserInstallation=file://\(folder.path)/lo-profile", "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", folder.path, workbook.path,
            ])
    }

    static func json(_ result: (status: Int32, output: String)) throws -> [String: Any] {
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
                as? [String: Any]
        else { throw InteropError.failed(result.output) }
        return object
    }

    enum InteropError: Error {
        case failed(String)
    }
}
