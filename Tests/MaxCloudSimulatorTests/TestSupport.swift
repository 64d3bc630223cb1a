import Foundation
import Glibc
import MaxCloudSimulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A started server on an ephemeral port; stop it with `defer { server.stop() }`.
func startedServer(
    _ dataset: SimulatorDataset = .sample(),
    _ configuration: SimulatorConfiguration = SimulatorConfiguration()
) throws -> SimulatorServer {
    let server = SimulatorServer(dataset: dataset, configuration: configuration)
    try server.start()
    return server
}

/// A URLSession that never goes through a proxy, with short time-outs.
func directSession(timeout: TimeInterval = 10) -> URLSession {
    setenv("no_proxy", "127.0.0.1,localhost", 1)
    setenv("NO_PROXY", "127.0.0.1,localhost", 1)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.connectionProxyDictionary = [:]
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    return URLSession(configuration: configuration)
}

/// One HTTP answer as a test sees it.
struct Answer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:]
    }

    /// The envelope's `data` as an object.
    var data: [String: Any] {
        json["data"] as? [String: Any] ?? [:]
    }

    /// The envelope's `status`.
    var bodyStatus: Int? {
        json["status"] as? Int
    }

    /// The body as text.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// Sends one request through a URLSession.
func send(
    _ session: URLSession, _ server: SimulatorServer, _ method: String, _ pathAndQuery: String,
    token: String? = nil, json: [String: Any]? = nil
) async throws -> Answer {
    var request = URLRequest(url: URL(string: server.baseURL.absoluteString + pathAndQuery)!)
    request.httpMethod = method
    if let token { request.setValue(token, forHTTPHeaderField: "authorization") }
    if let json {
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (body, response) = try await session.data(for: request)
    let http = response as! HTTPURLResponse
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        headers[String(describing: name).lowercased()] = String(describing: value)
    }
    return Answer(status: http.statusCode, headers: headers, body: body)
}

/// Logs in as the demo account and returns the token.
func demoLogin(_ session: URLSession, _ server: SimulatorServer) async throws -> String {
    let answer = try await send(
        session, server, "POST", "/api/login",
        json: ["email": "demo@example.com", "password": "demo-password"])
    return answer.data["token"] as? String ?? ""
}

/// Logs in and switches to a company; returns the company token.
func companyToken(_ session: URLSession, _ server: SimulatorServer, _ companyID: Int)
    async throws -> String
{
    let token = try await demoLogin(session, server)
    let answer = try await send(
        session, server, "POST", "/api/company/switch", token: token,
        json: ["company_id": companyID])
    return answer.data["token"] as? String ?? ""
}

/// The ids of the tickets in a ticket list answer.
func ticketIDs(_ answer: Answer) -> [Int] {
    (answer.data["tickets"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
}

/// The demo account of a dataset.
func demoAccount(_ dataset: SimulatorDataset) -> SimAccount {
    dataset.account(email: "demo@example.com")!
}
