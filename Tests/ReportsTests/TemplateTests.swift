import Foundation
import MaxCloud
import Mustache
import Reports
import Testing

/// A user's templates folder: extending the built-in templates block by block, and
/// templates checked when they are loaded.
@Suite struct TemplateTests {
    /// The blocks of the built-in `report.html` that templates/README.md documents.
    static let htmlBlocks = [
        "title", "css", "extra_css", "head", "asof", "banner", "headline", "cards",
        "changes_table", "changes_company_table", "changes_priority_table", "trend_chart",
        "weekly_table", "actions_heading", "unassigned_table", "old_open_table", "stale_table",
        "stale_tickets_table", "high_priority_table", "company_chart", "priority_chart",
        "age_chart", "company_table", "priority_table",
        "age_table", "assignee_table", "state_table", "oldest_table", "sources_table",
        "failed_list", "warnings_list", "footer",
    ]

    /// The blocks of the built-in `report.md` that templates/README.md documents.
    static let markdownBlocks = [
        "title", "banner", "headline", "totals_table", "changes_table", "changes_company_table",
        "changes_priority_table", "trend_table", "weekly_table", "actions_heading",
        "unassigned_table", "old_open_table", "stale_table", "stale_tickets_table",
        "high_priority_table", "company_table", "priority_table",
        "assignee_table", "state_table", "age_table", "oldest_table", "sources_table",
        "failed_list", "warnings_list", "footer",
    ]

    func context(_ snapshot: Snapshot? = nil) throws -> MustacheValue {
        let tickets = [Fixtures.ticket(1), Fixtures.ticket(2, state: "closed")]
        let data = ReportData(
            snapshot: snapshot ?? Fixtures.snapshot(tickets), clock: try Fixtures.clock())
        return try TemplateContext.make(data.summary)
    }

    /// A folder holding the files given, by name.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = Fixtures.temporaryDirectory()
        for (name, text) in files {
            try text.write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aUserTemplateReplacesOneBlockOfTheBuiltInOne() throws {
        let folder = try folder([
            "report.html":
                "{{<default/report.html}}{{$title}}Mine{{/title}}{{/default/report.html}}"
        ])
        let context = try context()

        let mine = try ReportTemplates(overrides: folder).render("report.html", data: context)
        let builtIn = try ReportTemplates().render("report.html", data: context)

        #expect(mine.contains("<title>Mine — 2026-11-30 09:00 (UTC+08:00)</title>"))
        #expect(mine.contains("<h1>Mine</h1>"))
        #expect(mine == builtIn.replacingOccurrences(of: "MaxCloud ticket report", with: "Mine"))
    }

    @Test func aMarkdownTemplateAddsAFooterToTheBuiltInOne() throws {
        let folder = try folder([
            "report.md": """
            {{<default/report}}
            {{$footer}}
            _Made for the {{timezone}} team._
            {{/footer}}
            {{/default/report}}

            """
        ])
        let context = try context()

        let mine = try ReportTemplates(overrides: folder).render("report.md", data: context)
        let builtIn = try ReportTemplates().render("report.md", data: context)

        #expect(mine == builtIn + "_Made for the +08:00 team._\n")
    }

    @Test(arguments: [("report.html", htmlBlocks), ("report.md", markdownBlocks)])
    func everyDocumentedBlockCanBeReplaced(name: String, blocks: [String]) throws {
        let context = try context()
        let builtIn = try ReportTemplates().render(name, data: context)

        for block in blocks {
            let source =
                "{{<default/\(name)}}{{$\(block)}}[\(block)]{{/\(block)}}{{/default/\(name)}}"
            let templates = try ReportTemplates(overrides: try folder([name: source]))

            let output = try templates.render(name, data: context)

            #expect(output.contains("[\(block)]"), "no block \(block) in \(name)")
            #expect(output != builtIn)
        }
    }

    @Test func aTemplateNamingItselfAsItsParentIsRefusedWithTheWayToExtendTheBuiltInOne() throws {
        let folder = try folder([
            "report.html": "{{<report.html}}{{$title}}Mine{{/title}}{{/report.html}}"
        ])
        let path = folder.appendingPathComponent("report.html").path

        let error = try #require(throws: ReportError.self) {
            try ReportTemplates(overrides: folder)
        }

        #expect(error.place == "\(path):1:1")
        #expect(error.message.contains("would never end"))
        #expect(error.message.contains("{{<default/report.html}}"))
    }

    @Test func aMissingPartialTheDataNeverReachesIsFoundWhenLoading() throws {
        let folder = try folder([
            "report.html":
                "<h1>x</h1>\n{{#report.incomplete}}\n  {{> banner}}\n{{/report.incomplete}}\n"
        ])
        let path = folder.appendingPathComponent("report.html").path

        let error = try #require(throws: ReportError.self) {
            try ReportTemplates(overrides: folder)
        }

        #expect(error.place == "\(path):3:3")
        #expect(
            error.message
                == "no partial 'banner': looked for the files 'banner', 'banner.mustache' and"
                + " 'banner.html' in \(folder.path), and among the built-in templates"
                + " (default/report.html, default/report.md, report.html, report.md)")
        #expect(error.description == "\(path):3:3: error: \(error.message)")
    }

    @Test func aMissingParentInAPartialIsFoundWhenLoading() throws {
        let folder = try folder([
            "report.md": "# Report\n{{> parts}}\n",
            "parts.md": "{{#warnings}}\n{{<layout}}{{/layout}}\n{{/warnings}}\n",
        ])

        let error = try #require(throws: ReportError.self) {
            try ReportTemplates(overrides: folder)
        }

        #expect(error.place == folder.appendingPathComponent("parts.md").path + ":2:1")
        #expect(error.message.hasPrefix("no parent template 'layout': looked for the files"))
    }

    @Test func anUnreadableTemplatesFolderNamesTheFolder() throws {
        let missing = Fixtures.temporaryDirectory().appendingPathComponent("nope")

        let error = try #require(throws: ReportError.self) {
            try ReportTemplates(overrides: missing)
        }

        #expect(error.place == missing.path)
        #expect(error.message.hasPrefix("cannot read the templates folder"))
    }
}
