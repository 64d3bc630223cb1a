import Foundation
import MaxCloud
import Testing

/// Answers every request from a closure, without a network.
struct StubTransport: HTTPTransport {
    let answer: @Sendable (HTTPRequest) -> HTTPResponse

    func send(_ request: HTTPRequest) async throws -> HTTPResponse { answer(request) }
}

func json(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(
        status: status, headers: ["content-type": "application/json"], body: Data(text.utf8))
}

func pageBody(
    _ tickets: String, resultCount: Int = 1, status: Int = 200, requestID: String = "abc123"
)
    -> String
{
    """
    {"status": \(status), "request_id": "\(requestID)", "message": "m", "time": 1,
     "data": {"page": 1, "page_count": 1, "result_count": \(resultCount), "open": 1, "closed": 0,
              "tickets": [\(tickets)], "search_scope": "0:company"}}
    """
}

@Suite struct DecodingTests {
    let source = TicketSource(companyID: 2, companyName: "运维二组", scope: .tag, groupTag: "network")

    func client(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws
        -> MaxCloudClient
    {
        try MaxCloudClient(
            baseURL: URL(string: "https://api.example.test")!,
            transport: StubTransport(answer: answer),
            retry: .none)
    }

    @Test func ticketsWithNullMissingOddAndExtraFieldsAreRead() async throws {
        let tickets = """
            {"id": 1, "company_id": 2, "priority": null, "assigned_to": null, "notification_list": null,
             "resources": null, "state": "open", "created_at": "2026-01-01 00:00:00", "unknown": [1, 2]},
            {"id": "2", "company_id": 2, "priority": "high", "comment_count": 3.0, "state": "Closed"},
            {"id": 3},
            "not a ticket",
            {"subject": "no id"}
            """
        let client = try client { _ in json(pageBody(tickets, resultCount: 5)) }

        let page = try await client.ticketPage(
            source, page: 1, pageSize: 10, includeClosed: true, token: "t")

        #expect(page.tickets.map(\.id) == [1, 2, 3])
        #expect(page.tickets[0].priority == nil)
        #expect(page.tickets[0].assignedTo == nil)
        #expect(page.tickets[0].notificationList == nil)
        #expect(page.tickets[1].priority == nil)
        #expect(page.tickets[1].commentCount == 3)
        #expect(page.tickets[1].problems.contains { $0.contains("priority") })
        #expect(page.tickets[1].problems.contains { $0.contains("id was the string") })
        #expect(page.tickets[2].state == nil)
        #expect(page.problems.count == 2)
        #expect(page.unreadable == 2)
        #expect(page.requestID == "abc123")
    }

    @Test func textFieldsOfAnotherTypeAreReadAndNoted() async throws {
        let tickets = """
            {"id": 1, "assigned_to": 42, "state": true, "subject": {"a": 1}, "created_at": 20260101}
            """
        let client = try client { _ in json(pageBody(tickets)) }

        let page = try await client.ticketPage(
            source, page: 1, pageSize: 10, includeClosed: true, token: "t")

        let ticket = try #require(page.tickets.first)
        #expect(ticket.assignedTo == "42")
        #expect(ticket.state == "true")
        #expect(ticket.subject == nil)
        #expect(ticket.createdAt == "20260101")
        #expect(ticket.problems.count == 4)
        #expect(ticket.problems.contains("assigned_to was 42, not text; read as \"42\""))
        #expect(ticket.problems.contains("subject is not text; left empty"))
    }

    @Test func entriesWithoutAReadableIDStillCountTowardsTheResultCount() async throws {
        // Seven entries for result_count 7: three tickets and four without a usable id.
        let tickets = """
            {"id": 1}, {"id": null}, {"id": 2}, {"id": "abc"}, {"id": 3},
            {"id": 9223372036854775808}, {"id": 4.5}
            """
        let client = try client { request in
            guard request.url.path == "/api/tickets" else {
                return json(#"{"status": 200, "request_id": "r", "data": {"token": "t"}}"#)
            }
            return json(pageBody(tickets, resultCount: 7))
        }
        let sessions = Sessions(client: client, email: "e", password: "p")
        try await sessions.start()
        let fetcher = TicketFetcher(client: client, sessions: sessions)

        let result = try await fetcher.fetch(source, company: Company(id: 2, name: "二组"))

        #expect(result.tickets.map(\.id) == [1, 2, 3])
        #expect(result.unreadable == 4)
        #expect(result.complete)
        #expect(result.warnings.count == 4)
        #expect(result.warnings.allSatisfy { $0.contains("not a readable ticket") })
        // A number that is too large or not whole is said as such, not as "not numeric".
        #expect(
            result.warnings.contains {
                $0.contains("id 9.223372036854776e+18 is beyond the largest whole number read")
            })
        #expect(result.warnings.contains { $0.contains("id 4.5 is not a whole number") })
    }

    @Test func requestCarriesScopeTagAndTokenAsDocumented() async throws {
        let seen = RequestBox()
        let client = try client { request in
            seen.set(request)
            return json(pageBody(""))
        }

        _ = try await client.ticketPage(
            source, page: 3, pageSize: 50, includeClosed: false, token: "tok-2")

        let request = try #require(seen.get())
        let items =
            URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let query = Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
        #expect(request.url.path == "/api/tickets")
        #expect(
            query == [
                "scope": "3", "page": "3", "page_size": "50", "group_tag": "network",
                "include_closed": "false",
            ])
        #expect(request.headers["authorization"] == "tok-2")  // as it is, no Bearer
    }

    @Test func bodyStatusIsCheckedEvenWhenHTTPSays200() async throws {
        let client = try client { _ in
            json(
                #"{"status": 500, "request_id": "rid-500", "message": "internal error", "data": null}"#
            )
        }

        let error = await #expect(throws: MaxCloudError.self) {
            _ = try await client.ticketPage(
                source, page: 4, pageSize: 10, includeClosed: true, token: "t")
        }

        let text = try #require(error).description
        #expect(text.contains("list tickets"))
        #expect(text.contains("运维二组 (2)"))
        #expect(text.contains("scope tag 'network'"))
        #expect(text.contains("page 4"))
        #expect(text.contains("rid-500"))
        #expect(text.contains("internal error"))
    }

    @Test func htmlErrorPageIsNamedAsSuch() async throws {
        let client = try client { _ in
            HTTPResponse(
                status: 200,
                body: Data("<html><title>Bad Gateway</title><body>oops</body></html>".utf8))
        }

        let error = await #expect(throws: MaxCloudError.self) {
            _ = try await client.ticketPage(
                source, page: 1, pageSize: 10, includeClosed: true, token: "t")
        }

        let text = try #require(error).description
        #expect(text.contains("HTML page"))
        #expect(text.contains("Bad Gateway"))
        #expect(text.contains("page 1"))
    }

    @Test func truncatedAndMalformedBodiesAreBadResponses() async throws {
        for body in [#"{"status": 200, "request_id": "r", "data": {"page": 1, "tick"#, "hello", ""]
        {
            let client = try client { _ in HTTPResponse(status: 200, body: Data(body.utf8)) }

            await #expect {
                _ = try await client.ticketPage(
                    source, page: 2, pageSize: 10, includeClosed: true, token: "t")
            } throws: { error in
                guard case MaxCloudError.badResponse(.listTickets, let context, _, _) = error else {
                    return false
                }
                return context.page == 2 && context.companyID == 2
            }
        }
    }

    @Test func httpErrorStatusIsReportedWithTheBodysRequestID() async throws {
        let client = try client { _ in
            json(#"{"status": 502, "request_id": "rid-502", "message": "upstream"}"#, status: 502)
        }

        await #expect {
            _ = try await client.ticketPage(
                source, page: 1, pageSize: 10, includeClosed: true, token: "t")
        } throws: { error in
            guard case MaxCloudError.httpStatus(_, _, 502, _, "rid-502") = error else {
                return false
            }
            return true
        }
    }

    @Test func plainHTTPIsRefusedExceptToLoopback() throws {
        #expect(throws: MaxCloudError.self) {
            _ = try MaxCloudClient(baseURL: URL(string: "http://api.example.test")!)
        }
        _ = try MaxCloudClient(
            baseURL: URL(string: "http://api.example.test")!, allowInsecureHTTP: true)
        _ = try MaxCloudClient(baseURL: URL(string: "http://127.0.0.1:8080")!)
    }

    @Test(arguments: [
        "http://127.evil.example", "http://127.0.0.1.evil.example", "http://127.0.0.1evil.example",
        "http://localhost.evil.example", "http://127.0.0.1@evil.example/", "http://10.0.0.1:8080",
        "http://0.0.0.0", "http://2130706433", "http://[::ffff:10.0.0.1]", "HTTP://EVIL.example",
    ])
    func plainHTTPToAHostThatOnlyLooksLocalIsRefused(_ url: String) {
        #expect(throws: MaxCloudError.self) { _ = try MaxCloudClient(baseURL: URL(string: url)!) }
    }

    @Test(arguments: [
        "http://127.0.0.1:1", "http://127.8.9.10", "http://localhost:9", "http://[::1]:9",
    ])
    func plainHTTPToLoopbackIsAllowed(_ url: String) throws {
        _ = try MaxCloudClient(baseURL: URL(string: url)!)
    }

    @Test func retryAfterIsReadAsSecondsOrHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_784_000_000)
        let later = "Tue, 14 Jul 2026 04:00:00 GMT"
        let expected = Date(timeIntervalSince1970: 1_784_001_600).timeIntervalSince(now)

        #expect(RetryPolicy.parseRetryAfter("7", now: now) == 7)
        #expect(RetryPolicy.parseRetryAfter(later, now: now) == expected)
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
    }
}

/// Keeps the last request a stub saw.
final class RequestBox: @unchecked Sendable {
    private let lock = NSLock()
    private var request: HTTPRequest?

    func set(_ request: HTTPRequest) { lock.withLock { self.request = request } }
    func get() -> HTTPRequest? { lock.withLock { request } }
}
