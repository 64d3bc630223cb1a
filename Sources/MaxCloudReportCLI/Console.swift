import Foundation

/// Where the tool's messages go: standard error, one line per event, quiet by default
/// for per-request detail. Messages never hold a password or a token.
public struct Console: Sendable {
    /// Nothing but errors.
    public var quiet = false
    /// One line per HTTP request.
    public var verbose = false
    /// Whether standard error is a terminal that can redraw (live progress).
    public let isTerminal: Bool
    /// Whether colour is wanted: a terminal, and `NO_COLOR` unset.
    public let colour: Bool

    /// Creates a console for this process: standard error's terminal status from
    /// `isatty`, `NO_COLOR` and `TERM` from `environment`.
    public init(
        quiet: Bool = false, verbose: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.init(
            quiet: quiet, verbose: verbose, isTerminal: isatty(STDERR_FILENO) == 1,
            environment: environment)
    }

    /// Creates a console for a stream whose terminal status is known. Colour needs a
    /// terminal that is not `TERM=dumb` and `NO_COLOR` unset or empty (no-color.org).
    public init(quiet: Bool, verbose: Bool, isTerminal: Bool, environment: [String: String]) {
        self.quiet = quiet
        self.verbose = verbose
        let dumb = environment["TERM"] == "dumb"
        self.isTerminal = isTerminal && !dumb
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colour = self.isTerminal && !noColour
    }

    /// How a fetch's progress is shown: nothing when quiet; a live display on a terminal
    /// (unless verbose, whose request lines would scroll it away); else plain lines.
    public var progressMode: ProgressMode {
        if quiet { return .quiet }
        return isTerminal && !verbose ? .live : .plain
    }

    /// A problem at a place in a file, compiler style: `path:line:column: error: message`.
    public func diagnostic(_ issue: ConfigIssue) {
        let label = colour ? "\u{1B}[31merror:\u{1B}[0m" : "error:"
        Self.write("\(Self.printable(issue.location)): \(label) \(Self.printable(issue.message))")
    }

    /// A progress or information line, unless quiet.
    public func info(_ text: String) {
        guard !quiet else { return }
        Self.write(Self.printable(text))
    }

    /// A per-request line, only when verbose.
    public func detail(_ text: @autoclosure () -> String) {
        guard verbose, !quiet else { return }
        Self.write(Self.printable(text()))
    }

    /// A warning, unless quiet.
    public func warning(_ text: String) {
        guard !quiet else { return }
        let text = Self.printable(text)
        Self.write(colour ? "\u{1B}[33mwarning:\u{1B}[0m \(text)" : "warning: \(text)")
    }

    /// A warning with a place, compiler style: `path:line:column: warning: text`; unless
    /// quiet.
    public func warning(_ text: String, at place: String) {
        guard !quiet else { return }
        let text = Self.printable(text)
        let place = Self.printable(place)
        Self.write(
            colour
                ? "\(place): \u{1B}[33mwarning:\u{1B}[0m \(text)" : "\(place): warning: \(text)")
    }

    /// An error; always shown.
    public func error(_ text: String) {
        let text = Self.printable(text)
        Self.write(colour ? "\u{1B}[31merror:\u{1B}[0m \(text)" : "error: \(text)")
    }

    /// An error with a place, compiler style: `path:line:column: error: text`; always shown.
    public func error(_ text: String, at place: String) {
        let text = Self.printable(text)
        let place = Self.printable(place)
        Self.write(
            colour ? "\(place): \u{1B}[31merror:\u{1B}[0m \(text)" : "\(place): error: \(text)")
    }

    /// `text` on one line with nothing a terminal would act on: messages quote company
    /// names, subjects and server messages, which may hold line breaks or escape codes.
    /// Tabs and line breaks become spaces; other control characters become U+FFFD.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                scalars.append(scalar)
                continue
            }
            let blank = scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value >= 0x2028
            scalars.append(blank ? " " : "\u{FFFD}")
        }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028
            || scalar.value == 0x2029
    }

    /// Writes a line to standard error.
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes text to standard output.
    public static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Standard error as a `TextOutputStream`, for the progress display.
public struct StandardError: TextOutputStream, Sendable {
    /// Creates the stream.
    public init() {}

    /// Writes the text as it is.
    public mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
