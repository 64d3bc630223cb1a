import Foundation

/// Counts, ticket by ticket, what `created_at` and `updated_at` alone tell about the last
/// `MeetingRules.weeks` ISO weeks: tickets created in each, and closed tickets by the week
/// of their last update (an estimate of when they were closed: the API gives no closing
/// time, and a ticket updated after it was closed is counted in the later week).
struct WeeklyTally {
    /// The weeks, oldest first; the last holds the as-of time.
    let weeks: [ISOWeek]
    /// When each week begins, and after them the end of the last (the as-of time).
    private let bounds: [Date]
    private var created: [Int]
    private var closed: [Int]

    /// The note that goes with the figures wherever they appear.
    static let note =
        "closed_estimated is an estimate: it counts closed tickets by the week of their "
        + "updated_at, as the API gives no closing time, so a ticket changed after it was "
        + "closed counts in the later week, and one whose updated_at cannot be read is not counted."

    init(clock: ReportClock) {
        let last = ISOWeek(clock.asOf, in: clock.timeZone)
        weeks = (0..<MeetingRules.weeks).map { last.advanced(by: $0 - MeetingRules.weeks + 1) }
        bounds = weeks.map { $0.start(in: clock.timeZone) } + [clock.asOf]
        created = Array(repeating: 0, count: weeks.count)
        closed = Array(repeating: 0, count: weeks.count)
    }

    /// The week an instant falls in, nil outside the weeks or after the as-of time.
    func weekIndex(of date: Date) -> Int? {
        guard date >= bounds[0], date <= bounds[bounds.count - 1] else { return nil }
        var index = weeks.count - 1
        while index > 0, date < bounds[index] { index -= 1 }
        return index
    }

    mutating func add(_ row: TicketRow) {
        if let date = row.created, let index = weekIndex(of: date) { created[index] += 1 }
        if row.isClosed, let date = row.updated, let index = weekIndex(of: date) {
            closed[index] += 1
        }
    }

    /// The figures, oldest week first; `includeClosed` false says in the note that closed
    /// tickets were not listed.
    func activity(includeClosed: Bool) -> WeeklyActivity {
        let entries = weeks.indices.map { index in
            WeekCounts(
                week: weeks[index].description, start: weeks[index].mondayText,
                created: created[index], closedEstimated: closed[index],
                partial: index == weeks.count - 1)
        }
        var note = Self.note
        if !includeClosed {
            note += " Closed tickets were not listed (--open-only), so closed_estimated is 0."
        }
        return WeeklyActivity(note: note, weeks: entries)
    }
}
