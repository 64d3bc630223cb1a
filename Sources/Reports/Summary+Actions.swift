/// A key and how many tickets it has, in the action list.
public struct CountRow: Codable, Sendable, Equatable {
    /// A priority key or an assignee key.
    public var key: String
    /// Open tickets.
    public var count: Int

    /// Creates a row.
    public init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}

/// A ticket the action list names.
public struct ActionTicket: Codable, Sendable, Equatable {
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
    /// `updated_at` as the API wrote it.
    public var updatedAt: String
    /// Whole days since `created_at`.
    public var ageDays: Int
    /// Whole days since `updated_at` (since `created_at` when it cannot be read).
    public var idleDays: Int?

    enum CodingKeys: String, CodingKey {
        case company, id, subject, priority, assignee, state
        case companyID = "company_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case ageDays = "age_days"
        case idleDays = "idle_days"
    }
}

/// `actions` in `summary.json`: what the meeting should act on, among open tickets. The
/// thresholds are `MeetingRules`' and are written beside the figures.
public struct ActionList: Codable, Sendable, Equatable {
    /// Open tickets nobody is assigned to.
    public var unassignedOpen = 0
    /// The same per priority, in priority order.
    public var unassignedOpenByPriority: [CountRow] = []
    /// The age in days from which an open ticket is old.
    public var oldOpenDays = MeetingRules.oldOpenDays
    /// Open tickets at least `oldOpenDays` old.
    public var oldOpen = 0
    /// The same per assignee, most first.
    public var oldOpenByAssignee: [CountRow] = []
    /// Days without an update from which an open ticket is stale.
    public var staleOpenDays = MeetingRules.staleDays
    /// Open tickets not updated for `staleOpenDays`.
    public var staleOpen = 0
    /// The same per assignee, most first.
    public var staleOpenByAssignee: [CountRow] = []
    /// The stale tickets updated longest ago, at most `MeetingRules.listLimit`.
    public var staleOpenTickets: [ActionTicket] = []
    /// The priorities that count as high, such as `["0", "1"]`.
    public var highPriorities = MeetingRules.highPriorities.sorted().map(String.init)
    /// The oldest open high-priority tickets, at most `MeetingRules.listLimit`.
    public var oldestHighPriority: [ActionTicket] = []
    /// The age in days from which a high-priority open ticket is counted as aged.
    public var highPriorityAgedDays = MeetingRules.agedHighPriorityDays
    /// Open high-priority tickets at least `highPriorityAgedDays` old, per priority.
    public var highPriorityAged: [CountRow] = []

    /// An empty list with the rules' thresholds.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case unassignedOpen = "unassigned_open"
        case unassignedOpenByPriority = "unassigned_open_by_priority"
        case oldOpenDays = "old_open_days"
        case oldOpen = "old_open"
        case oldOpenByAssignee = "old_open_by_assignee"
        case staleOpenDays = "stale_open_days"
        case staleOpen = "stale_open"
        case staleOpenByAssignee = "stale_open_by_assignee"
        case staleOpenTickets = "stale_open_tickets"
        case highPriorities = "high_priorities"
        case oldestHighPriority = "oldest_high_priority"
        case highPriorityAgedDays = "high_priority_aged_days"
        case highPriorityAged = "high_priority_aged"
    }
}

/// `weekly` in `summary.json`: what `created_at` and `updated_at` alone tell, with no
/// history: tickets created per ISO week, and closed per week estimated.
public struct WeeklyActivity: Codable, Sendable, Equatable {
    /// Says that `closed_estimated` is an estimate and how it is made.
    public var note: String
    /// The last `MeetingRules.weeks` ISO weeks up to the as-of time, oldest first.
    public var weeks: [WeekCounts]

    /// Creates the entry.
    public init(note: String, weeks: [WeekCounts]) {
        self.note = note
        self.weeks = weeks
    }
}

/// One ISO week of `weekly`.
public struct WeekCounts: Codable, Sendable, Equatable {
    /// The ISO week, `2026-W48`.
    public var week: String
    /// Its Monday, `2026-11-23`.
    public var start: String
    /// Tickets whose `created_at` falls in the week (and not after the as-of time).
    public var created: Int
    /// Closed tickets whose `updated_at` falls in the week: an estimate of those closed in it.
    public var closedEstimated: Int
    /// True for the week holding the as-of time, counted only up to it.
    public var partial: Bool

    /// Creates a week.
    public init(week: String, start: String, created: Int, closedEstimated: Int, partial: Bool) {
        self.week = week
        self.start = start
        self.created = created
        self.closedEstimated = closedEstimated
        self.partial = partial
    }

    enum CodingKeys: String, CodingKey {
        case week, start, created, partial
        case closedEstimated = "closed_estimated"
    }
}
