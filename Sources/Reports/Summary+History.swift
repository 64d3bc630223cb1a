import Foundation
import History

extension Summary {
    /// The history fields of a run that has no earlier run to compare with (`--no-history`,
    /// or the first run of a selection): `since` and the figures null, the backlog now,
    /// a trend of this run alone.
    mutating func setNoHistory(clock: ReportClock) {
        changes = ChangeSummary(backlogNow: totals.open)
        changesByCompany = []
        changesByPriority = []
        trend = [
            TrendPoint(
                week: ISOWeek(clock.asOf, in: clock.timeZone).description, asOf: asOf,
                backlog: totals.open)
        ]
        history = HistoryInfo(recorded: false, runs: 0)
        headline = makeHeadline()
    }

    /// Fills `changes` and its breakdowns from the history's counts against the previous run.
    /// The companies in `leftOut` were not compared (this run could not read them wholly):
    /// they get no row of `changesByCompany` and are named in `changes.left_out`.
    mutating func setChanges(_ counts: [ChangeCount], since: String, leftOut: [CompanyRef] = []) {
        var total = ChangeRow(key: "all")
        var companies: [Int: ChangeRow] = [:]
        var priorities: [String: ChangeRow] = [:]
        for count in counts {
            let priority = count.priority.map(String.init) ?? "none"
            total.add(count)
            companies[count.companyID, default: ChangeRow(key: "", companyID: count.companyID)]
                .add(count)
            priorities[priority, default: ChangeRow(key: priority)].add(count)
        }
        changes = ChangeSummary(since: since, row: total)
        changes?.leftOut = leftOut
        let skipped = Set(leftOut.map(\.companyID))

        // Every company of the report, in its order (zeros included), then any other.
        var rows: [ChangeRow] = []
        for company in byCompany {
            guard let id = company.companyID, !skipped.contains(id) else { continue }
            var row = companies.removeValue(forKey: id) ?? ChangeRow(key: "", companyID: id)
            row.key = company.key
            rows.append(row)
        }
        for (id, var row) in companies.sorted(by: { $0.key < $1.key }) {
            row.key = "company \(id)"
            rows.append(row)
        }
        changesByCompany = rows
        changesByPriority = priorities.values.sorted { Tally.priorityOrder($0.key, $1.key) }
    }

    /// The history fields of a run that could not read any company completely while there
    /// is a previous run: nothing can be compared honestly, so `since` and the figures stay
    /// null and `left_out` names every company.
    mutating func setNothingCompared(leftOut: [CompanyRef]) {
        changes = ChangeSummary(backlogNow: totals.open)
        changes?.leftOut = leftOut
        changesByCompany = []
        changesByPriority = []
    }

    /// The companies of `byCompany` that were not read completely, as `changes.left_out`
    /// names them.
    var companiesNotReadWholly: [CompanyRef] {
        byCompany.compactMap { row in
            guard row.complete == false, let id = row.companyID else { return nil }
            return CompanyRef(key: row.key, companyID: id)
        }
    }

    /// The trend from the runs of the selection, oldest first: the latest run of each ISO
    /// week (in the report's zone), the last `MeetingRules.weeks` of them. Each run's
    /// backlog is its `open` (the caller recounts it over the companies read completely
    /// when this run could not read them all).
    mutating func setTrend(_ runs: [HistoryRun], clock: ReportClock) {
        var latest: [(week: ISOWeek, run: HistoryRun)] = []
        for run in runs {
            let week = ISOWeek(Date(timeIntervalSince1970: Double(run.asOf)), in: clock.timeZone)
            if let last = latest.last, last.week == week {
                latest[latest.count - 1].run = run
            } else {
                latest.append((week, run))
            }
        }
        trend = latest.suffix(MeetingRules.weeks).map {
            TrendPoint(
                week: $0.week.description,
                asOf: clock.iso8601(Date(timeIntervalSince1970: Double($0.run.asOf))),
                backlog: $0.run.open)
        }
    }
}

extension ChangeRow {
    /// Adds one count of the history to the row.
    mutating func add(_ count: ChangeCount) {
        switch count.measure {
        case .created: created += count.count
        case .closed: closed += count.count
        case .reopened: reopened += count.count
        case .reassigned: reassigned += count.count
        case .backlogBefore: backlogBefore += count.count
        case .backlogNow: backlogNow += count.count
        }
    }
}
