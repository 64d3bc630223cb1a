import Foundation
import Synchronization

/// The secrets of a run: the password and every token the server issued. Text the server
/// sends back (an error message, a body shown in an error) passes through `redact` before
/// it reaches an error, a log line or a report, so that a server echoing a credential does
/// not make the tool print it.
public final class SecretRedactor: Sendable {
    /// What a secret is replaced with.
    public static let mask = "[redacted]"
    /// Shorter secrets are not masked: hiding every "ab" would garble the text and hide
    /// nothing worth hiding.
    static let shortest = 4

    private let secrets = Mutex<[Secret]>([])

    /// A secret, and the bytes that JSON text holding it must contain: its longest run of
    /// characters that JSON never escapes (nil when that run is too short to search for).
    private struct Secret {
        var text: String
        var probe: [UInt8]?

        init(_ text: String) {
            self.text = text
            var longest: ArraySlice<UInt8> = []
            let bytes = Array(text.utf8)
            var start = 0
            for index in 0...bytes.count {
                let plain =
                    index < bytes.count && bytes[index] >= 0x20 && bytes[index] < 0x7F
                    && bytes[index] != UInt8(ascii: "\\") && bytes[index] != UInt8(ascii: "\"")
                    && bytes[index] != UInt8(ascii: "/")
                if !plain {
                    if index - start > longest.count { longest = bytes[start..<index] }
                    start = index + 1
                }
            }
            probe = longest.count >= SecretRedactor.shortest ? Array(longest) : nil
        }
    }

    /// Creates an empty redactor.
    public init() {}

    /// Remembers a secret.
    public func add(_ secret: String) {
        guard secret.count >= Self.shortest else { return }
        secrets.withLock { list in
            guard !list.contains(where: { $0.text == secret }) else { return }
            list.append(Secret(secret))
            // Longest first, so a secret that holds another is masked whole.
            list.sort { $0.text.count > $1.text.count }
        }
    }

    /// The text with every known secret masked.
    public func redact(_ text: String) -> String {
        let list = secrets.withLock { $0 }
        var text = text
        for secret in list where text.contains(secret.text) {
            text = text.replacingOccurrences(of: secret.text, with: Self.mask)
        }
        return text
    }

    /// Whether a JSON body may hold a known secret, decided on its bytes without decoding:
    /// false only when no secret can be there, so the decoded text need not be searched.
    public func mayAppear(in body: Data) -> Bool {
        let list = secrets.withLock { $0 }
        guard !list.isEmpty else { return false }
        return body.withUnsafeBytes { raw in
            list.contains { secret in
                guard let probe = secret.probe else { return true }
                return Self.occurs(probe, in: raw)
            }
        }
    }

    /// Whether `needle` occurs in `haystack`: memchr for its first byte, then memcmp.
    static func occurs(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress, !needle.isEmpty, needle.count <= haystack.count
        else { return needle.isEmpty }
        return needle.withUnsafeBytes { pattern in
            let first = Int32(needle[0])
            var offset = 0
            let lastStart = haystack.count - needle.count
            while offset <= lastStart {
                guard let found = memchr(base + offset, first, lastStart - offset + 1) else {
                    return false
                }
                let at = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + at, pattern.baseAddress!, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// The ticket with every known secret masked in its text.
    public func redact(_ ticket: Ticket) -> Ticket {
        var ticket = ticket
        let fields: [WritableKeyPath<Ticket, String?>] = [
            \.teamName, \.createdBy, \.assignedTo, \.updatedBy, \.state, \.rootCause, \.subject,
            \.contentType, \.content, \.createdAt, \.updatedAt, \.tips,
        ]
        for field in fields {
            if let text = ticket[keyPath: field] { ticket[keyPath: field] = redact(text) }
        }
        ticket.notificationList = ticket.notificationList?.map(redact)
        ticket.problems = ticket.problems.map(redact)
        return ticket
    }
}

extension MaxCloudError {
    /// The error with every known secret masked in the text it carries from the server.
    func redacted(by redactor: SecretRedactor) -> MaxCloudError {
        switch self {
        case .transport(let call, let context, let reason):
            .transport(call, context, reason: redactor.redact(reason))
        case .httpStatus(let call, let context, let status, let message, let id):
            .httpStatus(
                call, context, status: status, message: message.map(redactor.redact),
                requestID: id.map(redactor.redact))
        case .apiStatus(let call, let context, let status, let message, let id):
            .apiStatus(
                call, context, status: status, message: redactor.redact(message),
                requestID: id.map(redactor.redact))
        case .badResponse(let call, let context, let reason, let id):
            .badResponse(
                call, context, reason: redactor.redact(reason), requestID: id.map(redactor.redact))
        case .loginRefused(let message, let id):
            .loginRefused(message: redactor.redact(message), requestID: id.map(redactor.redact))
        default: self
        }
    }
}
