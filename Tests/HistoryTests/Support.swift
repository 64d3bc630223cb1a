import Foundation
import History

/// A fresh history file in the temporary folder, removed with its folder by `remove()`.
struct TemporaryHistory {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "history-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("history.sqlite").path }

    init() {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A run of the selection `s` at `asOf` seconds with the totals of `states`.
func run(_ asOf: Int64, _ states: [TicketState], selection: String = "s") -> HistoryRun {
    let open = states.filter { !$0.isClosed }.count
    return HistoryRun(
        asOf: asOf, asOfText: "t\(asOf)", recordedAt: 0, selection: selection, complete: true,
        tickets: states.count, open: open, closed: states.count - open)
}

/// A ticket of company 1 unless told otherwise, created at time 0.
func ticket(
    _ id: Int, company: Int = 1, closed: Bool = false, priority: Int? = 2,
    assignee: String? = "a@x", created: Int64? = 0
) -> TicketState {
    TicketState(
        companyID: company, ticketID: id, state: closed ? "closed" : "open", isClosed: closed,
        priority: priority, assignee: assignee, createdAt: "2026-01-01 00:00:00",
        updatedAt: "2026-01-01 00:00:00", createdTime: created)
}

/// Records one run in its own transaction.
@discardableResult
func record(
    _ path: String, _ run: HistoryRun, _ states: [TicketState], companies: [HistoryCompany]? = nil
) throws -> HistoryRun {
    let store = try HistoryStore(path: path)
    try store.begin()
    let ids = Set(states.map(\.companyID)).sorted()
    let recorded = try store.record(
        run,
        companies: companies ?? ids.map { HistoryCompany(id: $0, name: "c\($0)", complete: true) },
        states: states)
    try store.commit()
    return recorded
}
