import Foundation

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
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport whose requests time out after `timeout` seconds.
    public init(timeout: TimeInterval = 30, maxConnectionsPerHost: Int = 8) {
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

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            throw TransportError(
                reason: Self.describe(error), timedOut: error.code == .timedOut)
        } catch {
            throw TransportError(reason: "\(error)")
        }
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
