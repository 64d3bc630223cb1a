/// What a token stands for.
struct TokenGrant: Sendable, Hashable {
    let accountID: Int
    let companyID: Int
    let issued: ContinuousClock.Instant
    var revoked = false
}

/// Issues and checks tokens, and numbers request ids.
struct TokenStore: Sendable {
    private var grants: [String: TokenGrant] = [:]
    private var random = SystemRandomNumberGenerator()
    private var requestCount: UInt64 = 0
    private let requestSalt: UInt64

    init() {
        requestSalt = random.next()
    }

    /// A new random-looking token bound to an account and a company.
    mutating func issue(accountID: Int, companyID: Int) -> String {
        var token = ""
        repeat {
            token = (0..<3).map { _ in Self.hex(random.next()) }.joined()
        } while grants[token] != nil
        grants[token] = TokenGrant(
            accountID: accountID, companyID: companyID, issued: .now)
        return token
    }

    /// The grant of a token that still works, or nil.
    func grant(for token: String, lifetime: Duration?) -> TokenGrant? {
        guard let grant = grants[token], !grant.revoked else { return nil }
        if let lifetime, grant.issued.duration(to: .now) > lifetime { return nil }
        return grant
    }

    /// Makes a token stop working.
    mutating func revoke(_ token: String) {
        grants[token]?.revoked = true
    }

    /// Makes every token issued so far stop working.
    mutating func revokeAll() {
        for token in grants.keys {
            grants[token]?.revoked = true
        }
    }

    /// A request id: 32 lowercase hex digits, never repeated by this store.
    mutating func nextRequestID() -> String {
        requestCount += 1
        return Self.hex(SplitMix64.mix(requestCount))
            + Self.hex(SplitMix64.mix(requestCount ^ requestSalt))
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
