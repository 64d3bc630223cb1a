import MaxCloudSimulator

/// What `changes`, `changes_by_company` and `changes_by_priority` must say between two
/// states of the simulator's data, worked out here from the tickets themselves,
/// independently of the tool's history code.
struct ExpectedChanges {
    static let measures = [
        "created", "closed", "reopened", "reassigned", "backlog_before", "backlog_now",
    ]

    var total: [String: Int] = [:]
    var byCompany: [Int: [String: Int]] = [:]
    var byPriority: [String: [String: Int]] = [:]

    /// `since` is the previous run's as-of time as the API writes times (same zone).
    init(before: [SimTicket], after: [SimTicket], since: String) {
        struct Key: Hashable {
            var company: Int
            var id: Int
        }
        let then = Dictionary(
            uniqueKeysWithValues: before.map { (Key(company: $0.companyID, id: $0.id), $0) })
        let now = Dictionary(
            uniqueKeysWithValues: after.map { (Key(company: $0.companyID, id: $0.id), $0) })

        func add(_ measure: String, _ ticket: SimTicket) {
            let priority = ticket.priority.map(String.init) ?? "none"
            total[measure, default: 0] += 1
            byCompany[ticket.companyID, default: [:]][measure, default: 0] += 1
            byPriority[priority, default: [:]][measure, default: 0] += 1
        }
        for ticket in before where !ticket.isClosed { add("backlog_before", ticket) }
        for (key, ticket) in now {
            if !ticket.isClosed { add("backlog_now", ticket) }
            guard let old = then[key] else {
                if ticket.createdAt > since { add("created", ticket) }
                continue
            }
            if !old.isClosed, ticket.isClosed { add("closed", ticket) }
            if old.isClosed, !ticket.isClosed { add("reopened", ticket) }
            if (old.assignedTo ?? "") != (ticket.assignedTo ?? "") { add("reassigned", ticket) }
        }
    }

    /// A table of figures from rows of `summary.json`, zero figures and rows left out.
    static func table(_ rows: [[String: Any]], key: String) -> [String: [String: Int]] {
        var table: [String: [String: Int]] = [:]
        for row in rows {
            let name = "\(row[key] ?? "")"
            for measure in measures {
                if let value = row[measure] as? Int, value != 0 {
                    table[name, default: [:]][measure] = value
                }
            }
        }
        return table
    }

    /// The same tables from the expectation.
    var companyTable: [String: [String: Int]] {
        Dictionary(uniqueKeysWithValues: byCompany.map { ("\($0.key)", $0.value) })
    }
}
