import Foundation
import MaxCloud

/// The lines of the live display.
extension ProgressReporter {
    /// A header and a line per company, none wider than the terminal:
    ///
    ///     fetching 4 companies: 1 done, 260 tickets, 2 retries, 3 s
    ///       DefaultTeam (1)      done      3/3 pages     260 tickets
    ///       运维二组 (2)         reading   1/2 pages     100 tickets  2 retries
    func board(_ board: ProgressBoard, elapsed: Double) -> [String] {
        guard !board.rows.isEmpty else { return [] }
        let totals = board.totals
        var header =
            "fetching \(board.rows.count) \(board.rows.count == 1 ? "company" : "companies"): "
            + "\(totals.done) done, \(ProgressBoard.plural(totals.tickets, "ticket", "tickets"))"
        if totals.retries > 0 {
            header += ", " + ProgressBoard.plural(totals.retries, "retry", "retries")
        }
        header += ", \(Int(elapsed)) s"
        var lines = [TerminalText.truncated(header, to: columns - 1)]

        let names = board.rows.map { Console.printable("\($0.company.name) (\($0.company.id))") }
        let pageTexts = board.rows.map {
            "\($0.pages)/\($0.pageCount) \($0.pageCount == 1 ? "page" : "pages")"
        }
        let pageWidth = max(11, pageTexts.map(\.count).max() ?? 0)
        let ticketTexts = board.rows.map { ProgressBoard.plural($0.tickets, "ticket", "tickets") }
        let ticketWidth = max(12, ticketTexts.map(\.count).max() ?? 0)
        // Indent, status, pages, tickets and the gaps between them; the name gets the rest.
        let fixed = 2 + 2 + 7 + 2 + pageWidth + 2 + ticketWidth
        let widest = names.map(TerminalText.width(of:)).max() ?? 0
        let nameWidth = max(8, min(widest, 32, columns - 1 - fixed))

        for (index, row) in board.rows.enumerated() {
            let status = board.status(of: row)
            let colourOfStatus: TerminalText.Colour? =
                switch status {
                case "done": .green
                case "failed": .red
                case "waiting": .dim
                default: nil
                }
            var statusText = status.padding(toLength: 7, withPad: " ", startingAt: 0)
            if let colourOfStatus {
                statusText = TerminalText.paint(statusText, colourOfStatus, enabled: colour)
            }
            var line =
                "  " + TerminalText.padded(names[index], to: nameWidth) + "  " + statusText + "  "
                + leftPad(pageTexts[index], pageWidth) + "  "
                + leftPad(ticketTexts[index], ticketWidth)
            let room = columns - 1 - (fixed + nameWidth)
            if row.retries > 0, room >= 14 {
                let retries = ProgressBoard.plural(row.retries, "retry", "retries")
                line += "  " + TerminalText.paint(retries, .yellow, enabled: colour)
            }
            lines.append(line)
        }
        return lines
    }

    private func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
