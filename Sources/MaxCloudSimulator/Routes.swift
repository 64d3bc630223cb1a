import Foundation
import Synchronization

extension SimulatorServer {
    /// Answers one request: finds the endpoint, asks the fault plan, and routes.
    func handle(_ request: HTTPRequest) -> (Outcome, SimFault?) {
        var path = request.path
        if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let routes: [String: (SimEndpoint, String)] = [
            "/api/login": (.login, "POST"),
            "/api/company/switch": (.switchCompany, "POST"),
            "/api/tickets": (.tickets, "GET"),
        ]
        guard let (endpoint, method) = routes[path], request.method == method else {
            let fault = faults.withLock { $0.decide(endpoint: .other, tickets: nil) }
            if let early = applyBeforeAnswer(fault, request: request, grant: nil, parameters: nil) {
                return (early, fault)
            }
            guard let (_, method) = routes[path] else {
                return (
                    .respond(errorResponse(httpStatus: 404, message: "not found: \(path)")), fault
                )
            }
            var response = errorResponse(
                httpStatus: 405, message: "method \(request.method) not allowed; use \(method)")
            response.headers.append(("Allow", method))
            return (.respond(response), fault)
        }

        let grant = currentGrant(request)
        let parameters = endpoint == .tickets ? TicketParameters(request, configuration) : nil
        let context = parameters.map {
            TicketRequestContext(companyID: grant?.companyID, scope: $0.scope, page: $0.page)
        }
        let fault = faults.withLock { $0.decide(endpoint: endpoint, tickets: context) }
        if let early = applyBeforeAnswer(
            fault, request: request, grant: grant, parameters: parameters)
        {
            return (early, fault)
        }

        var response: HTTPResponse
        switch endpoint {
        case .login: response = login(request)
        case .switchCompany: response = switchCompany(request)
        case .tickets, .other: response = tickets(request, parameters: parameters, fault: fault)
        }
        if fault == .truncatedBody {
            response.truncatedTo = response.body.count / 2
        }
        if case .trickle(let seconds) = fault {
            response.trickle = .milliseconds(Int((max(0, seconds) * 1000).rounded()))
        }
        return (.respond(response), fault)
    }

    /// The grant of the request's `authorization` token, if it still works.
    func currentGrant(_ request: HTTPRequest) -> TokenGrant? {
        guard let token = request.header("authorization"), !token.isEmpty else { return nil }
        return tokens.withLock { $0.grant(for: token, lifetime: configuration.tokenLifetime) }
    }

    /// The account and company of a working token, or nil.
    func session(_ request: HTTPRequest) -> (SimAccount, TokenGrant)? {
        guard let grant = currentGrant(request),
            let account = store.withLock({ $0.dataset.account(id: grant.accountID) })
        else { return nil }
        return (account, grant)
    }

    /// HTTP 401 with body status 401, for a missing, unknown, revoked or expired token.
    func unauthorized() -> HTTPResponse {
        errorResponse(httpStatus: 401, message: "invalid or expired token")
    }

    /// `POST /api/login`.
    private func login(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = jsonObject(request.body),
            let email = body["email"] as? String, let password = body["password"] as? String
        else {
            return envelopeResponse(bodyStatus: 400, message: "email and password are required") {
                $0.null()
            }
        }
        let found = store.withLock { store -> (SimAccount, SimCompany?, [SimCompany])? in
            guard let account = store.dataset.account(email: email), account.password == password
            else { return nil }
            let companies = store.dataset.companies(of: account)
            return (account, store.dataset.company(id: account.defaultCompanyID), companies)
        }
        guard let (account, defaultCompany, all) = found else {
            return envelopeResponse(bodyStatus: 401, message: "invalid email or password") {
                $0.null()
            }
        }
        guard let company = defaultCompany ?? all.first else {
            return envelopeResponse(bodyStatus: 403, message: "the account has no company") {
                $0.null()
            }
        }

        let token = tokens.withLock { $0.issue(accountID: account.id, companyID: company.id) }
        return envelopeResponse(bodyStatus: 200, message: "success") {
            APIEncoding.login(account: account, token: token, company: company, all: all, into: &$0)
        }
    }

    /// `POST /api/company/switch`.
    private func switchCompany(_ request: HTTPRequest) -> HTTPResponse {
        guard let (account, _) = session(request) else { return unauthorized() }
        let body = jsonObject(request.body)
        guard let companyID = Self.integer(body?["company_id"]) else {
            return envelopeResponse(bodyStatus: 400, message: "company_id is required") {
                $0.null()
            }
        }
        let (company, all) = store.withLock {
            ($0.dataset.company(id: companyID), $0.dataset.companies(of: account))
        }
        guard let company, account.companyIDs.contains(companyID) else {
            return envelopeResponse(
                bodyStatus: 403, message: "no permission for company \(companyID)"
            ) {
                $0.null()
            }
        }

        let token = tokens.withLock { $0.issue(accountID: account.id, companyID: company.id) }
        return envelopeResponse(bodyStatus: 200, message: "success") {
            APIEncoding.switched(
                account: account, token: token, company: company, all: all, into: &$0)
        }
    }

    /// A JSON object from a request body, or nil.
    private func jsonObject(_ body: [UInt8]) -> [String: Any]? {
        guard !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// An integer from a JSON number or a string of digits.
    private static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        return nil
    }
}
