import MaxCloudSimulator
import Testing

@Suite struct QueryTests {
    let dataset = SimulatorDataset.sample()
    var account: SimAccount { demoAccount(dataset) }

    private func list(
        _ company: Int, _ scope: SimScope, tag: String? = nil, includeClosed: Bool = true
    ) -> [SimTicket] {
        dataset.tickets(
            companyID: company, scope: scope, groupTag: tag, includeClosed: includeClosed,
            account: account)
    }

    @Test func companyScopeListsEveryTicketIdDescending() {
        let listed = list(1, .company)

        #expect(listed.count == 260)
        #expect(listed.map(\.id) == listed.map(\.id).sorted(by: >))
        #expect(listed.allSatisfy { $0.companyID == 1 })
    }

    @Test func teamScopeIsAProperSubsetWithTheAccountsTeam() {
        let team = list(1, .team)

        #expect(!team.isEmpty && team.count < 260)
        #expect(team.allSatisfy { $0.teamID == 1 })
        #expect(list(2, .team).allSatisfy { $0.teamID == 4 })
    }

    @Test func assignedScopeListsTicketsAssignedToTheAccount() {
        let assigned = list(1, .assignedTo)

        #expect(!assigned.isEmpty && assigned.count < 260)
        #expect(assigned.allSatisfy { $0.assignedTo == "demo@example.com" })
        #expect(
            assigned.count
                == dataset.tickets(companyID: 1).filter {
                    $0.assignedTo == "demo@example.com"
                }.count)
    }

    @Test func tagScopeListsTicketsCarryingTheTagAndNothingWithoutOne() {
        let tagged = list(1, .groupTag, tag: "值班")

        #expect(!tagged.isEmpty)
        #expect(tagged.allSatisfy { $0.groupTags.contains("值班") })
        #expect(list(1, .groupTag).isEmpty)
        #expect(list(1, .groupTag, tag: "").isEmpty)
        #expect(list(1, .groupTag, tag: "no-such-tag").isEmpty)
    }

    @Test func tagAlsoFiltersTheOtherScopes() {
        let teamNetwork = list(1, .team, tag: "network")

        #expect(!teamNetwork.isEmpty)
        #expect(teamNetwork.allSatisfy { $0.teamID == 1 && $0.groupTags.contains("network") })
        #expect(list(1, .company, tag: "network") == list(1, .groupTag, tag: "network"))
    }

    @Test func openOnlyLeavesOutClosedIgnoringCase() {
        let open = list(1, .company, includeClosed: false)

        #expect(open.allSatisfy { $0.state.lowercased() != "closed" })
        #expect(open.count == list(1, .company).filter { !$0.isClosed }.count)
    }

    @Test func countsCoverTheWholeScopeWhateverIncludeClosedSays() {
        for scope in [SimScope.company, .team, .assignedTo] {
            let all = list(1, scope)
            let counts = dataset.counts(companyID: 1, scope: scope, groupTag: nil, account: account)
            #expect(counts.open + counts.closed == all.count)
            #expect(counts.closed == all.filter(\.isClosed).count)

            let page = dataset.page(
                SimTicketQuery(companyID: 1, scope: scope, includeClosed: false), account: account)
            #expect(page.open == counts.open && page.closed == counts.closed)
            #expect(page.resultCount == counts.open)
        }
    }

    @Test func searchScopeTextsMatchTheVendor() {
        #expect(
            SimScope.allCases.map(\.searchScope) == [
                "0:company", "1:team", "2:assigned_to", "3:group_tag",
            ])
    }

    @Test func emptyCompanyAndUnknownCompanyListNothing() {
        #expect(list(4, .company).isEmpty)
        #expect(list(99, .company).isEmpty)
    }
}

@Suite struct PagingTests {
    @Test func pageSizeIsCappedAndAtLeastOne() {
        #expect(
            SimPaging(resultCount: 260, page: 1, pageSize: 500, maxPageSize: 100).pageSize == 100)
        #expect(SimPaging(resultCount: 260, page: 1, pageSize: 0, maxPageSize: 100).pageSize == 1)
        #expect(SimPaging(resultCount: 260, page: 1, pageSize: -5, maxPageSize: 100).pageSize == 1)
    }

    @Test func pageCountRoundsUpAndIsZeroWithoutResults() {
        #expect(
            SimPaging(resultCount: 260, page: 1, pageSize: 100, maxPageSize: 100).pageCount == 3)
        #expect(
            SimPaging(resultCount: 200, page: 1, pageSize: 100, maxPageSize: 100).pageCount == 2)
        #expect(SimPaging(resultCount: 0, page: 1, pageSize: 10, maxPageSize: 100).pageCount == 0)
    }

    @Test func lastPageIsShortAndPastTheEndIsEmpty() {
        #expect(
            SimPaging(resultCount: 260, page: 3, pageSize: 100, maxPageSize: 100).range == 200..<260
        )
        #expect(SimPaging(resultCount: 260, page: 4, pageSize: 100, maxPageSize: 100).range.isEmpty)
        #expect(
            SimPaging(resultCount: 260, page: Int.max, pageSize: 100, maxPageSize: 100).range
                .isEmpty)
        #expect(
            SimPaging(resultCount: 260, page: 0, pageSize: 10, maxPageSize: 100).range == 0..<10)
    }

    @Test func pagesTogetherListEveryTicketOnce() {
        let dataset = SimulatorDataset.sample()
        let account = demoAccount(dataset)
        var seen: [Int] = []
        var query = SimTicketQuery(companyID: 2, pageSize: 7)
        let first = dataset.page(query, account: account)
        for page in 1...first.pageCount {
            query.page = page
            seen += dataset.page(query, account: account).tickets.map(\.id)
        }

        #expect(first.pageCount == 22)
        #expect(seen == dataset.tickets(companyID: 2).map(\.id))
    }

    @Test func pastTheEndKeepsTheCounts() {
        let dataset = SimulatorDataset.sample()
        let page = dataset.page(
            SimTicketQuery(companyID: 3, page: 50, pageSize: 10), account: demoAccount(dataset))

        #expect(page.tickets.isEmpty)
        #expect(page.resultCount == 90 && page.pageCount == 9 && page.page == 50)
    }

    @Test func customDatasetOfOneCompanyWith250Tickets() {
        let account = SimAccount(
            id: 1, email: "a@example.com", password: "p", defaultCompanyID: 1, companyIDs: [1],
            teamIDs: [1: 10])
        let tickets = (1...250).map {
            SimTicket(
                id: $0, companyID: 1, teamID: 10, createdBy: "a@example.com", assignedTo: nil,
                state: $0 % 2 == 0 ? "closed" : "open", priority: $0 % 5, subject: "t\($0)",
                createdAt: "2026-01-01 00:00:00")
        }
        let dataset = SimulatorDataset(
            accounts: [account],
            companies: [SimCompany(id: 1, name: "Solo", createdAt: "2020-01-01 00:00:00")],
            tickets: tickets)
        let page = dataset.page(
            SimTicketQuery(companyID: 1, page: 3, pageSize: 100), account: account)

        #expect(page.resultCount == 250 && page.pageCount == 3)
        #expect(page.tickets.map(\.id) == Array((1...50).reversed()))
        #expect(page.open == 125 && page.closed == 125)
    }
}
