/// One parsed HTTP/1.1 request.
struct HTTPRequest: Sendable {
    /// The method, as sent (`GET`, `POST`, ...).
    let method: String
    /// The percent-decoded path, without the query.
    let path: String
    /// The query's name/value pairs, `+` read as space, then percent-decoded.
    let query: [(name: String, value: String)]
    /// `HTTP/1.1` or `HTTP/1.0`.
    let version: String
    /// Header fields with lower-cased names, in the order sent.
    let headers: [(name: String, value: String)]
    /// The body (as long as `Content-Length` says).
    let body: [UInt8]

    /// The first value of a header, by case-insensitive name.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The first value of a query parameter.
    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the connection stays open after the answer: HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map {
            $0.trimmingWhitespace()
        }
        if tokens.contains("close") { return false }
        return version == "HTTP/1.1" || tokens.contains("keep-alive")
    }
}

/// The outcome of trying to parse a request from the start of a buffer.
enum HTTPParseResult {
    /// A whole request, and how many bytes of the buffer it took.
    case request(HTTPRequest, consumed: Int)
    /// Not enough bytes yet.
    case incomplete
    /// The bytes are not an acceptable request; answer with this status and close.
    case invalid(status: Int, reason: String)
}

/// Parses HTTP/1.1 requests from received bytes.
enum HTTPParser {
    /// The longest request head accepted.
    static let maxHeadBytes = 64 * 1024
    /// The longest request body accepted.
    static let maxBodyBytes = 1024 * 1024

    /// Parses the first request in `buffer`, if it is complete.
    static func parse(_ buffer: [UInt8]) -> HTTPParseResult {
        guard let headEnd = endOfHead(in: buffer) else {
            return buffer.count > maxHeadBytes
                ? .invalid(status: 431, reason: "request head too large") : .incomplete
        }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            return .invalid(status: 400, reason: "malformed request line")
        }

        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                return .invalid(status: 400, reason: "malformed header line")
            }
            let name = line[..<colon].lowercased()
            headers.append((name, line[line.index(after: colon)...].trimmingWhitespace()))
        }

        let bodyStart = headEnd + 4
        var bodyLength = 0
        if let transfer = headers.first(where: { $0.name == "transfer-encoding" }),
            transfer.value.lowercased() != "identity"
        {
            return .invalid(status: 501, reason: "only Content-Length bodies are supported")
        }
        if let length = headers.first(where: { $0.name == "content-length" }) {
            guard let value = Int(length.value), value >= 0 else {
                return .invalid(status: 400, reason: "bad Content-Length")
            }
            guard value <= maxBodyBytes else {
                return .invalid(status: 413, reason: "request body too large")
            }
            bodyLength = value
        }
        guard buffer.count >= bodyStart + bodyLength else { return .incomplete }

        let target = requestLine[1]
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let request = HTTPRequest(
            method: String(requestLine[0]),
            path: percentDecode(pathPart[0], plusIsSpace: false),
            query: pathPart.count > 1 ? parseQuery(pathPart[1]) : [],
            version: String(requestLine[2]),
            headers: headers,
            body: Array(buffer[bodyStart..<(bodyStart + bodyLength)]))
        return .request(request, consumed: bodyStart + bodyLength)
    }

    /// Whether the buffer holds a whole head that asks for `100 Continue` before its body.
    static func expectsContinue(_ buffer: [UInt8]) -> Bool {
        guard let headEnd = endOfHead(in: buffer) else { return false }
        return String(decoding: buffer[..<headEnd], as: UTF8.self).lowercased()
            .contains("\r\nexpect: 100-continue")
    }

    /// The offset of the `\r\n\r\n` that ends the head, if present.
    static func endOfHead(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
            && buffer[index + 3] == 10
        {
            return index
        }
        return nil
    }

    /// Splits `a=1&b=2` into pairs; `+` is a space; names and values are percent-decoded.
    static func parseQuery(_ query: Substring) -> [(name: String, value: String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? percentDecode(parts[1], plusIsSpace: true) : ""
            return (percentDecode(parts[0], plusIsSpace: true), value)
        }
    }

    /// Decodes `%XX` escapes as UTF-8; a malformed escape is kept as it is.
    static func percentDecode(_ text: Substring, plusIsSpace: Bool) -> String {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }),
            let last = lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(self[first...last])
    }
}
