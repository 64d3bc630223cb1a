import Foundation
import MaxCloud
import Reports
import TestSupport

/// Small snapshots built in code, for counting and rendering tests.
enum Fixtures {
    static let asOf = "2026-11-30 09:00:00"

    static func clock(zone: String = "+08:00") throws -> ReportClock {
        try ReportClock(timeZone: zone, asOf: asOf)
    }

    static func ticket(
        _ id: Int, company: Int = 1, state: String? = "open", priority: Int? = 2,
        assignee: String? = "a@example.com", created: String? = "2026-11-01 09:00:00",
        updated: String? = "2026-11-02 09:00:00", subject: String = "subject"
    ) -> Ticket {
        Ticket(
            id: id, companyID: company, assignedTo: assignee, state: state, priority: priority,
            subject: subject, createdAt: created, updatedAt: updated)
    }

    static func snapshot(_ tickets: [Ticket], companies: [Company]? = nil) -> Snapshot {
        let companies =
            companies ?? [Company(id: 1, name: "DefaultTeam"), Company(id: 2, name: "运维二组")]
        let sources = companies.map { company in
            let count = Set(tickets.filter { $0.companyID == company.id }.map(\.id)).count
            return SourceRecord(
                companyID: company.id, company: company.name, scope: "company", groupTag: nil,
                pages: 1,
                resultCount: count, fetched: count, unique: count, serverOpen: nil,
                serverClosed: nil,
                complete: true)
        }
        return Snapshot(
            baseURL: "http://127.0.0.1", fetchedAt: "2026-11-30T01:00:00Z", companies: companies,
            includeClosed: true, sources: sources, tickets: tickets, warnings: [])
    }

    static func temporaryDirectory() -> URL {
        TestFolders.make("reports")
    }
}
