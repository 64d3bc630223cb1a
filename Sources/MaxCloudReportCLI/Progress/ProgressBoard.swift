import MaxCloud
import Reports

/// What a fetch has done so far, company by company, from its `FetchEvent`s: pages read
/// of the server's `page_count`, tickets so far and requests retried. It only counts;
/// `ProgressReporter` decides when and how to show it.
public struct ProgressBoard: Sendable {
    /// Where one company stands.
    public struct Row: Sendable, Equatable {
        /// The company.
        public var company: Company
        /// Pages read, over its sources.
        public var pages = 0
        /// Pages its sources have, as far as their first pages said.
        public var pageCount = 0
        /// Tickets read so far.
        public var tickets = 0
        /// Requests tried again.
        public var retries = 0
        /// Sources finished, read or left out.
        public var sourcesDone = 0
        /// Whether a source was left out (`--allow-partial`).
        public var failed = false
        /// Whether any page has arrived.
        public var started = false
    }

    /// Where one source stands: its latest page event (a source read again starts over).
    struct SourceState: Sendable {
        var pages = 0
        var pageCount = 0
        var tickets = 0
    }

    /// The companies, in the order the fetch reads them.
    public private(set) var rows: [Row] = []
    /// Retries of requests that belong to no company (log-in).
    public private(set) var otherRetries = 0
    /// Sources each company has (its scopes and tags).
    public let sourcesPerCompany: Int
    private var sources: [TicketSource: SourceState] = [:]

    /// Creates an empty board.
    public init(sourcesPerCompany: Int) {
        self.sourcesPerCompany = max(1, sourcesPerCompany)
    }

    /// Whether every company is finished.
    public var isFinished: Bool {
        !rows.isEmpty && rows.allSatisfy { $0.sourcesDone >= sourcesPerCompany }
    }

    /// Takes an event into account.
    public mutating func record(_ event: FetchEvent) {
        switch event {
        case .loggedIn(_, let selected):
            rows = selected.map { Row(company: $0) }
        case .page(let source, let pages, let pageCount, let tickets):
            sources[source] = SourceState(
                pages: pageCount == 0 && tickets == 0 ? 0 : pages, pageCount: pageCount,
                tickets: tickets)
            refresh(source.companyID)
        case .sourceDone(let result):
            // A source without tickets has no page to read: its one request says so.
            let empty = result.pageCount == 0 && result.tickets.isEmpty
            sources[result.source] = SourceState(
                pages: empty ? 0 : result.pages,
                pageCount: empty ? 0 : max(result.pageCount, result.pages),
                tickets: result.tickets.count)
            update(result.source.companyID) { $0.sourcesDone += 1 }
            refresh(result.source.companyID)
        case .sourceFailed(let source, _):
            update(source.companyID) {
                $0.sourcesDone += 1
                $0.failed = true
            }
        case .request(let request):
            guard request.retryReason != nil else { return }
            if let id = request.context.companyID, rows.contains(where: { $0.company.id == id }) {
                update(id) { $0.retries += 1 }
            } else {
                otherRetries += 1
            }
        }
    }

    private mutating func update(_ companyID: Int, _ change: (inout Row) -> Void) {
        guard let index = rows.firstIndex(where: { $0.company.id == companyID }) else { return }
        change(&rows[index])
    }

    private mutating func refresh(_ companyID: Int) {
        let own = sources.filter { $0.key.companyID == companyID }.values
        update(companyID) { row in
            row.started = true
            row.pages = own.reduce(0) { $0 + $1.pages }
            row.pageCount = own.reduce(0) { $0 + max($1.pageCount, $1.pages) }
            row.tickets = own.reduce(0) { $0 + $1.tickets }
        }
    }

    /// Totals over the companies.
    public var totals: (done: Int, pages: Int, pageCount: Int, tickets: Int, retries: Int) {
        (
            rows.filter { $0.sourcesDone >= sourcesPerCompany }.count,
            rows.reduce(0) { $0 + $1.pages }, rows.reduce(0) { $0 + $1.pageCount },
            rows.reduce(0) { $0 + $1.tickets }, rows.reduce(otherRetries) { $0 + $1.retries }
        )
    }

    /// `waiting`, `reading`, `done` or `failed`.
    public func status(of row: Row) -> String {
        if row.sourcesDone >= sourcesPerCompany { return row.failed ? "failed" : "done" }
        return row.started || row.sourcesDone > 0 ? "reading" : "waiting"
    }

    /// `progress: 2 of 4 companies done, 37 of 52 pages, 3400 tickets, 2 retries, 12 s`.
    public func summaryLine(elapsed: Double) -> String {
        let totals = totals
        return
            "progress: \(totals.done) of \(Self.plural(rows.count, "company", "companies")) done, "
            + "\(totals.pages) of \(Self.plural(totals.pageCount, "page", "pages")), "
            + "\(Self.plural(totals.tickets, "ticket", "tickets")), "
            + "\(Self.plural(totals.retries, "retry", "retries")), \(Int(elapsed)) s"
    }

    /// `1 retry`, `2 retries`, `0 retries`: the CLI's counts all go through here.
    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// What the log-in gave, for the first progress line: `reading 2 of 5 companies`, or,
    /// when the server's `all_company` list is empty, the account's own company by name.
    static func selection(all: [Company], selected: [Company]) -> String {
        if all.isEmpty {
            let names = selected.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            return "reading the account's company \(names); the server listed no companies"
        }
        return "reading \(selected.count) of " + plural(all.count, "company", "companies")
    }
}
