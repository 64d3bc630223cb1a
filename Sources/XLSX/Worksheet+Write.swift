import CXlsxWriter

/// Cell writes. Each one checks the cell against the grid, refuses a format from another
/// workbook, and turns libxlsxwriter's error code into `XLSXError.library` naming the sheet
/// and cell. The checks allocate nothing on the way to the C call.
extension Worksheet {
    /// Writes text. It passes through `TextSanitizer`: forbidden control characters are
    /// removed, a literal `_xHHHH_` is escaped so that Excel shows it as written, and text
    /// over 32,767 UTF-16 units is cut with a visible marker. An empty
    /// string writes nothing unless a format is given (then a formatted blank).
    public func write(_ text: String, row: Int, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = TextSanitizer.withCString(text) {
            worksheet_write_string(pointer, cell.row, cell.column, $0, cFormat)
        }
        try check(error, cellContext(row, column))
    }

    /// Writes a number. NaN and infinity are never written: they become a blank cell (with
    /// the format, if any), because libxlsxwriter would write `NAN`/`INF` and Excel would
    /// refuse the file.
    public func write(_ number: Double, row: Int, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        guard number.isFinite else {
            try writeBlank(row: row, column: column, format: format)
            return
        }
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = worksheet_write_number(pointer, cell.row, cell.column, number, cFormat)
        try check(error, cellContext(row, column))
    }

    /// Writes an integer: as an Excel number when it has at most 15 digits, otherwise as
    /// its digits in a text cell (see `Worksheet.largestExactInteger`), so that an id is
    /// never changed. `format` applies either way.
    public func write(_ number: Int, row: Int, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        guard number.magnitude <= Self.largestExactInteger else {
            try write(String(number), row: row, column: column, format: format)
            return
        }
        try write(Double(number), row: row, column: column, format: format)
    }

    /// Writes a date and time as an Excel serial number; pair it with a date format.
    /// - Throws: `XLSXError.invalidDate` for a date before 1900-01-01, after 9999-12-31 or
    ///   not on the calendar (nothing is written).
    public func write(_ dateTime: CellDateTime, row: Int, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        var value = try dateTime.checked(context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = worksheet_write_datetime(pointer, cell.row, cell.column, &value, cFormat)
        try check(error, cellContext(row, column))
    }

    /// Writes TRUE or FALSE.
    public func write(_ value: Bool, row: Int, column: Int, format: Format? = nil)
        throws(XLSXError)
    {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = worksheet_write_boolean(pointer, cell.row, cell.column, value ? 1 : 0, cFormat)
        try check(error, cellContext(row, column))
    }

    /// Writes an empty cell carrying `format`; without a format nothing is written.
    public func writeBlank(row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = worksheet_write_blank(pointer, cell.row, cell.column, cFormat)
        try check(error, cellContext(row, column))
    }

    /// Writes a formula such as `=SUM(B2:B9)` with its computed `result`, which is what
    /// readers that do not recalculate show. A non-finite result is stored as 0 (Excel
    /// recalculates on open).
    public func writeFormula(
        _ formula: String, result: Double, row: Int, column: Int, format: Format? = nil
    ) throws(XLSXError) {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let stored = result.isFinite ? result : 0
        let error = TextSanitizer.withCString(formula, escaping: false) {
            worksheet_write_formula_num(pointer, cell.row, cell.column, $0, cFormat, stored)
        }
        try check(error, cellContext(row, column))
    }

    /// Writes a formula whose computed result is text, e.g. `=A2&" "&B2`.
    public func writeFormula(
        _ formula: String, result: String, row: Int, column: Int, format: Format? = nil
    ) throws(XLSXError) {
        let cell = try CheckedCell(row: row, column: column, context: cellContext(row, column))
        let cFormat = try formatPointer(format, cellContext(row, column))
        try ensureOpen(cellContext(row, column))
        let error = TextSanitizer.withCString(formula, escaping: false) { cFormula in
            TextSanitizer.withCString(result) { cResult in
                worksheet_write_formula_str(
                    pointer, cell.row, cell.column, cFormula, cFormat, cResult)
            }
        }
        try check(error, cellContext(row, column))
    }
}
