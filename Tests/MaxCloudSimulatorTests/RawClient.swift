import Foundation
import Glibc

/// A plain TCP client, to see exactly what the server sends (or does not send).
final class RawClient {
    private let descriptor: Int32

    /// Connects to the loopback port, with a receive time-out.
    init(port: UInt16, timeoutSeconds: Int = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(
            descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    /// Sends text as it is.
    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes {
            send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
    }

    /// Reads until the peer closes or the time-out passes; returns the bytes and whether
    /// the peer closed.
    func readToEnd() -> (bytes: [UInt8], closed: Bool) {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress, $0.count, 0)
            }
            if count > 0 {
                all += chunk[..<count]
            } else {
                return (all, count == 0)
            }
        }
    }

    /// Reads one whole answer (head and `Content-Length` body), or what came before the
    /// peer closed or the time-out passed.
    func readAnswer() -> String {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let text = String(decoding: all, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n") {
                let head = text[..<headEnd.lowerBound].lowercased()
                let length =
                    head.split(separator: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
                let headBytes = text[..<headEnd.upperBound].utf8.count
                if all.count >= headBytes + length { return text }
            }
            let count = chunk.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress, $0.count, 0)
            }
            if count <= 0 { return text }
            all += chunk[..<count]
        }
    }
}

/// A minimal HTTP/1.1 request as text.
func rawRequest(
    _ method: String, _ target: String, token: String? = nil, body: String? = nil,
    extraHeaders: String = ""
) -> String {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if let token { text += "Authorization: \(token)\r\n" }
    text += extraHeaders
    if let body {
        text +=
            "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    } else {
        text += "\r\n"
    }
    return text
}
