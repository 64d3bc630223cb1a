import Foundation
import MaxCloudSimulator
import TestSupport
import Testing

/// Two runs of the built binary against one simulator whose tickets change in between:
/// `report.md`, `report.html` and `report.xlsx` show what changed and the trend, with the
/// figures worked out here from the simulator's tickets.
extension EndToEndTests {
    /// One row of a change table: the name, then created, closed, reopened, reassigned,
    /// backlog before, backlog now, and the change as text.
    struct ChangeLine: Equatable {
        var name: String
        var figures: [Int]
        var delta: String { Self.signed(figures[5] - figures[4]) }

        static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

        var markdown: String {
            "| \(name) | " + figures.map(String.init).joined(separator: " | ") + " | \(delta) |"
        }

        var html: String {
            "<td>\(name)</td>"
                + (figures.map(String.init) + [delta]).map {
                    "<td class=\"n\">\($0)</td>"
                }.joined() + "</tr>"
        }

        init(_ name: String, _ figures: [String: Int]) {
            self.name = name
            self.figures = ExpectedChanges.measures.map { figures[$0, default: 0] }
        }
    }

    @Test func twoRunsShowTheChangesAndTheTrendInTheMarkdownHTMLAndWorkbook() async throws {
        let server = try startServer()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let formats = "json,md,html,xlsx"
        let start = server.dataset.tickets

        let first = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-30 09:00:00", formats: formats),
            environment: Self.environment)

        #expect(first.status == 0, "\(first.stderr)")
        let backlogBefore = start.filter { !$0.isClosed }.count
        let firstMarkdown = try text(out, "report.md")
        #expect(firstMarkdown.contains("**Backlog \(backlogBefore) open tickets; no earlier run"))
        #expect(firstMarkdown.contains("Backlog now: \(backlogBefore) open tickets."))
        #expect(try text(out, "report.html").components(separatedBy: "<circle ").count == 2)

        changeTicketsForASecondWeek(server)
        let middle = server.dataset.tickets
        let second = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-12-07 09:00:00", formats: formats),
            environment: Self.environment)

        #expect(second.status == 0, "\(second.stderr)")
        let expected = ExpectedChanges(
            before: start, after: middle, since: "2026-11-30 09:00:00")
        let names = try companyNames(out)
        let total = ChangeLine("All tickets", expected.total)
        let companies = names.map { ChangeLine($0.name, expected.byCompany[$0.id] ?? [:]) }
        let priorities = ["0", "1", "2", "3", "4", "none"].map {
            ChangeLine($0, expected.byPriority[$0] ?? [:])
        }
        let backlogNow = middle.filter { !$0.isClosed }.count
        #expect(total.figures == [3, 3, 2, 2, backlogBefore, backlogNow])
        #expect(total.delta == "+2")

        let markdown = try text(out, "report.md")
        #expect(markdown.contains("## What changed since 2026-11-30 09:00 (UTC+08:00)"))
        #expect(markdown.contains("| **All tickets** | 3 | 3 | 2 | 2 |"))
        for line in companies + priorities {
            #expect(markdown.contains(line.markdown), "\(line.markdown)")
        }
        #expect(
            markdown.contains("| 2026-W49 | 2026-11-30 09:00 (UTC+08:00) | \(backlogBefore) |  |"))
        #expect(
            markdown.contains("| 2026-W50 | 2026-12-07 09:00 (UTC+08:00) | \(backlogNow) | +2 |"))

        let html = try text(out, "report.html")
        #expect(html.contains("<tr class=\"total\">" + total.html))
        for line in companies + priorities {
            #expect(html.contains("<tr>" + line.html), "\(line.html)")
        }
        #expect(html.contains("2026-W49 \(backlogBefore), 2026-W50 \(backlogNow)\""))
        #expect(
            html.contains("<title>2026-W50, 2026-12-07 09:00 (UTC+08:00): backlog \(backlogNow)"))
        #expect(html.components(separatedBy: "<circle ").count == 3)
        #expect(html.contains("<polyline points=\""))
        #expect(!html.contains("NaN") && !html.contains("Infinity"))

        try expectWorkbook(
            out, total: total, companies: companies, trend: [backlogBefore, backlogNow])
    }

    func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The companies of `summary.json`'s `by_company`, in order.
    func companyNames(_ folder: URL) throws -> [(id: Int, name: String)] {
        let rows = try #require(try summary(in: folder)["by_company"] as? [[String: Any]])
        return rows.map { ($0["company_id"] as? Int ?? 0, $0["key"] as? String ?? "") }
    }

    /// The `Changes` sheet's overall and company rows, the `Trend` sheet's backlog column
    /// and its line chart.
    func expectWorkbook(
        _ folder: URL, total: ChangeLine, companies: [ChangeLine], trend: [Int]
    ) throws {
        let file = folder.appendingPathComponent("report.xlsx").path
        let workbook = try XLSXPackage.part("xl/workbook.xml", of: file)
        #expect(workbook.contains("<sheet name=\"Changes\" sheetId=\"2\""))
        #expect(workbook.contains("<sheet name=\"Trend\" sheetId=\"3\""))
        let changes = try XLSXPackage.part("xl/worksheets/sheet2.xml", of: file)
        let trendSheet = try XLSXPackage.part("xl/worksheets/sheet3.xml", of: file)

        func row(_ number: Int) -> [String?] {
            ["B", "C", "D", "E", "F", "G"].map { cellValue("\($0)\(number)", in: changes) }
        }
        #expect(texts(in: cellXML("A7", in: changes) ?? "") == ["All tickets"])
        #expect(row(7) == total.figures.map(String.init))
        for (offset, company) in companies.enumerated() {
            #expect(texts(in: cellXML("A\(10 + offset)", in: changes) ?? "") == [company.name])
            #expect(row(10 + offset) == company.figures.map(String.init), "\(company.name)")
        }
        #expect(
            (0..<trend.count).map { cellValue("C\(5 + $0)", in: trendSheet) }
                == trend.map(String.init))
        let charts = try XLSXPackage.partNames(of: file).filter { $0.hasPrefix("xl/charts/") }
        let line = try #require(
            try charts.map { try XLSXPackage.part($0, of: file) }.first {
                $0.contains("<c:lineChart>")
            })
        #expect(line.contains("<c:f>Trend!$C$5:$C$\(4 + trend.count)</c:f>"))
    }
}
