/// Makes any text safe for an Excel cell: the one place every string written by this
/// library passes through.
///
/// - Removes the characters XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C,
///   U+000E-U+001F, U+FFFE, U+FFFF), keeping the text around them. Tab, line feed and
///   carriage return stay. (Swift strings cannot hold lone surrogates.)
/// - Cuts text longer than Excel's 32,767 UTF-16 code units on a character (grapheme)
///   boundary and ends it with `truncationMarker`, the whole staying within the limit.
///   Excel counts UTF-16 units while libxlsxwriter counts code points, so emoji-heavy
///   text is measured here, not left to the library.
///
/// Clean short text is returned untouched without allocating.
public enum TextSanitizer {
    /// The most UTF-16 code units Excel accepts in one cell.
    public static let maximumLength = 32_767

    /// Appended to text that had to be cut.
    public static let truncationMarker = "… [truncated]"

    /// `text` without forbidden characters and within `maximumLength` UTF-16 units.
    public static func sanitize(_ text: String) -> String {
        sanitize(text, limit: maximumLength)
    }

    /// `text` without forbidden characters and within `limit` UTF-16 units; used for
    /// shorter limits such as chart and property texts.
    static func sanitize(_ text: String, limit: Int) -> String {
        var text = text
        let forbidden = text.withUTF8 { containsForbidden($0) }
        if !forbidden && (text.utf8.count <= limit || fitsUTF16(text, limit)) { return text }
        return slowPath(text, limit: limit)
    }

    /// Calls `body` with a NUL-terminated C string of the sanitized text.
    ///
    /// The fast path hands over the string's own storage: no copy, no allocation.
    @inline(__always)
    static func withCString<R>(_ text: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        let direct: R? = text.withCString { pointer in
            let count = text.utf8.count
            let bytes = UnsafeBufferPointer(
                start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
            guard !containsForbidden(bytes) else { return nil }
            guard count <= maximumLength || fitsUTF16(text, maximumLength) else { return nil }
            return body(pointer)
        }
        if let direct { return direct }
        return slowPath(text, limit: maximumLength).withCString(body)
    }

    /// Whether UTF-8 `bytes` hold a character XML 1.0 forbids (NUL included).
    @inline(__always)
    static func containsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
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

    /// Whether a scalar may appear in XML 1.0 text.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        return value != 0xFFFE && value != 0xFFFF
    }

    private static func fitsUTF16(_ text: String, _ limit: Int) -> Bool {
        text.utf16.count <= limit
    }

    private static func slowPath(_ text: String, limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            scalars.append(scalar)
        }
        let cleaned = String(scalars)
        guard cleaned.utf8.count > limit, cleaned.utf16.count > limit else { return cleaned }
        return truncate(cleaned, limit: limit)
    }

    /// Keeps whole characters while they fit in `limit` minus the marker, then the marker.
    static func truncate(_ text: String, limit: Int) -> String {
        let marker = truncationMarker
        let budget = limit - marker.utf16.count
        guard budget > 0 else { return String(marker.prefix(limit)) }

        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            let width = text.utf16.distance(from: end, to: next)
            if used + width > budget { break }
            used += width
            end = next
        }
        return String(text[..<end]) + marker
    }
}
