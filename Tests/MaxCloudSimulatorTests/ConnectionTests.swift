import Foundation
import MaxCloudSimulator
import Testing

@Suite struct ConnectionTests {
    @Test func oneSessionReusesItsConnection() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        let token = try await demoLogin(session, server)

        for page in 1...5 {
            let answer = try await send(
                session, server, "GET", "/api/tickets?page=\(page)", token: token)
            #expect(ticketIDs(answer).count == 10)
        }

        #expect(server.requestLog.count == 6)
        #expect(server.connectionsAccepted == 1)
    }

    @Test func rawKeepAliveServesSeveralRequestsOnOneSocket() throws {
        let server = try startedServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let body = #"{"email":"demo@example.com","password":"demo-password"}"#

        client.write(rawRequest("POST", "/api/login", body: body))
        let first = client.readAnswer()
        client.write(rawRequest("GET", "/api/nothing"))
        let second = client.readAnswer()

        #expect(first.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(second.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(server.connectionsAccepted == 1)
    }

    @Test func connectionCloseIsHonoured() throws {
        let server = try startedServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)

        client.write(rawRequest("GET", "/api/tickets", extraHeaders: "CONNECTION: Close\r\n"))
        let (bytes, closed) = client.readToEnd()
        let text = String(decoding: bytes, as: UTF8.self)

        #expect(closed)
        #expect(text.hasPrefix("HTTP/1.1 401 Unauthorized\r\n"))
        #expect(text.contains("Connection: close\r\n"))
    }

    @Test func headerNamesAreCaseInsensitiveAndPlusIsASpace() throws {
        let dataset = SimulatorDataset.sample()
        var tagged = dataset
        tagged.tickets[0].groupTags = ["on call"]
        let server = try startedServer(tagged)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let body = #"{"email":"demo@example.com","password":"demo-password"}"#
        client.write(rawRequest("POST", "/api/login", body: body))
        let login = client.readAnswer()
        let token = try #require(
            login.split(separator: "\"token\":\"").last?.split(separator: "\"").first)

        client.write(
            rawRequest(
                "GET", "/api/tickets?scope=3&group_tag=on+call",
                extraHeaders: "AUTHORIZATION: \(token)\r\n"))
        let answer = client.readAnswer()

        #expect(answer.contains("\"result_count\":1,"))
        #expect(server.requestLog.last?.query("group_tag") == "on call")
        #expect(server.requestLog.last?.hasAuthorization == true)
    }

    @Test func expectContinueGetsAnInterimAnswer() throws {
        let server = try startedServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let body = #"{"email":"demo@example.com","password":"demo-password"}"#

        client.write(
            "POST /api/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n")
        let interim = client.readAnswer()
        client.write(body)
        let answer = client.readAnswer()

        #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
        #expect(answer.hasPrefix("HTTP/1.1 200 OK") && answer.contains("\"token\""))
    }

    @Test func requestIDsAreUnique() async throws {
        let server = try startedServer()
        defer { server.stop() }
        let session = directSession()
        var ids: Set<String> = []

        for _ in 0..<20 {
            let answer = try await send(session, server, "GET", "/api/tickets")
            ids.insert(answer.json["request_id"] as? String ?? "")
        }

        #expect(ids.count == 20)
    }

    @Test func stopReturnsPromptlyWithIdleAndBusyConnections() throws {
        let server = try startedServer()
        let port = server.port
        let idle = try (0..<3).map { _ in try RawClient(port: port) }
        let busy = try RawClient(port: port)
        server.faultPlan = SimFaultPlan(rules: [
            SimFaultRule(.stall(seconds: 30), at: .request(number: 1))
        ])
        busy.write(rawRequest("GET", "/api/tickets"))
        usleep(100_000)

        let started = ContinuousClock.now
        server.stop()
        let elapsed = ContinuousClock.now - started
        server.stop()

        // Far below the 30 s stall, with room for a loaded machine.
        #expect(elapsed < .seconds(10))
        #expect(!server.isRunning)
        #expect(busy.readToEnd().closed)
        #expect(idle.allSatisfy { $0.readToEnd().closed })
        #expect(throws: (any Error).self) { try RawClient(port: port) }
    }

    @Test func serverCanStartAgainAfterStop() throws {
        let server = try startedServer()
        server.stop()

        let port = try server.start()
        defer { server.stop() }
        let client = try RawClient(port: port)
        client.write(rawRequest("GET", "/api/tickets"))

        #expect(client.readAnswer().hasPrefix("HTTP/1.1 401"))
        #expect(throws: SimulatorServerError.alreadyRunning) { try server.start() }
    }

    @Test func latencyDoesNotSerialiseConnections() async throws {
        // Each answer waits 5 s. A server that served one connection at a time would not
        // read the second request before answering the first; one thread per connection
        // has read all six before any answer leaves.
        let server = try startedServer(
            .sample(), SimulatorConfiguration(latency: .milliseconds(5000)))
        defer { server.stop() }
        // Each answer notes how many requests the server had read when it arrived; the
        // smallest is what the server had read when the first answer left.
        let seenAtAnswers = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let status = try await send(directSession(), server, "GET", "/api/tickets")
                        .status
                    return (status, server.requestLog.count)
                }
            }
            var seen: [(Int, Int)] = []
            for try await answer in group { seen.append(answer) }
            return seen
        }

        #expect(seenAtAnswers.map(\.0) == Array(repeating: 401, count: 6))
        #expect(seenAtAnswers.map(\.1).min() == 6)
    }
}
