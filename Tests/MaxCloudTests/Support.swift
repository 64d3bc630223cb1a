import Foundation
import MaxCloud
import MaxCloudSimulator

/// A simulator on an ephemeral loopback port with a logged-in client, for one test.
struct SimulatorFixture {
    let server: SimulatorServer
    let client: MaxCloudClient
    let sessions: Sessions
    let dataset: SimulatorDataset
    let account: SimAccount

    init(
        dataset: SimulatorDataset = .sample(),
        configuration: SimulatorConfiguration = SimulatorConfiguration(),
        retry: RetryPolicy = RetryPolicy(maxAttempts: 1)
    ) throws {
        server = SimulatorServer(dataset: dataset, configuration: configuration)
        try server.start()
        client = try MaxCloudClient(baseURL: server.baseURL, retry: retry)
        sessions = Sessions(
            client: client, email: "demo@example.com", password: SimulatorDataset.demoPassword)
        self.dataset = dataset
        account = dataset.account(email: "demo@example.com")!
    }

    func company(_ id: Int) -> Company {
        let company = dataset.company(id: id)!
        return Company(id: company.id, name: company.name)
    }

    func source(_ companyID: Int, _ scope: Scope, tag: String? = nil) -> TicketSource {
        TicketSource(
            companyID: companyID, companyName: company(companyID).name, scope: scope, groupTag: tag)
    }

    /// The ids the simulator's own query logic lists for a source.
    func expectedIDs(_ source: TicketSource, includeClosed: Bool = true) -> Set<Int> {
        let scope = SimScope(rawValue: source.scope.rawValue)!
        return Set(
            dataset.tickets(
                companyID: source.companyID, scope: scope, groupTag: source.groupTag,
                includeClosed: includeClosed, account: account
            ).map(\.id))
    }
}
