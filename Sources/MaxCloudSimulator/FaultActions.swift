import Foundation
import Synchronization

extension SimulatorServer {
    /// The plan in force. Assigning a plan starts its counts (and its random draws) afresh.
    public var faultPlan: SimFaultPlan {
        get { faults.withLock { $0.plan } }
        set { faults.withLock { $0 = FaultEngine(plan: newValue) } }
    }

    /// Makes every token issued so far stop working (as if they all expired).
    public func expireAllTokens() {
        tokens.withLock { $0.revokeAll() }
    }

    /// The answer of a fault that replaces the whole answer, or nil for the others.
    func faultOnly(_ fault: SimFault?) -> Outcome? {
        switch fault {
        case .badGateway:
            return .respond(
                .html(status: 502, title: "502 Bad Gateway", text: "nginx (simulated)"))
        case .serviceUnavailable:
            return .respond(
                .html(
                    status: 503, title: "503 Service Temporarily Unavailable",
                    text: "nginx (simulated)"))
        case .tooManyRequests(let retryAfter):
            var response = errorResponse(httpStatus: 429, message: "too many requests")
            response.headers.append(("Retry-After", Self.headerValue(retryAfter)))
            return .respond(response)
        case .htmlErrorWithStatus200:
            return .respond(
                .html(
                    status: 200, title: "系统维护中 Service maintenance",
                    text: "The service is under maintenance. 请稍后再试。"))
        case .bodyStatus500:
            return .respond(
                envelopeResponse(bodyStatus: 500, message: "internal server error") {
                    $0.null()
                })
        case .dropConnection:
            return .drop
        default:
            return nil
        }
    }

    /// Shows the faults that act before the normal answer: those that replace it (the
    /// answer is returned), and those that wait, revoke the token or change the dataset
    /// (nil is returned and the request is answered normally).
    func applyBeforeAnswer(
        _ fault: SimFault?, request: HTTPRequest, grant: TokenGrant?,
        parameters: TicketParameters?
    ) -> Outcome? {
        if let replaced = faultOnly(fault) { return replaced }
        switch fault {
        case .stall(let seconds):
            pause(.milliseconds(Int((max(0, seconds) * 1000).rounded())))
        case .expireToken:
            if let token = request.header("authorization") {
                tokens.withLock { $0.revoke(token) }
            }
        case .createTicket, .closeTicket:
            guard let grant else { break }
            store.withLock { store in
                guard let account = store.dataset.account(id: grant.accountID) else { return }
                let criteria = SelectionCriteria(
                    companyID: grant.companyID, scope: parameters?.scope ?? .company,
                    groupTag: parameters?.groupTag,
                    includeClosed: parameters?.includeClosed ?? true, account: account)
                if fault == .createTicket {
                    _ = store.createTicket(matching: criteria)
                } else {
                    _ = store.closeTicket(matching: criteria)
                }
            }
        default:
            break
        }
        return nil
    }

    /// The text of a `Retry-After` header.
    static func headerValue(_ retryAfter: SimRetryAfter) -> String {
        switch retryAfter {
        case .seconds(let seconds):
            String(seconds)
        case .httpDate(let secondsFromNow):
            HTTPResponse.httpDate(Date().addingTimeInterval(Double(secondsFromNow)))
        }
    }
}
