import Foundation
import MaxCloud

/// Counts rows one at a time, by the counting rules, keeping nothing per ticket but the
/// few the summary names (the oldest open ones, examples for warnings).
struct Tally {
    /// Open and closed per key, keys in the order they were first met.
    struct KeyCounts {
        private var order: [String] = []
        private var counts: [String: (open: Int, closed: Int)] = [:]

        mutating func add(_ key: String, closed: Bool) {
            if let entry = counts[key] {
                counts[key] =
                    closed ? (entry.open, entry.closed + 1) : (entry.open + 1, entry.closed)
            } else {
                order.append(key)
                counts[key] = closed ? (0, 1) : (1, 0)
            }
        }

        var rows: [DimensionRow] {
            order.map { DimensionRow(key: $0, open: counts[$0]!.open, closed: counts[$0]!.closed) }
        }
    }

    /// A ticket the summary names, with what orders it.
    struct Candidate {
        var ageSeconds: Double
        var companyID: Int
        var id: Int
        var ticket: OldTicket

        /// Older first; ties by company and id.
        func isOlder(than other: Candidate) -> Bool {
            (other.ageSeconds, companyID, id) < (ageSeconds, other.companyID, other.id)
        }
    }

    /// Up to three examples and the count of tickets with one kind of trouble.
    struct Examples {
        var count = 0
        var examples: [String] = []

        mutating func add(_ text: @autoclosure () -> String) {
            count += 1
            if examples.count < 3 { examples.append(text()) }
        }

        func sentence(_ what: String) -> String? {
            guard count > 0 else { return nil }
            let more = count > 3 ? " and \(count - 3) more" : ""
            return "\(count) ticket(s) \(what): \(examples.joined(separator: ", "))\(more)"
        }
    }

    /// Totals and the four dimensions of a set of tickets: all of them, or one company's.
    struct Dimensions {
        private(set) var totals = Totals(tickets: 0, open: 0, closed: 0)
        private var priority = KeyCounts()
        private var assignee = KeyCounts()
        private var state = KeyCounts()
        private var age = KeyCounts()

        mutating func add(_ row: TicketRow) {
            let closed = row.isClosed
            totals.tickets += 1
            if closed { totals.closed += 1 } else { totals.open += 1 }
            priority.add(row.priorityKey, closed: closed)
            assignee.add(row.assigneeKey, closed: closed)
            state.add(row.stateKey, closed: closed)
            age.add(row.bucket.rawValue, closed: closed)
        }

        /// Numeric order, `none` (and any other word) after the numbers.
        var byPriority: [DimensionRow] {
            priority.rows.sorted { Tally.priorityOrder($0.key, $1.key) }
        }

        /// Most open first, then most tickets, then by key.
        var byAssignee: [DimensionRow] {
            assignee.rows.sorted { ($1.open, $1.total, $0.key) < ($0.open, $0.total, $1.key) }
        }

        /// Most tickets first, then by key.
        var byState: [DimensionRow] {
            state.rows.sorted { ($1.total, $0.key) < ($0.total, $1.key) }
        }

        /// Every bucket in report order, zeros included.
        var byAge: [DimensionRow] {
            let counted = Dictionary(uniqueKeysWithValues: age.rows.map { ($0.key, $0) })
            return AgeBucket.allCases.map { counted[$0.rawValue] ?? DimensionRow(key: $0.rawValue) }
        }
    }

    /// Whether priority key `a` goes before `b`: numeric order, `none` (and any other
    /// word) after the numbers.
    static func priorityOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    let clock: ReportClock
    let oldestLimit = 10
    /// Every ticket's counts.
    private(set) var all = Dimensions()
    /// Each company's counts, by company id.
    private var companies: [Int: Dimensions] = [:]
    /// The oldest open tickets, oldest first.
    private(set) var oldest: [Candidate] = []
    private var unreadable = Examples()
    private var future = Examples()
    private var odd = Examples()
    /// Created and closed per week, from the tickets' own timestamps.
    private(set) var weekly: WeeklyTally
    /// The meeting's action list.
    private(set) var actions: ActionTally

    init(clock: ReportClock) {
        self.clock = clock
        weekly = WeeklyTally(clock: clock)
        actions = ActionTally(clock: clock)
    }

    mutating func add(_ row: TicketRow) {
        all.add(row)
        weekly.add(row)
        actions.add(row)
        companies[row.companyID, default: Dimensions()].add(row)
        if !row.isClosed, let seconds = row.ageSeconds { consider(row, ageSeconds: seconds) }
        noteTrouble(row)
    }

    private mutating func consider(_ row: TicketRow, ageSeconds: Double) {
        let id = row.ticket.id
        if oldest.count == oldestLimit {
            let youngest = oldest[oldestLimit - 1]
            guard
                (youngest.ageSeconds, row.companyID, id) < (
                    ageSeconds, youngest.companyID, youngest.id
                )
            else { return }
            oldest.removeLast()
        }
        let candidate = Candidate(
            ageSeconds: ageSeconds, companyID: row.companyID, id: id,
            ticket: OldTicket(
                company: row.companyName, companyID: row.companyID, id: id,
                subject: row.ticket.subject ?? "", priority: row.priorityKey,
                assignee: row.assigneeKey, state: row.stateKey,
                createdAt: row.ticket.createdAt ?? "", ageDays: row.ageDays ?? 0))
        let position = oldest.firstIndex { candidate.isOlder(than: $0) } ?? oldest.count
        oldest.insert(candidate, at: position)
    }

    private mutating func noteTrouble(_ row: TicketRow) {
        let name = "\(row.companyName) #\(row.ticket.id)"
        if row.created == nil {
            unreadable.add("\(name) (\(row.ticket.createdAt.map { "'\($0)'" } ?? "missing"))")
        } else if row.isFuture(clock) {
            future.add("\(name) (\(row.ticket.createdAt ?? ""))")
        }
        if !row.ticket.problems.isEmpty {
            odd.add("\(name) (\(row.ticket.problems.joined(separator: "; ")))")
        }
    }

    /// Warnings about single tickets: unreadable or future `created_at`, fields of the
    /// wrong type. Each names a few examples and the total.
    func warnings() -> [String] {
        [
            unreadable.sentence("have a created_at that cannot be read; counted as age 'unknown'"),
            future.sentence("were created after the as-of time; counted as age 0"),
            odd.sentence("have fields of an unexpected type"),
        ].compactMap { $0 }
    }

    /// The companies to show: the selected ones in the account's order (zeros included),
    /// then any other company a ticket named, by id.
    func companyIDs(_ selected: [Company]) -> [Int] {
        var ids = selected.map(\.id)
        let known = Set(ids)
        ids += companies.keys.filter { !known.contains($0) }.sorted()
        return ids
    }

    /// Per company, in `companyIDs` order; a company in `incomplete` is marked so.
    func byCompany(_ selected: [Company], names: [Int: String], incomplete: Set<Int>)
        -> [DimensionRow]
    {
        companyIDs(selected).map { id in
            let totals = companies[id]?.totals ?? Totals(tickets: 0, open: 0, closed: 0)
            return DimensionRow(
                key: names[id] ?? "company \(id)", open: totals.open, closed: totals.closed,
                companyID: id, complete: !incomplete.contains(id))
        }
    }

    /// Each company's own dimensions, in `companyIDs` order.
    func companyCounts(_ selected: [Company], names: [Int: String]) -> [CompanyCounts] {
        companyIDs(selected).map { id in
            let counts = companies[id] ?? Dimensions()
            return CompanyCounts(
                companyID: id, company: names[id] ?? "company \(id)", totals: counts.totals,
                byPriority: counts.byPriority, byAssignee: counts.byAssignee,
                byState: counts.byState, byAge: counts.byAge)
        }
    }
}
