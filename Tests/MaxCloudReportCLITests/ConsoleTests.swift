import Testing

@testable import MaxCloudReportCLI

@Suite struct ConsoleTests {
    @Test func messagesStayOnOneLineWithNothingATerminalWouldObey() {
        let name = "@Multi\nLine\tCo\r\u{1B}[31mred\u{7}\u{2028}end"

        let shown = Console.printable("company \(name) (7)")

        #expect(shown == "company @Multi Line Co \u{FFFD}[31mred\u{FFFD} end (7)")
    }

    @Test func plainMessagesAreLeftAlone() {
        let text = "company 运维二组 (2), scope tag 'network': 3 pages"

        #expect(Console.printable(text) == text)
    }
}

@Suite struct ColourTests {
    @Test func colourNeedsATerminalAndNoNO_COLOR() {
        let terminal = Console(quiet: false, verbose: false, isTerminal: true, environment: [:])
        let noColour = Console(
            quiet: false, verbose: false, isTerminal: true, environment: ["NO_COLOR": "1"])
        let emptyNoColour = Console(
            quiet: false, verbose: false, isTerminal: true, environment: ["NO_COLOR": ""])
        let pipe = Console(quiet: false, verbose: false, isTerminal: false, environment: [:])
        let dumb = Console(
            quiet: false, verbose: false, isTerminal: true, environment: ["TERM": "dumb"])

        #expect(terminal.colour)
        #expect(!noColour.colour)
        #expect(emptyNoColour.colour, "an empty NO_COLOR does not count (no-color.org)")
        #expect(!pipe.colour)
        #expect(!dumb.colour)
    }

    @Test func theProgressModeFollowsTheTerminalAndTheFlags() {
        func mode(terminal: Bool, quiet: Bool = false, verbose: Bool = false) -> ProgressMode {
            Console(quiet: quiet, verbose: verbose, isTerminal: terminal, environment: [:])
                .progressMode
        }

        #expect(mode(terminal: true) == .live)
        #expect(mode(terminal: false) == .plain)
        #expect(mode(terminal: true, verbose: true) == .plain)
        #expect(mode(terminal: true, quiet: true) == .quiet)
        #expect(mode(terminal: false, quiet: true, verbose: true) == .quiet)
    }
}
