import Foundation

/// How often and how patiently a failed request is tried again.
///
/// Time-outs, dropped connections, HTTP 5xx, HTTP 429 and answers that are not the
/// documented envelope are retried with exponential backoff and jitter; `Retry-After` (in
/// seconds or as an HTTP date) is obeyed up to `maxRetryAfter`.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included; 1 means no retry.
    public var maxAttempts: Int
    /// The wait before the first retry, in seconds; it doubles each time.
    public var baseDelay: Double
    /// The longest wait between two tries, in seconds.
    public var maxDelay: Double
    /// The longest `Retry-After` obeyed, in seconds.
    public var maxRetryAfter: Double

    /// Creates a policy.
    public init(
        maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30,
        maxRetryAfter: Double = 120
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before try number `attempt + 1` (attempt counts from 1), with jitter.
    func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        let exponential = baseDelay * pow(2, Double(max(0, attempt - 1)))
        let capped = min(exponential, maxDelay)
        return capped * Double.random(in: 0.5...1.0)
    }

    /// Reads `Retry-After`: whole seconds or an HTTP date (RFC 9110), relative to `now`.
    public static func parseRetryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        if let seconds = Double(value), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for pattern in [
            "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz",
            "EEE MMM d HH:mm:ss yyyy",
        ] {
            formatter.dateFormat = pattern
            if let date = formatter.date(from: value) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }
}

/// One request as the client saw it, for `--verbose` logs and progress. Holds no token.
public struct RequestEvent: Sendable {
    /// The call.
    public var call: APICall
    /// `GET` or `POST`.
    public var method: String
    /// Path and query, as sent (the query holds no secret).
    public var path: String
    /// Where the request was made.
    public var context: RequestContext
    /// The HTTP status, or nil when no answer came.
    public var status: Int?
    /// The body's `request_id`, when one was read.
    public var requestID: String?
    /// How long the try took, in milliseconds.
    public var milliseconds: Int
    /// Which try this was, from 1.
    public var attempt: Int
    /// When the request failed and will be tried again: why.
    public var retryReason: String?
}
