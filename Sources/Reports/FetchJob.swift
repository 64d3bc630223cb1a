import Foundation
import MaxCloud

/// What to fetch and how.
public struct FetchSettings: Sendable {
    /// The API root.
    public var baseURL: URL
    /// The account's e-mail.
    public var email: String
    /// The account's password; never printed.
    public var password: String
    /// `all`, ids or names of companies.
    public var companies: [String] = ["all"]
    /// Scopes other than `tag`.
    public var scopes: [Scope] = [.company]
    /// Group tags, each read with scope `tag`.
    public var tags: [String] = []
    /// Whether closed tickets are listed.
    public var includeClosed = true
    /// The page size asked for.
    public var pageSize = 100
    /// Pages in flight at once per source.
    public var concurrency = 4
    /// Retries.
    public var retry = RetryPolicy()
    /// Seconds before a request is given up (and retried).
    public var timeout: Double = 30
    /// Whether `http://` to a host other than loopback is allowed.
    public var allowInsecureHTTP = false
    /// Whether a source that fails after retries, or whose tickets still do not add up
    /// after being read again, goes into the report marked incomplete instead of failing
    /// the run.
    public var allowPartial = false

    /// Creates settings with the defaults of DESIGN.md.
    public init(baseURL: URL, email: String, password: String) {
        self.baseURL = baseURL
        self.email = email
        self.password = password
    }
}

/// Something the fetch reports as it goes, for progress lines and `--verbose`.
public enum FetchEvent: Sendable {
    /// Logged in; the account sees these companies, these were selected.
    case loggedIn(all: [Company], selected: [Company])
    /// A page of a source arrived: pages read, page count, tickets so far.
    case page(TicketSource, pages: Int, pageCount: Int, tickets: Int)
    /// A source is done.
    case sourceDone(SourceResult)
    /// A source failed and was left out (`--allow-partial`).
    case sourceFailed(TicketSource, MaxCloudError)
    /// One HTTP request, for `--verbose` and retry counts.
    case request(RequestEvent)
}

/// Logs in, switches to each selected company and reads every source into a snapshot.
public struct FetchJob: Sendable {
    /// What to fetch.
    public var settings: FetchSettings
    /// Where events go.
    public var onEvent: @Sendable (FetchEvent) -> Void

    /// Creates a job.
    public init(
        settings: FetchSettings, onEvent: @escaping @Sendable (FetchEvent) -> Void = { _ in }
    ) {
        self.settings = settings
        self.onEvent = onEvent
    }

    /// Runs the fetch.
    /// - Throws: `MaxCloudError` (log-in refused, a source failing without
    ///   `allowPartial`, a ticket of another company).
    public func run(transport: (any HTTPTransport)? = nil) async throws -> Snapshot {
        let onEvent = self.onEvent
        let client = try makeClient(transport: transport)
        let sessions = Sessions(client: client, email: settings.email, password: settings.password)
        let login = try await sessions.start()
        let selected = try Self.select(settings.companies, from: login.allCompanies, login: login)
        onEvent(.loggedIn(all: login.allCompanies, selected: selected))

        let fetcher = TicketFetcher(
            client: client, sessions: sessions, pageSize: settings.pageSize,
            includeClosed: settings.includeClosed, concurrency: settings.concurrency,
            onPage: { onEvent(.page($0, pages: $1, pageCount: $2, tickets: $3)) })
        let outcomes = try await fetchCompanies(selected, fetcher: fetcher)
        return assemble(outcomes, companies: selected)
    }

    /// The sources of one company: each scope, then each tag.
    public func sources(of company: Company) -> [TicketSource] {
        var scopes = settings.scopes.filter { $0 != .tag }
        var seen = Set<Scope>()
        scopes = scopes.filter { seen.insert($0).inserted }
        var list = scopes.map {
            TicketSource(companyID: company.id, companyName: company.name, scope: $0)
        }
        var tags = Set<String>()
        for tag in settings.tags where tags.insert(tag).inserted {
            list.append(
                TicketSource(
                    companyID: company.id, companyName: company.name, scope: .tag, groupTag: tag))
        }
        return list
    }

    /// The companies the selectors name, in the account's order, each once.
    /// - Throws: `MaxCloudError.unknownCompany` for a selector that names none,
    ///   `.ambiguousCompany` for a name that several companies share, `.noCompanies` when
    ///   the account sees no company at all.
    public static func select(_ selectors: [String], from all: [Company], login: LoginSession)
        throws(MaxCloudError) -> [Company]
    {
        var ids = Set<Int>()
        var available = all.filter { ids.insert($0.id).inserted }
        if available.isEmpty, let own = login.company { available = [own] }
        guard !available.isEmpty else { throw .noCompanies }
        if selectors.isEmpty || selectors.contains(where: { $0.lowercased() == "all" }) {
            return available
        }
        func find(_ selector: String) throws(MaxCloudError) -> Company? {
            let trimmed = selector.trimmingCharacters(in: .whitespaces)
            if let byID = available.first(where: { String($0.id) == trimmed }) { return byID }
            var named = available.filter { $0.name == trimmed }
            if named.isEmpty {
                named = available.filter { $0.name.lowercased() == trimmed.lowercased() }
            }
            guard named.count <= 1 else { throw .ambiguousCompany(selector, matches: named) }
            return named.first
        }
        var chosen = Set<Int>()
        for selector in selectors {
            // The whole value first (a name may hold a comma), then `1,2` as a list.
            if let match = try find(selector) {
                chosen.insert(match.id)
                continue
            }
            let parts = selector.split(separator: ",").map(String.init)
            guard parts.count > 1 else { throw .unknownCompany(selector, available: available) }
            if parts.contains(where: {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == "all"
            }) {
                throw .allWithOthers(selector)
            }
            for part in parts {
                guard let match = try find(part) else {
                    throw .unknownCompany(part, available: available)
                }
                chosen.insert(match.id)
            }
        }
        return available.filter { chosen.contains($0.id) }
    }

    private enum Outcome: Sendable {
        case done(SourceResult)
        case failed(TicketSource, MaxCloudError)
    }

    private func fetchCompanies(_ companies: [Company], fetcher: TicketFetcher) async throws
        -> [Outcome]
    {
        let allowPartial = settings.allowPartial
        let onEvent = self.onEvent
        let plans = companies.map { ($0, sources(of: $0)) }
        var results: [Int: [Outcome]] = [:]
        try await withThrowingTaskGroup(of: (Int, [Outcome]).self) { group in
            var pending = plans.enumerated().makeIterator()
            func launch() {
                guard let (index, (company, sources)) = pending.next() else { return }
                group.addTask {
                    var outcomes: [Outcome] = []
                    for source in sources {
                        do {
                            let result = try await fetcher.fetch(source, company: company)
                            if !result.complete, !allowPartial {
                                throw MaxCloudError.incompleteSource(
                                    source,
                                    reason: result.warnings.last ?? "\(source) is incomplete")
                            }
                            onEvent(.sourceDone(result))
                            outcomes.append(.done(result))
                        } catch let error as MaxCloudError {
                            guard allowPartial, Self.mayBeLeftOut(error) else { throw error }
                            onEvent(.sourceFailed(source, error))
                            outcomes.append(.failed(source, error))
                        }
                    }
                    return (index, outcomes)
                }
            }
            for _ in 0..<min(4, plans.count) { launch() }
            while let (index, outcomes) = try await group.next() {
                results[index] = outcomes
                launch()
            }
        }
        return results.keys.sorted().flatMap { results[$0]! }
    }

    /// Errors that `--allow-partial` may turn into an incomplete report. A refused log-in
    /// or a ticket of another company always stops the run.
    static func mayBeLeftOut(_ error: MaxCloudError) -> Bool {
        switch error {
        case .loginRefused, .tenantMismatch, .insecureURL, .unknownCompany, .ambiguousCompany,
            .allWithOthers, .noCompanies:
            false
        default: true
        }
    }

    private func assemble(_ outcomes: [Outcome], companies: [Company]) -> Snapshot {
        var records: [SourceRecord] = []
        var warnings: [String] = []
        var failed: [String] = []
        var seen = Set<[Int]>()
        var tickets: [Ticket] = []
        for outcome in outcomes {
            switch outcome {
            case .done(let result):
                records.append(SourceRecord(result))
                warnings += result.warnings
                for var ticket in result.tickets
                where seen.insert([result.source.companyID, ticket.id]).inserted {
                    ticket.companyID = result.source.companyID
                    tickets.append(ticket)
                }
            case .failed(let source, let error):
                failed.append("\(source): \(error)")
                records.append(SourceRecord(failed: source, error: "\(error)"))
            }
        }
        let formatter = ISO8601DateFormatter()
        return Snapshot(
            baseURL: settings.baseURL.absoluteString, fetchedAt: formatter.string(from: Date()),
            companies: companies, includeClosed: settings.includeClosed, sources: records,
            tickets: tickets, warnings: warnings, failedSources: failed)
    }
}
