/// Makes any text safe for an Excel cell: the one place every string written by this
/// library passes through.
///
/// - Removes the characters XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C,
///   U+000E-U+001F, U+FFFE, U+FFFF), keeping the text around them. Tab, line feed and
///   carriage return stay. (Swift strings cannot hold lone surrogates.)
/// - In cell text, escapes a literal `_xHHHH_` (four hex digits) as `_x005F_xHHHH_`:
///   Excel and LibreOffice read `_xHHHH_` as an escaped character (`_x000D_` is a carriage
///   return), and `_x005F_` is the escape for `_` itself.
/// - Cuts text longer than Excel's 32,767 UTF-16 code units on a character (grapheme)
///   boundary and ends it with `truncationMarker`, the whole staying within the limit; when
///   the first character alone is longer (a letter with thousands of combining marks), on a
///   scalar boundary instead. Excel counts UTF-16 units while libxlsxwriter counts code
///   points, so emoji-heavy text is measured here, not left to the library. The limit
///   applies to the text as stored, escapes included, so that libxlsxwriter never refuses
///   it; text with many escapes is therefore cut a little short of what Excel would hold.
///
/// Clean short text is returned untouched without allocating.
public enum TextSanitizer {
    /// The most UTF-16 code units Excel accepts in one cell.
    public static let maximumLength = 32_767

    /// Appended to text that had to be cut.
    public static let truncationMarker = "… [truncated]"

    /// What the underscore of a literal `_xHHHH_` becomes in cell text.
    public static let escapedUnderscore = "_x005F_"

    /// Cell text: `text` without forbidden characters, with literal `_xHHHH_` escaped, and
    /// within `maximumLength` UTF-16 units as stored.
    public static func sanitize(_ text: String) -> String {
        clean(text, limit: maximumLength, escaping: true)
    }

    /// `text` without forbidden characters and within `limit` UTF-16 units; with `escaping`,
    /// literal `_xHHHH_` sequences are escaped (for cell text only: chart titles, formulas,
    /// number formats and document properties are not read that way).
    static func clean(_ text: String, limit: Int, escaping: Bool = false) -> String {
        var text = text
        let plain = text.withUTF8 { !needsWork($0, escaping: escaping) }
        if plain && (text.utf8.count <= limit || fitsUTF16(text, limit)) { return text }
        return slowPath(text, limit: limit, escaping: escaping)
    }

    /// Calls `body` with a NUL-terminated C string of the sanitized text (`escaping` for
    /// cell text, not for formulas).
    ///
    /// The fast path hands over the string's own storage: no copy, no allocation.
    @inline(__always)
    static func withCString<R>(
        _ text: String, escaping: Bool = true, _ body: (UnsafePointer<CChar>) -> R
    ) -> R {
        let direct: R? = text.withCString { pointer in
            let count = text.utf8.count
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
            guard !needsWork(bytes, escaping: escaping) else { return nil }
            guard count <= maximumLength || fitsUTF16(text, maximumLength) else { return nil }
            return body(pointer)
        }
        if let direct { return direct }
        return slowPath(text, limit: maximumLength, escaping: escaping).withCString(body)
    }

    /// Whether UTF-8 `bytes` hold a character XML 1.0 forbids (NUL included) or, with
    /// `escaping`, a literal `_xHHHH_`.
    @inline(__always)
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x5F {
                if escaping && startsEscape(bytes, at: index) { return true }
            } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF,
                bytes[index + 2] & 0xFE == 0xBE
            {
                // U+FFFE or U+FFFF.
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether `bytes[index...]` starts with `_x` and four hex digits and `_`.
    @inline(__always)
    static func startsEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index] == 0x5F, bytes[index + 1] == 0x78,
            bytes[index + 6] == 0x5F
        else { return false }
        for offset in 2...5 {
            let byte = bytes[index + offset] | 0x20  // ASCII letters to lower case
            guard (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) else {
                return false
            }
        }
        return true
    }

    /// Whether a scalar may appear in XML 1.0 text.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    private static func fitsUTF16(_ text: String, _ limit: Int) -> Bool {
        text.utf16.count <= limit
    }

    private static func slowPath(_ text: String, limit: Int, escaping: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            scalars.append(scalar)
        }
        let cleaned = String(scalars)
        let escapes = escaping ? escapeOffsets(cleaned) : []
        let extra = escapes.count * (escapedUnderscore.utf16.count - 1)
        if cleaned.utf8.count + extra <= limit || cleaned.utf16.count + extra <= limit {
            return escaped(cleaned, at: escapes)
        }
        guard limit > truncationMarker.utf16.count else {
            return String(truncationMarker.prefix(limit))
        }
        let cut = truncate(cleaned, limit: limit, escapes: Set(escapes))
        return escaped(cut, at: escapes.filter { $0 < cut.utf8.count }) + truncationMarker
    }

    /// UTF-8 offsets of the underscores that start a literal `_xHHHH_`, overlapping ones
    /// included (in `_x005F_x000D_` both underscores start one).
    static func escapeOffsets(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            bytes.indices.filter { bytes[$0] == 0x5F && startsEscape(bytes, at: $0) }
        }
    }

    /// `text` with `escapedUnderscore` in place of the underscore at each UTF-8 offset.
    private static func escaped(_ text: String, at offsets: [Int]) -> String {
        guard !offsets.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + offsets.count * 6)
        var next = 0
        for (offset, byte) in text.utf8.enumerated() {
            if next < offsets.count, offset == offsets[next] {
                result.append(contentsOf: escapedUnderscore.utf8)
                next += 1
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The longest prefix of whole characters that, escapes included, fits in `limit` minus
    /// the marker; when the first character alone does not fit, of whole scalars.
    static func truncate(_ text: String, limit: Int, escapes: Set<Int> = []) -> String {
        let budget = limit - truncationMarker.utf16.count
        guard budget > 0 else { return "" }
        let extra = escapedUnderscore.utf16.count - 1
        func width(from start: String.Index, to end: String.Index) -> Int {
            let units = text.utf16.distance(from: start, to: end)
            guard !escapes.isEmpty, text.utf8[start] == 0x5F else { return units }
            let offset = text.utf8.distance(from: text.startIndex, to: start)
            return units + (escapes.contains(offset) ? extra : 0)
        }

        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            let step = width(from: end, to: next)
            if used + step > budget { break }
            used += step
            end = next
        }
        if end == text.startIndex {
            let view = text.unicodeScalars
            while end < text.endIndex {
                let next = view.index(after: end)
                let step = width(from: end, to: next)
                if used + step > budget { break }
                used += step
                end = next
            }
        }
        return String(text[..<end])
    }
}
