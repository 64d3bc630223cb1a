import Dispatch
import Foundation
import Reports
import Synchronization

/// Waiting for Ctrl-C or `kill`, and ending cleanly on them.
enum Signals {
    /// Keeps the sources alive for the life of the process; set once, on the main task,
    /// before any other work starts.
    nonisolated(unsafe) private static var kept: [any DispatchSourceSignal] = []

    /// On SIGINT, SIGTERM or SIGHUP: removes this run's temporary files (waiting for a
    /// batch's renames if they are under way), then ends the process by the same signal,
    /// so the shell sees the usual status (130 for Ctrl-C). A signal the process was
    /// started with ignored (a background job of a script) stays ignored.
    static func removeTemporaryFilesOnTermination() {
        let queue = DispatchQueue(label: "maxcloud-report.termination")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(number, nil, &current)
            // SIG_IGN is the handler address 1.
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1 {
                continue
            }
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                TemporaryFiles.shared.removeAllForExit()
                let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
                FileHandle.standardError.write(
                    Data("maxcloud-report: stopped by \(name); temporary files removed\n".utf8))
                // Dispatch's threads block signals (and the main thread has ended in
                // dispatch_main), so this thread unblocks it before raising it.
                signal(number, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, number)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(number)
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
        kept += sources
    }

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
