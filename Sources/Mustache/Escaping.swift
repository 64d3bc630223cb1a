/// How `{{name}}` escapes a value for the kind of document being written.
///
/// Triple mustaches `{{{name}}}` and `{{&name}}` never escape, in every mode.
public enum Escaping: Sendable {
    /// For HTML: `&`, `<`, `>`, `"` and `'` become character references.
    case html
    /// For Markdown text and table cells: `|` becomes `\|`, every line break becomes one
    /// space, and backslash and `` ` * _ [ ] < > # `` are backslash-escaped, so a value
    /// cannot break a table row or inject links, HTML or emphasis. `&` is left alone.
    case markdown
    /// No escaping: values are written as they are.
    case none

    /// The escaping that suits a template, chosen from its file name's extension.
    ///
    /// `.html` and `.htm` give `.html`; `.md` and `.markdown` give `.markdown`; anything else
    /// gives `.html`, Mustache's default. A trailing `.mustache` is looked through, so
    /// `report.md.mustache` is Markdown.
    public static func forTemplateName(_ name: String) -> Escaping {
        var lowercased = name.lowercased()
        if lowercased.hasSuffix(".mustache") {
            lowercased.removeLast(".mustache".count)
        }
        if lowercased.hasSuffix(".md") || lowercased.hasSuffix(".markdown") {
            return .markdown
        }
        return .html
    }

    /// Returns `text` escaped for this kind of output.
    public func escape(_ text: String) -> String {
        var result = ""
        append(text, to: &result)
        return result
    }

    /// Appends `text`, escaped, to `output`; copies nothing when no character needs escaping.
    func append(_ text: String, to output: inout String) {
        switch self {
        case .html: Self.appendHTML(text, to: &output)
        case .markdown: Self.appendMarkdown(text, to: &output)
        case .none: output.append(text)
        }
    }

    private static func appendHTML(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex
        var index = chunkStart
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                output.append(contentsOf: text[chunkStart..<index])
                output.append(replacement)
                chunkStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output.append(contentsOf: text[chunkStart..<utf8.endIndex])
    }

    private static func appendMarkdown(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex
        var index = chunkStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            var next = utf8.index(after: index)
            let replacement: String?
            switch byte {
            case UInt8(ascii: "|"): replacement = "\\|"
            case UInt8(ascii: "\n"): replacement = " "
            case UInt8(ascii: "\r"):
                replacement = " "
                if next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
            case 0xE2 where isParagraphOrLineSeparator(utf8, at: next):
                replacement = " "
                next = utf8.index(next, offsetBy: 2)
            default:
                replacement = markdownSpecials.contains(byte) ? "\\" + String(UnicodeScalar(byte)) : nil
            }
            if let replacement {
                output.append(contentsOf: text[chunkStart..<index])
                output.append(replacement)
                chunkStart = next
            }
            index = next
        }
        output.append(contentsOf: text[chunkStart..<utf8.endIndex])
    }

    /// The ASCII characters that start Markdown inline markup, with the backslash itself.
    private static let markdownSpecials: Set<UInt8> = Set("\\`*_[]<>#".utf8)

    /// Whether the two bytes after a 0xE2 lead byte complete U+2028 or U+2029.
    private static func isParagraphOrLineSeparator(
        _ utf8: String.UTF8View, at index: String.UTF8View.Index
    ) -> Bool {
        guard index != utf8.endIndex, utf8[index] == 0x80 else { return false }
        let last = utf8.index(after: index)
        return last != utf8.endIndex && (utf8[last] == 0xA8 || utf8[last] == 0xA9)
    }
}
