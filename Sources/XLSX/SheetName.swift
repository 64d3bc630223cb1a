/// Builds worksheet names Excel accepts from any text.
public enum SheetName {
    /// The most UTF-16 code units Excel allows in a sheet name.
    public static let maximumLength = 31

    /// Characters Excel forbids in sheet names; each is replaced by `replacement`.
    public static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// What a forbidden character becomes.
    public static let replacement: Character = "_"

    /// Used when nothing usable is left of the raw text.
    public static let fallback = "Sheet"

    /// A valid, unique worksheet name made from `raw`.
    ///
    /// Replaces `[]:*?/\` with `_`, drops characters XML forbids, strips leading and
    /// trailing apostrophes, falls back to `Sheet` when nothing is left, cuts to 31 UTF-16
    /// units on a character boundary, and makes the name unique among `taken` ignoring case
    /// by appending ` (2)`, ` (3)`, ... within the 31 units. Excel also reserves `History`,
    /// which is treated as taken.
    /// - Parameters:
    ///   - raw: any text, e.g. a company or tag name.
    ///   - taken: names already used in the workbook (any case).
    /// - Returns: a name that `Workbook.addWorksheet(name:)` accepts.
    public static func make(_ raw: String, taken: Set<String>) -> String {
        var name = String(
            raw.map { forbiddenCharacters.contains($0) ? replacement : $0 })
        name = String(String.UnicodeScalarView(name.unicodeScalars.filter(TextSanitizer.isAllowed)))
        name = trimmed(cut(trimmed(name), to: maximumLength))
        if name.isEmpty { name = fallback }

        let used = Set(taken.map { $0.lowercased() }).union(["history"])
        guard used.contains(name.lowercased()) else { return name }

        var number = 2
        while true {
            let suffix = " (\(number))"
            var base = trimmed(cut(name, to: maximumLength - suffix.utf16.count))
            if base.isEmpty { base = fallback }
            let candidate = base + suffix
            if !used.contains(candidate.lowercased()) { return candidate }
            number += 1
        }
    }

    /// Why `name` is not a valid sheet name, or nil when it is.
    ///
    /// Checks what libxlsxwriter 1.1.4 does not: length in UTF-16 units (it counts code
    /// points) and characters XML forbids.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "the name is empty." }
        if name.utf16.count > maximumLength {
            return "the name is \(name.utf16.count) UTF-16 units long; Excel allows 31."
        }
        if name.unicodeScalars.contains(where: { !TextSanitizer.isAllowed($0) }) {
            return "the name contains a control character."
        }
        if name.lowercased() == "history" { return "Excel reserves the name 'History'." }
        return nil
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units.
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
        return result
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first == "'" { slice.removeFirst() }
        while slice.last == "'" { slice.removeLast() }
        return String(slice)
    }
}
