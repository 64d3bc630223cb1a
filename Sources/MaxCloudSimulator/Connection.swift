import Foundation
import Synchronization

/// What to do with a parsed request.
enum Outcome: Sendable {
    /// Send this answer.
    case respond(HTTPResponse)
    /// Close the connection without answering.
    case drop
}

extension SimulatorServer {
    /// Reads requests from one connection and answers them until it closes, a request asks
    /// to close, or the server stops. Runs on the connection's own thread.
    func serve(_ connection: Int32) {
        var buffer: [UInt8] = []
        var continued = false
        reading: while !isStopping {
            switch HTTPParser.parse(buffer) {
            case .incomplete:
                if !continued && HTTPParser.expectsContinue(buffer) {
                    continued = Sockets.sendAll(
                        connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }
                guard Sockets.receive(connection, into: &buffer) else { break reading }

            case .invalid(let status, let reason):
                var response = errorResponse(httpStatus: status, message: reason)
                response.closeAfter = true
                _ = Sockets.sendAll(connection, response.serialized(keepAlive: false))
                break reading

            case .request(let request, let consumed):
                buffer.removeFirst(consumed)
                continued = false
                let arrived = ContinuousClock.now
                let number = log.withLock { recorder -> Int in
                    recorder.arrivals += 1
                    return recorder.arrivals
                }
                let (outcome, fault) = handle(request)
                record(request, number: number, outcome: outcome, fault: fault)

                // The latency counts from the request's arrival: the time spent making the
                // answer is part of it, as on a real server behind a network.
                if configuration.latency > .zero {
                    let left = ContinuousClock.now.duration(to: arrived + configuration.latency)
                    if left > .zero { pause(left) }
                }
                guard case .respond(let response) = outcome, !isStopping else { break reading }
                let keepAlive = request.keepAlive
                let bytes = response.serialized(keepAlive: keepAlive)
                let sent =
                    response.trickle.map { trickle(bytes, over: $0, to: connection) }
                    ?? Sockets.sendAll(connection, bytes)
                if !sent || !keepAlive || response.closeAfter || response.truncatedTo != nil {
                    break reading
                }
            }
        }
        finish(connection)
    }

    /// Sends an answer in about 50 pieces spread evenly over `duration`.
    private func trickle(_ bytes: [UInt8], over duration: Duration, to connection: Int32) -> Bool {
        let pieces = max(1, min(50, bytes.count))
        let size = (bytes.count + pieces - 1) / pieces
        var start = 0
        while start < bytes.count {
            if start > 0 { pause(duration / pieces) }
            guard !isStopping else { return false }
            let end = min(bytes.count, start + size)
            guard Sockets.sendAll(connection, Array(bytes[start..<end])) else { return false }
            start = end
        }
        return true
    }

    private func record(_ request: HTTPRequest, number: Int, outcome: Outcome, fault: SimFault?) {
        guard configuration.recordsRequests else { return }
        var status = 0
        var bodyStatus: Int?
        if case .respond(let response) = outcome {
            status = response.status
            bodyStatus = response.bodyStatus
        }
        let entry = LoggedRequest(
            number: number, method: request.method, path: request.path,
            queryItems: request.query.map { URLQueryItem(name: $0.name, value: $0.value) },
            hasAuthorization: request.header("authorization") != nil, status: status,
            bodyStatus: bodyStatus, fault: fault)
        log.withLock { $0.entries.append(entry) }
    }

    /// An answer whose HTTP status and envelope status are both `httpStatus`.
    func errorResponse(httpStatus: Int, message: String) -> HTTPResponse {
        var response = envelopeResponse(bodyStatus: httpStatus, message: message) { $0.null() }
        response.status = httpStatus
        return response
    }

    /// An HTTP 200 answer carrying an envelope with the given body status and data.
    func envelopeResponse(
        bodyStatus: Int, message: String, capacity: Int = 512,
        data: (inout JSONWriter) -> Void
    ) -> HTTPResponse {
        let requestID = tokens.withLock { $0.nextRequestID() }
        let body = APIEncoding.envelope(
            status: bodyStatus, requestID: requestID, message: message,
            time: Int(Date().timeIntervalSince1970), capacity: capacity, data: data)
        return .json(body, bodyStatus: bodyStatus)
    }
}
