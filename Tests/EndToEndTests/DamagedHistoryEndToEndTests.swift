import Foundation
import MaxCloudSimulator
import Testing

/// A damaged history stops a run before anything is fetched: exit 64, the file named, and
/// the report and the file left as they were.
extension EndToEndTests {
    @Test func aDamagedHistoryIsRefusedBeforeFetchingAndLeftAlone() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let history = out.appendingPathComponent("history.sqlite")
        let first = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-23 09:00:00"),
            environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let report = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        let whole = try Data(contentsOf: history)

        for damage in [whole.prefix(whole.count / 2), Data(repeating: 0xA5, count: whole.count)] {
            try damage.write(to: history)
            let logins = server.requestLog.filter { $0.path == "/api/login" }.count

            let result = try await BinaryRunner.run(
                historyArguments(server, out: out, asOf: "2026-11-30 09:00:00"),
                environment: Self.environment)

            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("the history \(history.path) is damaged"))
            #expect(result.stderr.contains("move it aside"))
            #expect(result.stderr.contains("--no-history"))
            #expect(server.requestLog.filter { $0.path == "/api/login" }.count == logins)
            #expect(try Data(contentsOf: history) == damage)
            #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == report)
        }
    }

    @Test func aHistoryThatIsAFolderIsRefusedBeforeLoggingIn() async throws {
        let server = try startServer([], maxPageSize: 100)
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let history = out.appendingPathComponent("history.sqlite")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)

        let result = try await BinaryRunner.run(
            historyArguments(server, out: out, asOf: "2026-11-30 09:00:00"),
            environment: Self.environment)

        #expect(result.status == 64, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "the history \(history.path) cannot be used: it is a folder, not a file; give "
                    + "another file with --history FILE, or skip the history with --no-history"))
        #expect(server.requestLog.filter { $0.path == "/api/login" }.isEmpty)
        #expect(
            !FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path)
        )
    }
}
