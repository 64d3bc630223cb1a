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
