import Foundation
import MaxCloudSimulator

/// The figures `summary.json` must show, worked out from the simulator's own data with
/// Foundation's date parser, independently of the tool's counting code.
struct Expected {
    var tickets = 0
    var open = 0
    var closed = 0
    var byCompany: [String: [Int]] = [:]
    var byPriority: [String: [Int]] = [:]
    var byAssignee: [String: [Int]] = [:]
    var byState: [String: [Int]] = [:]
    var byAge: [String: [Int]] = [:]

    init(_ tickets: [SimTicket], companies: [SimCompany], asOf: String, zone: TimeZone) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let now = formatter.date(from: asOf)!
        let names = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0.name) })
        for company in companies { byCompany[company.name] = [0, 0] }

        func add(_ table: inout [String: [Int]], _ key: String, closed: Bool) {
            var entry = table[key, default: [0, 0]]
            entry[closed ? 1 : 0] += 1
            table[key] = entry
        }
        for ticket in tickets {
            let isClosed = ticket.state.lowercased() == "closed"
            self.tickets += 1
            if isClosed { closed += 1 } else { open += 1 }
            add(&byCompany, names[ticket.companyID]!, closed: isClosed)
            add(&byPriority, ticket.priority.map(String.init) ?? "none", closed: isClosed)
            let assignee = ticket.assignedTo ?? ""
            add(&byAssignee, assignee.isEmpty ? "(unassigned)" : assignee, closed: isClosed)
            add(&byState, ticket.state.lowercased(), closed: isClosed)
            add(
                &byAge, Self.bucket(formatter.date(from: ticket.createdAt), now: now),
                closed: isClosed)
        }
    }

    static func bucket(_ created: Date?, now: Date) -> String {
        guard let created else { return "unknown" }
        let days = max(0, now.timeIntervalSince(created)) / 86_400
        let bounds: [(Double, String)] = [
            (1, "0-1d"), (3, "1-3d"), (7, "3-7d"), (14, "7-14d"), (30, "14-30d"), (90, "30-90d"),
        ]
        return bounds.first { days < $0.0 }?.1 ?? "90d+"
    }
}
