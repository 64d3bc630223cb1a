import Foundation
import MaxCloudSimulator
import Testing

@Suite struct FaultPlanTests {
    /// The HTTP statuses of `count` unauthenticated ticket requests, one after another.
    private func statuses(_ server: SimulatorServer, count: Int) async throws -> [Int] {
        let session = directSession()
        var statuses: [Int] = []
        for _ in 0..<count {
            statuses.append(try await send(session, server, "GET", "/api/tickets").status)
        }
        return statuses
    }

    @Test func ruleFiresForItsWindowOfRequests() async throws {
        let plan = SimFaultPlan(rules: [
            SimFaultRule(.serviceUnavailable, at: .request(number: 2), times: 2)
        ])
        let server = try startedServer(.sample(), SimulatorConfiguration(faultPlan: plan))
        defer { server.stop() }

        #expect(try await statuses(server, count: 5) == [401, 503, 503, 401, 401])
    }

    @Test func ruleWithoutALimitFiresForever() async throws {
        let plan = SimFaultPlan(rules: [
            SimFaultRule(.badGateway, at: .request(number: 3), times: nil)
        ])
        let server = try startedServer(.sample(), SimulatorConfiguration(faultPlan: plan))
        defer { server.stop() }

        #expect(try await statuses(server, count: 5) == [401, 401, 502, 502, 502])
    }

    @Test func ticketsTriggerCountsOnlyMatchingCompanyScopeAndPage() async throws {
        let plan = SimFaultPlan(rules: [
            SimFaultRule(
                .bodyStatus500, at: .tickets(companyID: 2, scope: .team, page: 1, occurrence: 2))
        ])
        let server = try startedServer(.sample(), SimulatorConfiguration(faultPlan: plan))
        defer { server.stop() }
        let session = directSession()
        let one = try await demoLogin(session, server)
        let two = try await companyToken(session, server, 2)

        var bodies: [Int?] = []
        for (token, query) in [
            (two, "scope=1"), (one, "scope=1"), (two, "scope=0"), (two, "scope=1&page=2"),
            (two, "scope=1"), (two, "scope=1"),
        ] {
            bodies.append(
                try await send(session, server, "GET", "/api/tickets?\(query)", token: token)
                    .bodyStatus)
        }

        #expect(bodies == [200, 200, 200, 200, 500, 200])
    }

    @Test func planCanChangeWhileRunningAndCountsStartAfresh() async throws {
        let server = try startedServer()
        defer { server.stop() }
        _ = try await statuses(server, count: 3)

        server.faultPlan = SimFaultPlan(rules: [SimFaultRule(.badGateway, at: .request(number: 1))])

        #expect(try await statuses(server, count: 2) == [502, 401])
        #expect(server.faultPlan.rules.count == 1)
    }

    @Test func randomFaultsAreReproducibleFromTheSeed() async throws {
        let random = SimRandomFaults(
            rate: 0.4, seed: 42, faults: [.badGateway, .serviceUnavailable], endpoints: [.tickets])
        let configuration = SimulatorConfiguration(faultPlan: SimFaultPlan(random: random))
        let first = try startedServer(.sample(), configuration)
        let second = try startedServer(.sample(), configuration)
        defer {
            first.stop()
            second.stop()
        }

        let one = try await statuses(first, count: 40)
        let two = try await statuses(second, count: 40)
        let faulty = one.filter { $0 != 401 }.count

        #expect(one == two)
        #expect(faulty > 5 && faulty < 30)
        #expect(Set(one) == [401, 502, 503])
    }

    @Test func randomFaultsSkipOtherEndpoints() async throws {
        let random = SimRandomFaults(rate: 1, seed: 1, faults: [.badGateway])
        let server = try startedServer(
            .sample(), SimulatorConfiguration(faultPlan: SimFaultPlan(random: random)))
        defer { server.stop() }
        let session = directSession()

        let login = try await send(
            session, server, "POST", "/api/login",
            json: ["email": "demo@example.com", "password": "demo-password"])
        let list = try await send(session, server, "GET", "/api/tickets")

        #expect(login.status == 200 && list.status == 502)
    }
}
