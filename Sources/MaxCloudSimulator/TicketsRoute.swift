import Synchronization

/// The query parameters of `GET /api/tickets`, read with the server's defaults.
struct TicketParameters: Sendable {
    /// `scope`, 0 when absent.
    var scope: SimScope = .company
    /// `page`, at least 1.
    var page = 1
    /// `page_size` as asked (the cap is applied by the paging).
    var pageSize: Int
    /// `group_tag`, nil when absent or empty.
    var groupTag: String?
    /// `include_closed`, true when absent.
    var includeClosed = true
    /// Why the parameters cannot be served, if they cannot.
    var problem: String?

    /// Reads the parameters; a value that does not parse sets ``problem``.
    init(_ request: HTTPRequest, _ configuration: SimulatorConfiguration) {
        pageSize = configuration.defaultPageSize
        if let text = nonEmpty(request, "scope") {
            if let number = Int(text), let scope = SimScope(rawValue: number) {
                self.scope = scope
            } else {
                problem = "scope must be 0, 1, 2 or 3, not '\(text)'"
            }
        }
        if let text = nonEmpty(request, "page") {
            if let number = Int(text) {
                page = max(1, number)
            } else {
                problem = "page must be a whole number, not '\(text)'"
            }
        }
        if let text = nonEmpty(request, "page_size") {
            if let number = Int(text) {
                pageSize = number
            } else {
                problem = "page_size must be a whole number, not '\(text)'"
            }
        }
        groupTag = nonEmpty(request, "group_tag")
        if let text = nonEmpty(request, "include_closed") {
            switch text.lowercased() {
            case "true", "1": includeClosed = true
            case "false", "0": includeClosed = false
            default: problem = "include_closed must be true or false, not '\(text)'"
            }
        }
        if problem == nil && scope == .groupTag && groupTag == nil {
            problem = "group_tag is required with scope 3"
        }
    }

    /// The query for a company.
    func query(companyID: Int) -> SimTicketQuery {
        SimTicketQuery(
            companyID: companyID, scope: scope, groupTag: groupTag, includeClosed: includeClosed,
            page: page, pageSize: pageSize)
    }
}

private func nonEmpty(_ request: HTTPRequest, _ name: String) -> String? {
    guard let value = request.queryValue(name)?.trimmingWhitespace(), !value.isEmpty else {
        return nil
    }
    return value
}

extension SimulatorServer {
    /// `GET /api/tickets`, with the page-shaping faults applied.
    func tickets(_ request: HTTPRequest, parameters: TicketParameters?, fault: SimFault?)
        -> HTTPResponse
    {
        guard let (account, grant) = session(request) else { return unauthorized() }
        let parameters = parameters ?? TicketParameters(request, configuration)
        if let problem = parameters.problem {
            return envelopeResponse(bodyStatus: 400, message: problem) { $0.null() }
        }

        let query = parameters.query(companyID: grant.companyID)
        let maxPageSize = configuration.maxPageSize
        let page = store.withLock { store in
            var page = store.page(query, account: account, maxPageSize: maxPageSize)
            if fault == .repeatPreviousPage && query.page > 1 {
                var previous = query
                previous.page -= 1
                page.tickets =
                    store.page(previous, account: account, maxPageSize: maxPageSize)
                    .tickets
            }
            if fault == .tenantLeak, let leaked = store.foreignTicket(notIn: grant.companyID) {
                page.tickets.append(leaked)
            }
            return page
        }
        return envelopeResponse(
            bodyStatus: 200, message: "success", capacity: 1024 + page.tickets.count * 900
        ) {
            APIEncoding.page(page, into: &$0)
        }
    }
}
