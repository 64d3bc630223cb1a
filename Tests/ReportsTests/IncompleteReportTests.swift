import Foundation
import MaxCloud
import Testing

@testable import Reports

/// An incomplete report says, in the same words in every format, which source could not
/// be read and that its tickets are missing from the figures.
struct IncompleteReportTests {
    @Test func everyFormatNamesTheFailedSourceAndSaysItsTicketsAreMissing() throws {
        let out = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.sources[1].complete = false
        snapshot.sources[1].error = "HTTP status 502"
        snapshot.failedSources = ["company 运维二组 (2), scope company: HTTP status 502"]
        let data = ReportData(snapshot: snapshot, clock: try Fixtures.clock())
        var settings = RenderSettings(outDirectory: out, templates: try ReportTemplates())
        settings.formats = [.json, .md, .html, .xlsx]

        try ReportWriter.write(data, settings: settings)

        let sentence =
            "INCOMPLETE: 1 source could not be read completely, so its tickets are missing from "
            + "every figure of this report: company 运维二组 (2), scope company could not be read "
            + "(HTTP status 502)."
        #expect(data.summary.incompleteBanner == sentence)
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let html = try String(
            contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("summary.json")))
        let warnings = (json as? [String: Any])?["warnings"] as? [String] ?? []
        let sheet = try WorkbookFiles.sheetPart(
            "Summary", of: out.appendingPathComponent("report.xlsx").path)
        #expect(markdown.contains("> **\(sentence)**"))
        #expect(html.contains("<div class=\"banner\" role=\"alert\">\(sentence)</div>"))
        #expect(sheet.contains(sentence))
        #expect(
            warnings.first
                == "INCOMPLETE: company 运维二组 (2), scope company could not be read (HTTP status "
                + "502); its tickets are missing from every figure of this report")
        #expect(warnings.count == 1)
    }

    @Test func aSourceThatDidNotAddUpIsNamedWithItsNumbers() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1), Fixtures.ticket(2)])
        snapshot.sources[0].complete = false
        snapshot.sources[0].resultCount = 5
        snapshot.sources[0].groupTag = "网络"
        snapshot.sources[0].scope = "tag"

        let summary = ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary

        #expect(
            summary.incompleteSources == [
                "company DefaultTeam (1), scope tag '网络' did not add up (2 distinct tickets "
                    + "read, the server reported result_count 5)"
            ])
        #expect(summary.headline?.contains("INCOMPLETE (not read completely: DefaultTeam)") == true)
    }
}
