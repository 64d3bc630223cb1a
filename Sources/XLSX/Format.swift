import CXlsxWriter

/// An RGB colour as Excel stores it, e.g. `Color(rgb: 0x1F4E79)`.
public struct Color: Hashable, Sendable {
    /// The colour as `0xRRGGBB`.
    public var rgb: UInt32

    /// A colour from `0xRRGGBB`; higher bits are ignored.
    public init(rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }

    /// The value libxlsxwriter expects: it reads 0 as "unset", so black has its own code.
    var lxw: lxw_color_t { rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : rgb }

    /// Black, `0x000000`.
    public static let black = Color(rgb: 0x00_0000)
    /// White, `0xFFFFFF`.
    public static let white = Color(rgb: 0xFF_FFFF)
    /// Red, `0xFF0000`.
    public static let red = Color(rgb: 0xFF_0000)
    /// Green, `0x008000`.
    public static let green = Color(rgb: 0x00_8000)
    /// Light grey, `0xD9D9D9`, a common header fill.
    public static let lightGray = Color(rgb: 0xD9_D9D9)
}

/// The line drawn around a cell.
public enum BorderStyle: Hashable, Sendable {
    /// Thin line.
    case thin
    /// Medium line.
    case medium
    /// Thick line.
    case thick
    /// Dashed line.
    case dashed
    /// Dotted line.
    case dotted
    /// Double line.
    case double
    /// Hairline.
    case hair

    var lxw: UInt8 {
        let value: lxw_format_borders
        switch self {
        case .thin: value = LXW_BORDER_THIN
        case .medium: value = LXW_BORDER_MEDIUM
        case .thick: value = LXW_BORDER_THICK
        case .dashed: value = LXW_BORDER_DASHED
        case .dotted: value = LXW_BORDER_DOTTED
        case .double: value = LXW_BORDER_DOUBLE
        case .hair: value = LXW_BORDER_HAIR
        }
        return UInt8(value.rawValue)
    }
}

/// Horizontal placement of a cell's content.
public enum HorizontalAlignment: Hashable, Sendable {
    /// Left aligned.
    case left
    /// Centred.
    case center
    /// Right aligned.
    case right
    /// Justified.
    case justify
    /// Centred across the selected cells.
    case centerAcross

    var lxw: UInt8 {
        let value: lxw_format_alignments
        switch self {
        case .left: value = LXW_ALIGN_LEFT
        case .center: value = LXW_ALIGN_CENTER
        case .right: value = LXW_ALIGN_RIGHT
        case .justify: value = LXW_ALIGN_JUSTIFY
        case .centerAcross: value = LXW_ALIGN_CENTER_ACROSS
        }
        return UInt8(value.rawValue)
    }
}

/// Vertical placement of a cell's content.
public enum VerticalAlignment: Hashable, Sendable {
    /// Top.
    case top
    /// Middle.
    case center
    /// Bottom (Excel's default).
    case bottom

    var lxw: UInt8 {
        let value: lxw_format_alignments
        switch self {
        case .top: value = LXW_ALIGN_VERTICAL_TOP
        case .center: value = LXW_ALIGN_VERTICAL_CENTER
        case .bottom: value = LXW_ALIGN_VERTICAL_BOTTOM
        }
        return UInt8(value.rawValue)
    }
}

/// What a cell format looks like; a value, so equal styles share one `Format`.
public struct FormatStyle: Hashable, Sendable {
    /// Bold font.
    public var bold = false
    /// Italic font.
    public var italic = false
    /// Font size in points; nil keeps Excel's default (11).
    public var fontSize: Double?
    /// Font colour; nil keeps the default (automatic, black).
    public var fontColor: Color?
    /// Solid background fill; nil for none.
    public var backgroundColor: Color?
    /// Excel number format such as `0.00`, `yyyy-mm-dd hh:mm` or `0%`; nil for General.
    public var numberFormat: String?
    /// Border on all four sides; nil for none.
    public var border: BorderStyle?
    /// Horizontal alignment; nil for Excel's default.
    public var horizontalAlignment: HorizontalAlignment?
    /// Vertical alignment; nil for Excel's default.
    public var verticalAlignment: VerticalAlignment?
    /// Wrap text onto several lines within the cell.
    public var textWrap = false

    /// A style; every property defaults to Excel's plain cell.
    public init(
        bold: Bool = false, italic: Bool = false, fontSize: Double? = nil,
        fontColor: Color? = nil, backgroundColor: Color? = nil, numberFormat: String? = nil,
        border: BorderStyle? = nil, horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil, textWrap: Bool = false
    ) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.backgroundColor = backgroundColor
        self.numberFormat = numberFormat
        self.border = border
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.textWrap = textWrap
    }
}

/// A cell format registered in one workbook; create it with `Workbook.addFormat`.
///
/// Not `Sendable`: like its workbook, it is used from one task.
public final class Format {
    /// The style this format was made from.
    public let style: FormatStyle

    let pointer: UnsafeMutablePointer<lxw_format>
    let handle: WorkbookHandle

    init(style: FormatStyle, pointer: UnsafeMutablePointer<lxw_format>, handle: WorkbookHandle) {
        self.style = style
        self.pointer = pointer
        self.handle = handle
    }
}
