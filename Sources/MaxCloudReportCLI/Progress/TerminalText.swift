import Foundation

/// Text for a terminal: how many columns it takes, cut to a width, padded, coloured.
enum TerminalText {
    /// Columns a scalar takes: two for East Asian wide and full-width characters, none for
    /// combining marks, one otherwise. Close enough to what terminals do to keep a line
    /// from wrapping, which would spoil redrawing in place.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar.properties.generalCategory == .nonspacingMark { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// Columns the text takes.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The text cut to at most `columns` columns, with `…` where it was cut.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard width(of: text) > columns else { return text }
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let next = width(of: scalar)
            if used + next > columns - 1 { break }
            kept.append(scalar)
            used += next
        }
        return String(kept) + "…"
    }

    /// The text cut or padded with spaces to exactly `columns` columns.
    static func padded(_ text: String, to columns: Int) -> String {
        let cut = truncated(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(of: cut)))
    }

    /// Colour codes, used only when colour is wanted.
    enum Colour: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case dim = "2"
    }

    /// The text in a colour, or as it is when `enabled` is false.
    static func paint(_ text: String, _ colour: Colour, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The columns of the terminal on standard error, or nil when it is not one.
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }
}
