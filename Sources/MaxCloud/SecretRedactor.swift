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

    private let secrets = Mutex<[String]>([])

    /// Creates an empty redactor.
    public init() {}

    /// Remembers a secret.
    public func add(_ secret: String) {
        guard secret.count >= Self.shortest else { return }
        secrets.withLock { list in
            guard !list.contains(secret) else { return }
            list.append(secret)
            // Longest first, so a secret that holds another is masked whole.
            list.sort { $0.count > $1.count }
        }
    }

    /// The text with every known secret masked.
    public func redact(_ text: String) -> String {
        let list = secrets.withLock { $0 }
        var text = text
        for secret in list where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: Self.mask)
        }
        return text
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
