/// Holds the account's tokens: the log-in token and one token per company, obtained by
/// switching (also for the log-in's default company). When the server says a company token has expired (401), `renew` logs in
/// again once and switches again; callers retry the page with the new token.
///
/// The password stays inside this actor and is never printed.
public actor Sessions {
    private let client: MaxCloudClient
    private let email: String
    private let password: String
    private var login: LoginSession?
    private var tokens: [Int: String] = [:]
    private var pendingSwitches: [Int: Task<String, any Error>] = [:]

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
        let session = try await client.login(email: email, password: password)
        login = session
        // Every company is switched to, the default one too, so each is read with a token
        // the server issued for it.
        tokens = [:]
        return session
    }

    /// The token for a company, switching to it the first time.
    public func token(for company: Company) async throws -> String {
        if let token = tokens[company.id] { return token }
        if let pending = pendingSwitches[company.id] { return try await pending.value }
        guard let login else {
            throw MaxCloudError.loginRefused(message: "not logged in", requestID: nil)
        }
        let client = self.client
        let task = Task { try await client.switchCompany(to: company, token: login.token) }
        pendingSwitches[company.id] = task
        defer { pendingSwitches[company.id] = nil }
        let token = try await task.value
        tokens[company.id] = token
        return token
    }

    /// Replaces a company token the server refused: logs in again and switches again. When
    /// another request already renewed it, the newer token is returned without a new log-in.
    public func renew(for company: Company, refused: String) async throws -> String {
        if let current = tokens[company.id], current != refused { return current }
        try await start()
        return try await token(for: company)
    }
}
