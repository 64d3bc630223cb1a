import CXlsxWriter

/// Excel's grid: how many rows and columns a worksheet has.
public enum Grid {
    /// Number of rows in a worksheet; valid zero-based rows are `0..<rowCount`.
    public static let rowCount = 1_048_576

    /// Number of columns in a worksheet; valid zero-based columns are `0..<columnCount`.
    public static let columnCount = 16_384

    /// The A1-style name of a zero-based cell, e.g. `(6, 1)` → `B7`; a cell outside the
    /// grid is named `R<row>C<column>` with the raw numbers.
    public static func cellName(row: Int, column: Int) -> String {
        guard (0..<rowCount).contains(row), (0..<columnCount).contains(column) else {
            return "R\(row)C\(column)"
        }
        return columnName(column) + String(row + 1)
    }

    /// The letters of a zero-based column, e.g. `0` → `A`, `27` → `AB`; `?` outside the grid.
    public static func columnName(_ column: Int) -> String {
        guard (0..<columnCount).contains(column) else { return "?" }
        var letters: [Character] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }
}

/// A rectangle of cells, zero-based and inclusive at both ends.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// First (top) row, zero-based.
    public var firstRow: Int
    /// First (left) column, zero-based.
    public var firstColumn: Int
    /// Last (bottom) row, inclusive.
    public var lastRow: Int
    /// Last (right) column, inclusive.
    public var lastColumn: Int

    /// A range from its corners, zero-based and inclusive.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The range in A1 notation, e.g. `A1:C10`.
    public var description: String {
        Grid.cellName(row: firstRow, column: firstColumn) + ":"
            + Grid.cellName(row: lastRow, column: lastColumn)
    }

    /// Number of rows covered.
    public var rowCount: Int { lastRow - firstRow + 1 }

    /// Number of columns covered.
    public var columnCount: Int { lastColumn - firstColumn + 1 }
}

/// A zero-based row and column checked against Excel's grid and converted to C types.
struct CheckedCell {
    let row: lxw_row_t
    let column: lxw_col_t

    @inline(__always)
    init(row: Int, column: Int, context: @autoclosure () -> String) throws(XLSXError) {
        guard row >= 0, row < Grid.rowCount, column >= 0, column < Grid.columnCount else {
            throw XLSXError.cellOutOfRange(row: row, column: column, context: context())
        }
        self.row = lxw_row_t(truncatingIfNeeded: row)
        self.column = lxw_col_t(truncatingIfNeeded: column)
    }
}

/// A range checked against the grid, with corners in order.
struct CheckedRange {
    let first: CheckedCell
    let last: CheckedCell

    init(_ range: CellRange, context: @autoclosure () -> String) throws(XLSXError) {
        first = try CheckedCell(row: range.firstRow, column: range.firstColumn, context: context())
        last = try CheckedCell(row: range.lastRow, column: range.lastColumn, context: context())
        guard range.firstRow <= range.lastRow, range.firstColumn <= range.lastColumn else {
            throw XLSXError.invalidArgument(
                reason: "range \(range) has its first corner after its last", context: context())
        }
    }
}
