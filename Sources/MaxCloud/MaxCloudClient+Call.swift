import Foundation

extension MaxCloudClient {
    /// Sends one call, retrying as `retry` allows, and decodes the envelope's `data`.
    func call<Payload: Decodable>(
        _ call: APICall, _ context: RequestContext, method: String, path: String,
        query: [URLQueryItem], token: String?, body: Data?, gate: RequestGate? = nil
    ) async throws -> (Payload, String?) {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        let root = components?.path ?? ""
        components?.path = (root.hasSuffix("/") ? String(root.dropLast()) : root) + path
        components?.queryItems = query.isEmpty ? nil : query
        // URLComponents leaves '+' alone in a query; the server would read it as a space.
        let encodedQuery = components?.percentEncodedQuery
        components?.percentEncodedQuery = encodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components?.url else {
            throw MaxCloudError.transport(call, context, reason: "cannot build the URL for \(path)")
        }
        var headers = ["User-Agent": userAgent, "Accept": "application/json"]
        if let token { headers["authorization"] = token }
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
        let shownPath = path + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")

        var attempt = 0
        while true {
            try Task.checkCancellation()
            attempt += 1
            let started = DispatchTime.now()
            var status: Int?
            var requestID: String?
            var serverRetryAfter: Double?
            do {
                let response: HTTPResponse
                do {
                    await gate?.enter()
                    defer { gate?.leave() }
                    response = try await transport.send(request)
                } catch let error as TransportError {
                    throw MaxCloudError.transport(call, context, reason: error.reason)
                }
                status = response.status
                requestID = response.headers["x-request-id"].map(secrets.redact)
                serverRetryAfter = RetryPolicy.parseRetryAfter(response.headers["retry-after"])
                let result: (Payload, String?) = try decode(response, call, context)
                requestID = result.1.map(secrets.redact)
                report(call, method, shownPath, context, status, requestID, started, attempt, nil)
                // A server that echoes a credential in ticket text must not put it in a report.
                if let page = result.0 as? TicketPageData, secrets.mayAppear(in: response.body),
                    let redacted = page.redacted(by: secrets) as? Payload
                {
                    return (redacted, requestID)
                }
                return (result.0, requestID)
            } catch let error as MaxCloudError {
                let error = error.redacted(by: secrets)
                let canRetry = Self.isRetryable(error) && attempt < retry.maxAttempts
                report(
                    call, method, shownPath, context, status, error.requestID ?? requestID, started,
                    attempt, canRetry ? error.description : nil)
                guard canRetry else { throw error }
                let wait = retry.delay(afterAttempt: attempt, retryAfter: serverRetryAfter)
                try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            }
        }
    }

    /// Whether an error is worth another try: no answer, 429, 5xx, or a body that is not
    /// the envelope (a proxy's error page, a cut connection).
    static func isRetryable(_ error: MaxCloudError) -> Bool {
        switch error {
        case .transport, .badResponse: true
        case .httpStatus(_, _, let status, _, _), .apiStatus(_, _, let status, _, _):
            status == 429 || (500...599).contains(status)
        default: false
        }
    }

    private func report(
        _ call: APICall, _ method: String, _ path: String, _ context: RequestContext,
        _ status: Int?, _ requestID: String?, _ started: DispatchTime, _ attempt: Int,
        _ retryReason: String?
    ) {
        guard let observer else { return }
        let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
        observer(
            RequestEvent(
                call: call, method: method, path: path, context: context, status: status,
                requestID: requestID, milliseconds: Int(elapsed / 1_000_000), attempt: attempt,
                retryReason: retryReason))
    }
}
