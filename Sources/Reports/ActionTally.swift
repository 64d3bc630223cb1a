import Foundation
import MaxCloud

/// Counts, ticket by ticket, the meeting's action list (`ActionList`) by `MeetingRules`.
struct ActionTally {
    /// The tickets ranked highest so far, at most `limit`: the greatest `rank` first,
    /// ties by company and ticket id.
    struct Ranked {
        struct Entry {
            var rank: Double
            var companyID: Int
            var id: Int
            var ticket: ActionTicket
        }

        let limit: Int
        private(set) var entries: [Entry] = []

        /// Whether `a` goes before `b`.
        private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            (b.rank, a.companyID, a.id) < (a.rank, b.companyID, b.id)
        }

        mutating func offer(
            rank: Double, companyID: Int, id: Int, _ ticket: @autoclosure () -> ActionTicket
        ) {
            if entries.count == limit, let last = entries.last {
                guard (last.rank, companyID, id) < (rank, last.companyID, last.id) else { return }
                entries.removeLast()
            }
            let entry = Entry(rank: rank, companyID: companyID, id: id, ticket: ticket())
            let position = entries.firstIndex { Self.precedes(entry, $0) } ?? entries.count
            entries.insert(entry, at: position)
        }
    }

    private let asOf: Date
    private var unassigned = Tally.KeyCounts()
    private var old = Tally.KeyCounts()
    private var stale = Tally.KeyCounts()
    private var aged = Tally.KeyCounts()
    private var stalest = Ranked(limit: MeetingRules.listLimit)
    private var oldestHigh = Ranked(limit: MeetingRules.listLimit)

    init(clock: ReportClock) {
        asOf = clock.asOf
    }

    mutating func add(_ row: TicketRow) {
        guard !row.isClosed else { return }
        let day = 86_400.0
        let asOf = self.asOf
        if row.assigneeKey == "(unassigned)" { unassigned.add(row.priorityKey, closed: false) }
        if let age = row.ageSeconds, age >= Double(MeetingRules.oldOpenDays) * day {
            old.add(row.assigneeKey, closed: false)
        }
        if let touched = row.updated ?? row.created {
            let idle = asOf.timeIntervalSince(touched)
            if idle >= Double(MeetingRules.staleDays) * day {
                stale.add(row.assigneeKey, closed: false)
                stalest.offer(
                    rank: idle, companyID: row.companyID, id: row.ticket.id,
                    Self.ticket(row, idle: idle, asOf: asOf))
            }
        }
        if let priority = row.ticket.priority, MeetingRules.highPriorities.contains(priority),
            let age = row.ageSeconds
        {
            oldestHigh.offer(
                rank: age, companyID: row.companyID, id: row.ticket.id,
                Self.ticket(row, idle: nil, asOf: asOf))
            if age >= Double(MeetingRules.agedHighPriorityDays) * day {
                aged.add(row.priorityKey, closed: false)
            }
        }
    }

    private static func ticket(_ row: TicketRow, idle: Double?, asOf: Date) -> ActionTicket {
        let touched = row.updated ?? row.created
        return ActionTicket(
            company: row.companyName, companyID: row.companyID, id: row.ticket.id,
            subject: row.ticket.subject ?? "", priority: row.priorityKey,
            assignee: row.assigneeKey, state: row.stateKey, createdAt: row.ticket.createdAt ?? "",
            updatedAt: row.ticket.updatedAt ?? "", ageDays: row.ageDays ?? 0,
            idleDays: (idle ?? touched.map { asOf.timeIntervalSince($0) }).map {
                Int((max(0, $0) / 86_400).rounded(.down))
            })
    }

    /// The list.
    var list: ActionList {
        var list = ActionList()
        list.unassignedOpenByPriority = Self.byPriority(unassigned)
        list.unassignedOpen = list.unassignedOpenByPriority.reduce(0) { $0 + $1.count }
        list.oldOpenByAssignee = Self.mostFirst(old)
        list.oldOpen = list.oldOpenByAssignee.reduce(0) { $0 + $1.count }
        list.staleOpenByAssignee = Self.mostFirst(stale)
        list.staleOpen = list.staleOpenByAssignee.reduce(0) { $0 + $1.count }
        list.staleOpenTickets = stalest.entries.map(\.ticket)
        list.oldestHighPriority = oldestHigh.entries.map(\.ticket)
        list.highPriorityAged = Self.byPriority(aged)
        return list
    }

    private static func byPriority(_ counts: Tally.KeyCounts) -> [CountRow] {
        counts.rows.sorted { Tally.priorityOrder($0.key, $1.key) }.map {
            CountRow(key: $0.key, count: $0.open)
        }
    }

    private static func mostFirst(_ counts: Tally.KeyCounts) -> [CountRow] {
        counts.rows.sorted { ($1.open, $0.key) < ($0.open, $1.key) }.map {
            CountRow(key: $0.key, count: $0.open)
        }
    }
}
