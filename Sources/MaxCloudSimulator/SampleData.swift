/// How one company of the sample data is made.
private struct CompanyPlan {
    let company: SimCompany
    let ticketCount: Int
    let firstTicketID: Int
    let teams: [TeamPlan]
    let englishPercent: Int
    let closedVariants: [Int: String]
    let hostileSubjects: [String]
}

extension SimulatorDataset {
    /// The password of the demo account `demo@example.com`.
    public static let demoPassword = "demo-password"

    /// The demo data: one account in four companies with 260, 150, 90 and 0 tickets.
    ///
    /// Deterministic: every call returns an equal dataset, anchored at
    /// ``SimulatorClock/anchor`` and never at the current time.
    /// - `demo@example.com` / `demo-password` (id 88): member of companies 1-4, default 1,
    ///   teams 1, 4, 6 and 9.
    /// - `viewer@example.com` / `viewer-password` (id 89): member of company 3 only.
    /// - Companies: 1 `DefaultTeam`, 2 `运维二组`, 3 `Acme Retail, Inc.`, 4 `EmptyCo`.
    /// - Ticket ids are per company and overlap between companies.
    public static func sample() -> SimulatorDataset {
        let plans = samplePlans()
        var tickets: [SimTicket] = []
        var rng = SplitMix64(seed: 20_261_130)
        for plan in plans {
            tickets += sampleTickets(plan: plan, rng: &rng)
        }

        let demo = SimAccount(
            id: 88, email: SampleText.demoEmail, password: demoPassword, defaultCompanyID: 1,
            companyIDs: [1, 2, 3, 4], teamIDs: [1: 1, 2: 4, 3: 6, 4: 9])
        let viewer = SimAccount(
            id: 89, email: "viewer@example.com", password: "viewer-password",
            defaultCompanyID: 3, companyIDs: [3], teamIDs: [3: 7], groupAdmin: 0, admin: 0)
        return SimulatorDataset(
            accounts: [demo, viewer], companies: plans.map(\.company), tickets: tickets)
    }

    private static func samplePlans() -> [CompanyPlan] {
        [
            CompanyPlan(
                company: SimCompany(id: 1, name: "DefaultTeam", createdAt: "2011-10-09 12:01:34"),
                ticketCount: 260, firstTicketID: 101,
                teams: [
                    TeamPlan(id: 1, name: "SRE"), TeamPlan(id: 2, name: "平台组"),
                    TeamPlan(id: 3, name: ""),
                ],
                englishPercent: 20, closedVariants: [5: "Closed", 50: "Closed", 99: "CLOSED"],
                hostileSubjects: SampleText.hostileSubjects),
            CompanyPlan(
                company: SimCompany(id: 2, name: "运维二组", createdAt: "2019-03-18 10:20:00"),
                ticketCount: 150, firstTicketID: 301,
                teams: [TeamPlan(id: 4, name: "运维值班"), TeamPlan(id: 5, name: "")],
                englishPercent: 5, closedVariants: [7: "Closed", 70: "CLOSED"],
                hostileSubjects: ["CPU | 内存 | 磁盘 全部告警"]),
            CompanyPlan(
                company: SimCompany(
                    id: 3, name: "Acme Retail, Inc.", createdAt: "2021-07-01 08:00:00"),
                ticketCount: 90, firstTicketID: 101,
                teams: [
                    TeamPlan(id: 6, name: "Store Ops"), TeamPlan(id: 7, name: "Payments"),
                    TeamPlan(id: 8, name: ""),
                ],
                englishPercent: 60, closedVariants: [11: "CLOSED"],
                hostileSubjects: [SampleText.hostileSubjects[0], SampleText.hostileSubjects[1]]),
            CompanyPlan(
                company: SimCompany(id: 4, name: "EmptyCo", createdAt: "2025-12-01 09:30:00"),
                ticketCount: 0, firstTicketID: 1, teams: [TeamPlan(id: 9, name: "")],
                englishPercent: 0, closedVariants: [:], hostileSubjects: []),
        ]
    }

    /// The tickets of one planned company, ids ascending with creation time, with the
    /// properties the tests rely on forced in at fixed positions.
    private static func sampleTickets(plan: CompanyPlan, rng: inout SplitMix64) -> [SimTicket] {
        guard plan.ticketCount > 0 else { return [] }
        let factory = TicketFactory(
            companyID: plan.company.id, teams: plan.teams, englishPercent: plan.englishPercent,
            rng: &rng)
        let ages = TicketFactory.creationAges(count: plan.ticketCount, rng: &rng)
        var nextID = plan.firstTicketID
        var list: [SimTicket] = []
        for age in ages {
            list.append(factory.ticket(id: nextID, age: age, rng: &rng))
            nextID += rng.percent(20) ? 2 : 1
        }

        let count = list.count
        list[count - 1].assignedTo = SampleText.demoEmail
        list[count - 1].state = "open"
        for priority in 0...4 {
            list[1 + priority].priority = priority
        }
        list[6].priority = nil
        list[8].assignedTo = nil
        list[9].assignedTo = ""
        list[10].assignedTo = SampleText.demoEmail
        for (offset, tag) in SampleText.groupTags.enumerated() {
            list[11 + offset].groupTags = [tag]
        }
        list[16].groupTags = ["default", "值班", "network"]
        list[17].groupTags = []
        list[20].teamID = plan.teams[0].id
        list[20].teamName = plan.teams[0].name
        list[21].teamID = plan.teams[plan.teams.count - 1].id
        list[21].teamName = plan.teams[plan.teams.count - 1].name
        list[22].notificationList = nil
        list[22].resources = nil
        list[23].notificationList = []
        list[23].resources = [.object(["type": .string("ecs"), "id": .string("i-2ze0abc")])]
        for (position, state) in plan.closedVariants {
            list[position].state = state
        }
        for (offset, subject) in plan.hostileSubjects.enumerated() {
            list[count - 2 - offset * 25].subject = subject
        }
        return list
    }
}
