import Foundation
import MaxCloudSimulator
import Testing

@Suite struct EncodingTests {
    /// A one-company dataset whose single ticket has the given subject and resources.
    private func dataset(subject: String, resources: [SimJSONValue]?) -> SimulatorDataset {
        let account = SimAccount(
            id: 7, email: "x@example.com", password: "pw", defaultCompanyID: 5, companyIDs: [5],
            teamIDs: [5: 50])
        let ticket = SimTicket(
            id: 1, companyID: 5, teamID: 50, createdBy: "x@example.com", assignedTo: "",
            state: "open", priority: nil, subject: subject, notificationList: [],
            createdAt: "2026-01-02 03:04:05", resources: resources)
        return SimulatorDataset(
            accounts: [account],
            companies: [SimCompany(id: 5, name: "引号\"公司\"", createdAt: "2020-01-01 00:00:00")],
            tickets: [ticket])
    }

    @Test func awkwardTextSurvivesTheRoundTrip() async throws {
        let subject =
            "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} 中文 😀 </script>"
        let resources: [SimJSONValue] = [
            .object(["id": .string("i-1"), "tags": .array([.int(-3), .bool(true), .null])])
        ]
        let server = try startedServer(dataset(subject: subject, resources: resources))
        defer { server.stop() }
        let session = directSession()

        let login = try await send(
            session, server, "POST", "/api/login",
            json: ["email": "x@example.com", "password": "pw"])
        let token = try #require(login.data["token"] as? String)
        let answer = try await send(session, server, "GET", "/api/tickets", token: token)
        let ticket = try #require((answer.data["tickets"] as? [[String: Any]])?.first)
        let resource = try #require((ticket["resources"] as? [[String: Any]])?.first)

        #expect((login.data["company"] as? [String: Any])?["name"] as? String == "引号\"公司\"")
        #expect(ticket["subject"] as? String == subject)
        #expect(ticket["priority"] is NSNull)
        #expect(ticket["assigned_to"] as? String == "")
        #expect((ticket["notification_list"] as? [Any])?.isEmpty == true)
        #expect(resource["id"] as? String == "i-1")
        #expect((resource["tags"] as? [Any])?.count == 3)
        #expect(answer.text.contains("中文 😀"))
        #expect(answer.text.contains(#"\u0007"#) && answer.text.contains(#"\u0000"#))
        #expect(!answer.text.contains("groupTags") && !answer.text.contains("group_tags"))
    }

    @Test func everySampleTicketDecodesBackToItsFields() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let dataset = server.dataset

        for company in 1...3 {
            let token = try await companyToken(session, server, company)
            let expected = dataset.tickets(companyID: company)
            var decoded: [[String: Any]] = []
            for page in 1...3 {
                let answer = try await send(
                    session, server, "GET", "/api/tickets?page_size=100&page=\(page)", token: token)
                decoded += answer.data["tickets"] as? [[String: Any]] ?? []
            }

            #expect(decoded.count == expected.count)
            for (json, ticket) in zip(decoded, expected) {
                #expect(json["subject"] as? String == ticket.subject)
                #expect(json["content"] as? String == ticket.content)
                #expect(json["created_at"] as? String == ticket.createdAt)
                #expect(json["state"] as? String == ticket.state)
                #expect(json["team_name"] as? String == ticket.teamName)
            }
        }
    }
}
