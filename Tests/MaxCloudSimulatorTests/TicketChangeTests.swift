import MaxCloudSimulator
import Testing

/// The calls tests use to change tickets between two runs.
struct TicketChangeTests {
    @Test func ticketsAreCreatedClosedReopenedAndReassignedInPlace() throws {
        let server = SimulatorServer()
        let open = try #require(server.dataset.tickets.first { !$0.isClosed && $0.companyID == 2 })
        let closed = try #require(server.dataset.tickets.first { $0.isClosed && $0.companyID == 2 })
        let count = server.dataset.tickets.count

        server.addTicket(
            SimTicket(
                id: 9_999, companyID: 2, teamID: 4, createdBy: "x@example.com", assignedTo: nil,
                state: "open", priority: 1, subject: "new", createdAt: "2026-12-01 10:00:00"))
        let closedIt = server.closeTicket(
            companyID: 2, id: open.id, updatedAt: "2026-12-02 10:00:00")
        let reopenedIt = server.reopenTicket(companyID: 2, id: closed.id)
        let reassignedIt = server.reassignTicket(companyID: 2, id: 9_999, to: "y@example.com")
        let missing = server.closeTicket(companyID: 4, id: 1)

        let tickets = server.dataset.tickets
        let find = { (id: Int) in tickets.first { $0.companyID == 2 && $0.id == id } }
        #expect(tickets.count == count + 1)
        #expect(closedIt && reopenedIt && reassignedIt && !missing)
        #expect(find(open.id)?.isClosed == true)
        #expect(find(open.id)?.updatedAt == "2026-12-02 10:00:00")
        #expect(find(closed.id)?.state == "open")
        #expect(find(closed.id)?.updatedAt == SimulatorClock.anchor)
        #expect(find(9_999)?.assignedTo == "y@example.com")
    }
}
