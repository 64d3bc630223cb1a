extension SimulatorDataset {
    /// A large dataset for benchmarks: `companies` companies of `ticketsPerCompany`
    /// tickets each, and the demo account (`demo@example.com` / `demo-password`) in all.
    ///
    /// Company ids run from 1; every third company has a Chinese name. Ticket ids run from 1
    /// in every company, so each id occurs once per company. Each company has three teams;
    /// the account's team in company `c` is `3c - 2`. Equal arguments give equal datasets.
    public static func generated(companies: Int, ticketsPerCompany: Int, seed: UInt64)
        -> SimulatorDataset
    {
        var rng = SplitMix64(seed: seed)
        var companyList: [SimCompany] = []
        var tickets: [SimTicket] = []
        tickets.reserveCapacity(max(0, companies) * max(0, ticketsPerCompany))
        var teamIDs: [Int: Int] = [:]

        for companyID in stride(from: 1, through: companies, by: 1) {
            let name = companyID % 3 == 0 ? "公司 \(companyID)" : "Company \(companyID)"
            let createdWall = SimulatorClock.anchorWallSeconds - 400 * 86_400 - companyID * 3600
            companyList.append(
                SimCompany(
                    id: companyID, name: name,
                    createdAt: SimulatorClock.format(wallSeconds: createdWall)))

            let firstTeam = 3 * companyID - 2
            teamIDs[companyID] = firstTeam
            let factory = TicketFactory(
                companyID: companyID,
                teams: [
                    TeamPlan(id: firstTeam, name: "Team A"),
                    TeamPlan(id: firstTeam + 1, name: "团队 B"),
                    TeamPlan(id: firstTeam + 2, name: ""),
                ],
                englishPercent: 30, rng: &rng)
            let ages = TicketFactory.creationAges(count: max(0, ticketsPerCompany), rng: &rng)
            for (offset, age) in ages.enumerated() {
                tickets.append(factory.ticket(id: offset + 1, age: age, rng: &rng))
            }
        }

        let account = SimAccount(
            id: 88, email: SampleText.demoEmail, password: demoPassword, defaultCompanyID: 1,
            companyIDs: companyList.map(\.id), teamIDs: teamIDs)
        return SimulatorDataset(accounts: [account], companies: companyList, tickets: tickets)
    }
}
