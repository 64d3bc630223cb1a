/// Counts of one key of one dimension.
public struct DimensionRow: Codable, Sendable, Equatable {
    /// The key: a company name, `"2"`, an e-mail, a state, an age bucket.
    public var key: String
    /// Open tickets.
    public var open: Int
    /// Closed tickets.
    public var closed: Int
    /// Open plus closed.
    public var total: Int
    /// The company's id, in `by_company` only.
    public var companyID: Int?
    /// In `by_company` only: false when a source of the company failed or did not add up
    /// (`--allow-partial`), so its counts are not the whole of its tickets.
    public var complete: Bool?

    /// Creates a row.
    public init(
        key: String, open: Int = 0, closed: Int = 0, companyID: Int? = nil, complete: Bool? = nil
    ) {
        self.key = key
        self.open = open
        self.closed = closed
        self.total = open + closed
        self.companyID = companyID
        self.complete = complete
    }

    /// The key as shown to a reader: a company not wholly read is marked `(incomplete)`.
    public var shownKey: String { complete == false ? "\(key) (incomplete)" : key }

    enum CodingKeys: String, CodingKey {
        case key, open, closed, total, complete
        case companyID = "company_id"
    }
}

/// Ticket totals.
public struct Totals: Codable, Sendable, Equatable {
    /// Distinct tickets.
    public var tickets: Int
    /// Open tickets.
    public var open: Int
    /// Closed tickets.
    public var closed: Int

    /// Creates totals.
    public init(tickets: Int, open: Int, closed: Int) {
        self.tickets = tickets
        self.open = open
        self.closed = closed
    }
}

/// One of the oldest open tickets, for the reports' "oldest open" list.
public struct OldTicket: Codable, Sendable, Equatable {
    /// The company's name.
    public var company: String
    /// The company's id.
    public var companyID: Int
    /// The ticket's id.
    public var id: Int
    /// The subject.
    public var subject: String
    /// The priority key.
    public var priority: String
    /// The assignee key.
    public var assignee: String
    /// The state key.
    public var state: String
    /// `created_at` as the API wrote it.
    public var createdAt: String
    /// Whole days of age.
    public var ageDays: Int

    enum CodingKeys: String, CodingKey {
        case company, id, subject, priority, assignee, state
        case companyID = "company_id"
        case createdAt = "created_at"
        case ageDays = "age_days"
    }
}

/// One company's counts: the dimensions of `Summary` for its tickets alone.
public struct CompanyCounts: Codable, Sendable, Equatable {
    /// The company's id.
    public var companyID: Int
    /// The company's name.
    public var company: String
    /// Its ticket totals.
    public var totals: Totals
    /// Per priority, in the order of `Summary.byPriority`.
    public var byPriority: [DimensionRow]
    /// Per assignee, most open first.
    public var byAssignee: [DimensionRow]
    /// Per state, most tickets first.
    public var byState: [DimensionRow]
    /// Per age bucket, every bucket, zeros included.
    public var byAge: [DimensionRow]

    enum CodingKeys: String, CodingKey {
        case company, totals
        case companyID = "company_id"
        case byPriority = "by_priority"
        case byAssignee = "by_assignee"
        case byState = "by_state"
        case byAge = "by_age"
    }
}

/// `summary.json`: the counts every output shows, by the counting rules of DESIGN.md.
public struct Summary: Codable, Sendable {
    /// The report's "now", ISO 8601 with the report zone's offset.
    public var asOf: String
    /// The report's zone as given.
    public var timezone: String
    /// Whether everything fetched adds up to what the server said.
    public var complete: Bool
    /// Why not, and other things a reader should know.
    public var warnings: [String]
    /// Ticket totals.
    public var totals: Totals
    /// Per company, every selected company, in the account's order.
    public var byCompany: [DimensionRow]
    /// Per priority, numeric order, `none` last.
    public var byPriority: [DimensionRow]
    /// Per assignee, most open first.
    public var byAssignee: [DimensionRow]
    /// Per state, most tickets first.
    public var byState: [DimensionRow]
    /// Per age bucket, every bucket in order, zeros included.
    public var byAge: [DimensionRow]
    /// Each company's own totals and dimensions, in `byCompany` order.
    public var companies: [CompanyCounts]
    /// What each source gave.
    public var sources: [SourceRecord]
    /// Sources that could not be read (only with `--allow-partial`).
    public var failedSources: [String]
    /// Whether closed tickets were listed.
    public var includeClosed: Bool
    /// The ten oldest open tickets.
    public var oldestOpen: [OldTicket]
    /// One sentence of the key figures for the top of a report: the backlog and its
    /// change, then what needs acting on.
    public var headline: String?
    /// What changed since the previous run of the same selection.
    public var changes: ChangeSummary?
    /// `changes` per company, in `byCompany` order (empty without a previous run).
    public var changesByCompany: [ChangeRow]?
    /// `changes` per priority, numeric order, `none` last (empty without a previous run).
    public var changesByPriority: [ChangeRow]?
    /// The backlog at the latest run of each of the last ISO weeks with a run, oldest
    /// first, this run last.
    public var trend: [TrendPoint]?
    /// Created per ISO week, and closed per week estimated, from the tickets alone.
    public var weekly: WeeklyActivity?
    /// What the meeting should act on.
    public var actions: ActionList?
    /// Whether the run was recorded in a history, and how many runs it holds.
    public var history: HistoryInfo?

    enum CodingKeys: String, CodingKey {
        case timezone, complete, warnings, totals, sources, companies
        case headline, changes, trend, weekly, actions, history
        case changesByCompany = "changes_by_company"
        case changesByPriority = "changes_by_priority"
        case asOf = "as_of"
        case byCompany = "by_company"
        case byPriority = "by_priority"
        case byAssignee = "by_assignee"
        case byState = "by_state"
        case byAge = "by_age"
        case failedSources = "failed_sources"
        case includeClosed = "include_closed"
        case oldestOpen = "oldest_open"
    }
}
