/// Builds worksheet names Excel accepts from any text.
///
/// Names are cleaned one Unicode scalar at a time, not one `Character`: a forbidden `/`
/// followed by a combining accent, a variation selector, a keycap or a zero-width joiner is
/// one Character to Swift but still a `/` to Excel and libxlsxwriter.
public enum SheetName {
    /// The most UTF-16 code units Excel allows in a sheet name.
    public static let maximumLength = 31

    /// Characters Excel forbids in sheet names; each is replaced by `replacement`.
    public static let forbiddenCharacters: Set<Unicode.Scalar> = [
        "[", "]", ":", "*", "?", "/", "\\",
    ]

    /// What a forbidden character becomes.
    public static let replacement: Unicode.Scalar = "_"

    /// Used when nothing usable is left of the raw text.
    public static let fallback = "Sheet"

    /// A valid, unique worksheet name made from `raw`: `cleaned(_:suffix:fallback:)`, then
    /// made unique among `taken` ignoring case (`key(_:)`) by appending ` (2)`, ` (3)`, ...
    /// within the 31 units. Excel also reserves `History`, which is treated as taken.
    /// - Parameters:
    ///   - raw: any text, e.g. a company or tag name.
    ///   - suffix: text kept whole at the end, e.g. ` (company 4)`.
    ///   - taken: names already used in the workbook (any case).
    ///   - fallback: the name used when nothing visible is left of `raw`.
    /// - Returns: a name that `Workbook.addWorksheet(name:)` accepts.
    public static func make(
        _ raw: String, suffix: String = "", taken: Set<String>, fallback: String = fallback
    ) -> String {
        let name = cleaned(raw, suffix: suffix, fallback: fallback)
        let used = Set(taken.map(key)).union([key("History")])
        guard used.contains(key(name)) else { return name }

        var number = 2
        while true {
            let numbered = " (\(number))"
            var stem = trimmed(cut(name, to: maximumLength - numbered.utf16.count))
            if isBlank(stem) { stem = Self.fallback }
            let candidate = stem + numbered
            if !used.contains(key(candidate)) { return candidate }
            number += 1
        }
    }

    /// A name Excel accepts made from `raw`, not yet checked against other sheets.
    ///
    /// Replaces `[]:*?/\` with `_` (with any marks joined to them), drops characters XML
    /// forbids, strips leading and trailing apostrophes (with their marks), uses `fallback`
    /// when nothing visible is left (an empty name, or only spaces), and cuts to 31 UTF-16
    /// units less the suffix's, on a character boundary (on a scalar boundary when the
    /// first character alone is longer), before appending `suffix`.
    public static func cleaned(_ raw: String, suffix: String = "", fallback: String = fallback)
        -> String
    {
        let suffix = replacingForbidden(suffix)
        var base = trimmed(replacingForbidden(raw))
        if isBlank(base) { base = trimmed(replacingForbidden(fallback)) }
        if isBlank(base) { base = Self.fallback }
        let name = trimmed(cut(base, to: maximumLength - suffix.utf16.count)) + suffix
        return isBlank(name) ? Self.fallback : name
    }

    /// The form in which two sheet names are compared: Excel treats names that differ only
    /// in case as the same, in any script (`Ä` and `ä`), so they are folded through upper
    /// and lower case. Canonically equivalent names (`é` and `e` + U+0301) compare equal.
    public static func key(_ name: String) -> String {
        name.uppercased().lowercased()
    }

    /// Why `name` is not a valid sheet name, or nil when it is.
    ///
    /// Checks what libxlsxwriter 1.1.4 does not: length in UTF-16 units (it counts code
    /// points), a name with nothing visible, and characters XML forbids.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "the name is empty." }
        if isBlank(name) { return "the name has nothing visible in it." }
        if name.utf16.count > maximumLength {
            return "the name is \(name.utf16.count) UTF-16 units long; Excel allows 31."
        }
        if name.unicodeScalars.contains(where: { !TextSanitizer.isAllowed($0) }) {
            return "the name contains a control character."
        }
        if key(name) == key("History") { return "Excel reserves the name 'History'." }
        return nil
    }

    /// The text with forbidden characters replaced, each with the marks joined to it, and
    /// characters XML forbids dropped.
    static func replacingForbidden(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterReplacement = false
        for scalar in raw.unicodeScalars where TextSanitizer.isAllowed(scalar) {
            if forbiddenCharacters.contains(scalar) {
                scalars.append(replacement)
                afterReplacement = true
            } else if !(afterReplacement && joinsPrevious(scalar)) {
                scalars.append(scalar)
                afterReplacement = false
            }
        }
        return String(scalars)
    }

    /// Whether a scalar continues the character before it (a combining mark, variation
    /// selector, keycap, emoji modifier or zero-width joiner).
    static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.isEmojiModifier
            || scalar.value == 0x200D || properties.generalCategory == .spacingMark
    }

    /// Whether nothing in the text would show: empty, spaces, or invisible characters.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
        }
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units; when the first
    /// character alone is longer, the longest prefix of whole scalars.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var used = 0
        var result = ""
        for character in text {
            let width = character.utf16.count
            if used + width > limit { break }
            used += width
            result.append(character)
        }
        guard result.isEmpty else { return result }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let width = UTF16.width(scalar)
            if used + width > limit { break }
            used += width
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The text without apostrophes at either end, nor the marks joined to them.
    static func trimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == "'" {
            start += 1
            while start < scalars.count, joinsPrevious(scalars[start]) { start += 1 }
        }
        var end = scalars.count
        while end > start {
            var base = end - 1
            while base > start, joinsPrevious(scalars[base]) { base -= 1 }
            guard scalars[base] == "'" else { break }
            end = base
        }
        guard start > 0 || end < scalars.count else { return text }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
