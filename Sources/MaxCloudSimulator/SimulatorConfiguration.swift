import Foundation

/// How the simulator behaves: paging limits, speed, token lifetime and faults.
public struct SimulatorConfiguration: Sendable, Hashable {
    /// The largest page size served; a larger `page_size` is answered with this many.
    public var maxPageSize: Int
    /// The page size when a request gives none.
    public var defaultPageSize: Int
    /// How long after its request arrives every answer is sent (at the earliest), per
    /// connection (other connections are not held up).
    public var latency: Duration
    /// How long a token works after it was issued; nil means until the server stops.
    public var tokenLifetime: Duration?
    /// The faults to show from the start; can be replaced while running.
    public var faultPlan: SimFaultPlan
    /// Whether requests are recorded in ``SimulatorServer/requestLog``; turn off for
    /// long benchmarks to keep memory flat.
    public var recordsRequests: Bool

    /// Creates a configuration; the defaults are a fast, faultless server capping pages
    /// at 100 tickets with 10 per page unless asked.
    public init(
        maxPageSize: Int = 100, defaultPageSize: Int = 10, latency: Duration = .zero,
        tokenLifetime: Duration? = nil, faultPlan: SimFaultPlan = .none,
        recordsRequests: Bool = true
    ) {
        self.maxPageSize = maxPageSize
        self.defaultPageSize = defaultPageSize
        self.latency = latency
        self.tokenLifetime = tokenLifetime
        self.faultPlan = faultPlan
        self.recordsRequests = recordsRequests
    }
}

/// One request as the server saw and answered it, for tests to inspect.
public struct LoggedRequest: Sendable, Hashable {
    /// 1-based arrival number since the server was created.
    public var number: Int
    /// The HTTP method.
    public var method: String
    /// The percent-decoded path.
    public var path: String
    /// The percent-decoded query items, in order.
    public var queryItems: [URLQueryItem]
    /// Whether an `authorization` header was present (its value is never recorded).
    public var hasAuthorization: Bool
    /// The HTTP status sent; 0 when the connection was dropped without an answer.
    public var status: Int
    /// The envelope's `status` when the answer was an envelope.
    public var bodyStatus: Int?
    /// The fault shown, if any.
    public var fault: SimFault?

    /// Creates a log entry.
    public init(
        number: Int, method: String, path: String, queryItems: [URLQueryItem],
        hasAuthorization: Bool, status: Int, bodyStatus: Int?, fault: SimFault?
    ) {
        self.number = number
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.hasAuthorization = hasAuthorization
        self.status = status
        self.bodyStatus = bodyStatus
        self.fault = fault
    }

    /// The value of a query item, if present.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
