/// A company the account can switch to, as `all_company` lists it.
public struct Company: Sendable, Hashable, Codable {
    /// The company's id.
    public var id: Int
    /// The company's display name (may be Chinese, may hold commas).
    public var name: String
    /// When the company was created, as the API writes it.
    public var createdAt: String?

    /// Creates a company.
    public init(id: Int, name: String, createdAt: String? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = c.lenientInt(.id) else {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: c, debugDescription: "company without a numeric id")
        }
        self.id = id
        self.name = c.lenientString(.name) ?? "company \(id)"
        self.createdAt = c.lenientString(.createdAt)
    }
}

/// What a successful log-in gives: the token for the default company and every company
/// the account may switch to.
public struct LoginSession: Sendable {
    /// The token for `company`; it goes in the `authorization` header as it is.
    public var token: String
    /// The company the token is for.
    public var company: Company?
    /// Every company the account can see.
    public var allCompanies: [Company]
    /// The `request_id` of the log-in answer.
    public var requestID: String?

    /// Creates a log-in session.
    public init(token: String, company: Company?, allCompanies: [Company], requestID: String?) {
        self.token = token
        self.company = company
        self.allCompanies = allCompanies
        self.requestID = requestID
    }
}

/// One page of `GET /api/tickets`.
public struct TicketPage: Sendable {
    /// The page number the server says it answered.
    public var page: Int?
    /// How many pages the whole list has, by the server's own page size.
    public var pageCount: Int
    /// How many tickets the whole list has.
    public var resultCount: Int
    /// Open tickets in the whole scope, listed or not.
    public var open: Int?
    /// Closed tickets in the whole scope, listed or not.
    public var closed: Int?
    /// The tickets on this page that could be read.
    public var tickets: [Ticket]
    /// Problems with single tickets on this page: each a sentence for the warnings.
    public var problems: [String]
    /// Entries of the list that were not a readable ticket (no readable `id`): skipped,
    /// but counted when the tickets are compared with `result_count`.
    public var unreadable: Int = 0
    /// `search_scope` as the server echoes it, such as `0:company`.
    public var searchScope: String?
    /// The answer's `request_id`.
    public var requestID: String?
}
