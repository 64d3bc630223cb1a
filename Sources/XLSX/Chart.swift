import CXlsxWriter

/// The kinds of native Excel chart this library makes.
public enum ChartType: Hashable, Sendable {
    /// Vertical bars side by side.
    case column
    /// Vertical bars stacked per category.
    case columnStacked
    /// Horizontal bars.
    case bar
    /// Horizontal bars stacked per category.
    case barStacked
    /// Lines.
    case line
    /// Pie (only the first series is drawn).
    case pie
    /// Doughnut (only the first series is drawn).
    case doughnut

    var lxw: UInt8 {
        let value: lxw_chart_type
        switch self {
        case .column: value = LXW_CHART_COLUMN
        case .columnStacked: value = LXW_CHART_COLUMN_STACKED
        case .bar: value = LXW_CHART_BAR
        case .barStacked: value = LXW_CHART_BAR_STACKED
        case .line: value = LXW_CHART_LINE
        case .pie: value = LXW_CHART_PIE
        case .doughnut: value = LXW_CHART_DOUGHNUT
        }
        return UInt8(value.rawValue)
    }
}

/// Where a chart's legend goes.
public enum LegendPosition: Hashable, Sendable {
    /// No legend.
    case none
    /// Right (Excel's default).
    case right
    /// Left.
    case left
    /// Top.
    case top
    /// Bottom.
    case bottom

    var lxw: UInt8 {
        let value: lxw_chart_legend_position
        switch self {
        case .none: value = LXW_CHART_LEGEND_NONE
        case .right: value = LXW_CHART_LEGEND_RIGHT
        case .left: value = LXW_CHART_LEGEND_LEFT
        case .top: value = LXW_CHART_LEGEND_TOP
        case .bottom: value = LXW_CHART_LEGEND_BOTTOM
        }
        return UInt8(value.rawValue)
    }
}

/// The mark drawn at each point of a line chart's series.
public enum ChartMarker: Hashable, Sendable {
    /// Excel's automatic marker for the series (a shape and colour of its choosing).
    case automatic
    /// No marker.
    case none
    /// A circle.
    case circle
    /// A square.
    case square
    /// A diamond.
    case diamond

    var lxw: UInt8 {
        let value: lxw_chart_marker_type
        switch self {
        case .automatic: value = LXW_CHART_MARKER_AUTOMATIC
        case .none: value = LXW_CHART_MARKER_NONE
        case .circle: value = LXW_CHART_MARKER_CIRCLE
        case .square: value = LXW_CHART_MARKER_SQUARE
        case .diamond: value = LXW_CHART_MARKER_DIAMOND
        }
        return UInt8(value.rawValue)
    }
}

/// A chart; create it with `Workbook.addChart`, give it series, then place it once with
/// `Worksheet.insertChart`.
///
/// Texts (title, series and axis names) are sanitized and cut to 255 UTF-16 units. A text
/// starting with `=` gets a leading space, because libxlsxwriter would read it as a cell
/// reference. Not `Sendable`: used from one task, like its workbook.
public final class Chart {
    /// The chart's kind.
    public let type: ChartType
    /// How many series were added.
    public private(set) var seriesCount = 0
    /// Whether the chart was placed on a worksheet.
    public internal(set) var isInserted = false

    let pointer: UnsafeMutablePointer<lxw_chart>
    let handle: WorkbookHandle

    init(type: ChartType, pointer: UnsafeMutablePointer<lxw_chart>, handle: WorkbookHandle) {
        self.type = type
        self.pointer = pointer
        self.handle = handle
    }

    /// Adds a series: `values` from a range of a sheet, labelled by `categories` (optional)
    /// and called `name` in the legend. `marker` marks each point (a line chart draws none
    /// by default, so a series of one point would not show); `showValues` writes each
    /// point's value beside it.
    /// - Throws: `.foreignObject` for a sheet of another workbook, `.cellOutOfRange`,
    ///   `.creationFailed` if libxlsxwriter cannot add it.
    public func addSeries(
        name: String?, categories: (sheet: Worksheet, range: CellRange)?,
        values: (sheet: Worksheet, range: CellRange), marker: ChartMarker? = nil,
        showValues: Bool = false
    ) throws(XLSXError) {
        let context = "chart addSeries(\(name ?? "unnamed"))"
        _ = try handle.workbook(for: context)
        let checkedValues = try checkedRange(values, context)
        let checkedCategories = try categories.map { (pair) throws(XLSXError) in
            try checkedRange(pair, context)
        }
        guard let series = chart_add_series(pointer, nil, nil) else {
            throw XLSXError.creationFailed(what: "a chart series", reason: "out of memory")
        }
        if let (sheetName, range) = checkedCategories {
            chart_series_set_categories(
                series, sheetName, range.first.row, range.first.column, range.last.row,
                range.last.column)
        }
        let (sheetName, range) = checkedValues
        chart_series_set_values(
            series, sheetName, range.first.row, range.first.column, range.last.row,
            range.last.column)
        if let name { chart_series_set_name(series, keep(name)) }
        if let marker { chart_series_set_marker_type(series, marker.lxw) }
        if showValues { chart_series_set_labels(series) }
        seriesCount += 1
    }

    /// Sets the title shown above the chart.
    public func setTitle(_ title: String) throws(XLSXError) {
        _ = try handle.workbook(for: "chart setTitle")
        chart_title_set_name(pointer, keep(title))
    }

    /// Names the category (x) and value (y) axes; nil leaves one unnamed. Pie and doughnut
    /// charts have no axes and ignore this.
    public func setAxisNames(x: String?, y: String?) throws(XLSXError) {
        _ = try handle.workbook(for: "chart setAxisNames")
        if let x, let axis = chart_axis_get(pointer, LXW_CHART_AXIS_TYPE_X) {
            chart_axis_set_name(axis, keep(x))
        }
        if let y, let axis = chart_axis_get(pointer, LXW_CHART_AXIS_TYPE_Y) {
            chart_axis_set_name(axis, keep(y))
        }
    }

    /// Places the legend, or hides it with `.none`.
    public func setLegend(_ position: LegendPosition) throws(XLSXError) {
        _ = try handle.workbook(for: "chart setLegend")
        chart_legend_set_position(pointer, position.lxw)
    }

    /// Chooses one of Excel's 48 built-in chart styles (colours and effects); 2 is the default.
    /// - Throws: `.invalidArgument` outside 1...48.
    public func setStyle(_ style: Int) throws(XLSXError) {
        _ = try handle.workbook(for: "chart setStyle")
        guard (1...48).contains(style) else {
            throw XLSXError.invalidArgument(
                reason: "chart style \(style) is not in 1...48", context: "chart setStyle")
        }
        chart_set_style(pointer, UInt8(style))
    }

    private func keep(_ text: String) -> UnsafeMutablePointer<CChar> {
        var text = TextSanitizer.clean(text, limit: 254)
        if text.hasPrefix("=") { text = " " + text }
        return handle.keep(text)
    }

    private func checkedRange(_ pair: (sheet: Worksheet, range: CellRange), _ context: String)
        throws(XLSXError) -> (UnsafeMutablePointer<CChar>, CheckedRange)
    {
        guard pair.sheet.handle === handle else {
            throw XLSXError.foreignObject(kind: "worksheet '\(pair.sheet.name)'", context: context)
        }
        let range = try CheckedRange(pair.range, context: context)
        return (handle.keep(pair.sheet.name), range)
    }
}
