import Foundation

/// The documented answer `{status, request_id, message, data, time}`. `data` is decoded
/// apart from the rest, so that a body whose `status` is not 200 is reported by its status
/// and message even when its `data` has another shape.
struct Envelope<Payload: Decodable>: Decodable {
    var status: Int?
    var requestID: String?
    var message: String?
    var data: Result<Payload?, any Error>

    enum CodingKeys: String, CodingKey {
        case status, message, data
        case requestID = "request_id"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = c.lenientInt(.status)
        requestID = c.lenientString(.requestID)
        message = c.lenientString(.message)
        data = Result { try c.decodeIfPresent(Payload.self, forKey: .data) }
    }
}

/// `data` of a log-in or a company switch.
struct TokenData: Decodable {
    var token: String?
    var company: Company?
    var allCompanies: [Company]

    enum CodingKeys: String, CodingKey {
        case token, company
        case allCompanies = "all_company"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        token = c.lenientString(.token)
        company = try? c.decodeIfPresent(Company.self, forKey: .company)
        var companies: [Company] = []
        if var list = try? c.nestedUnkeyedContainer(forKey: .allCompanies) {
            while !list.isAtEnd {
                let index = list.currentIndex
                if let company = try? list.decode(Company.self) {
                    companies.append(company)
                } else if (try? list.decode(SkippedValue.self)) == nil || list.currentIndex == index
                {
                    break
                }
            }
        }
        allCompanies = companies
    }
}

/// `data` of `GET /api/tickets`; unreadable tickets are skipped and noted, not fatal.
struct TicketPageData: Decodable {
    var page: Int?
    var pageCount: Int?
    var resultCount: Int?
    var open: Int?
    var closed: Int?
    var tickets: [Ticket]
    var problems: [String]
    var unreadable = 0
    var searchScope: String?

    enum CodingKeys: String, CodingKey {
        case page, open, closed, tickets
        case pageCount = "page_count"
        case resultCount = "result_count"
        case searchScope = "search_scope"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [String] = []
        page = c.lenientInt(.page, problems: &problems)
        pageCount = c.lenientInt(.pageCount, problems: &problems)
        resultCount = c.lenientInt(.resultCount, problems: &problems)
        open = c.lenientInt(.open, problems: &problems)
        closed = c.lenientInt(.closed, problems: &problems)
        searchScope = c.lenientString(.searchScope)

        var tickets: [Ticket] = []
        if c.contains(.tickets), (try? c.decodeNil(forKey: .tickets)) == false {
            guard var list = try? c.nestedUnkeyedContainer(forKey: .tickets) else {
                throw DecodingError.typeMismatch(
                    [Ticket].self,
                    .init(
                        codingPath: c.codingPath + [CodingKeys.tickets],
                        debugDescription: "tickets is not a list"))
            }
            tickets.reserveCapacity(list.count ?? 0)
            while !list.isAtEnd {
                let index = list.currentIndex
                do {
                    tickets.append(try list.decode(Ticket.self))
                } catch {
                    unreadable += 1
                    problems.append(
                        "entry \(index + 1) of the page is not a readable ticket (\(Self.brief(error)))"
                    )
                    if (try? list.decode(SkippedValue.self)) == nil || list.currentIndex == index {
                        break
                    }
                }
            }
        }
        self.tickets = tickets
        self.problems = problems
    }

    static func brief(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            context.debugDescription
        default: "\(error)"
        }
    }
}

extension TicketPageData {
    /// The page with every known secret masked in its tickets and problems.
    func redacted(by secrets: SecretRedactor) -> TicketPageData {
        var page = self
        page.tickets = tickets.map(secrets.redact)
        page.problems = problems.map(secrets.redact)
        page.searchScope = searchScope.map(secrets.redact)
        return page
    }
}
