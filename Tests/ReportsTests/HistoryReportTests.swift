import Foundation
import History
import MaxCloud
import Reports
import Testing

/// Reports written with a history: what changed since the previous run, the trend, the
/// headline, `changes.csv`, and a failed run that leaves the history as it was.
@Suite struct HistoryReportTests {
    let out = Fixtures.temporaryDirectory()

    func settings(formats: [OutputFormat] = [.json, .csv]) throws -> RenderSettings {
        var settings = RenderSettings(outDirectory: out, templates: try ReportTemplates())
        settings.formats = formats
        settings.history = HistorySettings(path: out.appendingPathComponent("history.sqlite"))
        return settings
    }

    @discardableResult
    func write(_ tickets: [Ticket], asOf: String) throws -> Summary {
        let clock = try ReportClock(timeZone: "+08:00", asOf: asOf)
        let data = ReportData(snapshot: Fixtures.snapshot(tickets), clock: clock)
        return try ReportWriter.writeReport(data, settings: try settings()).data.summary
    }

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

    var week2: [Ticket] {
        [
            ticket(1), ticket(2, state: "Closed"), ticket(3), ticket(4, assignee: "b@x"),
            ticket(5, company: 2, state: "closed", priority: 0),
            ticket(6, company: 2, priority: 1, created: "2026-11-25 10:00:00"),
        ]
    }

    @Test func aFirstRunHasNoChangesAndATrendOfItself() throws {
        let summary = try write(week1, asOf: "2026-11-23 09:00:00")

        #expect(summary.changes == ChangeSummary(backlogNow: 4))
        #expect(summary.changesByCompany == [] && summary.changesByPriority == [])
        #expect(
            summary.trend == [
                TrendPoint(week: "2026-W48", asOf: "2026-11-23T09:00:00+08:00", backlog: 4)
            ])
        #expect(summary.history == HistoryInfo(recorded: true, runs: 1))
        #expect(
            summary.headline?.hasPrefix(
                "Backlog 4 open tickets; no earlier run to compare with yet;") == true)
        let json = try String(
            contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(json.contains("\"since\" : null"))
        let csv = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
        #expect(csv.hasSuffix("\r\ntotal,all,,,,,,,,4\r\n"))
    }

    @Test func aSecondRunCountsEveryChangeOverallPerCompanyAndPerPriority() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")

        let summary = try write(week2, asOf: "2026-11-30 09:00:00")

        let changes = try #require(summary.changes)
        #expect(changes.since == "2026-11-23T09:00:00+08:00")
        #expect(
            [changes.created, changes.closed, changes.reopened, changes.reassigned] == [1, 2, 1, 1])
        #expect(changes.backlogBefore == 4 && changes.backlogNow == 4)
        let companies = try #require(summary.changesByCompany)
        #expect(companies.map(\.key) == ["DefaultTeam", "运维二组"])
        #expect(companies.map(\.created) == [0, 1] && companies.map(\.closed) == [1, 1])
        #expect(companies.map(\.backlogBefore) == [3, 1] && companies.map(\.backlogNow) == [3, 1])
        let priorities = try #require(summary.changesByPriority)
        #expect(priorities.map(\.key) == ["0", "1", "2"])
        #expect(priorities.map(\.created) == [0, 1, 0] && priorities.map(\.closed) == [1, 0, 1])
        #expect(priorities.map(\.backlogBefore) == [1, 0, 3])
        #expect(
            summary.headline?.hasPrefix(
                "Backlog 4, unchanged since last week; 1 created, 2 closed, 1 reopened, 1 reassigned"
            )
                == true)

        let bytes = try Data(contentsOf: out.appendingPathComponent("changes.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            .components(separatedBy: "\r\n")
        #expect(lines[0] == CSVReports.changeColumns.joined(separator: ","))
        #expect(lines[1] == "total,all,,2026-11-23T09:00:00+08:00,1,2,1,1,4,4")
        #expect(lines[2] == "company,DefaultTeam,1,2026-11-23T09:00:00+08:00,0,1,1,1,3,3")
        #expect(lines[5] == "priority,1,,2026-11-23T09:00:00+08:00,1,0,0,0,0,1")
    }

    @Test func theTrendKeepsTheLatestRunOfEachWeekAndAReRunIsNotComparedWithItself() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        try write(week1, asOf: "2026-11-24 09:00:00")
        try write(week2, asOf: "2026-11-30 09:00:00")

        let again = try write(
            week2 + [ticket(7, created: "2026-11-30 12:00:00")], asOf: "2026-12-01 09:00:00")
        let rerun = try write(week2, asOf: "2026-11-30 09:00:00")

        #expect(again.trend?.map(\.week) == ["2026-W48", "2026-W49"])
        #expect(again.trend?.map(\.asOf).first == "2026-11-24T09:00:00+08:00")
        #expect(again.trend?.map(\.backlog) == [4, 5])
        #expect(again.changes?.since == "2026-11-30T09:00:00+08:00")
        #expect(again.changes?.created == 1)
        #expect(again.headline?.hasPrefix("Backlog 5, up 1 since 2026-11-30") == true)
        // A report made again for an as-of time is compared with the run before that time,
        // and the later run of the same week is left out of its trend.
        #expect(rerun.changes?.since == "2026-11-24T09:00:00+08:00")
        #expect(rerun.trend?.map(\.backlog) == [4, 4])
        #expect(rerun.history?.runs == 5)
    }

    @Test func aRunWhoseReportCannotBeWrittenLeavesTheHistoryAsItWas() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        let history = out.appendingPathComponent("history.sqlite")
        let before = try Data(contentsOf: history)
        // A folder where changes.csv should go: the files cannot be committed.
        try FileManager.default.removeItem(at: out.appendingPathComponent("changes.csv"))
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("changes.csv/x"), withIntermediateDirectories: true)

        #expect(throws: ReportError.self) { try write(week2, asOf: "2026-11-30 09:00:00") }

        #expect(try Data(contentsOf: history) == before)
        #expect(try HistoryStore(path: history.path).runCount() == 1)
        try FileManager.default.removeItem(at: out.appendingPathComponent("changes.csv"))
        #expect(try write(week2, asOf: "2026-11-30 09:00:00").changes?.closed == 2)
    }

    @Test func withoutAHistoryNothingIsRecordedAndChangesAreUnknown() throws {
        var settings = try settings()
        settings.history = nil
        let data = ReportData(snapshot: Fixtures.snapshot(week1), clock: try Fixtures.clock())

        let written = try ReportWriter.writeReport(data, settings: settings)

        #expect(written.data.summary.history == HistoryInfo(recorded: false, runs: 0))
        #expect(written.data.summary.changes?.since == nil)
        #expect(
            !FileManager.default.fileExists(
                atPath: out.appendingPathComponent("history.sqlite").path))
    }
}
