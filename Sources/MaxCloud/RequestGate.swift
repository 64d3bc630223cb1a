import Synchronization

/// Lets at most `limit` requests be on the network at once. A request holds a place only
/// while it is sent and its answer received, not while the answer is decoded, so that
/// decoding one page overlaps the next page's round trip and `--concurrency N` keeps N
/// requests on the wire.
public final class RequestGate: Sendable {
    private struct State {
        var free: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    /// Creates a gate with `limit` places (at least one).
    public init(limit: Int) {
        state = Mutex(State(free: max(1, limit)))
    }

    /// Waits for a place.
    func enter() async {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state in
                if state.free > 0 {
                    state.free -= 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    /// Gives a place back, to the longest waiting request if there is one.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.free += 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
