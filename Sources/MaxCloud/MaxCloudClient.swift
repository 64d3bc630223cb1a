import Foundation

/// Talks to the MaxCloud API: log in, switch company, list tickets. Each call checks the
/// HTTP status and the body's `status`, retries what is worth retrying, and throws a
/// `MaxCloudError` that names the call, company, scope, page and `request_id`.
public struct MaxCloudClient: Sendable {
    /// The API root, such as `https://maxcloud-api-test.spotmaxtech.com`.
    public let baseURL: URL
    /// How failed requests are retried.
    public var retry: RetryPolicy
    /// Sent as `User-Agent`.
    public var userAgent = ToolVersion.userAgent
    let transport: any HTTPTransport
    /// The password and tokens, masked in any server text an error carries.
    public let secrets = SecretRedactor()
    let observer: (@Sendable (RequestEvent) -> Void)?

    /// Creates a client.
    /// - Throws: `MaxCloudError.insecureURL` for `http://` to a host other than loopback,
    ///   unless `allowInsecureHTTP` is set.
    public init(
        baseURL: URL, transport: (any HTTPTransport)? = nil, retry: RetryPolicy = RetryPolicy(),
        allowInsecureHTTP: Bool = false, observer: (@Sendable (RequestEvent) -> Void)? = nil
    ) throws(MaxCloudError) {
        let scheme = baseURL.scheme?.lowercased()
        guard scheme == "https" || scheme == "http", baseURL.host != nil else {
            throw .insecureURL(baseURL.absoluteString)
        }
        if scheme == "http", !allowInsecureHTTP, !Self.isLoopback(baseURL.host ?? "") {
            throw .insecureURL(baseURL.absoluteString)
        }
        if Self.isLoopback(baseURL.host ?? "") { Self.bypassProxyForLoopback() }
        self.baseURL = baseURL
        self.retry = retry
        self.transport = transport ?? URLSessionTransport()
        self.observer = observer
    }

    /// Logs in.
    /// - Throws: `MaxCloudError.loginRefused` when the server refuses the credentials.
    public func login(email: String, password: String) async throws -> LoginSession {
        secrets.add(password)
        let body = try JSONSerialization.data(withJSONObject: [
            "email": email, "password": password,
        ])
        do {
            let (data, requestID): (TokenData, String?) = try await call(
                .login, RequestContext(), method: "POST", path: "/api/login", query: [],
                token: nil, body: body)
            guard let token = data.token, !token.isEmpty else {
                throw MaxCloudError.badResponse(
                    .login, RequestContext(), reason: "the answer holds no token",
                    requestID: requestID)
            }
            secrets.add(token)
            // Company names reach progress lines and every report: no credential in them.
            func masked(_ company: Company) -> Company {
                var company = company
                company.name = secrets.redact(company.name)
                return company
            }
            return LoginSession(
                token: token, company: data.company.map(masked),
                allCompanies: data.allCompanies.map(masked), requestID: requestID)
        } catch let error as MaxCloudError {
            switch error {
            case .apiStatus(_, _, let status, let message, let id)
            where [400, 401, 403].contains(status):
                throw MaxCloudError.loginRefused(message: message, requestID: id)
            case .httpStatus(_, _, let status, let message, let id)
            where [401, 403].contains(status):
                throw MaxCloudError.loginRefused(
                    message: message ?? "HTTP status \(status)", requestID: id)
            default: throw error
            }
        }
    }

    /// Switches to a company and returns the token for it.
    public func switchCompany(to company: Company, token: String) async throws -> String {
        let context = RequestContext(companyID: company.id, companyName: company.name)
        let body = try JSONSerialization.data(withJSONObject: ["company_id": company.id])
        let (data, requestID): (TokenData, String?) = try await call(
            .switchCompany, context, method: "POST", path: "/api/company/switch", query: [],
            token: token, body: body)
        guard let newToken = data.token, !newToken.isEmpty else {
            throw MaxCloudError.badResponse(
                .switchCompany, context, reason: "the answer holds no token", requestID: requestID)
        }
        secrets.add(newToken)
        if let switched = data.company, switched.id != company.id {
            throw MaxCloudError.badResponse(
                .switchCompany, context,
                reason: "the server switched to company \(switched.id) instead",
                requestID: requestID)
        }
        return newToken
    }

    /// Reads one page of a source's tickets with the company's token; `gate`, when given,
    /// bounds the requests on the network at once.
    public func ticketPage(
        _ source: TicketSource, page: Int, pageSize: Int, includeClosed: Bool, token: String,
        gate: RequestGate? = nil
    ) async throws -> TicketPage {
        let context = RequestContext(source: source, page: page)
        var query = [
            URLQueryItem(name: "scope", value: String(source.scope.rawValue)),
            URLQueryItem(name: "page", value: String(page)),
            URLQueryItem(name: "page_size", value: String(pageSize)),
        ]
        if let tag = source.groupTag { query.append(URLQueryItem(name: "group_tag", value: tag)) }
        query.append(URLQueryItem(name: "include_closed", value: includeClosed ? "true" : "false"))

        let (data, requestID): (TicketPageData, String?) = try await call(
            .listTickets, context, method: "GET", path: "/api/tickets", query: query, token: token,
            body: nil, gate: gate)
        guard let resultCount = data.resultCount else {
            throw MaxCloudError.badResponse(
                .listTickets, context, reason: "the page has no result_count", requestID: requestID)
        }
        return TicketPage(
            page: data.page, pageCount: max(0, data.pageCount ?? 0),
            resultCount: max(0, resultCount),
            open: data.open, closed: data.closed, tickets: data.tickets, problems: data.problems,
            unreadable: data.unreadable, searchScope: data.searchScope, requestID: requestID)
    }

    /// Whether `host` is this machine: `localhost`, an IPv4 address in 127.0.0.0/8 written
    /// as four decimal numbers, or `::1`. A name such as `127.0.0.1.example.com` is not.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        let bare =
            host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        var loopback = in6addr_loopback
        return memcmp(&v6, &loopback, MemoryLayout<in6_addr>.size) == 0
    }

    /// libcurl under URLSession obeys `http_proxy` even for 127.0.0.1; loopback must never
    /// go through a proxy, so it is added to `no_proxy` for this process.
    private static func bypassProxyForLoopback() {
        for name in ["no_proxy", "NO_PROXY"] {
            let current = ProcessInfo.processInfo.environment[name] ?? ""
            if current.contains("127.0.0.1") { continue }
            let value = ([current] + ["127.0.0.1", "localhost", "::1"])
                .filter { !$0.isEmpty }.joined(separator: ",")
            setenv(name, value, 1)
        }
    }
}
