import Foundation

/// One HTTP answer, ready to be written to a connection.
struct HTTPResponse: Sendable {
    /// The status code.
    var status: Int
    /// Extra header fields; `Content-Length` and `Connection` are added when writing.
    var headers: [(name: String, value: String)]
    /// The body.
    var body: [UInt8]
    /// Whether to close the connection after this answer.
    var closeAfter = false
    /// When set, only this many body bytes are sent (after a `Content-Length` promising
    /// the whole body), and the connection is closed: a truncated answer.
    var truncatedTo: Int?
    /// When set, the answer is sent in small pieces spread over this long: an answer that
    /// trickles in, which a client's time-out must still catch.
    var trickle: Duration?
    /// The envelope's `status`, for the request log; nil when the body is not an envelope.
    var bodyStatus: Int?

    /// A JSON answer.
    static func json(_ body: [UInt8], status: Int = 200, bodyStatus: Int?) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")],
            body: body, bodyStatus: bodyStatus)
    }

    /// An HTML page with a title and one line of text.
    static func html(status: Int, title: String, text: String) -> HTTPResponse {
        let page = """
            <!DOCTYPE html>
            <html><head><title>\(title)</title></head>
            <body><center><h1>\(title)</h1></center><hr><center>\(text)</center></body></html>

            """
        return HTTPResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Array(page.utf8))
    }

    /// The bytes to send: status line, headers, blank line and (possibly cut) body.
    func serialized(keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        head += "Date: \(Self.httpDate(Date()))\r\n"
        head += "Server: maxcloud-simulator\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive && !closeAfter && truncatedTo == nil ? "" : "Connection: close\r\n"
        head += "\r\n"
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: body.prefix(truncatedTo ?? body.count))
        return bytes
    }

    /// The standard reason phrase of the status codes the simulator uses.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }

    /// An IMF-fixdate, as `Date` and `Retry-After` use: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let (year, month, day) = SimulatorClock.civilDate(daysSinceEpoch: days)
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        let clock = SimulatorClock.format(wallSeconds: seconds).suffix(8)
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(weekday), \(dayText) \(months[month - 1]) \(year) \(clock) GMT"
    }
}
