import Foundation
import MaxCloudSimulator
import Testing

/// Timings for large datasets; run with `SIMULATOR_BENCHMARK=1 swift test -c release`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SIMULATOR_BENCHMARK"] == "1"))
struct BenchmarkTests {
    @Test func millionTicketsBuildAndPageQuickly() async throws {
        let clock = ContinuousClock()
        var dataset = SimulatorDataset(accounts: [], companies: [], tickets: [])
        let built = clock.measure {
            dataset = .generated(companies: 10, ticketsPerCompany: 100_000, seed: 1)
        }
        var server = SimulatorServer(dataset: .sample())
        let indexed = clock.measure { server = SimulatorServer(dataset: dataset) }
        try server.start()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)

        var pages = 0
        let paged = try await clock.measure {
            for page in 1...200 {
                let answer = try await send(
                    session, server, "GET", "/api/tickets?page_size=100&page=\(page)",
                    token: token)
                pages += ticketIDs(answer).count == 100 ? 1 : 0
            }
        }

        print("benchmark: built 1,000,000 tickets in \(built), indexed in \(indexed)")
        print("benchmark: 200 pages of 100 in \(paged)")
        #expect(dataset.tickets.count == 1_000_000)
        #expect(pages == 200)
    }
}
