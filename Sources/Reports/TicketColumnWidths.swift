import MaxCloud

/// The widths of the `Tickets` sheet's columns, noted row by row as the rows are counted,
/// so that writing the workbook needs no pass of its own over the rows: the longest line
/// of each text column (CJK characters counting as two), the digits of each number column,
/// each between its header's width and 60.
struct TicketColumnWidths: Sendable {
    /// Number columns: Company ID, Ticket, Priority, Team ID, Age (days), Comments.
    private static let numberColumns = [0, 2, 5, 10, 14, 16]
    /// The widest the sheet makes a column.
    static let widest = 60

    private var text: [Int]
    private var lowest: [Int]
    private var highest: [Int]

    init() {
        text = TicketSheets.headers.map { $0.count + 3 }
        text[12] = 20  // Created and Updated: a datetime's width
        text[13] = 20
        lowest = [Int](repeating: 0, count: TicketSheets.headers.count)
        highest = lowest
    }

    /// The widths of `rows`, in a pass of their own.
    init<Rows: Sequence<TicketRow>>(of rows: Rows) {
        self.init()
        for row in rows { add(row) }
    }

    /// Notes one row's cells.
    mutating func add(_ row: TicketRow) {
        let ticket = row.ticket
        note(row.companyName, 1)
        note(ticket.state, 3)
        note(ticket.subject, 6)
        note(ticket.assignedTo, 7)
        note(ticket.createdBy, 8)
        note(ticket.updatedBy, 9)
        note(ticket.teamName, 11)
        note(row.companyID, 0)
        note(ticket.id, 2)
        note(ticket.priority, 5)
        note(ticket.teamID, 10)
        note(row.ageDays, 14)
        note(ticket.commentCount, 16)
    }

    /// The widths, one per column of `TicketSheets.headers`.
    var widths: [Double] {
        var widths = text
        for column in Self.numberColumns {
            let digits = max(
                WorkbookReport.numberWidth(lowest[column]),
                WorkbookReport.numberWidth(highest[column]))
            widths[column] = max(widths[column], digits + 2)
        }
        return widths.map { Double(min(Self.widest, $0)) }
    }

    private mutating func note(_ value: String?, _ column: Int) {
        guard let value else { return }
        // Display width never exceeds the UTF-8 length, so most cells are skipped cheaply.
        let current = text[column]
        if value.utf8.count + 2 <= current || current >= Self.widest { return }
        text[column] = max(current, WorkbookReport.displayWidth(value) + 2)
    }

    private mutating func note(_ value: Int?, _ column: Int) {
        guard let value else { return }
        if value < lowest[column] { lowest[column] = value }
        if value > highest[column] { highest[column] = value }
    }
}
