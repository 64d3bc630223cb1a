/// The server's live copy of the dataset, indexed by company so a page of a
/// million-ticket dataset costs no more than a page of a small one.
struct TicketStore: Sendable {
    /// The dataset as it is now, mutations included.
    private(set) var dataset: SimulatorDataset
    /// Per company, the indices of its tickets in listing order (id descending).
    private var companyIndex: [Int: [Int]] = [:]
    /// Selections already worked out since the last mutation.
    private var cache: [SelectionCriteria: Selection] = [:]
    /// The most selections kept before the cache starts over.
    private static let cacheLimit = 512

    /// Indexes a dataset.
    init(dataset: SimulatorDataset) {
        self.dataset = dataset
        rebuildIndex()
    }

    /// Replaces the whole dataset.
    mutating func replace(with dataset: SimulatorDataset) {
        self.dataset = dataset
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        var grouped: [Int: [Int]] = [:]
        for (index, ticket) in dataset.tickets.enumerated() {
            grouped[ticket.companyID, default: []].append(index)
        }
        companyIndex = grouped.mapValues { listingOrder(of: $0, in: dataset.tickets) }
        cache = [:]
    }

    /// One page of a query, as ``SimulatorDataset/page(_:account:maxPageSize:)`` would
    /// answer it.
    mutating func page(_ query: SimTicketQuery, account: SimAccount, maxPageSize: Int)
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
            tickets: chosen.listed[paging.range].map { dataset.tickets[$0] },
            searchScope: query.scope.searchScope)
    }

    private mutating func selection(_ criteria: SelectionCriteria) -> Selection {
        if let known = cache[criteria] { return known }
        let made = criteria.select(
            from: companyIndex[criteria.companyID] ?? [], in: dataset.tickets)
        if cache.count >= Self.cacheLimit { cache = [:] }
        cache[criteria] = made
        return made
    }

    /// Adds an open ticket that every scope of `criteria` lists; returns it.
    mutating func createTicket(matching criteria: SelectionCriteria) -> SimTicket {
        let companyID = criteria.companyID
        let listed = companyIndex[companyID] ?? []
        let newestID = listed.first.map { dataset.tickets[$0].id } ?? 0
        let teamID = criteria.teamID ?? 0
        let teamName = dataset.tickets.first { $0.teamID == teamID }?.teamName ?? ""
        let ticket = SimTicket(
            id: newestID + 1, companyID: companyID, teamID: teamID, teamName: teamName,
            createdBy: criteria.email, assignedTo: criteria.email, state: "open", priority: 2,
            subject: "新建工单：分页期间创建 (created while paging)", commentCount: 0,
            notificationList: [criteria.email], createdAt: SimulatorClock.anchor,
            groupTags: criteria.groupTag.map { [$0] } ?? [])

        dataset.tickets.append(ticket)
        companyIndex[companyID, default: []].insert(dataset.tickets.count - 1, at: 0)
        cache = [:]
        return ticket
    }

    /// Closes the first open ticket the criteria list, else the company's first open one.
    mutating func closeTicket(matching criteria: SelectionCriteria) -> SimTicket? {
        let listed = companyIndex[criteria.companyID] ?? []
        let open = listed.filter { !dataset.tickets[$0].isClosed }
        guard
            let index = open.first(where: { criteria.inScope(dataset.tickets[$0]) })
                ?? open.first
        else { return nil }

        dataset.tickets[index].state = "closed"
        dataset.tickets[index].updatedAt = SimulatorClock.anchor
        dataset.tickets[index].updatedBy = criteria.email
        cache = [:]
        return dataset.tickets[index]
    }

    /// The newest ticket of some company other than `companyID`, for a tenant leak.
    func foreignTicket(notIn companyID: Int) -> SimTicket? {
        let other = companyIndex.keys.sorted().first { $0 != companyID }
        return other.flatMap { companyIndex[$0]?.first }.map { dataset.tickets[$0] }
    }
}
