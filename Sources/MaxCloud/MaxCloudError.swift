/// The API call an error happened in.
public enum APICall: String, Sendable {
    /// `POST /api/login`.
    case login = "log in"
    /// `POST /api/company/switch`.
    case switchCompany = "switch company"
    /// `GET /api/tickets`.
    case listTickets = "list tickets"
}

/// Where a request was made: which company, scope, tag and page. Every part is optional so
/// that a log-in, which has none, is described too.
public struct RequestContext: Sendable, Hashable, CustomStringConvertible {
    /// The company's id.
    public var companyID: Int?
    /// The company's name.
    public var companyName: String?
    /// The scope being read.
    public var scope: Scope?
    /// The group tag being read.
    public var groupTag: String?
    /// The page asked for.
    public var page: Int?

    /// Creates a context.
    public init(
        companyID: Int? = nil, companyName: String? = nil, scope: Scope? = nil,
        groupTag: String? = nil, page: Int? = nil
    ) {
        self.companyID = companyID
        self.companyName = companyName
        self.scope = scope
        self.groupTag = groupTag
        self.page = page
    }

    /// The context of one page of a source.
    public init(source: TicketSource, page: Int) {
        self.init(
            companyID: source.companyID, companyName: source.companyName, scope: source.scope,
            groupTag: source.groupTag, page: page)
    }

    /// `company 运维二组 (2), scope tag 'network', page 3`, or an empty string.
    public var description: String {
        var parts: [String] = []
        if let companyID {
            parts.append("company \(companyName.map { "\($0) " } ?? "")(\(companyID))")
        }
        if let scope {
            parts.append("scope \(scope.name)" + (groupTag.map { " '\($0)'" } ?? ""))
        }
        if let page { parts.append("page \(page)") }
        return parts.joined(separator: ", ")
    }
}

/// Everything that can go wrong talking to the MaxCloud API. Each case names the call, the
/// company, scope and page, and the server's `request_id` when there was one; none ever
/// holds a password or a token.
public enum MaxCloudError: Error, Sendable, CustomStringConvertible {
    /// The request did not get an answer: refused, reset, timed out, DNS.
    case transport(APICall, RequestContext, reason: String)
    /// The HTTP status was not 200.
    case httpStatus(APICall, RequestContext, status: Int, message: String?, requestID: String?)
    /// HTTP said 200 but the body's `status` did not.
    case apiStatus(APICall, RequestContext, status: Int, message: String, requestID: String?)
    /// The body was not the documented envelope: not JSON, an HTML page, cut short, or
    /// JSON of another shape.
    case badResponse(APICall, RequestContext, reason: String, requestID: String?)
    /// A company's token was refused (401) several times in a row, each time right after
    /// logging in again and switching again.
    case refusedAfterRenewal(RequestContext, times: Int, requestID: String?)
    /// The server refused the e-mail and password.
    case loginRefused(message: String, requestID: String?)
    /// A page held a ticket of another company than the one being read.
    case tenantMismatch(RequestContext, ticketID: Int, ticketCompanyID: Int, requestID: String?)
    /// The company named on the command line is not among the account's companies.
    case unknownCompany(String, available: [Company])
    /// A name given on the command line that several of the account's companies share.
    case ambiguousCompany(String, matches: [Company])
    /// `all` in a list of companies (`all,Acme`) that is not a company's name: `all` is
    /// every company, so it cannot be combined with others.
    case allWithOthers(String)
    /// The log-in answer named no company at all (`all_company` and `company` empty).
    case noCompanies
    /// The base URL is not one the client will send credentials to.
    case insecureURL(String)
    /// A source's tickets still did not add up to the server's `result_count` after being
    /// read again; the sentence says which source and the numbers.
    case incompleteSource(TicketSource, reason: String)

    /// The server's `request_id`, when the failing answer had one.
    public var requestID: String? {
        switch self {
        case .httpStatus(_, _, _, _, let id), .apiStatus(_, _, _, _, let id),
            .badResponse(_, _, _, let id), .loginRefused(_, let id),
            .tenantMismatch(_, _, _, let id), .refusedAfterRenewal(_, _, let id):
            id
        case .transport, .unknownCompany, .ambiguousCompany, .allWithOthers, .noCompanies,
            .insecureURL, .incompleteSource:
            nil
        }
    }

    /// Whether the error is the server saying the token is no longer valid (401).
    public var isUnauthorized: Bool {
        switch self {
        case .httpStatus(_, _, let status, _, _), .apiStatus(_, _, let status, _, _):
            status == 401
        default: false
        }
    }

    /// What `--company` says when `all` is combined with other companies (`all,2`).
    /// - Parameter label: how the option is named: `--company`, or `'company'` in a config
    ///   file.
    public static func allWithOthersText(_ value: String, option label: String = "--company")
        -> String
    {
        "'all' cannot be combined with other companies in \(label) '\(value)': 'all' is "
            + "every company; give --company all alone, or only the companies to read"
    }

    /// The message, with a refused log-in's hint naming where the password came from
    /// (`MAXCLOUD_PASSWORD`, `--password-stdin`, a config file) instead of the default.
    public func describing(passwordFrom source: String) -> String {
        guard case .loginRefused(let message, let id) = self else { return description }
        return Self.loginRefusedText(message, requestID: id, passwordFrom: source)
    }

    private static func loginRefusedText(
        _ message: String, requestID id: String?, passwordFrom source: String
    ) -> String {
        "log in refused: \(message) (request_id \(id ?? "none")); check the e-mail and \(source)"
    }

    public var description: String {
        func lead(_ call: APICall, _ context: RequestContext) -> String {
            let place = context.description
            return place.isEmpty
                ? "\(call.rawValue) failed" : "\(call.rawValue) failed for \(place)"
        }
        func rid(_ id: String?) -> String { " (request_id \(id ?? "none"))" }
        switch self {
        case .transport(let call, let context, let reason):
            return "\(lead(call, context)): \(reason)"
        case .httpStatus(let call, let context, let status, let message, let id):
            let said = message.map { ": \($0)" } ?? ""
            return "\(lead(call, context)): HTTP status \(status)\(said)\(rid(id))"
        case .apiStatus(let call, let context, let status, let message, let id):
            return
                "\(lead(call, context)): the server answered status \(status) '\(message)'\(rid(id))"
        case .badResponse(let call, let context, let reason, let id):
            return "\(lead(call, context)): \(reason)\(rid(id))"
        case .refusedAfterRenewal(let context, let times, let id):
            return
                "list tickets failed for \(context): the server refused the company's token "
                + "(401) \(times) times in a row, each time after logging in and switching "
                + "again\(rid(id)); the account may have lost access to this company"
        case .loginRefused(let message, let id):
            return Self.loginRefusedText(message, requestID: id, passwordFrom: "MAXCLOUD_PASSWORD")
        case .tenantMismatch(let context, let ticketID, let ticketCompanyID, let id):
            return
                "list tickets for \(context) returned ticket \(ticketID) of company \(ticketCompanyID), "
                + "not of the company being read; stopping so that no other company's tickets "
                + "reach the report\(rid(id))"
        case .unknownCompany(let wanted, let available):
            let names = available.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            return "company '\(wanted)' is not among the account's companies: \(names)"
        case .ambiguousCompany(let wanted, let matches):
            let ids = matches.map { String($0.id) }.joined(separator: ", ")
            return
                "company name '\(wanted)' is shared by companies \(ids); choose by id "
                + "(--company \(matches.first.map { String($0.id) } ?? "ID"))"
        case .allWithOthers(let value):
            return Self.allWithOthersText(value)
        case .noCompanies:
            return
                "log in succeeded but the answer names no company (all_company and company "
                + "are empty); there is nothing to read"
        case .incompleteSource(_, let reason):
            return
                "\(reason); nothing was written (use --allow-partial to write the report "
                + "marked INCOMPLETE)"
        case .insecureURL(let url):
            return
                "refusing to send credentials over plain HTTP to \(url); use https://, "
                + "or --insecure-http if you really mean it"
        }
    }
}
