import Foundation
import MaxCloud
import MaxCloudSimulator
import Reports

/// The commands that run the simulator.
extension Commands {
    /// `demo`: the simulator in-process, and the real pipeline against it over HTTP.
    static func demo(_ context: CommandContext) async throws -> Int32 {
        let (render, clock) = try context.renderSettings(defaultAsOf: SimulatorClock.anchor)
        var configuration = SimulatorConfiguration()
        configuration.latency = .milliseconds(try context.integer("latency-ms", default: 0))
        configuration.recordsRequests = false
        let server = SimulatorServer(dataset: .sample(), configuration: configuration)
        try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        context.console.info("demo: simulator listening at \(server.baseURL.absoluteString)")

        var settings = FetchSettings(
            baseURL: server.baseURL, email: "demo@example.com",
            password: SimulatorDataset.demoPassword)
        try context.applySelection(to: &settings)
        var snapshot = try await fetch(settings, console: context.console)
        // The simulator listens on a new port each time: the history keys the demo's runs
        // by one name instead, so a demo compares with the demo before it.
        snapshot.baseURL = demoServer
        let data = ReportData(snapshot: snapshot, clock: clock)
        return try write(data, render: render, context: context)
    }

    /// The server the demo's runs are recorded under in the history.
    static let demoServer = "maxcloud-report demo"

    /// `simulate`: serve the simulator until SIGINT or SIGTERM.
    static func simulate(_ context: CommandContext) async throws -> Int32 {
        let port = try context.integer("port", default: 8080)
        let host = context.arguments.value("host") ?? "127.0.0.1"
        if host.contains(":") {
            throw UsageError(
                "--host '\(host)': the simulator listens on IPv4 only; give 127.0.0.1 (the "
                    + "default) or another 127.x.y.z address")
        }
        guard host == "localhost" || host.hasPrefix("127.") else {
            throw UsageError(
                "--host '\(host)' is not a loopback address; the simulator serves this machine only"
            )
        }
        var configuration = SimulatorConfiguration()
        configuration.maxPageSize = try context.integer("max-page-size", default: 100)
        configuration.latency = .milliseconds(try context.integer("latency-ms", default: 0))
        configuration.recordsRequests = false
        let server = SimulatorServer(dataset: .sample(), configuration: configuration)
        let bound = try server.start(host: host, port: UInt16(port))
        Console.output(
            "MaxCloud simulator at http://\(host):\(bound)\n"
                + "log in as demo@example.com / \(SimulatorDataset.demoPassword); Ctrl-C stops it\n"
        )
        fflush(nil)
        await Signals.waitForTermination()
        server.stop()
        context.console.info("simulator stopped")
        return ExitStatus.success
    }
}
