/// What reading one source gave: its tickets and what the server said about the list.
public struct SourceResult: Sendable {
    /// The source read.
    public var source: TicketSource
    /// Pages read (each page once, however often it had to be tried).
    public var pages: Int
    /// `page_count` from the last page read.
    public var pageCount: Int
    /// `result_count` from the first page.
    public var firstResultCount: Int
    /// `result_count` from the last page read.
    public var resultCount: Int
    /// Tickets received, counting one seen twice twice.
    public var fetched: Int
    /// Entries that were not a readable ticket (no readable `id`): left out of the
    /// tickets, but counted when they are compared with `result_count`.
    public var unreadable: Int
    /// `open` from the last page read.
    public var serverOpen: Int?
    /// `closed` from the last page read.
    public var serverClosed: Int?
    /// The source's tickets, one per id, in the order first seen.
    public var tickets: [Ticket]
    /// What did not add up or could not be read, one sentence each.
    public var warnings: [String]
    /// Whether the unique tickets, with the unreadable entries, match `result_count`, and
    /// the scope's `result_count`, open and closed counts were the same on every page.
    public var complete: Bool
    /// How the scope's `open` or `closed` moved from the first page to a later one, or its
    /// `result_count` on a middle page while the first and the last agree (a difference
    /// between those two is `firstResultCount` and `resultCount`): such as `open 28 on the
    /// first page and 27 on the last` or `result_count 40 on the first page and 39 on
    /// page 2`; nil when they held.
    public var countsMoved: String? = nil

    /// `name first on the first page and later on the last` (or `on page N`), when both
    /// are known and differ.
    static func moved(_ name: String, _ first: Int?, _ later: Int?, at: String = "the last")
        -> String?
    {
        guard let first, let later, first != later else { return nil }
        return "\(name) \(first) on the first page and \(later) on \(at)"
    }

    /// Whether this reading lists exactly what `other` listed, with as many entries as
    /// `result_count` says, some ticket more than once: the server lists it twice.
    func repeatsTheSameListing(as other: SourceResult) -> Bool {
        fetched > tickets.count && fetched + unreadable == resultCount
            && firstResultCount == resultCount && countsMoved == nil
            && other.fetched == fetched && other.unreadable == unreadable
            && other.resultCount == resultCount && other.tickets.map(\.id) == tickets.map(\.id)
    }
}

/// Reads every page of a source.
///
/// The first page tells how many pages there are; the rest are read concurrently, up to
/// `concurrency` at a time. Page counts come only from the server's answers, never from
/// the page size asked for. Tickets are told apart by id; a ticket of another company
/// stops the run.
public struct TicketFetcher: Sendable {
    /// The client.
    public var client: MaxCloudClient
    /// The account's tokens.
    public var sessions: Sessions
    /// The page size asked for; the server may give fewer.
    public var pageSize: Int
    /// Whether closed tickets are listed.
    public var includeClosed: Bool
    /// Pages in flight at once, per source.
    public var concurrency: Int
    /// Called after each page with the source, pages read so far, the page count and the
    /// tickets so far; for progress.
    public var onPage: (@Sendable (TicketSource, Int, Int, Int) -> Void)?

    /// Creates a fetcher.
    public init(
        client: MaxCloudClient, sessions: Sessions, pageSize: Int = 100, includeClosed: Bool = true,
        concurrency: Int = 4, onPage: (@Sendable (TicketSource, Int, Int, Int) -> Void)? = nil
    ) {
        self.client = client
        self.sessions = sessions
        self.pageSize = max(1, pageSize)
        self.includeClosed = includeClosed
        self.concurrency = max(1, concurrency)
        self.onPage = onPage
    }

    /// How often one page may meet a 401 in all, so that a server that refuses tokens it
    /// has just accepted cannot keep the run going forever.
    static let maxRefusals = 8

    /// Reads one page with the company's token. A 401 goes to `Sessions.refused`, which
    /// hands over the newer token when another page has renewed it already, or logs in
    /// again and switches again; when new tokens keep being refused before the server has
    /// accepted one of them, it gives up and this throws `refusedAfterRenewal`.
    /// `gate`, when given, bounds the requests on the network at once.
    public func page(
        _ number: Int, of source: TicketSource, company: Company, gate: RequestGate? = nil
    ) async throws -> TicketPage {
        var token = try await sessions.token(for: company)
        var refusals = 0
        while true {
            do {
                let page = try await client.ticketPage(
                    source, page: number, pageSize: pageSize, includeClosed: includeClosed,
                    token: token, gate: gate)
                await sessions.accepted(token, for: company)
                try checkTenant(page, source: source, number: number)
                // Within the list, the answer must be the page asked for; past its end a
                // server may answer with its last page, which the reading handles.
                if let answered = page.page, answered != number, number <= page.pageCount {
                    throw MaxCloudError.badResponse(
                        .listTickets, RequestContext(source: source, page: number),
                        reason: "asked for page \(number), the server answered page \(answered)",
                        requestID: page.requestID)
                }
                return page
            } catch let error as MaxCloudError where error.isUnauthorized {
                refusals += 1
                let next =
                    refusals < Self.maxRefusals
                    ? try await sessions.refused(token, for: company) : nil
                guard let next else {
                    let inARow = await sessions.refusedInARow(for: company)
                    throw MaxCloudError.refusedAfterRenewal(
                        RequestContext(source: source, page: number),
                        times: max(inARow, refusals), requestID: error.requestID)
                }
                token = next
            }
        }
    }

    private func checkTenant(_ page: TicketPage, source: TicketSource, number: Int) throws {
        for ticket in page.tickets {
            if let owner = ticket.companyID, owner != source.companyID {
                throw MaxCloudError.tenantMismatch(
                    RequestContext(source: source, page: number), ticketID: ticket.id,
                    ticketCompanyID: owner, requestID: page.requestID)
            }
        }
    }
}
