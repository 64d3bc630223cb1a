/// One run as the history keeps it: when it was, what it read, and its totals.
public struct HistoryRun: Sendable, Equatable {
    /// The run's id in the history; 0 for a run not recorded yet.
    public var id: Int64
    /// The report's as-of time, seconds since 1970 (UTC).
    public var asOf: Int64
    /// The as-of time as the report showed it (ISO 8601 with the zone's offset).
    public var asOfText: String
    /// The wall time the run was recorded, seconds since 1970 (UTC).
    public var recordedAt: Int64
    /// What was read (companies, scopes, tags, closed or not), as one text: only runs of
    /// the same selection are compared.
    public var selection: String
    /// The API root the run read from, as one text (scheme and host in lower case, no
    /// trailing slash): runs of two servers are never compared, even of the same
    /// selection. Empty for a run recorded before the history kept it (schema version 2
    /// and older), until a run of its selection claims it (see `HistoryStore.record`).
    public var baseURL: String
    /// Whether everything fetched added up; incomplete runs are kept but never compared with.
    public var complete: Bool
    /// Distinct tickets seen.
    public var tickets: Int
    /// Open tickets seen: the backlog.
    public var open: Int
    /// Closed tickets seen.
    public var closed: Int

    /// Creates a run.
    public init(
        id: Int64 = 0, asOf: Int64, asOfText: String, recordedAt: Int64, selection: String,
        baseURL: String = "", complete: Bool, tickets: Int, open: Int, closed: Int
    ) {
        self.id = id
        self.asOf = asOf
        self.asOfText = asOfText
        self.recordedAt = recordedAt
        self.selection = selection
        self.baseURL = baseURL
        self.complete = complete
        self.tickets = tickets
        self.open = open
        self.closed = closed
    }
}

/// A company a run read, and whether all of its tickets were read.
public struct HistoryCompany: Sendable, Equatable {
    /// The company's id.
    public var id: Int
    /// Its name at the time.
    public var name: String
    /// False when a source of the company failed or did not add up.
    public var complete: Bool

    /// Creates a company entry.
    public init(id: Int, name: String, complete: Bool) {
        self.id = id
        self.name = name
        self.complete = complete
    }
}

/// One ticket as a run saw it. Fields are kept as the API sent them; `isClosed` and
/// `createdTime` are what the report's counting rules made of them.
public struct TicketState: Sendable, Equatable {
    /// The company's id.
    public var companyID: Int
    /// The ticket's id within its company.
    public var ticketID: Int
    /// `state` as sent.
    public var state: String?
    /// Whether the ticket counted as closed.
    public var isClosed: Bool
    /// `priority` as sent.
    public var priority: Int?
    /// `assigned_to` as sent; nil or empty is unassigned.
    public var assignee: String?
    /// `created_at` as sent.
    public var createdAt: String?
    /// `updated_at` as sent.
    public var updatedAt: String?
    /// `created_at` read in the report's zone, seconds since 1970; nil when unreadable.
    public var createdTime: Int64?

    /// Creates a ticket state.
    public init(
        companyID: Int, ticketID: Int, state: String?, isClosed: Bool, priority: Int?,
        assignee: String?, createdAt: String?, updatedAt: String?, createdTime: Int64?
    ) {
        self.companyID = companyID
        self.ticketID = ticketID
        self.state = state
        self.isClosed = isClosed
        self.priority = priority
        self.assignee = assignee
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdTime = createdTime
    }
}

/// What changed between two runs, one of the figures of a change count.
public enum ChangeMeasure: String, Sendable, CaseIterable {
    /// Not seen in the earlier run, and created at or after its as-of time (or with an unreadable `created_at`).
    case created
    /// Open then, closed now.
    case closed
    /// Closed then, open now.
    case reopened
    /// Seen in both, the assignee changed (empty and missing are the same: unassigned).
    case reassigned
    /// Open in the earlier run.
    case backlogBefore = "backlog_before"
    /// Open in this run.
    case backlogNow = "backlog_now"
}

/// How many tickets of one company and one priority a measure counts.
public struct ChangeCount: Sendable, Equatable {
    /// The measure.
    public var measure: ChangeMeasure
    /// The company.
    public var companyID: Int
    /// The priority the ticket has in this run (in the earlier run for `backlogBefore`
    /// and for a ticket no longer listed).
    public var priority: Int?
    /// The number of tickets.
    public var count: Int

    /// Creates a count.
    public init(measure: ChangeMeasure, companyID: Int, priority: Int?, count: Int) {
        self.measure = measure
        self.companyID = companyID
        self.priority = priority
        self.count = count
    }
}
