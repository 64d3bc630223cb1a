import Dispatch
import Foundation
import Synchronization

/// Waiting for Ctrl-C or `kill`.
enum Signals {
    /// Returns when SIGINT or SIGTERM arrives.
    static func waitForTermination() async {
        let queue = DispatchQueue(label: "maxcloud-report.signals")
        let gate = Gate()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { gate.open() }
            source.resume()
            sources.append(source)
        }
        await withCheckedContinuation { gate.wait(with: $0) }
        for source in sources { source.cancel() }
    }

    /// Resumes one waiter once, whether the signal comes before or after it waits.
    private final class Gate: Sendable {
        private struct State {
            var opened = false
            var waiter: CheckedContinuation<Void, Never>?
        }
        private let state = Mutex(State())

        func open() {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.opened = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }

        func wait(with continuation: CheckedContinuation<Void, Never>) {
            let resumeNow = state.withLock { state -> Bool in
                if state.opened { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
