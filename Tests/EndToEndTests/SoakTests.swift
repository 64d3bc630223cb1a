import Foundation
import MaxCloudSimulator
import Testing

/// The soak run of issue 5: at least 1,000 pages through a simulator that answers one
/// request in ten with a fault, ending in a complete report whose every figure matches the
/// simulator's data. `MAXCLOUD_SOAK_SEED` and `MAXCLOUD_SOAK_TICKETS` (per company, 20 to
/// a page, 5 companies) change the run; the README gives the command.
extension EndToEndTests {
    static let soakFaults: [SimFault] = [
        .badGateway, .serviceUnavailable, .tooManyRequests(retryAfter: .seconds(1)),
        .tooManyRequests(retryAfter: .httpDate(secondsFromNow: 1)), .stall(seconds: 3),
        .dropConnection, .truncatedBody, .htmlErrorWithStatus200, .bodyStatus500,
        .trickle(seconds: 3),
    ]

    @Test func soakThousandPagesWithOneRequestInTenFaulty() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["MAXCLOUD_SOAK_SEED"].flatMap(UInt64.init) ?? 2026
        let perCompany = environment["MAXCLOUD_SOAK_TICKETS"].flatMap(Int.init) ?? 4_000
        let dataset = SimulatorDataset.generated(
            companies: 5, ticketsPerCompany: perCompany, seed: seed)
        var configuration = SimulatorConfiguration(maxPageSize: 20)
        // Random faults on every call, and the company token expiring every 97th page.
        configuration.faultPlan = SimFaultPlan(
            rules: (1...(perCompany / 80)).map {
                SimFaultRule(.expireToken, at: .endpoint(.tickets, occurrence: 97 * $0))
            },
            random: SimRandomFaults(
                rate: 0.1, seed: seed, faults: Self.soakFaults,
                endpoints: [.login, .switchCompany, .tickets]))
        let server = SimulatorServer(dataset: dataset, configuration: configuration)
        try server.start()
        defer { server.stop() }
        let out = BinaryRunner.temporaryDirectory()

        let result = try await BinaryRunner.run(
            [
                "run", "--base-url", server.baseURL.absoluteString, "--email", "demo@example.com",
                "--company", "all", "--as-of", Self.asOf, "--timezone", "+08:00", "--out",
                out.path, "--page-size", "100", "--concurrency", "8", "--timeout", "2",
                "--retries", "6", "--format", "json,csv",
                environment["MAXCLOUD_SOAK_LOG"] == nil ? "--quiet" : "--verbose",
            ],
            environment: Self.environment, limit: 300)

        #expect(result.status == 0, "\(result.stderr)")
        let log = server.requestLog
        if let folder = environment["MAXCLOUD_SOAK_LOG"] {
            // For a failing seed: the tool's log and the simulator's, side by side.
            try result.stderr.write(toFile: "\(folder)/tool.log", atomically: true, encoding: .utf8)
            let lines = log.map { entry in
                let query = entry.queryItems.map { "\($0.name)=\($0.value ?? "")" }
                return "\(entry.number) \(entry.method) \(entry.path)?"
                    + "\(query.joined(separator: "&")) \(entry.status) \(entry.fault.map { "\($0)" } ?? "")"
            }
            try lines.joined(separator: "\n").write(
                toFile: "\(folder)/simulator.log", atomically: true, encoding: .utf8)
        }
        let faulty = log.filter { $0.fault != nil }.count
        #expect(Double(faulty) / Double(log.count) > 0.08, "faults: \(faulty) of \(log.count)")
        let summary = try summary(in: out)
        let sources = try #require(summary["sources"] as? [[String: Any]])
        #expect(sources.map { $0["pages"] as? Int ?? 0 }.reduce(0, +) == 5 * perCompany / 20)
        #expect(summary["complete"] as? Bool == true)
        #expect(summary["warnings"] as? [String] == [])
        let expected = Expected(
            dataset.tickets, companies: dataset.companies, asOf: Self.asOf,
            zone: TimeZone(secondsFromGMT: 28_800)!)
        expectFigures(summary, expected)
        let csv = try String(contentsOf: out.appendingPathComponent("tickets.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").count - 2 == expected.tickets)
        print(
            "soak: \(log.count) requests, \(faulty) faulty, "
                + "\(log.filter { $0.path == "/api/login" }.count) log-ins")
    }
}
