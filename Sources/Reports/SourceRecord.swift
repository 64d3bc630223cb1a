import MaxCloud

/// What one source (company, scope, tag) gave, or why it gave nothing.
public struct SourceRecord: Codable, Sendable, Equatable {
    /// The company's id.
    public var companyID: Int
    /// The company's name.
    public var company: String
    /// The scope's name.
    public var scope: String
    /// The group tag, for scope `tag`.
    public var groupTag: String?
    /// Pages read.
    public var pages: Int
    /// `result_count` as the last page said; nil for a source that could not be read.
    public var resultCount: Int?
    /// Tickets received, duplicates included.
    public var fetched: Int
    /// Distinct tickets received.
    public var unique: Int
    /// Entries of the list that were not a readable ticket (no readable `id`), left out.
    public var unreadable: Int
    /// `open` as the server said for the whole scope.
    public var serverOpen: Int?
    /// `closed` as the server said for the whole scope.
    public var serverClosed: Int?
    /// Whether the distinct tickets match `result_count`.
    public var complete: Bool
    /// Why the source could not be read (`--allow-partial`); nil when it was.
    public var error: String?

    /// Creates a record.
    public init(
        companyID: Int, company: String, scope: String, groupTag: String?, pages: Int,
        resultCount: Int?, fetched: Int, unique: Int, unreadable: Int = 0, serverOpen: Int?,
        serverClosed: Int?, complete: Bool, error: String? = nil
    ) {
        self.companyID = companyID
        self.company = company
        self.scope = scope
        self.groupTag = groupTag
        self.pages = pages
        self.resultCount = resultCount
        self.fetched = fetched
        self.unique = unique
        self.unreadable = unreadable
        self.serverOpen = serverOpen
        self.serverClosed = serverClosed
        self.complete = complete
        self.error = error
    }

    /// The record of a source's result.
    public init(_ result: SourceResult) {
        self.init(
            companyID: result.source.companyID, company: result.source.companyName,
            scope: result.source.scope.name, groupTag: result.source.groupTag, pages: result.pages,
            resultCount: result.resultCount, fetched: result.fetched, unique: result.tickets.count,
            unreadable: result.unreadable, serverOpen: result.serverOpen,
            serverClosed: result.serverClosed, complete: result.complete)
    }

    /// The record of a source that failed after its retries.
    public init(failed source: TicketSource, error: String) {
        self.init(
            companyID: source.companyID, company: source.companyName, scope: source.scope.name,
            groupTag: source.groupTag, pages: 0, resultCount: nil, fetched: 0, unique: 0,
            serverOpen: nil, serverClosed: nil, complete: false, error: error)
    }

    /// The source as messages name it, as `TicketSource` writes it:
    /// `company 运维二组 (2), scope tag 'ops'`.
    public var label: String {
        var text = "company \(company) (\(companyID)), scope \(scope)"
        if let groupTag { text += " '\(groupTag)'" }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case company, scope, pages, fetched, unique, unreadable, complete, error
        case companyID = "company_id"
        case groupTag = "group_tag"
        case resultCount = "result_count"
        case serverOpen = "server_open"
        case serverClosed = "server_closed"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        companyID = try c.decode(Int.self, forKey: .companyID)
        company = try c.decode(String.self, forKey: .company)
        scope = try c.decode(String.self, forKey: .scope)
        groupTag = try c.decodeIfPresent(String.self, forKey: .groupTag)
        pages = try c.decode(Int.self, forKey: .pages)
        resultCount = try c.decodeIfPresent(Int.self, forKey: .resultCount)
        fetched = try c.decode(Int.self, forKey: .fetched)
        unique = try c.decode(Int.self, forKey: .unique)
        unreadable = try c.decodeIfPresent(Int.self, forKey: .unreadable) ?? 0
        serverOpen = try c.decodeIfPresent(Int.self, forKey: .serverOpen)
        serverClosed = try c.decodeIfPresent(Int.self, forKey: .serverClosed)
        complete = try c.decode(Bool.self, forKey: .complete)
        error = try c.decodeIfPresent(String.self, forKey: .error)
    }

    public func encode(to encoder: any Encoder) throws {
        // Optional keys are written as null, not left out, as the contract shows.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(companyID, forKey: .companyID)
        try c.encode(company, forKey: .company)
        try c.encode(scope, forKey: .scope)
        try c.encode(groupTag, forKey: .groupTag)
        try c.encode(pages, forKey: .pages)
        try c.encode(resultCount, forKey: .resultCount)
        try c.encode(fetched, forKey: .fetched)
        try c.encode(unique, forKey: .unique)
        try c.encode(unreadable, forKey: .unreadable)
        try c.encode(serverOpen, forKey: .serverOpen)
        try c.encode(serverClosed, forKey: .serverClosed)
        try c.encode(complete, forKey: .complete)
        try c.encode(error, forKey: .error)
    }
}
