/// A misbehaviour the simulator can show instead of (or on top of) a normal answer.
public enum SimFault: Sendable, Hashable {
    /// HTTP 502 with an HTML body, as a proxy in front of the API would send.
    case badGateway
    /// HTTP 503 with an HTML body.
    case serviceUnavailable
    /// HTTP 429 with a `Retry-After` header and a JSON envelope of status 429.
    case tooManyRequests(retryAfter: SimRetryAfter)
    /// Waits this many seconds, then answers normally (for client time-outs).
    case stall(seconds: Double)
    /// Answers normally, but sends the answer a few bytes at a time spread over this many
    /// seconds (each piece well within any sensible time-out).
    case trickle(seconds: Double)
    /// Closes the connection without any answer.
    case dropConnection
    /// Revokes the request's token, so this and every later use of it gets HTTP 401 with
    /// body status 401; logging in and switching again gives working tokens.
    case expireToken
    /// Sends a `Content-Length` larger than the bytes that follow, then closes.
    case truncatedBody
    /// HTTP 200 whose body is an HTML error page instead of JSON.
    case htmlErrorWithStatus200
    /// HTTP 200 whose envelope says `status` 500 with `data` null.
    case bodyStatus500
    /// Before answering, a new open ticket appears in the token's company: the next id, in
    /// the account's team, assigned to the account, carrying the request's `group_tag` (if
    /// any), created at ``SimulatorClock/anchor``. It matches every scope of the request, so
    /// `result_count` grows by one and later pages shift by one.
    case createTicket
    /// Before answering, one open ticket of the token's company becomes `closed`: the first
    /// open one the request's scope lists, else the first open one in the company.
    case closeTicket
    /// Appends a ticket of another company to the page's `tickets` (a tenant leak).
    case tenantLeak
    /// Answers a ticket list page with the tickets of the page before it (page 1 is
    /// answered normally); the counts and `page` are those of the page asked for.
    case repeatPreviousPage
}

/// The value of a `Retry-After` header.
public enum SimRetryAfter: Sendable, Hashable {
    /// A number of seconds, such as `Retry-After: 2`.
    case seconds(Int)
    /// An HTTP date this many seconds after the answer is sent.
    case httpDate(secondsFromNow: Int)
}

/// Which call a request is, for fault triggers.
public enum SimEndpoint: String, Sendable, Hashable, CaseIterable {
    /// `POST /api/login`.
    case login
    /// `POST /api/company/switch`.
    case switchCompany
    /// `GET /api/tickets`.
    case tickets
    /// Any other path or method.
    case other
}

/// When a fault rule fires. Occurrences are 1-based and counted from the moment the plan
/// was set (at start, or by assigning ``SimulatorServer/faultPlan``).
public enum SimFaultTrigger: Sendable, Hashable {
    /// The Nth request of any kind.
    case request(number: Int)
    /// The Nth request to one endpoint.
    case endpoint(SimEndpoint, occurrence: Int)
    /// The Nth ticket list request matching every given filter (nil matches anything).
    /// The company is the token's; `page` is the requested page (below 1 counts as 1).
    /// A request whose token is not valid has no company, so only matches `companyID: nil`.
    case tickets(
        companyID: Int? = nil, scope: SimScope? = nil, page: Int? = nil, occurrence: Int = 1)
}

/// One chosen fault: what, when, and how many times in a row.
public struct SimFaultRule: Sendable, Hashable {
    /// When the rule first fires.
    public var trigger: SimFaultTrigger
    /// What happens.
    public var fault: SimFault
    /// How many consecutive matching requests it fires for, from the trigger on;
    /// nil means every matching request from then on.
    public var times: Int?

    /// Creates a rule that fires `times` times (once by default).
    public init(_ fault: SimFault, at trigger: SimFaultTrigger, times: Int? = 1) {
        self.trigger = trigger
        self.fault = fault
        self.times = times
    }
}

/// Faults drawn at random, reproducibly from a seed.
public struct SimRandomFaults: Sendable, Hashable {
    /// The chance, 0 to 1, that an eligible request gets a fault.
    public var rate: Double
    /// The seed; equal seeds give equal draws for equal request sequences.
    public var seed: UInt64
    /// The faults to draw from, with equal chance.
    public var faults: [SimFault]
    /// The endpoints whose requests are eligible.
    public var endpoints: Set<SimEndpoint>

    /// Creates random faults; by default only ticket list requests are eligible.
    public init(
        rate: Double, seed: UInt64, faults: [SimFault], endpoints: Set<SimEndpoint> = [.tickets]
    ) {
        self.rate = rate
        self.seed = seed
        self.faults = faults
        self.endpoints = endpoints
    }
}

/// The faults the server shows: chosen rules first (the first that fires wins), then random.
public struct SimFaultPlan: Sendable, Hashable {
    /// Chosen faults, tried in order.
    public var rules: [SimFaultRule]
    /// Random faults for requests no rule fired on.
    public var random: SimRandomFaults?

    /// No faults: every request answered normally.
    public static let none = SimFaultPlan()

    /// Creates a plan.
    public init(rules: [SimFaultRule] = [], random: SimRandomFaults? = nil) {
        self.rules = rules
        self.random = random
    }
}
