import Foundation
import MaxCloudSimulator
import Testing

/// The built binary with users' templates: `template FILE --data JSON [--partials DIR]` and
/// `--templates DIR` on `render` and `run`. Part of the serialized end-to-end suite, so only
/// one test at a time waits on the binary.
extension EndToEndTests {
    static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    /// A folder holding the files given, by name.
    func templateFolder(_ files: [String: String]) throws -> URL {
        let folder = BinaryRunner.temporaryDirectory()
        for (name, text) in files {
            try text.write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The demo's report: `summary.json`, `report.html` and `report.md` in a new folder.
    func demoReport() async throws -> URL {
        let out = BinaryRunner.temporaryDirectory()
        let demo = try await BinaryRunner.run(["demo", "--out", out.path, "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
        return out
    }

    /// A snapshot of the sample data, fetched from the simulator by the binary.
    func sampleSnapshot() async throws -> String {
        let server = SimulatorServer(dataset: .sample())
        try server.start()
        defer { server.stop() }
        let path = BinaryRunner.temporaryDirectory().appendingPathComponent("snapshot.jsonl").path
        let fetch = try await BinaryRunner.run(
            [
                "fetch", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--snapshot", path, "--quiet",
            ],
            environment: ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        return path
    }

    func render(
        _ snapshot: String, templates: URL, out: URL
    ) async throws -> BinaryRunner.Result {
        try await BinaryRunner.run([
            "render", "--from", snapshot, "--templates", templates.path, "--out", out.path,
            "--as-of", Self.asOf, "--timezone", "+08:00", "--quiet",
        ])
    }

    @Test func templateWithTheSummaryAsDataRendersTheReportRunWrote() async throws {
        let out = try await demoReport()
        defer { try? FileManager.default.removeItem(at: out) }
        let summary = out.appendingPathComponent("summary.json").path

        for name in ["report.html", "report.md"] {
            let file = Self.templatesFolder.appendingPathComponent(name).path
            let result = try await BinaryRunner.run(["template", file, "--data", summary])

            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            let written = try String(
                contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(result.stdout == written, "\(name) differs")
        }
    }

    @Test func templateTakesPartialsFromTheFolderGivenAndExtendsTheBuiltInReport() async throws {
        let summary = try await demoReport().appendingPathComponent("summary.json").path
        let mine = try templateFolder([
            "weekly.html": """
            {{<default/report.html}}
            {{$footer}}
            {{> signature}}
            {{/footer}}
            {{/default/report.html}}
            """
        ])
        let partials = try templateFolder([
            "signature.html": "<footer>Ops team: {{totals.open}} open</footer>\n"
        ])

        let result = try await BinaryRunner.run([
            "template", mine.appendingPathComponent("weekly.html").path, "--data", summary,
            "--partials", partials.path,
        ])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<h1>MaxCloud ticket report</h1>"))
        #expect(result.stdout.contains("<footer>Ops team: 250 open</footer>\n</main>"))
        #expect(!result.stdout.contains("Made by maxcloud-report"))
    }

    @Test func templateWithAMissingPartialExits64WithOneCompilerStyleLine() async throws {
        let summary = try await demoReport().appendingPathComponent("summary.json").path
        let mine = try templateFolder([
            "bad.html": "<p>\n{{#report.incomplete}}\n  {{> banner}}\n{{/report.incomplete}}\n"
        ])
        let path = mine.appendingPathComponent("bad.html").path

        let result = try await BinaryRunner.run(["template", path, "--data", summary])

        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "\(path):3:3: error: no partial 'banner': looked for the files 'banner',"
                + " 'banner.mustache' and 'banner.html' in \(mine.path), and among the built-in"
                + " templates (default/report.html, default/report.md, report.html, report.md)\n")
    }

    @Test func templateWithASyntaxErrorExits64WithOneCompilerStyleLine() async throws {
        let summary = try await demoReport().appendingPathComponent("summary.json").path
        let mine = try templateFolder([
            "bad.md": "# Report\n{{#warnings}}\n  - {{.}} {{/warning}}\n"
        ])
        let path = mine.appendingPathComponent("bad.md").path

        let result = try await BinaryRunner.run(["template", path, "--data", summary])

        #expect(result.status == 64)
        #expect(
            result.stderr
                == "\(path):3:11: error: closing tag '{{/warning}}' does not match the open"
                + " section 'warnings' (expected '{{/warnings}}')\n")
    }

    @Test func renderWithATemplatesFolderReplacesOneBlockOfTheBuiltInReport() async throws {
        let snapshot = try await sampleSnapshot()
        defer {
            try? FileManager.default.removeItem(
                at: URL(fileURLWithPath: snapshot).deletingLastPathComponent())
        }
        let templates = try templateFolder([
            "report.html":
                "{{<default/report.html}}{{$title}}Weekly tickets{{/title}}{{/default/report.html}}",
            "notes.txt": "{{#not a template",
        ])
        let out = BinaryRunner.temporaryDirectory()

        let result = try await render(snapshot, templates: templates, out: out)

        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(
            contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(html.contains("<title>Weekly tickets — 2026-11-30 09:00 (UTC+08:00)</title>"))
        #expect(html.contains("<h1>Weekly tickets</h1>"))
        #expect(html.contains("<h2>Ten oldest open tickets</h2>"))
        #expect(markdown.hasPrefix("# MaxCloud ticket report\n"))
    }

    @Test func renderWithABrokenTemplateExits64AndWritesNothing() async throws {
        let snapshot = try await sampleSnapshot()
        defer {
            try? FileManager.default.removeItem(
                at: URL(fileURLWithPath: snapshot).deletingLastPathComponent())
        }
        let templates = try templateFolder(["report.md": "# Report\n\n{{#by_company}}\n{{key}}\n"])
        let out = BinaryRunner.temporaryDirectory().appendingPathComponent("never")

        let result = try await render(snapshot, templates: templates, out: out)

        let path = templates.appendingPathComponent("report.md").path
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "\(path):3:1: error: unclosed section 'by_company' (expected '{{/by_company}}')\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func renderWithAnUnreadableTemplatesFolderExits64() async throws {
        let snapshot = try await sampleSnapshot()
        defer {
            try? FileManager.default.removeItem(
                at: URL(fileURLWithPath: snapshot).deletingLastPathComponent())
        }
        let missing = BinaryRunner.temporaryDirectory().appendingPathComponent("nope")

        let result = try await render(
            snapshot, templates: missing, out: BinaryRunner.temporaryDirectory())

        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("\(missing.path): error: cannot read the templates folder"))
        #expect(result.stderr.components(separatedBy: "error:").count == 2)
    }

    @Test func runChecksTheTemplatesBeforeFetchingAnything() async throws {
        let server = SimulatorServer(dataset: .sample())
        try server.start()
        defer { server.stop() }
        let templates = try templateFolder([
            "report.html": "{{#report.incomplete}}{{> banner}}{{/report.incomplete}}"
        ])

        let result = try await BinaryRunner.run(
            [
                "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--templates", templates.path, "--out", BinaryRunner.temporaryDirectory().path,
            ],
            environment: ["MAXCLOUD_PASSWORD": SimulatorDataset.demoPassword])

        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                templates.appendingPathComponent("report.html").path
                    + ":1:23: error: no partial 'banner'"))
        #expect(server.connectionsAccepted == 0)
    }
}
