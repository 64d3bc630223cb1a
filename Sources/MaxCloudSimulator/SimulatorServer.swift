import Foundation
import Synchronization

/// A loopback HTTP/1.1 stand-in for the MaxCloud ticket API.
///
/// Start it, point a client at ``baseURL``, and it answers `POST /api/login`,
/// `POST /api/company/switch` and `GET /api/tickets` in the vendor's shapes from its
/// dataset, showing the faults of its plan. Each connection gets its own thread, so a slow
/// answer never holds up another connection. Safe to use from any thread. Call ``stop()``
/// when done: its threads keep the server alive until then.
///
/// Choices the vendor's page leaves open, made here:
/// - Tickets are listed by id, descending; `group_tag` filters every scope, not only 3.
/// - A wrong e-mail or password, a company the account is not in (403) and a bad query
///   parameter (400, such as scope 3 without `group_tag`) answer HTTP 200 with the error in
///   the body's `status`; a missing, unknown or expired token answers HTTP 401 and body 401.
/// - Unknown paths answer 404 and wrong methods 405, in both HTTP and body status.
/// - Request bodies must carry `Content-Length` (chunked bodies get 501).
public final class SimulatorServer: Sendable {
    /// The configuration the server was made with (the fault plan may have changed since;
    /// see ``faultPlan``).
    public let configuration: SimulatorConfiguration

    let lifecycle = Mutex(Lifecycle())
    let store: Mutex<TicketStore>
    let tokens = Mutex(TokenStore())
    let faults: Mutex<FaultEngine>
    let log = Mutex(RequestRecorder())

    /// The listener and the open connections.
    struct Lifecycle {
        var listener: Int32?
        var port: UInt16 = 0
        var stopping = false
        var acceptLoopRunning = false
        var connections: Set<Int32> = []
        var accepted = 0
    }

    /// The request log and the arrival counter.
    struct RequestRecorder {
        var arrivals = 0
        var entries: [LoggedRequest] = []
    }

    /// Creates a stopped server over a dataset (the sample data unless given).
    public init(
        dataset: SimulatorDataset = .sample(),
        configuration: SimulatorConfiguration = SimulatorConfiguration()
    ) {
        self.configuration = configuration
        store = Mutex(TicketStore(dataset: dataset))
        faults = Mutex(FaultEngine(plan: configuration.faultPlan))
    }

    /// Starts listening and returns the bound port.
    /// - Parameters:
    ///   - host: an IPv4 address to listen on (or `localhost`); loopback by default.
    ///   - port: the port, or 0 for any free one.
    /// - Throws: ``SimulatorServerError`` when already running or the socket cannot be bound.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: UInt16 = 0) throws -> UInt16 {
        let (listener, bound) = try lifecycle.withLock {
            (state) throws(SimulatorServerError) -> (Int32, UInt16) in
            guard !state.acceptLoopRunning, state.connections.isEmpty else {
                throw .alreadyRunning
            }
            let (listener, bound) = try Sockets.listen(host: host, port: port)
            state = Lifecycle(listener: listener, port: bound, acceptLoopRunning: true)
            return (listener, bound)
        }
        let thread = Thread { [self] in acceptLoop(listener) }
        thread.name = "simulator-accept-\(bound)"
        thread.start()
        return bound
    }

    /// The bound port; 0 before the first start.
    public var port: UInt16 {
        lifecycle.withLock { $0.port }
    }

    /// How many connections have been accepted since the last start (to see keep-alive).
    public var connectionsAccepted: Int {
        lifecycle.withLock { $0.accepted }
    }

    /// Whether the server is listening.
    public var isRunning: Bool {
        lifecycle.withLock { $0.acceptLoopRunning && !$0.stopping }
    }

    /// `http://127.0.0.1:<port>`, the root to give a client.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Stops listening and closes every open connection; returns once every server thread
    /// has finished (or after five seconds). Safe to call more than once.
    public func stop() {
        let wasRunning = lifecycle.withLock { state -> Bool in
            guard !state.stopping, state.acceptLoopRunning || !state.connections.isEmpty else {
                return false
            }
            state.stopping = true
            if let listener = state.listener {
                Sockets.shutdownBoth(listener)
            }
            for connection in state.connections {
                Sockets.shutdownBoth(connection)
            }
            return true
        }
        guard wasRunning else { return }

        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            let done = lifecycle.withLock { !$0.acceptLoopRunning && $0.connections.isEmpty }
            if done { break }
            usleep(1000)
        }
    }

    /// Whether ``stop()`` has begun; long waits check it so they end promptly.
    var isStopping: Bool {
        lifecycle.withLock { $0.stopping }
    }

    private func acceptLoop(_ listener: Int32) {
        while let connection = Sockets.accept(listener) {
            let accepted = lifecycle.withLock { state -> Bool in
                if state.stopping {
                    close(connection)
                    return false
                }
                state.connections.insert(connection)
                state.accepted += 1
                return true
            }
            guard accepted else { break }
            let thread = Thread { [self] in serve(connection) }
            thread.name = "simulator-connection-\(connection)"
            thread.start()
        }
        lifecycle.withLock { state in
            close(listener)
            state.listener = nil
            state.acceptLoopRunning = false
        }
    }

    /// Closes a connection and forgets it (under the lock, so its number is never reused
    /// while `stop()` might still shut it down).
    func finish(_ connection: Int32) {
        lifecycle.withLock { state in
            state.connections.remove(connection)
            close(connection)
        }
    }

    /// Sleeps for a duration in short steps, ending early when the server stops.
    func pause(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !isStopping {
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return }
            let step = min(left, .milliseconds(10))
            let micros =
                step.components.seconds * 1_000_000 + step.components.attoseconds
                / 1_000_000_000_000
            usleep(UInt32(max(1, micros)))
        }
    }
}
