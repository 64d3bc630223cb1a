import MaxCloud

/// What the first page of one source says about it, for `--dry-run`.
public struct SourcePlan: Sendable {
    /// The source.
    public var source: TicketSource
    /// The server's `page_count`.
    public var pageCount: Int
    /// The server's `result_count`.
    public var resultCount: Int
    /// Open tickets in the scope, as the server counts them.
    public var open: Int?
    /// Closed tickets in the scope, as the server counts them.
    public var closed: Int?
}

/// What a fetch would read: the companies and, for each source, what its first page says.
public struct FetchPlan: Sendable {
    /// Every company the account sees.
    public var allCompanies: [Company]
    /// The companies selected.
    public var selected: [Company]
    /// Each source of each selected company, in the order a fetch reads them.
    public var sources: [SourcePlan]

    /// Pages a fetch would read: the server's `page_count` of each source, none for a
    /// source without tickets (whose one request finds nothing to read).
    public var pages: Int { sources.reduce(0) { $0 + $1.pageCount } }
    /// Tickets the sources hold, a ticket in several sources counted in each.
    public var results: Int { sources.reduce(0) { $0 + $1.resultCount } }
}

/// Logging in alone, and planning a fetch without doing it.
extension FetchJob {
    /// The API client the job's settings describe, reporting each request as an event.
    func makeClient(transport: (any HTTPTransport)?) throws -> MaxCloudClient {
        let onEvent = self.onEvent
        return try MaxCloudClient(
            baseURL: settings.baseURL,
            transport: transport
                ?? URLSessionTransport(
                    timeout: settings.timeout,
                    maxConnectionsPerHost: max(8, settings.concurrency * 2)),
            retry: settings.retry, allowInsecureHTTP: settings.allowInsecureHTTP,
            observer: { onEvent(.request($0)) })
    }

    /// Logs in and returns what the server said: the token stays inside, the companies
    /// the account sees come out.
    /// - Throws: `MaxCloudError.loginRefused` when the credentials are refused.
    public func login(transport: (any HTTPTransport)? = nil) async throws -> LoginSession {
        let client = try makeClient(transport: transport)
        return try await client.login(email: settings.email, password: settings.password)
    }

    /// Logs in, selects the companies, switches to each and reads only the first page of
    /// each source: what `--dry-run` shows. Nothing is written.
    /// - Throws: `MaxCloudError` as `run` does.
    public func plan(transport: (any HTTPTransport)? = nil) async throws -> FetchPlan {
        let client = try makeClient(transport: transport)
        let sessions = Sessions(client: client, email: settings.email, password: settings.password)
        let login = try await sessions.start()
        let selected = try Self.select(settings.companies, from: login.allCompanies, login: login)
        onEvent(.loggedIn(all: login.allCompanies, selected: selected))
        let fetcher = TicketFetcher(
            client: client, sessions: sessions, pageSize: settings.pageSize,
            includeClosed: settings.includeClosed, concurrency: 1)
        var plans: [SourcePlan] = []
        for company in selected {
            for source in sources(of: company) {
                let first = try await fetcher.page(1, of: source, company: company)
                plans.append(
                    SourcePlan(
                        source: source, pageCount: first.pageCount, resultCount: first.resultCount,
                        open: first.open, closed: first.closed))
            }
        }
        return FetchPlan(allCompanies: login.allCompanies, selected: selected, sources: plans)
    }
}
