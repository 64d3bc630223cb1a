import Foundation
import MaxCloud
import MaxCloudSimulator
import Testing

@Suite struct ClientTests {
    @Test func loginListsEveryCompanyOfTheAccount() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }

        let session = try await fixture.sessions.start()

        #expect(session.company?.id == 1)
        #expect(session.allCompanies.map(\.id) == [1, 2, 3, 4])
        #expect(session.allCompanies.map(\.name).contains("运维二组"))
        #expect(!session.token.isEmpty)
    }

    @Test func refusedLoginIsLoginRefusedWithTheServersMessage() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }

        await #expect {
            _ = try await fixture.client.login(email: "demo@example.com", password: "wrong")
        } throws: { error in
            guard case MaxCloudError.loginRefused(let message, let requestID) = error else {
                return false
            }
            return !message.isEmpty && requestID?.count == 32
        }
    }

    @Test func cappedPageSizeStillReadsEveryTicket() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()
        let fetcher = TicketFetcher(
            client: fixture.client, sessions: fixture.sessions, pageSize: 500)
        let source = fixture.source(1, .company)

        let result = try await fetcher.fetch(source, company: fixture.company(1))

        #expect(result.pages == 3)  // 260 tickets, the server serves at most 100 a page
        #expect(result.pageCount == 3)
        #expect(result.resultCount == 260)
        #expect(result.fetched == 260)
        #expect(Set(result.tickets.map(\.id)) == fixture.expectedIDs(source))
        #expect(result.complete)
        #expect(result.warnings.isEmpty)
    }

    @Test func smallPagesAreFollowedToTheLastOne() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()
        let fetcher = TicketFetcher(
            client: fixture.client, sessions: fixture.sessions, pageSize: 7, concurrency: 3)
        let source = fixture.source(2, .company)

        let result = try await fetcher.fetch(source, company: fixture.company(2))

        #expect(result.pages == 22)  // ceil(150 / 7)
        #expect(result.tickets.count == 150)
        #expect(Set(result.tickets.map(\.id)) == fixture.expectedIDs(source))
        #expect(result.tickets.allSatisfy { $0.companyID == 2 })
    }

    @Test func companyWithoutTicketsGivesOneEmptyPage() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()
        let fetcher = TicketFetcher(client: fixture.client, sessions: fixture.sessions)

        let result = try await fetcher.fetch(
            fixture.source(4, .company), company: fixture.company(4))

        #expect(result.pages == 1)
        #expect(result.resultCount == 0)
        #expect(result.tickets.isEmpty)
        #expect(result.serverOpen == 0)
        #expect(result.serverClosed == 0)
        #expect(result.complete)
    }

    @Test(arguments: [Scope.company, .team, .assigned])
    func eachScopeListsWhatTheServerSelects(scope: Scope) async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()
        let fetcher = TicketFetcher(
            client: fixture.client, sessions: fixture.sessions, pageSize: 50)

        for companyID in [1, 2, 3] {
            let source = fixture.source(companyID, scope)
            let result = try await fetcher.fetch(source, company: fixture.company(companyID))
            let expected = fixture.expectedIDs(source)

            #expect(!expected.isEmpty)
            #expect(Set(result.tickets.map(\.id)) == expected)
            #expect(result.resultCount == expected.count)
        }
    }

    @Test func groupTagScopeWithChineseTagAndOpenOnly() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()
        let fetcher = TicketFetcher(
            client: fixture.client, sessions: fixture.sessions, pageSize: 20, includeClosed: false)

        for tag in ["值班", "network"] {
            let source = fixture.source(1, .tag, tag: tag)
            let result = try await fetcher.fetch(source, company: fixture.company(1))
            let expected = fixture.expectedIDs(source, includeClosed: false)
            let counts = fixture.dataset.counts(
                companyID: 1, scope: .groupTag, groupTag: tag, account: fixture.account)

            #expect(!expected.isEmpty)
            #expect(Set(result.tickets.map(\.id)) == expected)
            #expect(result.tickets.allSatisfy { $0.state?.lowercased() != "closed" })
            #expect(result.serverOpen == counts.open)
            #expect(result.serverClosed == counts.closed)  // counts the whole scope
        }
    }

    @Test func eachCompanyIsReadWithItsOwnToken() async throws {
        let fixture = try SimulatorFixture()
        defer { fixture.server.stop() }
        try await fixture.sessions.start()

        let one = try await fixture.sessions.token(for: fixture.company(1))
        let two = try await fixture.sessions.token(for: fixture.company(2))
        let twoAgain = try await fixture.sessions.token(for: fixture.company(2))
        let page = try await fixture.client.ticketPage(
            fixture.source(2, .company), page: 1, pageSize: 10, includeClosed: true, token: two)

        #expect(one != two)
        #expect(two == twoAgain)
        #expect(page.tickets.allSatisfy { $0.companyID == 2 })
        #expect(page.resultCount == 150)
    }
}
