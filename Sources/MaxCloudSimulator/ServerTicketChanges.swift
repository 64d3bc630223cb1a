extension SimulatorServer {
    /// Adds a ticket, as if someone created it between two runs. Its id should be new in
    /// its company.
    public func addTicket(_ ticket: SimTicket) {
        updateDataset { $0.tickets.append(ticket) }
    }

    /// Changes the ticket `(companyID, id)` in place.
    /// - Returns: false when the company has no such ticket.
    @discardableResult
    public func updateTicket(companyID: Int, id: Int, _ change: (inout SimTicket) -> Void) -> Bool {
        var found = false
        updateDataset { dataset in
            guard
                let index = dataset.tickets.firstIndex(where: {
                    $0.companyID == companyID && $0.id == id
                })
            else { return }
            change(&dataset.tickets[index])
            found = true
        }
        return found
    }

    /// Sets a ticket's state to `closed`, updated at `updatedAt`.
    /// - Returns: false when the company has no such ticket.
    @discardableResult
    public func closeTicket(companyID: Int, id: Int, updatedAt: String = SimulatorClock.anchor)
        -> Bool
    {
        updateTicket(companyID: companyID, id: id) {
            $0.state = "closed"
            $0.updatedAt = updatedAt
        }
    }

    /// Sets a ticket's state back to `open`, updated at `updatedAt`.
    /// - Returns: false when the company has no such ticket.
    @discardableResult
    public func reopenTicket(companyID: Int, id: Int, updatedAt: String = SimulatorClock.anchor)
        -> Bool
    {
        updateTicket(companyID: companyID, id: id) {
            $0.state = "open"
            $0.updatedAt = updatedAt
        }
    }

    /// Gives a ticket to another assignee (nil or empty: nobody), updated at `updatedAt`.
    /// - Returns: false when the company has no such ticket.
    @discardableResult
    public func reassignTicket(
        companyID: Int, id: Int, to assignee: String?, updatedAt: String = SimulatorClock.anchor
    ) -> Bool {
        updateTicket(companyID: companyID, id: id) {
            $0.assignedTo = assignee
            $0.updatedAt = updatedAt
        }
    }
}
