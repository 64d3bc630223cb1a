/// `changes` in `summary.json`: what changed since the previous run of the same selection.
/// With no earlier run (the first run, or `--no-history`) `since` and every figure but
/// `backlog_now` are null.
public struct ChangeSummary: Codable, Sendable, Equatable {
    /// The previous run's as-of time, ISO 8601 in the report's zone; nil without one.
    public var since: String?
    /// Tickets not seen in the previous run and created after it.
    public var created: Int?
    /// Tickets open then and closed now.
    public var closed: Int?
    /// Tickets closed then and open now.
    public var reopened: Int?
    /// Tickets seen in both runs whose assignee changed.
    public var reassigned: Int?
    /// Open tickets in the previous run.
    public var backlogBefore: Int?
    /// Open tickets now.
    public var backlogNow: Int
    /// Companies left out of the comparison, on both sides, because this run could not
    /// read them completely (a source failed or did not add up): their tickets are not
    /// counted as closed or gone. Empty when everything was compared.
    public var leftOut: [CompanyRef]?

    /// Whether some company was left out of the comparison.
    public var isPartial: Bool { !(leftOut ?? []).isEmpty }

    /// The figures without an earlier run to compare with.
    public init(backlogNow: Int) {
        self.backlogNow = backlogNow
    }

    /// The figures of a comparison.
    public init(since: String, row: ChangeRow) {
        self.since = since
        created = row.created
        closed = row.closed
        reopened = row.reopened
        reassigned = row.reassigned
        backlogBefore = row.backlogBefore
        backlogNow = row.backlogNow
    }

    enum CodingKeys: String, CodingKey {
        case since, created, closed, reopened, reassigned
        case backlogBefore = "backlog_before"
        case backlogNow = "backlog_now"
        case leftOut = "left_out"
    }

    /// Writes every key, null included, so the object always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(since, forKey: .since)
        try container.encode(created, forKey: .created)
        try container.encode(closed, forKey: .closed)
        try container.encode(reopened, forKey: .reopened)
        try container.encode(reassigned, forKey: .reassigned)
        try container.encode(backlogBefore, forKey: .backlogBefore)
        try container.encode(backlogNow, forKey: .backlogNow)
        try container.encode(leftOut ?? [], forKey: .leftOut)
    }
}

/// A company named by its name and id, as in `changes.left_out`.
public struct CompanyRef: Codable, Sendable, Equatable {
    /// The company's name.
    public var key: String
    /// The company's id.
    public var companyID: Int

    /// Creates a reference.
    public init(key: String, companyID: Int) {
        self.key = key
        self.companyID = companyID
    }

    enum CodingKeys: String, CodingKey {
        case key
        case companyID = "company_id"
    }
}

/// One row of `changes_by_company` or `changes_by_priority`.
public struct ChangeRow: Codable, Sendable, Equatable {
    /// The company's name, or the priority key (`"0"`..`"4"`, `"none"`).
    public var key: String
    /// The company's id, in `changes_by_company` only.
    public var companyID: Int?
    /// Tickets not seen in the previous run and created after it.
    public var created = 0
    /// Tickets open then and closed now.
    public var closed = 0
    /// Tickets closed then and open now.
    public var reopened = 0
    /// Tickets seen in both runs whose assignee changed.
    public var reassigned = 0
    /// Open tickets in the previous run.
    public var backlogBefore = 0
    /// Open tickets now.
    public var backlogNow = 0

    /// A row of zeros.
    public init(key: String, companyID: Int? = nil) {
        self.key = key
        self.companyID = companyID
    }

    enum CodingKeys: String, CodingKey {
        case key, created, closed, reopened, reassigned
        case companyID = "company_id"
        case backlogBefore = "backlog_before"
        case backlogNow = "backlog_now"
    }
}

/// One point of `trend`: the backlog at the latest run of one ISO week.
public struct TrendPoint: Codable, Sendable, Equatable {
    /// The ISO week, `2026-W48`.
    public var week: String
    /// That run's as-of time, ISO 8601 in the report's zone.
    public var asOf: String
    /// Open tickets at that run.
    public var backlog: Int

    /// Creates a point.
    public init(week: String, asOf: String, backlog: Int) {
        self.week = week
        self.asOf = asOf
        self.backlog = backlog
    }

    enum CodingKeys: String, CodingKey {
        case week, backlog
        case asOf = "as_of"
    }
}

/// `history` in `summary.json`: whether this run was recorded, and how many runs of the
/// same selection the history holds (this one included).
public struct HistoryInfo: Codable, Sendable, Equatable {
    /// Whether the run was recorded (false with `--no-history`).
    public var recorded: Bool
    /// Runs of this selection in the history, this one included; 0 without a history.
    public var runs: Int

    /// Creates the entry.
    public init(recorded: Bool, runs: Int) {
        self.recorded = recorded
        self.runs = runs
    }
}
