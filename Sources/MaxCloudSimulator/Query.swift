/// The `scope` parameter of `GET /api/tickets`.
public enum SimScope: Int, Sendable, Hashable, CaseIterable {
    /// 0: every ticket of the company.
    case company = 0
    /// 1: tickets whose `team_id` is the account's team in the company.
    case team = 1
    /// 2: tickets whose `assigned_to` is the account's e-mail.
    case assignedTo = 2
    /// 3: tickets carrying the `group_tag` parameter; without one the server answers 400.
    case groupTag = 3

    /// The answer's `search_scope` text, such as `"0:company"`.
    public var searchScope: String {
        switch self {
        case .company: "0:company"
        case .team: "1:team"
        case .assignedTo: "2:assigned_to"
        case .groupTag: "3:group_tag"
        }
    }
}

/// The open and closed counts of a whole scope, as the answer's `open` and `closed`.
public struct SimScopeCounts: Sendable, Hashable {
    /// Tickets whose state is not `closed` (ignoring case).
    public var open: Int
    /// Tickets whose state is `closed` (ignoring case).
    public var closed: Int

    /// Creates counts.
    public init(open: Int, closed: Int) {
        self.open = open
        self.closed = closed
    }
}

/// What the ticket list is asked for: one company's tickets in one scope.
struct SelectionCriteria: Sendable, Hashable {
    let companyID: Int
    let scope: SimScope
    /// A non-empty tag, or nil.
    let groupTag: String?
    let includeClosed: Bool
    let teamID: Int?
    let email: String

    init(
        companyID: Int, scope: SimScope, groupTag: String?, includeClosed: Bool,
        account: SimAccount
    ) {
        self.companyID = companyID
        self.scope = scope
        self.groupTag = (groupTag?.isEmpty ?? true) ? nil : groupTag
        self.includeClosed = includeClosed
        self.teamID = account.teamIDs[companyID]
        self.email = account.email
    }

    /// Whether a ticket of the company belongs to the scope (regardless of its state).
    func inScope(_ ticket: SimTicket) -> Bool {
        if let groupTag, !ticket.groupTags.contains(groupTag) { return false }
        switch scope {
        case .company: return true
        case .team: return teamID != nil && ticket.teamID == teamID
        case .assignedTo: return ticket.assignedTo == email
        case .groupTag: return groupTag != nil
        }
    }

    /// Selects from one company's tickets, given as indices in listing order.
    func select(from companyIndices: [Int], in tickets: [SimTicket]) -> Selection {
        var selection = Selection(listed: [], counts: SimScopeCounts(open: 0, closed: 0))
        for index in companyIndices {
            let ticket = tickets[index]
            guard inScope(ticket) else { continue }
            let closed = ticket.isClosed
            if closed {
                selection.counts.closed += 1
            } else {
                selection.counts.open += 1
            }
            if includeClosed || !closed {
                selection.listed.append(index)
            }
        }
        return selection
    }
}

/// The tickets a query lists (as indices into the dataset's tickets) and the scope's counts.
struct Selection: Sendable {
    var listed: [Int]
    var counts: SimScopeCounts
}

/// Indices of the given tickets in listing order: id descending, ties in dataset order.
func listingOrder(of indices: [Int], in tickets: [SimTicket]) -> [Int] {
    indices.sorted { left, right in
        let leftID = tickets[left].id
        let rightID = tickets[right].id
        return leftID != rightID ? leftID > rightID : left < right
    }
}

extension SimulatorDataset {
    /// Tickets sorted the way the server lists them: id descending, ties kept in order.
    func sortedForListing(_ list: [SimTicket]) -> [SimTicket] {
        listingOrder(of: Array(list.indices), in: list).map { list[$0] }
    }

    private func selection(_ criteria: SelectionCriteria) -> Selection {
        let companyIndices = tickets.indices.filter { tickets[$0].companyID == criteria.companyID }
        return criteria.select(from: listingOrder(of: companyIndices, in: tickets), in: tickets)
    }

    /// The tickets the server lists for a scope, over all pages, in its order (id descending).
    ///
    /// `groupTag` filters every scope, not only scope 3; an empty tag counts as none.
    /// Scope 3 without a tag selects nothing (the server answers status 400 instead).
    /// With `includeClosed` false, tickets whose state is `closed` ignoring case are left out.
    public func tickets(
        companyID: Int, scope: SimScope, groupTag: String?, includeClosed: Bool,
        account: SimAccount
    ) -> [SimTicket] {
        let criteria = SelectionCriteria(
            companyID: companyID, scope: scope, groupTag: groupTag,
            includeClosed: includeClosed, account: account)
        return selection(criteria).listed.map { tickets[$0] }
    }

    /// The answer's `open` and `closed`: counts over the whole scope, whatever
    /// `include_closed` says.
    public func counts(
        companyID: Int, scope: SimScope, groupTag: String?, account: SimAccount
    ) -> SimScopeCounts {
        let criteria = SelectionCriteria(
            companyID: companyID, scope: scope, groupTag: groupTag, includeClosed: true,
            account: account)
        return selection(criteria).counts
    }

    /// The whole answer the server gives for one page of a query, for tests to compare with.
    public func page(_ query: SimTicketQuery, account: SimAccount, maxPageSize: Int = 100)
        -> SimTicketPage
    {
        let criteria = SelectionCriteria(
            companyID: query.companyID, scope: query.scope, groupTag: query.groupTag,
            includeClosed: query.includeClosed, account: account)
        let chosen = selection(criteria)
        let paging = SimPaging(
            resultCount: chosen.listed.count, page: query.page, pageSize: query.pageSize,
            maxPageSize: maxPageSize)
        return SimTicketPage(
            page: paging.page, pageCount: paging.pageCount, resultCount: chosen.listed.count,
            open: chosen.counts.open, closed: chosen.counts.closed,
            tickets: chosen.listed[paging.range].map { tickets[$0] },
            searchScope: query.scope.searchScope)
    }
}
