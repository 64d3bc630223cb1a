import Foundation
import MaxCloudSimulator
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A server whose plan has one rule, with a logged-in session for company 1.
private func faultyServer(_ fault: SimFault, at trigger: SimFaultTrigger, times: Int? = 1)
    async throws -> (SimulatorServer, URLSession, String)
{
    let plan = SimFaultPlan(rules: [SimFaultRule(fault, at: trigger, times: times)])
    let server = try startedServer(.sample(), SimulatorConfiguration(faultPlan: plan))
    let session = directSession()
    let token = try await demoLogin(session, server)
    return (server, session, token)
}

@Suite struct FaultTests {
    @Test func badGatewayIsHTTP502WithHTML() async throws {
        let (server, session, token) = try await faultyServer(.badGateway, at: .tickets(page: 2))
        defer { server.stop() }

        let first = try await send(session, server, "GET", "/api/tickets?page=1", token: token)
        let second = try await send(session, server, "GET", "/api/tickets?page=2", token: token)
        let retried = try await send(session, server, "GET", "/api/tickets?page=2", token: token)

        #expect(first.status == 200)
        #expect(second.status == 502 && second.text.contains("<html>"))
        #expect(second.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(retried.status == 200)
        #expect(server.requestLog.map(\.fault) == [nil, nil, .badGateway, nil])
    }

    @Test func serviceUnavailableIsHTTP503() async throws {
        let (server, session, token) = try await faultyServer(
            .serviceUnavailable, at: .endpoint(.tickets, occurrence: 1))
        defer { server.stop() }

        let answer = try await send(session, server, "GET", "/api/tickets", token: token)

        #expect(answer.status == 503)
    }

    @Test func tooManyRequestsCarriesRetryAfterInSecondsOrAsADate() async throws {
        let plan = SimFaultPlan(rules: [
            SimFaultRule(.tooManyRequests(retryAfter: .seconds(2)), at: .request(number: 1)),
            SimFaultRule(
                .tooManyRequests(retryAfter: .httpDate(secondsFromNow: 60)), at: .request(number: 2)
            ),
        ])
        let server = try startedServer(.sample(), SimulatorConfiguration(faultPlan: plan))
        defer { server.stop() }
        let session = directSession()

        let seconds = try await send(session, server, "GET", "/api/tickets")
        // The date is 60 s after the server answered, somewhere between these two instants
        // however slow the machine is (an HTTP date has whole seconds, hence the second's
        // margin at either end).
        let asked = Date()
        let dated = try await send(session, server, "GET", "/api/tickets")
        let answered = Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = try #require(formatter.date(from: dated.headers["retry-after"] ?? ""))

        #expect(seconds.status == 429 && seconds.headers["retry-after"] == "2")
        #expect(seconds.bodyStatus == 429)
        #expect(dated.status == 429)
        #expect(date.timeIntervalSince(asked) >= 59)
        #expect(date.timeIntervalSince(answered) <= 61)
    }

    @Test func stallDelaysTheAnswerAndTripsAShortTimeout() async throws {
        let (server, session, token) = try await faultyServer(
            .stall(seconds: 0.6), at: .tickets(occurrence: 1), times: 2)
        defer { server.stop() }

        let started = ContinuousClock.now
        let slow = try await send(session, server, "GET", "/api/tickets", token: token)
        let elapsed = ContinuousClock.now - started
        await #expect(throws: (any Error).self) {
            _ = try await send(
                directSession(timeout: 0.2), server, "GET", "/api/tickets", token: token)
        }

        #expect(slow.status == 200)
        #expect(elapsed >= .milliseconds(600))
    }

    @Test func dropConnectionClosesWithoutAnAnswer() async throws {
        let (server, _, token) = try await faultyServer(.dropConnection, at: .tickets())
        defer { server.stop() }
        let client = try RawClient(port: server.port)

        client.write(rawRequest("GET", "/api/tickets", token: token))
        let (bytes, closed) = client.readToEnd()

        #expect(bytes.isEmpty && closed)
        #expect(server.requestLog.last?.status == 0)
    }

    @Test func expiredTokenIsRefusedUntilLoggingInAgain() async throws {
        let (server, session, token) = try await faultyServer(
            .expireToken, at: .tickets(occurrence: 2))
        defer { server.stop() }

        let before = try await send(session, server, "GET", "/api/tickets", token: token)
        let expired = try await send(session, server, "GET", "/api/tickets?page=2", token: token)
        let still = try await send(session, server, "GET", "/api/tickets?page=2", token: token)
        let fresh = try await demoLogin(session, server)
        let again = try await send(session, server, "GET", "/api/tickets?page=2", token: fresh)

        #expect(before.status == 200)
        #expect(expired.status == 401 && expired.bodyStatus == 401)
        #expect(still.status == 401)
        #expect(again.status == 200 && ticketIDs(again).count == 10)
    }

    @Test func tokenLifetimeExpiresTokens() async throws {
        let lifetime = Duration.seconds(3)
        let server = try startedServer(.sample(), SimulatorConfiguration(tokenLifetime: lifetime))
        defer { server.stop() }
        let session = directSession()
        let issued = ContinuousClock.now
        let token = try await demoLogin(session, server)

        let before = try await send(session, server, "GET", "/api/tickets", token: token)
        let answeredWithin = ContinuousClock.now - issued
        try await Task.sleep(until: issued + lifetime + .milliseconds(300))
        let after = try await send(session, server, "GET", "/api/tickets", token: token)

        // On a machine so loaded that the first answer came after the lifetime, only the
        // expiry can be checked.
        if answeredWithin < lifetime { #expect(before.status == 200) }
        #expect(after.status == 401)
    }

    @Test func truncatedBodySendsLessThanContentLengthThenCloses() async throws {
        let (server, _, token) = try await faultyServer(.truncatedBody, at: .tickets())
        defer { server.stop() }
        let client = try RawClient(port: server.port)

        client.write(rawRequest("GET", "/api/tickets", token: token))
        let (bytes, closed) = client.readToEnd()
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let length = parts[0].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }

        #expect(closed)
        #expect(text.hasPrefix("HTTP/1.1 200 OK"))
        #expect((length ?? 0) > parts[1].utf8.count && !parts[1].isEmpty)
    }

    @Test func htmlPageWithHTTP200() async throws {
        let (server, session, token) = try await faultyServer(
            .htmlErrorWithStatus200, at: .tickets())
        defer { server.stop() }

        let answer = try await send(session, server, "GET", "/api/tickets", token: token)

        #expect(answer.status == 200)
        #expect(answer.json.isEmpty && answer.text.contains("<html>"))
    }

    @Test func bodyStatus500WithHTTP200() async throws {
        let (server, session, token) = try await faultyServer(.bodyStatus500, at: .tickets())
        defer { server.stop() }

        let answer = try await send(session, server, "GET", "/api/tickets", token: token)

        #expect(answer.status == 200 && answer.bodyStatus == 500)
        #expect(answer.json["data"] is NSNull)
    }

    @Test func createdTicketShiftsLaterPages() async throws {
        let (server, session, token) = try await faultyServer(.createTicket, at: .tickets(page: 2))
        defer { server.stop() }

        let first = try await send(session, server, "GET", "/api/tickets?page=1", token: token)
        let second = try await send(session, server, "GET", "/api/tickets?page=2", token: token)
        let newest = try #require(server.dataset.tickets(companyID: 1).first)

        #expect(first.data["result_count"] as? Int == 260)
        #expect(second.data["result_count"] as? Int == 261)
        #expect(ticketIDs(second).first == ticketIDs(first).last)
        #expect(newest.id == ticketIDs(first)[0] + 1 && newest.assignedTo == "demo@example.com")
    }

    @Test func closedTicketShrinksAnOpenOnlyListing() async throws {
        let (server, session, token) = try await faultyServer(.closeTicket, at: .tickets(page: 2))
        defer { server.stop() }
        let query = "/api/tickets?include_closed=false&page="
        let closedBefore = server.dataset.tickets.filter(\.isClosed).count

        let first = try await send(session, server, "GET", query + "1", token: token)
        let second = try await send(session, server, "GET", query + "2", token: token)
        let expected = server.dataset.page(
            SimTicketQuery(companyID: 1, includeClosed: false, page: 2),
            account: demoAccount(server.dataset))

        #expect(
            second.data["result_count"] as? Int == (first.data["result_count"] as? Int ?? 0) - 1)
        #expect(server.dataset.tickets.filter(\.isClosed).count == closedBefore + 1)
        #expect(ticketIDs(second) == expected.tickets.map(\.id))
        #expect(!ticketIDs(second).contains(ticketIDs(first)[0]))
    }

    @Test func tenantLeakAddsATicketOfAnotherCompany() async throws {
        let (server, session, token) = try await faultyServer(.tenantLeak, at: .tickets())
        defer { server.stop() }

        let answer = try await send(session, server, "GET", "/api/tickets", token: token)
        let companies = (answer.data["tickets"] as? [[String: Any]] ?? []).compactMap {
            $0["company_id"] as? Int
        }

        #expect(companies.count == 11)
        #expect(companies.contains { $0 != 1 })
    }

    @Test func repeatedPageAnswersThePreviousPagesTickets() async throws {
        let (server, session, token) = try await faultyServer(
            .repeatPreviousPage, at: .tickets(page: 2))
        defer { server.stop() }

        let first = try await send(session, server, "GET", "/api/tickets?page=1", token: token)
        let second = try await send(session, server, "GET", "/api/tickets?page=2", token: token)

        #expect(ticketIDs(second) == ticketIDs(first))
        #expect(second.data["page"] as? Int == 2)
    }
}
