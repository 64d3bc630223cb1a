/// Holds the account's tokens: the log-in token and one token per company, obtained by
/// switching (also for the log-in's default company, so that every company is read with a
/// token the server issued for it).
///
/// When the server says a token has expired (401), the account logs in again once and
/// switches again; a company token is renewed through `renew` or `refused`, and a log-in
/// token that expires under a switch is renewed here. Concurrent requests that meet the
/// same expired token share one new log-in. The password stays inside this actor and is
/// never printed.
///
/// A company whose new tokens are refused again and again, each before the server has
/// accepted it once, has lost access (or the server is broken): after `refusalsInARow`
/// such refusals `refused` gives up. A token that worked and later expires starts the
/// count afresh, however often that happens.
public actor Sessions {
    /// Tokens of a company refused in a row, each before the server accepted it, that
    /// end the run: the first may be the expiry of a token in use from before, the second
    /// may be a fresh token expired by the server under a concurrent page's request before
    /// this page used it; a third means the company's tokens do not work.
    public static let refusalsInARow = 3

    private let client: MaxCloudClient
    private let email: String
    private let password: String
    private var login: LoginSession?
    private var pendingLogin: Task<LoginSession, any Error>?
    private var tokens: [Int: String] = [:]
    private var pendingSwitches: [Int: Task<String, any Error>] = [:]
    private var accepted: Set<String> = []
    private var refusedTokens: Set<String> = []
    private var unacceptedRefusals: [Int: Int] = [:]

    /// Creates the holder; nothing is sent until `start()`.
    public init(client: MaxCloudClient, email: String, password: String) {
        self.client = client
        self.email = email
        self.password = password
    }

    /// Logs in and returns the account's companies.
    /// - Throws: `MaxCloudError.loginRefused` when the credentials are refused.
    @discardableResult
    public func start() async throws -> LoginSession {
        if let pendingLogin { return try await pendingLogin.value }
        // The task itself records the new log-in, so that every request waiting on it
        // finds the new state when it resumes, whichever resumes first.
        let task = Task {
            defer { self.pendingLogin = nil }
            let session = try await self.client.login(email: self.email, password: self.password)
            self.login = session
            self.tokens = [:]
            return session
        }
        pendingLogin = task
        return try await task.value
    }

    /// The token for a company, switching to it the first time.
    public func token(for company: Company) async throws -> String {
        if let token = tokens[company.id] { return token }
        if let pending = pendingSwitches[company.id] { return try await wait(for: pending) }
        let task = Task {
            defer { self.pendingSwitches[company.id] = nil }
            let token = try await self.switchRenewingLogin(to: company)
            self.tokens[company.id] = token
            return token
        }
        pendingSwitches[company.id] = task
        return try await wait(for: task)
    }

    /// Replaces a company token the server refused: logs in again and switches again. When
    /// another request already renewed it, the newer token is returned without a new log-in.
    public func renew(for company: Company, refused: String) async throws -> String {
        if let current = tokens[company.id], current != refused { return current }
        if let pending = pendingSwitches[company.id] { return try await wait(for: pending) }
        try await renewLogin(refused: login?.token)
        return try await token(for: company)
    }

    /// Notes that the server answered a request made with `token`.
    public func accepted(_ token: String, for company: Company) {
        guard accepted.insert(token).inserted else { return }
        unacceptedRefusals[company.id] = 0
    }

    /// The token to try after the server refused `token` (401): the company's newer token
    /// when another request has renewed it already, else a new one from logging in again
    /// and switching again. Nil when the company's tokens have been refused
    /// `refusalsInARow` times in a row without the server accepting any of them.
    public func refused(_ token: String, for company: Company) async throws -> String? {
        if let current = tokens[company.id], current != token { return current }
        if let pending = pendingSwitches[company.id] { return try await wait(for: pending) }
        // Each token counts once, however many concurrent pages it was refused for.
        if !accepted.contains(token), refusedTokens.insert(token).inserted {
            unacceptedRefusals[company.id, default: 0] += 1
        }
        if unacceptedRefusals[company.id, default: 0] >= Self.refusalsInARow { return nil }
        return try await renew(for: company, refused: token)
    }

    /// How many of the company's tokens were refused in a row before being accepted.
    public func refusedInARow(for company: Company) -> Int {
        unacceptedRefusals[company.id, default: 0]
    }

    /// Switches with the log-in token; if that token has expired, logs in once more and
    /// switches again.
    private func switchRenewingLogin(to company: Company) async throws -> String {
        let loginToken = try currentLogin().token
        do {
            return try await client.switchCompany(to: company, token: loginToken)
        } catch let error as MaxCloudError where error.isUnauthorized {
            try await renewLogin(refused: loginToken)
            return try await client.switchCompany(to: company, token: currentLogin().token)
        }
    }

    /// Logs in again unless someone already replaced the refused log-in token.
    private func renewLogin(refused: String?) async throws {
        if let login, login.token != refused { return }
        try await start()
    }

    private func currentLogin() throws -> LoginSession {
        guard let login else {
            throw MaxCloudError.loginRefused(message: "not logged in", requestID: nil)
        }
        return login
    }

    /// Waits for a shared task; a cancelled caller (the run is failing) stops it instead of
    /// waiting on it.
    private func wait<T: Sendable>(for task: Task<T, any Error>) async throws -> T {
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
