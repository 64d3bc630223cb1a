import Foundation
import MaxCloudSimulator
import Testing

@Suite struct ServerTests {
    @Test func loginAnswersTheVendorsShape() async throws {
        let server = try startedServer()
        defer { server.stop() }

        let answer = try await send(
            directSession(), server, "POST", "/api/login",
            json: ["email": "demo@example.com", "password": "demo-password"])

        #expect(answer.status == 200)
        #expect(Set(answer.json.keys) == ["status", "request_id", "message", "data", "time"])
        #expect(answer.bodyStatus == 200 && answer.json["message"] as? String == "success")
        let requestID = try #require(answer.json["request_id"] as? String)
        #expect(requestID.count == 32 && requestID.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(
            Set(answer.data.keys) == [
                "id", "group_admin", "admin", "change_password", "token", "email", "company",
                "all_company",
            ])
        #expect((answer.data["company"] as? [String: Any])?["name"] as? String == "DefaultTeam")
        let all = answer.data["all_company"] as? [[String: Any]] ?? []
        #expect(
            all.compactMap { $0["name"] as? String } == [
                "DefaultTeam", "运维二组", "Acme Retail, Inc.", "EmptyCo",
            ])
    }

    @Test func wrongPasswordIsBodyStatus401WithHTTP200() async throws {
        let server = try startedServer()
        defer { server.stop() }

        let answer = try await send(
            directSession(), server, "POST", "/api/login",
            json: ["email": "demo@example.com", "password": "nope"])

        #expect(answer.status == 200)
        #expect(answer.bodyStatus == 401)
        #expect(answer.json["message"] as? String == "invalid email or password")
        #expect(answer.json["data"] is NSNull)
    }

    @Test func switchGivesANewTokenForThatCompany() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let login = try await demoLogin(session, server)

        let answer = try await send(
            session, server, "POST", "/api/company/switch", token: login, json: ["company_id": 2])
        let token = try #require(answer.data["token"] as? String)
        let list = try await send(session, server, "GET", "/api/tickets?page_size=5", token: token)

        #expect(token != login)
        #expect(Set(answer.data.keys) == ["token", "email", "company", "all_company"])
        #expect((answer.data["company"] as? [String: Any])?["name"] as? String == "运维二组")
        #expect(list.data["result_count"] as? Int == 150)
    }

    @Test func switchToAForeignCompanyIsBodyStatus403() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let login = try await demoLogin(session, server)

        let answer = try await send(
            session, server, "POST", "/api/company/switch", token: login, json: ["company_id": 99])

        #expect(answer.status == 200 && answer.bodyStatus == 403)
    }

    @Test func badTokenIsHTTP401AndBody401() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()

        let list = try await send(session, server, "GET", "/api/tickets", token: "not-a-token")
        let none = try await send(session, server, "GET", "/api/tickets")
        let switched = try await send(
            session, server, "POST", "/api/company/switch", token: "x", json: ["company_id": 1])

        for answer in [list, none, switched] {
            #expect(answer.status == 401 && answer.bodyStatus == 401)
        }
    }

    @Test func ticketsAnswerMatchesTheQuerySemantics() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)
        let dataset = server.dataset

        let answer = try await send(
            session, server, "GET", "/api/tickets?scope=1&page=2&page_size=20&include_closed=false",
            token: token)
        let expected = dataset.page(
            SimTicketQuery(companyID: 1, scope: .team, includeClosed: false, page: 2, pageSize: 20),
            account: demoAccount(dataset))

        #expect(answer.data["page"] as? Int == 2)
        #expect(answer.data["page_count"] as? Int == expected.pageCount)
        #expect(answer.data["result_count"] as? Int == expected.resultCount)
        #expect(answer.data["open"] as? Int == expected.open)
        #expect(answer.data["closed"] as? Int == expected.closed)
        #expect(answer.data["search_scope"] as? String == "1:team")
        #expect(ticketIDs(answer) == expected.tickets.map(\.id))
    }

    @Test func ticketsCarryExactlyTheDocumentedFields() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)

        let answer = try await send(
            session, server, "GET", "/api/tickets?page_size=100&page=3", token: token)
        let tickets = try #require(answer.data["tickets"] as? [[String: Any]])
        let byID = Dictionary(
            uniqueKeysWithValues: server.dataset.tickets(companyID: 1).map { ($0.id, $0) })

        #expect(tickets.count == 60)
        for ticket in tickets {
            #expect(
                Set(ticket.keys) == [
                    "id", "company_id", "team_id", "team_name", "created_by", "assigned_to",
                    "updated_by", "state", "priority", "root_cause", "subject", "content_type",
                    "content", "comment_count", "notification_list", "created_at", "updated_at",
                    "resources", "tips",
                ])
            let source = try #require(byID[ticket["id"] as? Int ?? -1])
            #expect(ticket["subject"] as? String == source.subject)
            #expect((ticket["priority"] is NSNull) == (source.priority == nil))
            #expect((ticket["assigned_to"] is NSNull) == (source.assignedTo == nil))
        }
    }

    @Test func pageSizeIsCappedAndPastTheEndIsEmpty() async throws {
        let server = try startedServer(.sample(), SimulatorConfiguration(maxPageSize: 50))
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)

        let capped = try await send(
            session, server, "GET", "/api/tickets?page_size=1000", token: token)
        let past = try await send(session, server, "GET", "/api/tickets?page=99", token: token)
        let defaults = try await send(session, server, "GET", "/api/tickets", token: token)

        #expect(ticketIDs(capped).count == 50 && capped.data["page_count"] as? Int == 6)
        #expect(ticketIDs(past).isEmpty && past.data["result_count"] as? Int == 260)
        #expect(ticketIDs(defaults).count == 10 && defaults.data["page"] as? Int == 1)
    }

    @Test func emptyCompanyHasZeroPages() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await companyToken(session, server, 4)

        let answer = try await send(session, server, "GET", "/api/tickets", token: token)

        #expect(answer.data["result_count"] as? Int == 0 && answer.data["page_count"] as? Int == 0)
        #expect(ticketIDs(answer).isEmpty)
    }

    @Test func percentEncodedChineseTagIsDecoded() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)
        let tag = "值班".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

        let answer = try await send(
            session, server, "GET", "/api/tickets?scope=3&page_size=100&group_tag=\(tag)",
            token: token)
        let expected = server.dataset.tickets(
            companyID: 1, scope: .groupTag, groupTag: "值班", includeClosed: true,
            account: demoAccount(server.dataset))

        #expect(!expected.isEmpty)
        #expect(ticketIDs(answer) == expected.map(\.id))
        #expect(answer.data["search_scope"] as? String == "3:group_tag")
        #expect(server.requestLog.last?.query("group_tag") == "值班")
    }

    @Test func scopeThreeWithoutTagIsBodyStatus400() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)

        let answer = try await send(session, server, "GET", "/api/tickets?scope=3", token: token)
        let badScope = try await send(session, server, "GET", "/api/tickets?scope=7", token: token)

        #expect(answer.status == 200 && answer.bodyStatus == 400)
        #expect(badScope.bodyStatus == 400)
    }

    @Test func unknownPathIs404AndWrongMethodIs405() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()

        let missing = try await send(session, server, "GET", "/api/nothing")
        let wrong = try await send(session, server, "GET", "/api/login")

        #expect(missing.status == 404)
        #expect(wrong.status == 405 && wrong.headers["allow"] == "POST")
    }
}
