import Foundation
import MaxCloud
import Reports
import TestSupport
import Testing

/// What changed, the trend, the weekly figures and the action list as `report.md`,
/// `report.html` and `report.xlsx` show them, after one run and after two.
@Suite struct MeetingReportTests {
    let out = Fixtures.temporaryDirectory()

    @discardableResult
    func write(_ tickets: [Ticket], asOf: String, history: Bool = true) throws -> Summary {
        var settings = RenderSettings(outDirectory: out, templates: try ReportTemplates())
        settings.formats = [.json, .md, .html, .xlsx]
        if history {
            settings.history = HistorySettings(path: out.appendingPathComponent("history.sqlite"))
        }
        let clock = try ReportClock(timeZone: "+08:00", asOf: asOf)
        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock)
        return try ReportWriter.writeReport(data, settings: settings).data.summary
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
    }

    var workbook: String { out.appendingPathComponent("report.xlsx").path }

    func ticket(
        _ id: Int, company: Int = 1, state: String = "open", priority: Int? = 2,
        assignee: String? = "a@x", created: String = "2026-11-01 09:00:00"
    ) -> Ticket {
        Fixtures.ticket(
            id, company: company, state: state, priority: priority, assignee: assignee,
            created: created, updated: created)
    }

    var week1: [Ticket] {
        [
            ticket(1), ticket(2), ticket(3, state: "closed"), ticket(4, assignee: nil),
            ticket(5, company: 2, priority: 0),
        ]
    }

    /// From week 1: 6 created, 2 and 5 closed, 3 reopened, 4 assigned to b@x.
    var week2: [Ticket] {
        [
            ticket(1), ticket(2, state: "Closed"), ticket(3), ticket(4, assignee: "b@x"),
            ticket(5, company: 2, state: "closed", priority: 0),
            ticket(6, company: 2, priority: 1, created: "2026-11-25 10:00:00"),
        ]
    }

    @Test func aFirstRunSaysThereIsNothingToCompareWithYetInEveryFormat() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")

        let markdown = try file("report.md")
        #expect(markdown.contains("**Backlog 4 open tickets; no earlier run to compare with yet;"))
        #expect(
            markdown.contains(
                "## What changed\n\nThere is no earlier run of this selection to compare with"
                    + " yet: this run is recorded, and the next report will show what changed"
                    + " since it. Backlog now: 4 open tickets.\n"))
        #expect(!markdown.contains("### Per company"))
        #expect(markdown.contains("Only one run so far"))
        #expect(markdown.contains("| 2026-W48 | 2026-11-23 09:00 (UTC+08:00) | 4 |  |"))
        let html = try file("report.html")
        #expect(html.contains("<p class=\"lead\">Backlog 4 open tickets; no earlier run"))
        #expect(html.contains("<p>There is no earlier run of this selection to compare with yet"))
        #expect(html.components(separatedBy: "<circle ").count == 2)
        #expect(!html.contains("<polyline"))
        let changes = try WorkbookFiles.sheetPart("Changes", of: workbook)
        #expect(texts(in: changes).first == "What changed")
        #expect(texts(in: changes).contains { $0.hasPrefix("There is no earlier run") })
        #expect(changes.contains("<mergeCell ref=\"A3:H3\"/>"))
        #expect(cellValue("B5", in: changes) == "4")
    }

    @Test func withoutAHistoryTheReportsSaySoInsteadOfAFirstRun() throws {
        try write(week1, asOf: "2026-11-23 09:00:00", history: false)

        #expect(try file("report.md").contains("No run history was kept (--no-history)"))
        #expect(try file("report.html").contains("(no history kept, so no change to show)"))
        let summary = try WorkbookFiles.sheetPart("Summary", of: workbook)
        #expect(
            texts(in: summary).dropFirst().first?.hasPrefix(
                "Backlog 4 open tickets (no history kept, so no change to show); 1 priority-0")
                == true)
    }

    @Test func aSecondRunShowsEveryChangeTheTrendAndTheActionList() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")

        let summary = try write(week2, asOf: "2026-11-30 09:00:00")

        let headline = try #require(summary.headline)
        #expect(headline.hasPrefix("Backlog 4, unchanged since last week; 1 created, 2 closed"))
        let markdown = try file("report.md")
        for line in [
            "**\(headline)**",
            "## What changed since 2026-11-23 09:00 (UTC+08:00)",
            "| **All tickets** | 1 | 2 | 1 | 1 | 4 | 4 | 0 |",
            "| DefaultTeam | 0 | 1 | 1 | 1 | 3 | 3 | 0 |",
            "| 运维二组 | 1 | 1 | 0 | 0 | 1 | 1 | 0 |",
            "| 0 | 0 | 1 | 0 | 0 | 1 | 0 | -1 |",
            "| 1 | 1 | 0 | 0 | 0 | 0 | 1 | +1 |",
            "| 2026-W48 | 2026-11-23 09:00 (UTC+08:00) | 4 |  |",
            "| 2026-W49 | 2026-11-30 09:00 (UTC+08:00) | 4 | 0 |",
            "| Week | Starts | Created | Closed (estimated) |",
            "| 2026-W49 (so far) | 2026-11-30 | 0 | 0 |",
            "### Unassigned open tickets: 0\n\nNone.",
            "at the latest run of each ISO week, the last 12 weeks with a run.",
            "### Open tickets not updated for 14 days: 3",
            "| a@x | 2 |",
            "| 运维二组 | 6 | subject | 1 | a@x | 2026-11-25 10:00:00 | 4 |",
        ] {
            #expect(markdown.contains(line), "\(line)")
        }
        #expect(markdown.contains("**Estimate.** Closed (estimated) counts closed tickets"))
        let html = try file("report.html")
        for fragment in [
            "<h2>What changed since 2026-11-23 09:00 (UTC+08:00)</h2>",
            "<tr class=\"total\"><td>All tickets</td><td class=\"n\">1</td><td class=\"n\">2</td>"
                + "<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">4</td>"
                + "<td class=\"n\">4</td><td class=\"n\">0</td></tr>",
            "<tr><td>1</td><td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                + "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td>"
                + "<td class=\"n\">+1</td></tr>",
            "aria-label=\"Backlog per ISO week: 2026-W48 4, 2026-W49 4\"",
            "<title>2026-W49, 2026-11-30 09:00 (UTC+08:00): backlog 4</title>",
            "<h3>Not updated for 14 days: 3</h3>",
            "at the latest run of each ISO week, the last 12 weeks with a run.",
        ] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        #expect(html.contains("<polyline points=\""))
    }

    @Test func theWorkbookHasTheChangesTrendAndActionsSheetsWithALineChart() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        try write(week2, asOf: "2026-11-30 09:00:00")

        let names = try WorkbookFiles.sheetNames(workbook)
        #expect(Array(names.prefix(5)) == ["Summary", "Changes", "Trend", "Actions", "By Company"])
        let changes = try WorkbookFiles.sheetPart("Changes", of: workbook)
        #expect(texts(in: changes).first == "What changed since 2026-11-23 09:00 (UTC+08:00)")
        #expect(texts(in: cellXML("A7", in: changes) ?? "") == ["All tickets"])
        #expect(
            ["B7", "C7", "D7", "E7", "F7", "G7", "H7"].map { cellValue($0, in: changes) }
                == ["1", "2", "1", "1", "4", "4", "0"])
        #expect(texts(in: cellXML("A10", in: changes) ?? "") == ["DefaultTeam"])
        #expect(["C10", "F10", "G10"].map { cellValue($0, in: changes) } == ["1", "3", "3"])
        #expect(cellValue("A15", in: changes) == "1")
        #expect(cellValue("H15", in: changes) == "1")

        let trend = try WorkbookFiles.sheetPart("Trend", of: workbook)
        #expect(texts(in: cellXML("A5", in: trend) ?? "") == ["2026-W48"])
        #expect(texts(in: cellXML("A6", in: trend) ?? "") == ["2026-W49"])
        #expect(["C5", "C6", "D6"].map { cellValue($0, in: trend) } == ["4", "4", "0"])
        #expect(texts(in: trend).contains("Closed (estimated)"))
        let charts = try XLSXPackage.partNames(of: workbook).filter {
            $0.hasPrefix("xl/charts/chart")
        }
        let line = try #require(
            try charts.map { try XLSXPackage.part($0, of: workbook) }.first {
                $0.contains("<c:lineChart>")
            })
        #expect(line.contains("<c:f>Trend!$A$5:$A$6</c:f>"))
        #expect(line.contains("<c:f>Trend!$C$5:$C$6</c:f>"))

        let actions = try WorkbookFiles.sheetPart("Actions", of: workbook)
        let text = texts(in: actions)
        #expect(text.contains("Unassigned open tickets: 0"))
        #expect(text.contains("Open tickets not updated for 14 days: 3"))
        #expect(text.contains("Oldest high-priority open tickets (up to 10)"))
        for part in try XLSXPackage.partNames(of: workbook) where part.hasSuffix(".xml") {
            let xml = try XLSXPackage.part(part, of: workbook)
            #expect(!xml.contains(">NAN<") && !xml.contains(">INF<"), "\(part)")
        }
    }
}
