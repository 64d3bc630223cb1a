import CXlsxWriter

/// Everything that can go wrong while building a workbook.
///
/// Each case names what was being written (a sheet and cell such as `'Tickets'!B7`, or the
/// call) so that a message can be acted on without a debugger. Errors coming from
/// libxlsxwriter carry its own text (`lxw_strerror`) in `message`.
public enum XLSXError: Error, CustomStringConvertible, Sendable, Equatable {
    /// libxlsxwriter refused a call: `code` is its `lxw_error`, `message` its text.
    case library(code: Int, message: String, context: String)

    /// A worksheet name Excel would not accept; `reason` comes from
    /// `workbook_validate_sheet_name` or from this wrapper's own checks.
    case invalidSheetName(name: String, reason: String)

    /// A row or column outside Excel's grid (rows 0..<1,048,576, columns 0..<16,384).
    case cellOutOfRange(row: Int, column: Int, context: String)

    /// A date outside 1900-01-01 ... 9999-12-31, or not a real calendar date or time.
    case invalidDate(description: String, context: String)

    /// A feature libxlsxwriter cannot provide while the workbook is in constant-memory mode.
    case unsupportedInConstantMemory(feature: String, context: String)

    /// A call with an argument this wrapper refuses before reaching the library.
    case invalidArgument(reason: String, context: String)

    /// A format, chart or sheet that belongs to another workbook.
    case foreignObject(kind: String, context: String)

    /// A call made after `Workbook.close()` (successful or not).
    case workbookClosed(call: String)

    /// libxlsxwriter returned NULL where it should have created an object.
    case creationFailed(what: String, reason: String)

    /// A sentence saying what went wrong, where, and what to do about it.
    public var description: String {
        switch self {
        case .library(let code, let message, let context):
            return "libxlsxwriter error \(code) in \(context): \(message)"
        case .invalidSheetName(let name, let reason):
            let sentence = reason.hasSuffix(".") ? reason : reason + "."
            return "Excel cannot name a worksheet '\(name)': \(sentence) A worksheet name needs "
                + "1 to 31 characters, none of [ ] : * ? / \\, no apostrophe at either end, "
                + "and must differ from the workbook's other sheet names in more than case."
        case .cellOutOfRange(let row, let column, let context):
            return "Cell row \(row), column \(column) is outside Excel's grid in \(context); "
                + "rows must be 0..<1048576 and columns 0..<16384 (zero-based)."
        case .invalidDate(let description, let context):
            return "Cannot write date \(description) in \(context): Excel dates must be real "
                + "calendar dates from 1900-01-01 to 9999-12-31."
        case .unsupportedInConstantMemory(let feature, let context):
            return "\(feature) cannot be used in \(context) because the workbook was opened in "
                + "constant-memory mode; open it without constantMemory to use \(feature)."
        case .invalidArgument(let reason, let context):
            return "Invalid argument in \(context): \(reason)"
        case .foreignObject(let kind, let context):
            return "The \(kind) used in \(context) belongs to another workbook; "
                + "create it with this workbook's add function."
        case .workbookClosed(let call):
            return "\(call) was called after the workbook was closed; create a new Workbook."
        case .creationFailed(let what, let reason):
            return "libxlsxwriter could not create \(what): \(reason)"
        }
    }

    /// Builds a `.library` error from a non-zero `lxw_error`.
    static func from(_ error: lxw_error, context: @autoclosure () -> String) -> XLSXError {
        .library(code: Int(error.rawValue), message: libraryMessage(error), context: context())
    }

    /// `lxw_strerror`'s text for an error code.
    static func libraryMessage(_ error: lxw_error) -> String {
        guard let text = lxw_strerror(error) else { return "unknown error \(error.rawValue)" }
        return String(cString: text)
    }
}

/// Throws when libxlsxwriter returned anything but `LXW_NO_ERROR`.
///
/// The context is an autoclosure so that the happy path builds no string.
@inline(__always)
func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws(XLSXError) {
    if error != LXW_NO_ERROR {
        throw XLSXError.from(error, context: context())
    }
}
