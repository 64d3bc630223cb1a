import Foundation

/// Where the tool's messages go: standard error, one line per event, quiet by default
/// for per-request detail. Messages never hold a password or a token.
public struct Console: Sendable {
    /// Nothing but errors.
    public var quiet = false
    /// One line per HTTP request.
    public var verbose = false
    /// Whether standard error is a terminal (colour, live lines).
    public let isTerminal: Bool
    /// Whether colour is wanted: a terminal, and `NO_COLOR` unset.
    public let colour: Bool

    /// Creates a console for this process.
    public init(quiet: Bool = false, verbose: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
        isTerminal = isatty(STDERR_FILENO) == 1
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        colour = isTerminal && !noColour
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
