import CXlsxWriter

/// One worksheet of a workbook; create it with `Workbook.addWorksheet(name:)`.
///
/// Rows and columns are zero-based `Int`s, checked against Excel's grid (`Grid`); a cell
/// outside it throws `XLSXError.cellOutOfRange` and nothing is written.
///
/// Not `Sendable`: like its workbook, it is used from one task. It keeps the workbook's C
/// memory alive, but every call after `Workbook.close()` throws `.workbookClosed`.
public final class Worksheet {
    /// The sheet's name as Excel shows it.
    public let name: String

    /// The largest magnitude `write(_: Int, ...)` stores as a number: 999,999,999,999,999.
    ///
    /// Excel keeps 15 significant digits (a Double holds every integer up to 2^53, about
    /// 9.007e15, but Excel shows and edits only 15 digits), so a 16-digit id such as
    /// 9007199254740993 would be shown, and saved again, changed. Larger integers are
    /// written as text holding their exact digits; Excel may mark them "number stored as
    /// text".
    public static let largestExactInteger: UInt = 999_999_999_999_999

    let pointer: UnsafeMutablePointer<lxw_worksheet>
    let handle: WorkbookHandle

    init(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>, handle: WorkbookHandle) {
        self.name = name
        self.pointer = pointer
        self.handle = handle
    }

    /// Sets the width of columns `first...last`, in characters of the default font.
    /// - Parameter format: a default format for the columns' cells, if any.
    /// - Throws: `.cellOutOfRange`, `.invalidArgument` for a negative or non-finite width.
    public func setColumnWidth(
        _ width: Double, columns: ClosedRange<Int>, format: Format? = nil
    ) throws(XLSXError) {
        let context = "sheet '\(name)' setColumnWidth(columns \(columns))"
        try ensureOpen(context)
        let first = try CheckedCell(row: 0, column: columns.lowerBound, context: context)
        let last = try CheckedCell(row: 0, column: columns.upperBound, context: context)
        guard width.isFinite, width >= 0, width <= 255 else {
            throw XLSXError.invalidArgument(
                reason: "width \(width) is not in 0...255", context: context)
        }
        let cFormat = try formatPointer(format, context)
        try check(worksheet_set_column(pointer, first.column, last.column, width, cFormat), context)
    }

    /// Sets the width of one column, in characters of the default font.
    public func setColumnWidth(_ width: Double, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        try setColumnWidth(width, columns: column...column, format: format)
    }

    /// Sets a row's height in points (Excel's default is 15).
    ///
    /// In constant-memory mode, call it before writing the row's cells.
    public func setRowHeight(_ height: Double, row: Int, format: Format? = nil) throws(XLSXError) {
        let context = "sheet '\(name)' setRowHeight(row \(row))"
        try ensureOpen(context)
        let cell = try CheckedCell(row: row, column: 0, context: context)
        guard height.isFinite, height >= 0, height <= 409 else {
            throw XLSXError.invalidArgument(
                reason: "height \(height) is not in 0...409", context: context)
        }
        let cFormat = try formatPointer(format, context)
        try check(worksheet_set_row(pointer, cell.row, height, cFormat), context)
    }

    /// Freezes the rows above `row` and the columns left of `column`, e.g. `(1, 0)` keeps a
    /// header row in view.
    public func freezePanes(row: Int, column: Int) throws(XLSXError) {
        let context = "sheet '\(name)' freezePanes"
        try ensureOpen(context)
        let cell = try CheckedCell(row: row, column: column, context: context)
        worksheet_freeze_panes(pointer, cell.row, cell.column)
    }

    /// Adds filter buttons to the header row of `range` (its first row).
    ///
    /// In constant-memory mode declare it before writing the rows, or while the range's last
    /// row is still the current one. Do not put a sheet autofilter over a table's cells:
    /// libxlsxwriter accepts it but Excel rejects the file.
    public func setAutofilter(_ range: CellRange) throws(XLSXError) {
        let context = "sheet '\(name)' setAutofilter(\(range))"
        try ensureOpen(context)
        let checked = try CheckedRange(range, context: context)
        let error = worksheet_autofilter(
            pointer, checked.first.row, checked.first.column, checked.last.row, checked.last.column)
        try check(error, context)
    }

    /// Merges `range` into one cell showing `text`.
    ///
    /// In constant-memory mode, call it while the range's rows are not yet written.
    public func mergeRange(_ range: CellRange, text: String, format: Format? = nil)
        throws(XLSXError)
    {
        let context = "sheet '\(name)' mergeRange(\(range))"
        try ensureOpen(context)
        let checked = try CheckedRange(range, context: context)
        guard range.rowCount > 1 || range.columnCount > 1 else {
            throw XLSXError.invalidArgument(
                reason: "a merged range needs two cells or more", context: context)
        }
        let cFormat = try formatPointer(format, context)
        let error = TextSanitizer.withCString(text) {
            worksheet_merge_range(
                pointer, checked.first.row, checked.first.column, checked.last.row,
                checked.last.column, $0, cFormat)
        }
        try check(error, context)
    }

    /// Throws when the workbook was closed.
    @inline(__always)
    func ensureOpen(_ call: @autoclosure () -> String) throws(XLSXError) {
        if handle.isClosed { throw XLSXError.workbookClosed(call: call()) }
    }

    /// The C format for `format`, refusing one from another workbook.
    @inline(__always)
    func formatPointer(_ format: Format?, _ context: @autoclosure () -> String) throws(XLSXError)
        -> UnsafeMutablePointer<lxw_format>?
    {
        guard let format else { return nil }
        guard format.handle === handle else {
            throw XLSXError.foreignObject(kind: "format", context: context())
        }
        return format.pointer
    }

    /// `sheet 'Name' cell B7`, for messages.
    func cellContext(_ row: Int, _ column: Int) -> String {
        "sheet '\(name)' cell \(Grid.cellName(row: row, column: column))"
    }
}
