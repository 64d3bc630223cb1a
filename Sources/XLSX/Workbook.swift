import CXlsxWriter

/// An `.xlsx` file being built; nothing is written to `path` until `close()`.
///
/// Not `Sendable`: a workbook and its sheets, formats and charts are used from one task.
/// Dropping a workbook without calling `close()` discards it and writes no file.
///
/// ## Constant-memory mode
/// With `Options(constantMemory: true)` each row is flushed to a temporary file as soon as
/// a later row is started, so memory stays flat for any number of rows. The rules:
/// - Write rows in order. A write to a row that was already flushed is refused by
///   libxlsxwriter and surfaces as an `XLSXError.library` error. Columns within the current
///   row may come in any order.
/// - Tables are not available: `Worksheet.addTable` throws
///   `XLSXError.unsupportedInConstantMemory`.
/// - Declare the autofilter (and merged ranges, row heights) before writing the rows they
///   cover, or at the latest while their last row is the current one.
/// - Strings are stored inline rather than shared, so files are about 10 % larger.
/// - Temporary files go to `tmpdir` (the system's by default) and are unlinked at once, so
///   `du` does not show them: about 1.4 GB per million rows. Point `tmpdir` at a disk with
///   room.
public final class Workbook {
    /// How the workbook is written.
    public struct Options: Sendable {
        /// Flush each row to a temporary file; see the type's documentation for the rules.
        public var constantMemory: Bool
        /// Directory for libxlsxwriter's temporary files; nil for the system default.
        public var tmpdir: String?
        /// Use ZIP64 extensions, needed only for parts over 4 GB.
        public var useZip64: Bool

        /// Options; all off by default.
        public init(constantMemory: Bool = false, tmpdir: String? = nil, useZip64: Bool = false) {
            self.constantMemory = constantMemory
            self.tmpdir = tmpdir
            self.useZip64 = useZip64
        }
    }

    let handle: WorkbookHandle
    private var formats: [FormatStyle: Format] = [:]
    private var sheetNames: Set<String> = []
    /// The names added so far by `SheetName.key`, for Excel's case-insensitive check.
    private var sheetKeys: [String: String] = [:]

    /// The file `close()` writes.
    public var path: String { handle.path }

    /// Whether the workbook is in constant-memory mode.
    public var isConstantMemory: Bool { handle.constantMemory }

    /// Names of the worksheets added so far, in any case as given.
    public var worksheetNames: Set<String> { sheetNames }

    /// Starts a workbook that `close()` will write to `path`.
    /// - Throws: `XLSXError.invalidArgument` for a path holding a NUL character,
    ///   `XLSXError.creationFailed` when libxlsxwriter cannot allocate the workbook.
    public init(path: String, options: Options = Options()) throws(XLSXError) {
        guard !path.contains("\0"), !(options.tmpdir?.contains("\0") ?? false) else {
            throw XLSXError.invalidArgument(
                reason: "the path or tmpdir contains a NUL character", context: "Workbook(path:)")
        }
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = options.useZip64 ? 1 : 0

        // The library copies tmpdir; the copy below only has to outlive this call.
        let pointer: UnsafeMutablePointer<lxw_workbook>? = path.withCString { cPath in
            guard let tmpdir = options.tmpdir else { return workbook_new_opt(cPath, &cOptions) }
            return tmpdir.withCString { cTmpdir in
                cOptions.tmpdir = UnsafeMutablePointer(mutating: cTmpdir)
                return workbook_new_opt(cPath, &cOptions)
            }
        }
        guard let pointer else {
            throw XLSXError.creationFailed(what: "workbook '\(path)'", reason: "out of memory")
        }
        handle = WorkbookHandle(
            pointer: pointer, constantMemory: options.constantMemory, path: path)
    }

    /// Adds a worksheet named exactly `name`.
    ///
    /// A name equal to an earlier one ignoring case is refused in any script (`Ä` after
    /// `ä`), as Excel does; libxlsxwriter itself compares ASCII letters only.
    /// - Throws: `XLSXError.invalidSheetName` with the reason (too long, a forbidden
    ///   character, an apostrophe at either end, a duplicate ignoring case), or
    ///   `XLSXError.creationFailed` when a temporary file cannot be made in constant-memory mode.
    public func addWorksheet(name: String) throws(XLSXError) -> Worksheet {
        let workbook = try handle.workbook(for: "addWorksheet(name: '\(name)')")
        if let problem = SheetName.problem(with: name) {
            throw XLSXError.invalidSheetName(name: name, reason: problem)
        }
        let key = SheetName.key(name)
        if let existing = sheetKeys[key] {
            let used = XLSXError.libraryMessage(LXW_ERROR_SHEETNAME_ALREADY_USED)
            throw XLSXError.invalidSheetName(
                name: name,
                reason: "\(used) The sheet '\(existing)' has the same name ignoring case.")
        }
        let validation = name.withCString { workbook_validate_sheet_name(workbook, $0) }
        if validation != LXW_NO_ERROR {
            throw XLSXError.invalidSheetName(
                name: name, reason: XLSXError.libraryMessage(validation))
        }

        let cName = handle.keep(name)
        guard let sheet = workbook_add_worksheet(workbook, cName) else {
            let reason =
                handle.constantMemory
                ? "could not create its temporary file; check that tmpdir exists and has room"
                : "out of memory"
            throw XLSXError.creationFailed(what: "worksheet '\(name)'", reason: reason)
        }
        sheetNames.insert(name)
        sheetKeys[key] = name
        return Worksheet(name: name, pointer: sheet, handle: handle)
    }

    /// Adds a worksheet named from any text with `SheetName.make`, unique in this workbook.
    public func addWorksheet(sanitizing raw: String) throws(XLSXError) -> Worksheet {
        try addWorksheet(name: SheetName.make(raw, taken: sheetNames))
    }

    /// The format for `style`, created once per workbook and shared by equal styles.
    /// - Throws: `XLSXError.workbookClosed`, or `XLSXError.creationFailed` when out of memory.
    public func addFormat(_ style: FormatStyle) throws(XLSXError) -> Format {
        if let existing = formats[style] { return existing }
        let workbook = try handle.workbook(for: "addFormat")
        guard let pointer = workbook_add_format(workbook) else {
            throw XLSXError.creationFailed(what: "a format", reason: "out of memory")
        }
        apply(style, to: pointer)
        let format = Format(style: style, pointer: pointer, handle: handle)
        formats[style] = format
        return format
    }

    /// The format with the given properties; see `FormatStyle` for each one.
    public func addFormat(
        bold: Bool = false, italic: Bool = false, fontSize: Double? = nil,
        fontColor: Color? = nil, backgroundColor: Color? = nil, numberFormat: String? = nil,
        border: BorderStyle? = nil, horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil, textWrap: Bool = false
    ) throws(XLSXError) -> Format {
        try addFormat(
            FormatStyle(
                bold: bold, italic: italic, fontSize: fontSize, fontColor: fontColor,
                backgroundColor: backgroundColor, numberFormat: numberFormat, border: border,
                horizontalAlignment: horizontalAlignment, verticalAlignment: verticalAlignment,
                textWrap: textWrap))
    }

    /// Writes the file and releases the C workbook. Every later call throws
    /// `XLSXError.workbookClosed`, including a second `close()`.
    /// - Throws: `XLSXError.library` with libxlsxwriter's reason, e.g. when the file cannot
    ///   be created.
    public func close() throws(XLSXError) {
        _ = try handle.workbook(for: "close()")
        try check(handle.close(), "close() writing '\(handle.path)'")
    }

    private func apply(_ style: FormatStyle, to format: UnsafeMutablePointer<lxw_format>) {
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let size = style.fontSize, size.isFinite, size > 0 { format_set_font_size(format, size) }
        if let color = style.fontColor { format_set_font_color(format, color.lxw) }
        if let color = style.backgroundColor { format_set_bg_color(format, color.lxw) }
        if let numberFormat = style.numberFormat {
            format_set_num_format(
                format,
                handle.keep(TextSanitizer.clean(numberFormat, limit: TextSanitizer.maximumLength)))
        }
        if let border = style.border { format_set_border(format, border.lxw) }
        if let alignment = style.horizontalAlignment { format_set_align(format, alignment.lxw) }
        if let alignment = style.verticalAlignment { format_set_align(format, alignment.lxw) }
        if style.textWrap { format_set_text_wrap(format) }
    }
}
