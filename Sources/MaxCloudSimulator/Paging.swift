/// One request to the ticket list, as its query parameters say it.
public struct SimTicketQuery: Sendable, Hashable {
    /// The company, which the server takes from the token.
    public var companyID: Int
    /// `scope`, default 0.
    public var scope: SimScope
    /// `group_tag`; with any scope it filters by tag; empty counts as none.
    public var groupTag: String?
    /// `include_closed`, default true.
    public var includeClosed: Bool
    /// `page`, 1-based; below 1 counts as 1.
    public var page: Int
    /// `page_size`; below 1 counts as 1, above the server's cap counts as the cap.
    public var pageSize: Int

    /// Creates a query with the server's defaults for what is not given.
    public init(
        companyID: Int, scope: SimScope = .company, groupTag: String? = nil,
        includeClosed: Bool = true, page: Int = 1, pageSize: Int = 10
    ) {
        self.companyID = companyID
        self.scope = scope
        self.groupTag = groupTag
        self.includeClosed = includeClosed
        self.page = page
        self.pageSize = pageSize
    }
}

/// The `data` of a ticket list answer.
public struct SimTicketPage: Sendable, Hashable {
    /// `page`: the page answered (at least 1).
    public var page: Int
    /// `page_count`: ceil(`result_count` / effective page size), 0 when nothing is listed.
    public var pageCount: Int
    /// `result_count`: how many tickets the query lists over all pages.
    public var resultCount: Int
    /// `open`: open tickets in the whole scope, whatever `include_closed` says.
    public var open: Int
    /// `closed`: closed tickets in the whole scope, whatever `include_closed` says.
    public var closed: Int
    /// `tickets`: this page's tickets; empty past the last page.
    public var tickets: [SimTicket]
    /// `search_scope`, such as `"0:company"`.
    public var searchScope: String

    /// Creates a page.
    public init(
        page: Int, pageCount: Int, resultCount: Int, open: Int, closed: Int,
        tickets: [SimTicket], searchScope: String
    ) {
        self.page = page
        self.pageCount = pageCount
        self.resultCount = resultCount
        self.open = open
        self.closed = closed
        self.tickets = tickets
        self.searchScope = searchScope
    }
}

/// The paging arithmetic of the ticket list, shared by the server and the tests.
public struct SimPaging: Sendable, Hashable {
    /// The page answered: the requested page, at least 1.
    public let page: Int
    /// The page size used: the requested size clamped to `1...maxPageSize`.
    public let pageSize: Int
    /// `page_count`: ceil(resultCount / pageSize), 0 when resultCount is 0.
    public let pageCount: Int
    /// The positions of this page's tickets among all listed; empty past the end.
    public let range: Range<Int>

    /// Works out a page from the number of results and the requested page and size.
    public init(resultCount: Int, page: Int, pageSize: Int, maxPageSize: Int) {
        let size = min(max(pageSize, 1), max(maxPageSize, 1))
        let wanted = max(page, 1)
        self.page = wanted
        self.pageSize = size
        self.pageCount = resultCount == 0 ? 0 : (resultCount + size - 1) / size

        let (start, overflow) = (wanted - 1).multipliedReportingOverflow(by: size)
        if overflow || start >= resultCount {
            self.range = resultCount..<resultCount
        } else {
            self.range = start..<min(start + size, resultCount)
        }
    }
}
