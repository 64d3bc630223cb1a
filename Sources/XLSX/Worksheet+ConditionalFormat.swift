import CXlsxWriter

/// How a cell's value is compared in a conditional format.
public enum Comparison: Hashable, Sendable {
    /// `=`.
    case equal
    /// `<>`.
    case notEqual
    /// `>`.
    case greaterThan
    /// `<`.
    case lessThan
    /// `>=`.
    case greaterThanOrEqual
    /// `<=`.
    case lessThanOrEqual

    var lxw: UInt8 {
        let value: lxw_conditional_criteria
        switch self {
        case .equal: value = LXW_CONDITIONAL_CRITERIA_EQUAL_TO
        case .notEqual: value = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
        case .greaterThan: value = LXW_CONDITIONAL_CRITERIA_GREATER_THAN
        case .lessThan: value = LXW_CONDITIONAL_CRITERIA_LESS_THAN
        case .greaterThanOrEqual: value = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
        case .lessThanOrEqual: value = LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
        }
        return UInt8(value.rawValue)
    }
}

/// When a conditional format applies.
public enum ConditionalRule: Hashable, Sendable {
    /// The cell's value compared with a number, e.g. `.cell(.greaterThan, 30)`.
    case cell(Comparison, Double)
    /// The cell's value within `low...high`.
    case cellBetween(Double, Double)
    /// The cell's value outside `low...high`.
    case cellNotBetween(Double, Double)
    /// A formula true for the cells to format, written for the range's top-left cell, e.g.
    /// `=$C2="closed"` over `A2:F100`.
    case formula(String)
}

extension Worksheet {
    /// Applies `format` to the cells of `range` that satisfy `rule`.
    ///
    /// Formats for conditional formats should only change font, fill and border: Excel
    /// ignores number formats and sizes there.
    /// - Throws: `.invalidArgument` for a non-finite number or empty formula; `.library` when
    ///   libxlsxwriter refuses the rule.
    public func addConditionalFormat(_ range: CellRange, rule: ConditionalRule, format: Format)
        throws(XLSXError)
    {
        let context = "sheet '\(name)' addConditionalFormat(\(range))"
        try ensureOpen(context)
        let checked = try CheckedRange(range, context: context)
        var options = lxw_conditional_format()
        options.format = try formatPointer(format, context)

        switch rule {
        case .cell(let comparison, let value):
            try requireFinite([value], context)
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            options.criteria = comparison.lxw
            options.value = value
        case .cellBetween(let low, let high), .cellNotBetween(let low, let high):
            try requireFinite([low, high], context)
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            let between: lxw_conditional_criteria
            if case .cellBetween = rule {
                between = LXW_CONDITIONAL_CRITERIA_BETWEEN
            } else {
                between = LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN
            }
            options.criteria = UInt8(between.rawValue)
            options.min_value = low
            options.max_value = high
        case .formula(let formula):
            guard !formula.isEmpty else {
                throw XLSXError.invalidArgument(reason: "the formula is empty", context: context)
            }
            options.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            options.value_string = handle.keep(
                TextSanitizer.clean(formula, limit: TextSanitizer.maximumLength))
        }

        let error = worksheet_conditional_format_range(
            pointer, checked.first.row, checked.first.column, checked.last.row,
            checked.last.column, &options)
        try check(error, context)
    }

    private func requireFinite(_ values: [Double], _ context: String) throws(XLSXError) {
        for value in values where !value.isFinite {
            throw XLSXError.invalidArgument(
                reason: "the rule's value \(value) is not a finite number", context: context)
        }
    }
}
