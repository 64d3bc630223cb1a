import Foundation
import History
import MaxCloud
import Reports
import Testing

/// A run that could not read a company (`--allow-partial`): what changed, the backlog, the
/// trend and the headline compare only the companies read completely, and the run is never
/// the previous run of a later one.
extension HistoryReportTests {
    /// Week 2 with DefaultTeam's only source failed: none of its tickets were read.
    func week2WithoutDefaultTeam() -> Snapshot {
        var snapshot = Fixtures.snapshot(week2.filter { $0.companyID == 2 })
        snapshot.sources[0].complete = false
        snapshot.sources[0].error = "HTTP status 502"
        snapshot.sources[0].resultCount = nil
        snapshot.failedSources = ["company DefaultTeam (1), scope company: HTTP status 502"]
        return snapshot
    }

    func write(_ snapshot: Snapshot, asOf: String, formats: [OutputFormat] = [.json, .csv])
        throws -> Summary
    {
        let clock = try ReportClock(timeZone: "+08:00", asOf: asOf)
        let data = ReportData(snapshot: snapshot, clock: clock)
        return try ReportWriter.writeReport(data, settings: try settings(formats: formats)).data
            .summary
    }

    @Test func aCompanyThatCouldNotBeReadIsLeftOutOfBothSidesOfTheChanges() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")

        let summary = try write(
            week2WithoutDefaultTeam(), asOf: "2026-11-30 09:00:00", formats: [.json, .csv, .md])

        // Only 运维二组 is compared: its ticket 5 closed, 6 created; DefaultTeam's three open
        // tickets count neither before nor now (without the fix: backlog 4 before, 1 now).
        let changes = try #require(summary.changes)
        #expect(changes.since == "2026-11-23T09:00:00+08:00")
        #expect(changes.backlogBefore == 1 && changes.backlogNow == 1)
        #expect([changes.created, changes.closed, changes.reopened] == [1, 1, 0])
        #expect(changes.leftOut == [CompanyRef(key: "DefaultTeam", companyID: 1)])
        #expect(summary.changesByCompany?.map(\.key) == ["运维二组"])
        #expect(summary.trend?.map(\.backlog) == [1, 1])
        #expect(
            summary.headline?.hasPrefix(
                "Backlog 1, INCOMPLETE (not read completely: DefaultTeam); where read completely 1, "
                    + "unchanged since last week; 1 created, 1 closed, 0 reopened, 0 reassigned")
                == true)
        #expect(
            summary.warnings.contains { $0.hasPrefix("What changed and the trend compare only") })
        let csv = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8)
        #expect(csv.contains("\r\ntotal,all,,2026-11-23T09:00:00+08:00,1,1,0,0,1,1\r\n"))
        #expect(csv.contains("\r\nleft_out,DefaultTeam,1,,,,,,,\r\n"))
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "**What changed and the trend compare only the companies read completely: "
                    + "DefaultTeam is left out on both sides"))
    }

    @Test func theNextCompleteRunComparesWithTheLastCompleteOneNotTheIncompleteOne() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        let partial = try write(week2WithoutDefaultTeam(), asOf: "2026-11-30 09:00:00")

        let next = try write(week2, asOf: "2026-12-07 09:00:00")

        #expect(partial.complete == false && partial.history?.runs == 2)
        #expect(next.history?.runs == 3)
        #expect(next.changes?.since == "2026-11-23T09:00:00+08:00")
        #expect(next.changes?.backlogBefore == 4 && next.changes?.backlogNow == 4)
        #expect(next.changes?.leftOut == [])
        #expect(next.trend?.map(\.week) == ["2026-W48", "2026-W50"])
        #expect(next.trend?.map(\.backlog) == [4, 4])
        #expect(next.headline?.hasPrefix("Backlog 4, unchanged since 2026-11-23;") == true)
    }

    @Test func aRunThatReadNoCompanyCompletelyComparesNothing() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        var snapshot = week2WithoutDefaultTeam()
        snapshot.sources[1].complete = false
        snapshot.sources[1].resultCount = 9

        let summary = try write(snapshot, asOf: "2026-11-30 09:00:00")

        #expect(summary.changes?.since == nil && summary.changes?.backlogBefore == nil)
        #expect(summary.changes?.leftOut?.map(\.companyID) == [1, 2])
        #expect(summary.changesByCompany == [])
        #expect(
            summary.headline?.hasPrefix(
                "Backlog 1 open ticket, INCOMPLETE (not read completely: DefaultTeam and 运维二组); "
                    + "no company was read completely, so nothing is compared") == true)
    }
}

/// The server is part of what runs are compared by.
extension HistoryReportTests {
    @Test func runsOfTwoServersWithTheSameSelectionAreNotCompared() throws {
        try write(week1, asOf: "2026-11-23 09:00:00")
        var other = Fixtures.snapshot(week2)
        other.baseURL = "https://maxcloud.example.com"
        var sameServer = Fixtures.snapshot(week2)
        sameServer.baseURL = "HTTP://127.0.0.1/"

        let elsewhere = try write(other, asOf: "2026-11-30 09:00:00")
        let again = try write(sameServer, asOf: "2026-12-07 09:00:00")

        #expect(elsewhere.changes?.since == nil)
        #expect(elsewhere.history?.runs == 1 && elsewhere.trend?.count == 1)
        #expect(elsewhere.headline?.contains("no earlier run to compare with yet") == true)
        // The same server written another way is the same server.
        #expect(again.changes?.since == "2026-11-23T09:00:00+08:00")
        #expect(again.history?.runs == 2)
    }
}
