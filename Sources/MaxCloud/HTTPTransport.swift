import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request as the client builds it.
public struct HTTPRequest: Sendable {
    /// `GET` or `POST`.
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// Header fields; the `authorization` value is a secret and is never logged.
    public var headers: [String: String]
    /// The body, for `POST`.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP answer: status, header fields (names in lower case) and the whole body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields with lower-case names.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A request that got no answer: refused, reset, timed out, cut short.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What happened, in words.
    public var reason: String
    /// Whether the time-out ran out.
    public var timedOut: Bool

    /// Creates a transport error.
    public init(reason: String, timedOut: Bool = false) {
        self.reason = reason
        self.timedOut = timedOut
    }

    public var description: String { reason }
}

/// Sends requests. The client talks HTTP only through this, so tests and benchmarks can
/// put something else in its place.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the answer, or throws `TransportError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// The transport over Foundation's `URLSession`: connections are kept alive and reused,
/// redirects are not followed (a redirect could carry the token to another host).
///
/// `timeout` bounds the whole request, from sending to the last byte of the answer: an
/// answer that trickles in a byte at a time is given up like one that never comes.
/// (`URLSession`'s own request time-out only measures silence between bytes.)
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeout: TimeInterval

    /// Creates a transport whose requests time out after `timeout` seconds.
    public init(timeout: TimeInterval = 30, maxConnectionsPerHost: Int = 8) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(timeout * 4, timeout)
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(
            configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body

        let prepared = urlRequest
        let (data, response) = try await withDeadline { try await self.perform(prepared) }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError(reason: "the answer was not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Runs `body`, giving up with a time-out when it has not finished within `timeout`.
    private func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                throw TransportError(
                    reason: "no complete answer within the time-out (\(Int(timeout)) s)",
                    timedOut: true)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    /// Runs one data task. Cancelling the calling task cancels the request and returns at
    /// once with `CancellationError`, whether or not `URLSession` ever calls back: on Linux
    /// its own async `data(for:)` can wait forever for a cancelled request, which kept a
    /// failing run from ending.
    private func perform(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error = error as? URLError, error.code == .cancelled {
                        pending.finish(.failure(CancellationError()))
                    } else if let error = error as? URLError {
                        pending.finish(
                            .failure(
                                TransportError(
                                    reason: Self.describe(error),
                                    timedOut: error.code == .timedOut)))
                    } else if let error {
                        pending.finish(.failure(TransportError(reason: "\(error)")))
                    } else if let response {
                        pending.finish(.success((data ?? Data(), response)))
                    } else {
                        pending.finish(.failure(TransportError(reason: "no answer")))
                    }
                }
                pending.start(task, continuation)
            }
        } onCancel: {
            pending.cancel()
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: "no answer within the time-out"
        case .cannotConnectToHost: "could not connect (connection refused)"
        case .networkConnectionLost: "the connection was lost before the answer was complete"
        case .cannotFindHost, .dnsLookupFailed: "the host name could not be resolved"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "the TLS connection failed (\(error.localizedDescription))"
        default: "\(error.localizedDescription) (URLError \(error.code.rawValue))"
        }
    }
}

/// One request in flight: resumes its continuation exactly once, from whichever comes
/// first of the answer and a cancellation.
private final class PendingRequest: Sendable {
    typealias Continuation = CheckedContinuation<(Data, URLResponse), any Error>

    private struct State {
        var continuation: Continuation?
        var task: URLSessionDataTask?
        var cancelled = false
    }

    private let state = Mutex(State())

    /// Starts `task` unless the caller was cancelled already.
    func start(_ task: URLSessionDataTask, _ continuation: Continuation) {
        let cancelled = state.withLock { state in
            if state.cancelled { return true }
            state.continuation = continuation
            state.task = task
            return false
        }
        if cancelled {
            continuation.resume(throwing: CancellationError())
        } else {
            task.resume()
        }
    }

    /// Ends the wait with the task's outcome, unless it has ended already.
    func finish(_ result: Result<(Data, URLResponse), any Error>) {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(with: result)
    }

    /// Cancels the task and ends the wait with `CancellationError`.
    func cancel() {
        let (task, continuation) = state.withLock { state in
            state.cancelled = true
            defer {
                state.continuation = nil
                state.task = nil
            }
            return (state.task, state.continuation)
        }
        task?.cancel()
        continuation?.resume(throwing: CancellationError())
    }
}

/// Answers every redirect with "don't follow", so the 3xx reaches the client as it is.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
