import Foundation
import TestSupport

/// Runs the built `maxcloud-report` binary as a user would, and collects what it printed.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process had to be killed after the time limit.
        var timedOut: Bool
    }

    /// The binary beside the test bundle (`swift build` puts both in the same folder).
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("maxcloud-report")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("maxcloud-report")
    }

    /// Runs the binary (or another `executable`, in `directory`); standard output and error
    /// are read side by side, so a chatty run cannot fill one pipe and stall, and a run
    /// still going after `limit` seconds is killed and reported as `timedOut` instead of
    /// hanging the test suite.
    ///
    /// The waiting happens on a thread of its own: a test waiting for the binary must not
    /// hold one of the few threads that Swift's concurrency pool has (one per core), which
    /// the simulator tests running beside it need.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        limit: TimeInterval = 60, executable: URL? = nil, directory: URL? = nil
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Swift.Result {
                        try runBlocking(
                            arguments, environment: environment, stdin: stdin, limit: limit,
                            executable: executable, directory: directory)
                    })
            }.start()
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], stdin: String?,
        limit: TimeInterval, executable: URL?, directory: URL?
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MAXCLOUD_") }
        env["no_proxy"] = "127.0.0.1,localhost"
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()

        let errData = Collected()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = Collected()
        let outReader = Thread { outData.set(out.fileHandleForReading.readDataToEndOfFile()) }
        outReader.start()
        let timedOut = exited.wait(timeout: .now() + limit) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData.wait(), as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self), timedOut: timedOut)
    }

    static func temporaryDirectory() -> URL {
        TestFolders.make("e2e")
    }
}

/// Bytes one reader thread collects, handed over once.
private final class Collected: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
