import Foundation
import MaxCloud
import Testing

@Suite struct TenantTests {
    @Test func ticketOfAnotherCompanyStopsTheFetch() async throws {
        let login =
            #"{"status": 200, "request_id": "r1", "message": "success", "data": {"token": "t1", "company": {"id": 1, "name": "A"}, "all_company": [{"id": 1, "name": "A"}]}}"#
        let page = pageBody(#"{"id": 7, "company_id": 9, "state": "open"}"#, requestID: "leak-rid")
        let transport = StubTransport { request in
            request.url.path == "/api/tickets" ? json(page) : json(login)
        }
        let client = try MaxCloudClient(
            baseURL: URL(string: "https://api.example.test")!, transport: transport, retry: .none)
        let sessions = Sessions(client: client, email: "e", password: "p")
        try await sessions.start()
        let fetcher = TicketFetcher(client: client, sessions: sessions)
        let company = Company(id: 1, name: "A")

        await #expect {
            _ = try await fetcher.fetch(
                TicketSource(companyID: 1, companyName: "A", scope: .company), company: company)
        } throws: { error in
            guard case MaxCloudError.tenantMismatch(_, 7, 9, "leak-rid") = error else {
                return false
            }
            return "\(error)".contains("company 9")
        }
    }
}
