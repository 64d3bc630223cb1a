import Foundation
import MaxCloud
import Testing

/// A server that echoes a password or a token in its messages must not make the tool
/// print or store it.
@Suite struct SecretTests {
    static let password = "pw-S3cr3t-Pa55"
    static let loginToken = "login-token-6f1c2a9e"
    static let companyToken = "company-token-0d8b77f3"

    func client(_ answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws
        -> MaxCloudClient
    {
        try MaxCloudClient(
            baseURL: URL(string: "https://api.example.test")!,
            transport: StubTransport(answer: answer), retry: .none)
    }

    @Test func aRefusalThatRepeatsThePasswordDoesNotShowIt() async throws {
        let client = try client { _ in
            json(
                #"{"status": 401, "request_id": "r1", "message": "bad password pw-S3cr3t-Pa55", "data": null}"#
            )
        }

        let error = await #expect(throws: MaxCloudError.self) {
            try await client.login(email: "e@example.com", password: Self.password)
        }

        let text = "\(error.map { $0 } as Any)"
        #expect(!text.contains(Self.password))
        #expect(text.contains("bad password [redacted]"))
    }

    @Test func anErrorThatRepeatsATokenDoesNotShowIt() async throws {
        let client = try client { request in
            switch request.url.path {
            case "/api/login":
                json(
                    #"{"status": 200, "request_id": "r1", "message": "ok", "data": {"token": "login-token-6f1c2a9e", "company": {"id": 1, "name": "A"}, "all_company": [{"id": 1, "name": "A"}]}}"#
                )
            case "/api/company/switch":
                json(
                    #"{"status": 200, "request_id": "r2", "message": "ok", "data": {"token": "company-token-0d8b77f3"}}"#
                )
            default:
                json(
                    #"{"status": 500, "request_id": "company-token-0d8b77f3", "message": "failed for login-token-6f1c2a9e and company-token-0d8b77f3", "data": null}"#
                )
            }
        }
        let login = try await client.login(email: "e@example.com", password: Self.password)
        let company = Company(id: 1, name: "A")
        let token = try await client.switchCompany(to: company, token: login.token)
        let source = TicketSource(companyID: 1, companyName: "A", scope: .company)

        let error = await #expect(throws: MaxCloudError.self) {
            try await client.ticketPage(
                source, page: 1, pageSize: 100, includeClosed: true, token: token)
        }

        let text = "\(error.map { $0 } as Any)"
        #expect(!text.contains(Self.loginToken))
        #expect(!text.contains(Self.companyToken))
        #expect(text.contains("failed for [redacted] and [redacted]"))
        #expect(error?.requestID == "[redacted]")
    }

    @Test func shortSecretsAreNotMaskedEverywhere() {
        let redactor = SecretRedactor()
        redactor.add("ab")
        redactor.add("longer-secret")

        #expect(redactor.redact("abc longer-secret") == "abc [redacted]")
    }
}
