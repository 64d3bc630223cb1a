import Foundation
import MaxCloud
import Reports
import Testing

@Suite struct OutputTests {
    func data() throws -> ReportData {
        let tickets = [
            Fixtures.ticket(1, subject: "VPN | 无法连接 & 重试"),
            Fixtures.ticket(2, subject: "<script>alert(1)</script>"),
            Fixtures.ticket(3, state: "closed"),
        ]
        return ReportData(snapshot: Fixtures.snapshot(tickets), clock: try Fixtures.clock())
    }

    @Test func allSevenFilesAreWrittenAndNoTemporaryIsLeft() throws {
        let out = Fixtures.temporaryDirectory()
        let settings = RenderSettings(outDirectory: out, templates: try ReportTemplates())

        let files = try ReportWriter.write(try data(), settings: settings)

        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "changes.csv", "report.html", "report.md", "report.xlsx", "summary.csv",
                "summary.json", "tickets.csv",
            ])
        #expect(files.count == 7)
    }

    @Test func aFailingTemplateLeavesThePreviousReportAsItWas() throws {
        let out = Fixtures.temporaryDirectory()
        try ReportWriter.write(
            try data(),
            settings: RenderSettings(outDirectory: out, templates: try ReportTemplates()))
        let before = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let templates = Fixtures.temporaryDirectory()
        // Parses and names no missing file, so it fails only when rendered: it recurses.
        try "<html>\n{{#by_company}}{{> report.html}}{{/by_company}}\n</html>\n".write(
            to: templates.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        var settings = RenderSettings(
            outDirectory: out, templates: try ReportTemplates(overrides: templates))
        settings.formats = [.json, .html]
        let changed = ReportData(
            snapshot: Fixtures.snapshot([Fixtures.ticket(9)]), clock: try Fixtures.clock())

        #expect(throws: (any Error).self) { try ReportWriter.write(changed, settings: settings) }

        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.allSatisfy { !$0.hasPrefix(".") })
        #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == before)
    }

    @Test func markdownEscapesCellsAndHTMLEscapesMarkup() throws {
        let templates = try ReportTemplates()
        let context = try TemplateContext.make(try data().summary)

        let markdown = try templates.render("report.md", data: context)
        let html = try templates.render("report.html", data: context)

        #expect(markdown.contains("VPN \\| 无法连接 & 重试"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Nothing is loaded from the network.
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func incompleteReportSaysSoInEveryTextFormat() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.failedSources = ["company 运维二组 (2), scope company: HTTP status 502"]
        let summary = ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary
        let templates = try ReportTemplates()
        let context = try TemplateContext.make(summary)

        #expect(!summary.complete)
        #expect(try templates.render("report.md", data: context).hasPrefix("# INCOMPLETE"))
        #expect(try templates.render("report.html", data: context).contains("class=\"banner\""))
        #expect(summary.warnings.contains { $0.contains("HTTP status 502") })
    }

    @Test func anIncompleteSourceWithoutWarningsGetsOneNamingIt() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.sources[1].complete = false
        snapshot.sources[1].resultCount = 7

        let summary = ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary
        let html = try ReportTemplates().render(
            "report.html", data: try TemplateContext.make(summary))

        #expect(!summary.complete)
        #expect(
            summary.warnings == [
                "INCOMPLETE: company 运维二组 (2), scope company did not add up (0 distinct "
                    + "tickets read, the server reported result_count 7); its tickets are missing "
                    + "from every figure of this report"
            ])
        #expect(html.contains("class=\"banner\""))
        #expect(!html.contains("<p>None.</p>"))
    }

    @Test func anIncompleteSourceAWarningNamesStillGetsTheINCOMPLETESentenceFirst() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.sources[0].complete = false
        let reason = "company DefaultTeam (1), scope company: read 1 unique tickets but ..."
        snapshot.warnings = [reason]

        let summary = ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary

        #expect(
            summary.warnings == [
                "INCOMPLETE: company DefaultTeam (1), scope company did not add up (1 distinct "
                    + "tickets read, the server reported result_count 1); its tickets are missing "
                    + "from every figure of this report", reason,
            ])
    }

    @Test func templateErrorsNameTheFileLineAndColumn() throws {
        let templates = Fixtures.temporaryDirectory()
        let file = templates.appendingPathComponent("report.md")
        try "# Report\n\n{{#by_company}}\n{{key}}\n".write(
            to: file, atomically: true, encoding: .utf8)

        #expect {
            _ = try ReportTemplates(overrides: templates)
        } throws: { error in
            "\(error)".hasPrefix("\(file.path):3:1:")
        }
    }

    @Test func anOverrideFolderLendsOnlyTheFilesItsTemplatesName() throws {
        let templates = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: templates) }
        func write(_ name: String, _ text: String) throws {
            try text.write(
                to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write(
            "report.html", "{{< layout}}{{$body}}{{totals.tickets}} tickets{{/body}}{{/layout}}")
        try write("layout.html", "<main>{{$body}}none{{/body}}</main>{{> footer}}")
        try write("footer.mustache", "<footer>{{as_of}}</footer>")
        try write("draft.html", "{{#unclosed}}")
        try write("notes.txt", "{{/nothing}}")

        let library = try ReportTemplates(overrides: templates)
        let context = try TemplateContext.make(data().summary)
        let html = try library.render("report.html", data: context)

        #expect(html == "<main>3 tickets</main><footer>2026-11-30T09:00:00+08:00</footer>")
        #expect(
            try library.render("report.md", data: context).hasPrefix("# MaxCloud ticket report"))
        #expect(!library.contains("draft.html"))
    }

    @Test func builtInTemplatesMatchTheTemplatesFolderByteForByte() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0 != "README.md" && !$0.hasPrefix(".") }

        // Run scripts/embed-templates after editing templates/ when this fails.
        #expect(Set(ReportTemplates.builtIn.keys) == Set(names))
        for name in names {
            let file = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(Data((ReportTemplates.builtIn[name] ?? "").utf8) == file, "\(name) differs")
        }
    }

    @Test func summaryJSONKeepsTheContractKeys() throws {
        let json = try data().summary.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])

        for key in [
            "as_of", "complete", "warnings", "totals", "by_company", "by_priority", "by_assignee",
            "by_state", "by_age", "sources",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let source = try #require((object["sources"] as? [[String: Any]])?.first)
        #expect(
            Set(source.keys).isSuperset(of: [
                "company_id", "company", "scope", "group_tag", "pages", "result_count", "fetched",
                "server_open", "server_closed",
            ]))
        #expect(source["group_tag"] is NSNull)
    }
}
