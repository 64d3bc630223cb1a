import Foundation
import MaxCloud
import Synchronization
import Testing

/// A scripted API in memory: log-in, switch and a ticket list whose pages an answer
/// function shapes, so a test can make the server lie in the ways a real one might.
final class ScriptedAPI: Sendable {
    struct Listing {
        var pageCount: Int
        var resultCount: Int
        var open: Int?
        var closed: Int?
        var tickets: [String]
        var page: Int? = nil
    }

    static let password = "PW-s3cr3t-Zq9"
    static let loginToken = "TOK-login-XYZZY"
    static let companyToken = "TOK-company-7-XYZZY"

    let companyName: String
    /// Called with the page asked for and how many ticket requests came before it.
    let listing: @Sendable (_ page: Int, _ request: Int) -> Listing
    private let requests = Mutex(0)

    init(
        companyName: String = "Acme",
        listing: @escaping @Sendable (_ page: Int, _ request: Int) -> Listing
    ) {
        self.companyName = companyName
        self.listing = listing
    }

    var ticketRequests: Int { requests.withLock { $0 } }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        func envelope(_ data: String) -> HTTPResponse {
            json(
                #"{"status": 200, "request_id": "rq", "message": "ok", "time": 1, "data": \#(data)}"#
            )
        }
        switch request.url.path {
        case "/api/login":
            return envelope(
                #"{"token": "\#(Self.loginToken)", "company": {"id": 7, "name": "\#(companyName)"}, "#
                    + #""all_company": [{"id": 7, "name": "\#(companyName)"}]}"#)
        case "/api/company/switch":
            return envelope(#"{"token": "\#(Self.companyToken)"}"#)
        default:
            let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems
            let page = Int(items?.first { $0.name == "page" }?.value ?? "1") ?? 1
            let count = requests.withLock { value in
                value += 1
                return value - 1
            }
            let list = listing(page, count)
            let counts =
                (list.open.map { #", "open": \#($0)"# } ?? "")
                + (list.closed.map { #", "closed": \#($0)"# } ?? "")
            return envelope(
                #"{"page": \#(list.page ?? page), "page_count": \#(list.pageCount), "#
                    + #""result_count": \#(list.resultCount)\#(counts), "#
                    + #""tickets": [\#(list.tickets.joined(separator: ","))]}"#)
        }
    }

    static func ticket(_ id: Int, state: String = "open", subject: String = "s") -> String {
        #"{"id": \#(id), "company_id": 7, "state": "\#(state)", "priority": 2, "#
            + #""subject": "\#(subject)", "created_at": "2026-11-01 10:00:00"}"#
    }

    /// Pages of `size` out of `ids`, 1-based; empty past the end.
    static func slice(_ ids: [Int], page: Int, size: Int) -> [Int] {
        let start = (page - 1) * size
        guard start >= 0, start < ids.count else { return [] }
        return Array(ids[start..<min(ids.count, start + size)])
    }

    func fetch() async throws -> (SourceResult, LoginSession) {
        let api = self
        let client = try MaxCloudClient(
            baseURL: URL(string: "https://api.example.test")!,
            transport: StubTransport { api.answer($0) }, retry: .none)
        let sessions = Sessions(client: client, email: "lead@example.com", password: Self.password)
        let login = try await sessions.start()
        let company = Company(id: 7, name: login.allCompanies[0].name)
        let fetcher = TicketFetcher(client: client, sessions: sessions, pageSize: 100)
        let source = TicketSource(
            companyID: 7, companyName: company.name, scope: .company, groupTag: nil)
        return (try await fetcher.fetch(source, company: company), login)
    }
}

@Suite struct HostileServerTests {
    let ids = Array(101...140)

    @Test func aBillionPagesAnnouncedForFortyTicketsAreReadToTheLastReal() async throws {
        let ids = self.ids
        let api = ScriptedAPI { page, _ in
            .init(
                pageCount: 1_000_000_000, resultCount: 40, open: 40, closed: 0,
                tickets: ScriptedAPI.slice(ids, page: page, size: 7).map { ScriptedAPI.ticket($0) })
        }
        let (result, _) = try await api.fetch()

        #expect(result.tickets.map(\.id) == ids)
        #expect(result.complete)
        // Six pages hold the forty; the seventh, empty, ends the source.
        #expect(api.ticketRequests == 7)
        #expect(result.warnings.contains { $0.contains("announced 1000000000 pages") })
    }

    @Test func aResultCountThatLiesHugelyStopsAfterAFewEmptyPages() async throws {
        let ids = self.ids
        let api = ScriptedAPI { page, _ in
            .init(
                pageCount: 1_000_000_000_000, resultCount: 1_000_000_000_000, open: nil,
                closed: nil,
                tickets: ScriptedAPI.slice(ids, page: page, size: 7).map { ScriptedAPI.ticket($0) })
        }
        let (result, _) = try await api.fetch()

        #expect(result.tickets.map(\.id) == ids)
        #expect(!result.complete)
        #expect(api.ticketRequests < 3 * 40, "requests: \(api.ticketRequests)")
    }

    @Test func aTicketSwappedForAnotherWhilePagingIsSeenByTheOpenAndClosedCounts() async throws {
        // After the first page, ticket 101 (open) is deleted and 8889 (closed) added:
        // result_count stays 40, open and closed move, and everything after shifts by one.
        let before = ids
        let after = Array(ids.dropFirst()) + [8889]
        let api = ScriptedAPI { page, request in
            let list = request == 0 ? before : after
            return .init(
                pageCount: 6, resultCount: 40, open: request == 0 ? 40 : 39,
                closed: request == 0 ? 0 : 1,
                tickets: ScriptedAPI.slice(list, page: page, size: 7).map {
                    ScriptedAPI.ticket($0, state: $0 == 8889 ? "closed" : "open")
                })
        }
        let (result, _) = try await api.fetch()

        #expect(Set(result.tickets.map(\.id)) == Set(after))
        #expect(result.complete)
        #expect(api.ticketRequests == 12)  // read twice
    }

    @Test func aServerThatListsOneTicketTwiceEveryTimeGivesACompleteReport() async throws {
        // Ticket 105 is on page 1 and again on page 6; result_count counts both listings.
        let listing = ids + [105]
        let api = ScriptedAPI { page, _ in
            .init(
                pageCount: 6, resultCount: 41, open: 41, closed: 0,
                tickets: ScriptedAPI.slice(listing, page: page, size: 7).map {
                    ScriptedAPI.ticket($0)
                })
        }
        let (result, _) = try await api.fetch()

        #expect(result.tickets.map(\.id) == ids)
        #expect(result.complete)
        #expect(result.fetched == 41)
        #expect(result.warnings.contains { $0.contains("listed 1 ticket more than once") })
    }

    /// A list that shifts by one while paging: page 2 says result_count 39 while the first
    /// and last pages say 40, one ticket is lost and another read twice, the same in every
    /// reading. That is drift, not a ticket listed twice: the source is not complete.
    @Test func aResultCountThatDiffersOnAMiddlePageIsDriftEvenWhenReadingsRepeat() async throws {
        let ids = self.ids
        let api = ScriptedAPI { page, _ in
            // Page 2 starts one ticket late: 111 is never listed and 121 comes twice.
            let shifted = ids.filter { $0 != 111 } + [140]
            let source = page == 2 ? shifted : ids
            return .init(
                pageCount: 4, resultCount: page == 2 ? 39 : 40, open: 40, closed: 0,
                tickets: ScriptedAPI.slice(source, page: page, size: 10).map {
                    ScriptedAPI.ticket($0)
                })
        }
        let (result, _) = try await api.fetch()

        #expect(!result.complete)
        #expect(!result.tickets.map(\.id).contains(111))
        #expect(result.countsMoved == "result_count 40 on the first page and 39 on page 2")
        #expect(!result.warnings.contains { $0.contains("more than once") })
        #expect(
            result.warnings.contains {
                $0.contains("read 39 unique tickets") && $0.contains("after 3 readings")
                    && $0.contains("result_count 40 on the first page and 39 on page 2")
            })
        // Each of the three readings asks for the four pages and a fifth, since 39 tickets
        // fall short of result_count 40; the fifth brings nothing new and ends the reading.
        #expect(api.ticketRequests == 15)
    }

    @Test func aResultCountThatGrowsAfterTheFirstPageIsSaidOnce() async throws {
        let ids = self.ids
        let api = ScriptedAPI { page, _ in
            .init(
                pageCount: 4, resultCount: page == 1 ? 40 : 41, open: 40, closed: 0,
                tickets: ScriptedAPI.slice(ids, page: page, size: 10).map { ScriptedAPI.ticket($0) }
            )
        }
        let (result, _) = try await api.fetch()
        let warning = try #require(result.warnings.last)

        #expect(!result.complete)
        #expect(
            warning.contains(
                "read 40 unique tickets but the server reported result_count 40 on the first page "
                    + "and 41 on the last, after 3 readings"))
        #expect(warning.components(separatedBy: "result_count").count == 2)
    }

    @Test func anAnswerForAnotherPageThanAskedIsAnErrorNamingBoth() async throws {
        let ids = self.ids
        let api = ScriptedAPI { page, _ in
            let answered = page == 3 ? 2 : page
            return .init(
                pageCount: 6, resultCount: 40, open: 40, closed: 0,
                tickets: ScriptedAPI.slice(ids, page: answered, size: 7).map {
                    ScriptedAPI.ticket($0)
                }, page: answered)
        }
        await #expect {
            _ = try await api.fetch()
        } throws: { error in
            "\(error)".contains("asked for page 3, the server answered page 2")
                && "\(error)".contains("Acme")
        }
    }

    @Test func credentialsTheServerEchoesInTicketsAndNamesAreMasked() async throws {
        let api = ScriptedAPI(companyName: "Acme \(ScriptedAPI.loginToken)") { _, _ in
            .init(
                pageCount: 1, resultCount: 2, open: 2, closed: 0,
                tickets: [
                    ScriptedAPI.ticket(1, subject: "token \(ScriptedAPI.companyToken) here"),
                    #"{"id": 2, "company_id": 7, "state": "open", "assigned_to": "\#(ScriptedAPI.password)", "#
                        + #""notification_list": ["x\#(ScriptedAPI.password)"]}"#,
                ])
        }
        let (result, login) = try await api.fetch()

        #expect(login.allCompanies.map(\.name) == ["Acme [redacted]"])
        #expect(result.tickets[0].subject == "token [redacted] here")
        #expect(result.tickets[1].assignedTo == "[redacted]")
        #expect(result.tickets[1].notificationList == ["x[redacted]"])
    }

    @Test func theByteProbeFindsSecretsJSONWritesEscaped() throws {
        let secrets = SecretRedactor()
        secrets.add("pa/ss\"word-long")
        // "word-long" is the longest run JSON never escapes; it is what is searched for.
        #expect(secrets.mayAppear(in: Data(#"{"a": "pa\/ss\"word-long"}"#.utf8)))
        #expect(!secrets.mayAppear(in: Data(#"{"a": "nothing here"}"#.utf8)))
        let short = SecretRedactor()
        short.add("a\"b\"c\"d")  // no run of four: every body is searched field by field
        #expect(short.mayAppear(in: Data("{}".utf8)))
    }

    @Test func aBodyNestedDeeperThanTheReaderGoesSaysSo() async throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let body = pageBody(#"{"id": 1, "company_id": 2, "extra": \#(deep)}"#)
        let client = try MaxCloudClient(
            baseURL: URL(string: "https://api.example.test")!,
            transport: StubTransport { _ in json(body) }, retry: .none)
        let source = TicketSource(companyID: 2, companyName: "B", scope: .company, groupTag: nil)
        await #expect {
            _ = try await client.ticketPage(
                source, page: 1, pageSize: 10, includeClosed: true, token: "t")
        } throws: { error in
            "\(error)".contains("not valid JSON: Too many nested arrays or dictionaries")
        }
    }
}
