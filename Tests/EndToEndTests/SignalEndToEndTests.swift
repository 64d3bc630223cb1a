import Foundation
import Testing

/// Ctrl-C or `kill` during a report: no temporary file stays in the output folder, and the
/// previous report is still there, whole.
@Suite struct SignalEndToEndTests {
    /// A snapshot of one company with `count` tickets, written as `fetch` writes one.
    func snapshot(tickets count: Int, in folder: URL) throws -> String {
        let header = """
            {"base_url":"http://127.0.0.1","companies":[{"created_at":"2025-10-26 08:00:00","id":1,\
            "name":"Company 1"}],"failed_sources":[],"fetched_at":"2026-11-30T01:00:00Z",\
            "format":"maxcloud-report snapshot","include_closed":true,"sources":[{"company":"Company 1",\
            "company_id":1,"complete":true,"error":null,"fetched":\(count),"group_tag":null,\
            "pages":\((count + 99) / 100),"result_count":\(count),"scope":"company","server_closed":null,\
            "server_open":null,"unique":\(count),"unreadable":0}],"ticket_count":\(count),"version":2,\
            "warnings":[]}
            """
        var text = header + "\n"
        for id in 1...count {
            text += """
                {"assigned_to":"li.wei@example.com","comment_count":\(id % 7),"company_id":1,\
                "content":"告警持续","content_type":"markdown","created_at":"2025-11-30 09:46:47",\
                "created_by":"demo@example.com","id":\(id),"notification_list":[],"priority":\(id % 5),\
                "state":"\(id % 3 == 0 ? "closed" : "open")","subject":"数据库连接数过高 \(id)",\
                "updated_at":"2026-04-25 03:22:58"}

                """
        }
        let path = folder.appendingPathComponent("snapshot-\(count).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func sigtermWhileWritingRemovesTemporaryFilesAndKeepsThePreviousReport() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("report")
        let render = [
            "--out", out.path, "--as-of", "2026-11-30 09:00:00", "--no-history", "--quiet",
        ]
        let small = try snapshot(tickets: 20, in: folder)
        let first = try await BinaryRunner.run(["render", "--from", small] + render)
        #expect(first.status == 0, "\(first.stderr)")
        let previous = try contents(of: out)
        #expect(previous.count == 7)

        let large = try snapshot(tickets: 60_000, in: folder)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["render", "--from", large] + render
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until the run has staged files, then stop it as `kill` would.
        var sawTemporary = false
        while process.isRunning && !sawTemporary {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            sawTemporary = names.contains { $0.contains(".tmp-") }
            if !sawTemporary { usleep(2_000) }
        }
        if sawTemporary { process.terminate() }
        process.waitUntilExit()
        let stderr = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(sawTemporary, "the run ended before it staged a file; make the snapshot larger")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(stderr.contains("stopped by SIGTERM; temporary files removed"), "\(stderr)")
        #expect(try contents(of: out) == previous)
    }

    @Test func aRunAfterOneThatWasKilledClearsWhatItLeft() async throws {
        let folder = BinaryRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // What a run killed by SIGKILL in the middle of its renames leaves: a staged file, and
        // a previous file moved aside whose replacement had not arrived yet.
        let gone = try deadPID()
        try Data("half".utf8).write(to: out.appendingPathComponent(".tickets.csv.tmp-\(gone)-1"))
        try Data("previous".utf8).write(to: out.appendingPathComponent(".report.md.old-\(gone)-2"))

        let small = try snapshot(tickets: 20, in: folder)
        let run = try await BinaryRunner.run([
            "render", "--from", small, "--out", out.path, "--as-of", "2026-11-30 09:00:00",
            "--no-history", "--quiet",
        ])

        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            names == [
                "changes.csv", "report.html", "report.md", "report.xlsx", "summary.csv",
                "summary.json", "tickets.csv",
            ])
        let markdown = try String(
            contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Company 1"))
    }

    func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
