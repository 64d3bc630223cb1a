import CXlsxWriter

/// Excel's built-in table styles.
public enum TableStyle: Hashable, Sendable {
    /// Excel's default, Table Style Medium 9.
    case standard
    /// Table Style Light 1...21.
    case light(Int)
    /// Table Style Medium 1...28.
    case medium(Int)
    /// Table Style Dark 1...11.
    case dark(Int)

    var lxw: (type: UInt8, number: UInt8, valid: Bool) {
        switch self {
        case .standard:
            return (UInt8(LXW_TABLE_STYLE_TYPE_DEFAULT.rawValue), 0, true)
        case .light(let number):
            return (
                UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue), clamp(number), (1...21).contains(number)
            )
        case .medium(let number):
            return (
                UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue), clamp(number),
                (1...28).contains(number)
            )
        case .dark(let number):
            return (
                UInt8(LXW_TABLE_STYLE_TYPE_DARK.rawValue), clamp(number), (1...11).contains(number)
            )
        }
    }

    private func clamp(_ number: Int) -> UInt8 { UInt8(clamping: number) }
}

/// The function a table's total row applies to a column.
public enum TotalFunction: Hashable, Sendable {
    /// AVERAGE.
    case average
    /// COUNT (numbers only).
    case countNumbers
    /// COUNTA.
    case count
    /// MAX.
    case max
    /// MIN.
    case min
    /// STDEV.
    case standardDeviation
    /// SUM.
    case sum
    /// VAR.
    case variance

    var lxw: UInt8 {
        let value: lxw_table_total_functions
        switch self {
        case .average: value = LXW_TABLE_FUNCTION_AVERAGE
        case .countNumbers: value = LXW_TABLE_FUNCTION_COUNT_NUMS
        case .count: value = LXW_TABLE_FUNCTION_COUNT
        case .max: value = LXW_TABLE_FUNCTION_MAX
        case .min: value = LXW_TABLE_FUNCTION_MIN
        case .standardDeviation: value = LXW_TABLE_FUNCTION_STD_DEV
        case .sum: value = LXW_TABLE_FUNCTION_SUM
        case .variance: value = LXW_TABLE_FUNCTION_VAR
        }
        return UInt8(value.rawValue)
    }
}

/// What a column shows in the table's total row.
public enum TableTotal: Hashable, Sendable {
    /// Nothing.
    case none
    /// A text label such as `Total`.
    case label(String)
    /// A SUBTOTAL formula with its computed `result`, shown by readers that do not recalculate.
    case function(TotalFunction, result: Double)
}

/// One column of a table.
public struct TableColumn {
    /// The header text, written into the header row by the table itself.
    public var header: String
    /// The column's entry in the total row.
    public var total: TableTotal
    /// Format for the column's data cells, if any.
    public var format: Format?

    /// A column with a header and optional total and format.
    public init(header: String, total: TableTotal = .none, format: Format? = nil) {
        self.header = header
        self.total = total
        self.format = format
    }
}

/// How a table looks.
public struct TableOptions {
    /// The table's name (letters, digits, underscores); nil for Excel's `Table1`, ....
    public var name: String?
    /// The style.
    public var style: TableStyle
    /// One entry per column of the range; empty for headers `Column1`, `Column2`, ....
    public var columns: [TableColumn]
    /// Filter buttons in the header row.
    public var autofilter: Bool
    /// Alternate row shading.
    public var bandedRows: Bool

    /// Options for a table; a total row is added when any column has a total.
    public init(
        name: String? = nil, style: TableStyle = .standard, columns: [TableColumn] = [],
        autofilter: Bool = true, bandedRows: Bool = true
    ) {
        self.name = name
        self.style = style
        self.columns = columns
        self.autofilter = autofilter
        self.bandedRows = bandedRows
    }

    /// Whether the table ends with a total row (its last row in the range).
    public var hasTotalRow: Bool { columns.contains { $0.total != .none } }
}

extension Worksheet {
    /// Makes `range` an Excel table: first row headers, last row totals if any column has
    /// one, data rows in between (write those cells yourself, before or after).
    ///
    /// Headers are cut to 255 UTF-16 units. Do not also set a sheet autofilter over it.
    /// - Throws: `XLSXError.unsupportedInConstantMemory` in constant-memory mode (tables need
    ///   the whole sheet in memory); `.invalidArgument` when `columns` does not match the
    ///   range; `.library` for libxlsxwriter's own checks (overlap, bad name, too few rows).
    public func addTable(_ range: CellRange, options: TableOptions = TableOptions())
        throws(XLSXError)
    {
        let context = "sheet '\(name)' addTable(\(range))"
        try ensureOpen(context)
        guard !handle.constantMemory else {
            throw XLSXError.unsupportedInConstantMemory(feature: "Tables", context: context)
        }
        let checked = try CheckedRange(range, context: context)
        guard options.columns.isEmpty || options.columns.count == range.columnCount else {
            throw XLSXError.invalidArgument(
                reason:
                    "\(options.columns.count) columns given for a range \(range.columnCount) wide",
                context: context)
        }
        let style = options.style.lxw
        guard style.valid else {
            throw XLSXError.invalidArgument(
                reason: "no table style \(options.style)", context: context)
        }

        let cOptions = handle.allocate(lxw_table_options.self, count: 1)
        cOptions.pointee.name = options.name.map {
            handle.keep(TextSanitizer.clean($0, limit: 255))
        }
        cOptions.pointee.style_type = style.type
        cOptions.pointee.style_type_number = style.number
        cOptions.pointee.no_autofilter = options.autofilter ? 0 : 1
        cOptions.pointee.no_banded_rows = options.bandedRows ? 0 : 1
        cOptions.pointee.total_row = options.hasTotalRow ? 1 : 0
        if !options.columns.isEmpty {
            cOptions.pointee.columns = try makeColumns(options.columns, context: context)
        }
        let error = worksheet_add_table(
            pointer, checked.first.row, checked.first.column, checked.last.row,
            checked.last.column, cOptions)
        try check(error, context)
    }

    /// A NULL-terminated C array of columns, kept alive by the handle.
    private func makeColumns(_ columns: [TableColumn], context: String) throws(XLSXError)
        -> UnsafeMutablePointer<UnsafeMutablePointer<lxw_table_column>?>
    {
        let array = handle.allocate(
            UnsafeMutablePointer<lxw_table_column>?.self, count: columns.count + 1)
        for (index, column) in columns.enumerated() {
            let cColumn = handle.allocate(lxw_table_column.self, count: 1)
            cColumn.pointee.header = handle.keep(TextSanitizer.clean(column.header, limit: 255))
            cColumn.pointee.format = try formatPointer(column.format, context)
            switch column.total {
            case .none:
                break
            case .label(let text):
                cColumn.pointee.total_string = handle.keep(TextSanitizer.sanitize(text))
            case .function(let function, let result):
                cColumn.pointee.total_function = function.lxw
                cColumn.pointee.total_value = result.isFinite ? result : 0
            }
            array[index] = cColumn
        }
        return array
    }
}
