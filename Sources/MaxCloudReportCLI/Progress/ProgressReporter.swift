import MaxCloud
import Reports
import Synchronization

/// How progress is shown.
public enum ProgressMode: Sendable, Equatable {
    /// A terminal: a line per company, redrawn in place.
    case live
    /// A log or a pipe: a line per source read, and a progress line every few seconds.
    case plain
    /// Nothing but errors.
    case quiet
}

/// Shows a fetch's progress: takes the fetch's events from any task, keeps a
/// `ProgressBoard`, and writes to any `TextOutputStream`, timed by an injected clock so a
/// test can drive it with a fake one. Never prints a password or a token: it prints only
/// company names, counts and what `RequestEvent` carries (method, path, status,
/// milliseconds, `request_id`).
public final class ProgressReporter<Output: TextOutputStream & Sendable>: Sendable {
    struct State: Sendable {
        var board: ProgressBoard
        var output: Output
        var started: Double
        var lastDraw: Double?
        var lastPlain: Double
        var drawnLines = 0
    }

    /// How progress is shown.
    public let mode: ProgressMode
    /// Whether to colour (a terminal, and `NO_COLOR` unset).
    public let colour: Bool
    /// Whether to log each request.
    public let verbose: Bool
    /// Columns of the terminal, so that no live line wraps.
    public let columns: Int
    /// Seconds between progress lines in plain mode.
    public let plainInterval: Double
    /// Seconds between redraws in live mode, at most.
    public let liveInterval: Double
    private let clock: @Sendable () -> Double
    private let state: Mutex<State>

    /// Creates a reporter.
    /// - Parameters:
    ///   - sourcesPerCompany: scopes and tags each company is read in.
    ///   - clock: seconds from any fixed origin, never going back.
    public init(
        mode: ProgressMode, colour: Bool = false, verbose: Bool = false, sourcesPerCompany: Int,
        output: sending Output, clock: @escaping @Sendable () -> Double, columns: Int = 80,
        plainInterval: Double = 5, liveInterval: Double = 0.1
    ) {
        self.mode = mode
        self.colour = colour && mode == .live
        self.verbose = verbose
        self.columns = max(20, columns)
        self.plainInterval = plainInterval
        self.liveInterval = liveInterval
        self.clock = clock
        let now = clock()
        state = Mutex(
            State(
                board: ProgressBoard(sourcesPerCompany: sourcesPerCompany), output: output,
                started: now, lastPlain: now))
    }

    /// What was written, and the board as it stands (for tests).
    public var snapshot: (output: Output, board: ProgressBoard) {
        state.withLock { ($0.output, $0.board) }
    }

    /// Takes one event of the fetch: counts it, prints what it says, redraws when due.
    public func handle(_ event: FetchEvent) {
        guard mode != .quiet else { return }
        let now = clock()
        state.withLock { state in
            state.board.record(event)
            var force = false
            switch event {
            case .loggedIn(let all, let selected):
                emit(
                    "logged in; " + ProgressBoard.selection(all: all, selected: selected), &state)
                force = true
            case .page:
                break
            case .sourceDone(let result):
                if mode == .plain {
                    emit("\(result.source): \(Self.read(result))", &state)
                }
                force = true
            case .sourceFailed(let source, let error):
                emit(warning("\(source) left out: \(error)"), &state)
                force = true
            case .request(let request):
                if verbose { emit(Self.describe(request), &state) }
                if let reason = request.retryReason, mode == .plain {
                    emit(warning("will retry: \(reason)"), &state)
                }
            }
            update(&state, now: now, force: force)
        }
    }

    /// Redraws or prints a progress line when one is due; called every so often, so the
    /// display moves on even while a request hangs.
    public func tick() {
        guard mode != .quiet else { return }
        let now = clock()
        state.withLock { update(&$0, now: now, force: false) }
    }

    /// Draws the final state (live mode), leaving it on screen above what follows.
    public func finish() {
        guard mode == .live else { return }
        let now = clock()
        state.withLock { update(&$0, now: now, force: true) }
    }

    /// `3 pages, 260 tickets (result_count 260)`, or `no tickets (result_count 0)` for a
    /// source with nothing to read.
    static func read(_ result: SourceResult) -> String {
        let counts =
            result.pageCount == 0 && result.tickets.isEmpty
            ? "no tickets"
            : ProgressBoard.plural(result.pages, "page", "pages") + ", "
                + ProgressBoard.plural(result.tickets.count, "ticket", "tickets")
        return counts + " (result_count \(result.resultCount))"
    }

    /// `GET /api/tickets?scope=0&page=2 -> 200 12 ms request_id abc (try 2)`.
    static func describe(_ request: RequestEvent) -> String {
        "\(request.method) \(request.path) -> \(request.status.map(String.init) ?? "no answer") "
            + "\(request.milliseconds) ms request_id \(request.requestID ?? "-")"
            + (request.attempt > 1 ? " (try \(request.attempt))" : "")
    }

    private func warning(_ text: String) -> String {
        TerminalText.paint("warning:", .yellow, enabled: colour) + " " + Console.printable(text)
    }

    /// A line of its own: in live mode above the board, which is drawn again below it.
    private func emit(_ line: String, _ state: inout State) {
        let text = Console.printable(line)
        guard mode == .live, state.drawnLines > 0 else {
            state.output.write(text + "\n")
            return
        }
        state.output.write(Self.up(state.drawnLines) + "\u{1B}[J" + text + "\n")
        state.drawnLines = 0
        state.lastDraw = nil
    }

    private func update(_ state: inout State, now: Double, force: Bool) {
        switch mode {
        case .live:
            if !force, let last = state.lastDraw, now - last < liveInterval { return }
            draw(&state, now: now)
        case .plain:
            guard now - state.lastPlain >= plainInterval, !state.board.rows.isEmpty else { return }
            state.output.write(state.board.summaryLine(elapsed: now - state.started) + "\n")
            state.lastPlain = now
        case .quiet:
            return
        }
    }

    /// Moves the cursor to the start of the line `lines` up.
    static func up(_ lines: Int) -> String { lines > 0 ? "\r\u{1B}[\(lines)A" : "\r" }

    private func draw(_ state: inout State, now: Double) {
        let lines = board(state.board, elapsed: now - state.started)
        guard !lines.isEmpty else { return }
        var frame = state.drawnLines > 0 ? Self.up(state.drawnLines) : ""
        for line in lines { frame += "\u{1B}[2K" + line + "\n" }
        state.output.write(frame)
        state.drawnLines = lines.count
        state.lastDraw = now
    }
}
