import Glibc

/// Why the server could not start.
public enum SimulatorServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `start` was called on a server that is already running.
    case alreadyRunning
    /// The host is not an IPv4 address (or `localhost`).
    case invalidHost(String)
    /// A socket call failed; `call` names it and `code` is `errno`.
    case socketFailed(call: String, code: Int32)

    /// A sentence saying what went wrong and what to do.
    public var description: String {
        switch self {
        case .alreadyRunning:
            "The simulator is already running; call stop() before starting it again."
        case .invalidHost(let host):
            "Cannot listen on '\(host)': give an IPv4 address such as 127.0.0.1."
        case .socketFailed(let call, let code):
            "The simulator could not listen: \(call) failed with "
                + "\(String(cString: strerror(code))) (errno \(code)); try another port."
        }
    }
}

/// Thin wrappers over the Glibc socket calls the server needs.
enum Sockets {
    /// Opens a listening TCP socket; returns its descriptor and the bound port.
    static func listen(host: String, port: UInt16) throws(SimulatorServerError) -> (Int32, UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        let numericHost = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, numericHost, &address.sin_addr) == 1 else {
            throw .invalidHost(host)
        }

        let descriptor = socket(
            AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .socketFailed(call: "socket", code: errno) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))

        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw .socketFailed(call: "bind", code: code)
        }
        guard Glibc.listen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            throw .socketFailed(call: "listen", code: code)
        }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &length)
            }
        }
        return (descriptor, UInt16(bigEndian: actual.sin_port))
    }

    /// Waits for a connection; nil when the listener was shut down or failed.
    static func accept(_ listener: Int32) -> Int32? {
        while true {
            let connection = Glibc.accept(listener, nil, nil)
            if connection >= 0 {
                var one: Int32 = 1
                setsockopt(
                    connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one,
                    socklen_t(MemoryLayout<Int32>.size))
                return connection
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO: continue
            case EMFILE, ENFILE, ENOBUFS, ENOMEM: usleep(10_000)
            default: return nil
            }
        }
    }

    /// Receives some bytes into `buffer`; false at end of stream or on error.
    static func receive(_ connection: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes {
                recv(connection, $0.baseAddress, $0.count, 0)
            }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Sends every byte; false when the peer is gone. Never raises SIGPIPE.
    static func sendAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Wakes any thread blocked on the socket; the owner still closes it.
    static func shutdownBoth(_ descriptor: Int32) {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }
}
