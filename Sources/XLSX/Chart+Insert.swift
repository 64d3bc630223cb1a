import CXlsxWriter

extension Workbook {
    /// Creates a chart of `type`; add series to it and insert it into a worksheet.
    /// - Throws: `.workbookClosed`, or `.creationFailed` when out of memory.
    public func addChart(_ type: ChartType) throws(XLSXError) -> Chart {
        let workbook = try handle.workbook(for: "addChart")
        guard let pointer = workbook_add_chart(workbook, type.lxw) else {
            throw XLSXError.creationFailed(what: "a \(type) chart", reason: "out of memory")
        }
        return Chart(type: type, pointer: pointer, handle: handle)
    }
}

extension Worksheet {
    /// Libxlsxwriter's default chart size in pixels, which scales are relative to.
    static let defaultChartSize = (width: 480.0, height: 288.0)

    /// Places `chart` with its top-left corner in the given cell, `width` × `height` pixels.
    /// - Throws: `.invalidArgument` for a chart without series, one already inserted, or a
    ///   size that is not positive; `.foreignObject` for a chart of another workbook.
    public func insertChart(
        _ chart: Chart, row: Int, column: Int, width: Double = 480, height: Double = 288,
        xOffset: Int = 0, yOffset: Int = 0
    ) throws(XLSXError) {
        let context = "sheet '\(name)' insertChart at \(Grid.cellName(row: row, column: column))"
        try ensureOpen(context)
        let cell = try CheckedCell(row: row, column: column, context: context)
        guard chart.handle === handle else {
            throw XLSXError.foreignObject(kind: "chart", context: context)
        }
        guard chart.seriesCount > 0 else {
            throw XLSXError.invalidArgument(reason: "the chart has no series", context: context)
        }
        guard !chart.isInserted else {
            throw XLSXError.invalidArgument(
                reason: "the chart was already inserted; a chart can be placed once",
                context: context)
        }
        guard width.isFinite, height.isFinite, width > 0, height > 0,
            let x = Int32(exactly: xOffset), let y = Int32(exactly: yOffset)
        else {
            throw XLSXError.invalidArgument(
                reason: "size \(width)×\(height) or offset \(xOffset),\(yOffset) is not usable",
                context: context)
        }

        var options = lxw_chart_options()
        options.x_offset = x
        options.y_offset = y
        options.x_scale = width / Self.defaultChartSize.width
        options.y_scale = height / Self.defaultChartSize.height
        let error = worksheet_insert_chart_opt(
            pointer, cell.row, cell.column, chart.pointer, &options)
        try check(error, context)
        chart.isInserted = true
    }
}
