import Foundation
import Testing

@testable import Reports

@Suite struct TemporaryFilesTests {
    /// A PID that belonged to a process which has ended.
    func deadPID() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func namesOfStagedAndMovedAsideFilesAreRead() {
        #expect(TemporaryFiles.parse(".report.md.tmp-1234-99")! == ("report.md", "tmp", 1234))
        #expect(TemporaryFiles.parse(".snapshot.json.tmp-77")! == ("snapshot.json", "tmp", 77))
        #expect(TemporaryFiles.parse(".report.xlsx.old-42-7")! == ("report.xlsx", "old", 42))
        #expect(TemporaryFiles.parse(".hidden") == nil)
        #expect(TemporaryFiles.parse(".report.md.tmp-x") == nil)
        #expect(TemporaryFiles.parse("..tmp-12") == nil)
    }

    @Test func aKilledRunsLeftoversAreClearedAndMovedAsideFilesPutBack() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try deadPID()
        let live = getpid()
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try write(".report.md.tmp-\(dead)-5", "half")
        try write(".report.html.old-\(dead)-6", "previous html")  // report.html missing
        try write("report.csv", "new")
        try write(".report.csv.old-\(dead)-7", "old csv")  // report.csv present
        try write(".summary.json.tmp-\(live)-8", "another run's, still going")
        try write(".notes", "a user's file")

        TemporaryFiles.sweep(folder)

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            names == [".notes", ".summary.json.tmp-\(live)-8", "report.csv", "report.html"])
        let html = try String(
            contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html == "previous html")
        let csv = try String(
            contentsOf: folder.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv == "new")
    }

    @Test func registeredFilesAreRemovedAndRenamedOnesForgotten() throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = TemporaryFiles()
        let kept = folder.appendingPathComponent("kept")
        let dropped = folder.appendingPathComponent("dropped")
        try Data("k".utf8).write(to: kept)
        try Data("d".utf8).write(to: dropped)
        registry.register(kept.path)
        registry.register(dropped.path)
        registry.forget(kept.path)

        registry.removeAllForExit()

        #expect(FileManager.default.fileExists(atPath: kept.path))
        #expect(!FileManager.default.fileExists(atPath: dropped.path))
    }
}
