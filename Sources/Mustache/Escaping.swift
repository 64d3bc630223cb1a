/// How `{{name}}` escapes a value for the kind of document being written.
///
/// Triple mustaches `{{{name}}}` and `{{&name}}` never escape, in every mode.
public enum Escaping: Sendable {
    /// For HTML: `&`, `<`, `>`, `"` and `'` become character references; control
    /// characters other than tab and line breaks are dropped.
    case html
    /// For Markdown text and table cells: `|` becomes `\|`, every line break becomes one
    /// space, and backslash and `` ` * _ ~ [ ] < > # `` are backslash-escaped, so a value
    /// cannot break a table row or inject links, HTML, emphasis or strikethrough. A value
    /// that starts (after spaces) like a list item, a heading underline or a numbered item
    /// (`- `, `+ `, `--`, `=`, `1. `, `1) `) gets a backslash there too, so a value on a line
    /// of its own stays a paragraph. `&` is left alone; control characters other than tab
    /// are dropped. CommonMark renders a backslash before ASCII punctuation as the
    /// punctuation alone, so none of this shows, in a table cell or out of one.
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

    /// Appends `text`, escaped, to `output`; copies nothing extra when no character needs
    /// escaping, which is the common case.
    func append(_ text: String, to output: inout String) {
        switch self {
        case .html: Self.append(text, to: &output, table: Self.htmlTable, replace: Self.replaceHTML)
        case .markdown:
            if let marker = Self.blockMarker(in: text) {
                // Spaces, tabs and digits before the marker need no escaping.
                output.append(contentsOf: text[..<marker])
                output.append("\\")
                Self.append(
                    String(text[marker...]), to: &output, table: Self.markdownTable,
                    replace: Self.replaceMarkdown)
            } else {
                Self.append(
                    text, to: &output, table: Self.markdownTable, replace: Self.replaceMarkdown)
            }
        case .none: output.append(text)
        }
    }

    /// Scans the UTF-8 bytes for any byte the table marks, and rewrites only from there.
    ///
    /// `replace` gets the bytes, the index of a marked byte and the buffer to write to; it
    /// returns the index to go on from.
    private static func append(
        _ text: String, to output: inout String, table: [Bool],
        replace: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Int
    ) {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard var index = bytes.firstIndex(where: { table[Int($0)] }) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            while index < bytes.count {
                if table[Int(bytes[index])] {
                    index = replace(bytes, index, &result)
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return result
        }
        if let escaped {
            output.append(String(decoding: escaped, as: UTF8.self))
        } else {
            output.append(text)
        }
    }

    /// C0 controls but tab, line feed and carriage return, and DEL: HTML forbids them and
    /// in Markdown they only garble the page, so both escapers drop them.
    private static let controls: [UInt8] =
        Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F]

    /// Marks `& < > " '` and the controls.
    private static let htmlTable = table(for: "&<>\"'", extra: controls)

    /// Marks `|`, CR, LF, the lead byte of U+2028 and U+2029, backslash, inline markup and
    /// the controls.
    private static let markdownTable = table(for: "|\r\n\\`*_~[]<>#", extra: [0xE2] + controls)

    /// Where a value that starts like a Markdown block needs a backslash: before `-` or `+`
    /// followed by a space, a tab, another `-` or nothing (a list item, a heading underline,
    /// a rule); before `=` (a heading underline); before the `.` or `)` of one to nine
    /// digits followed by a space, a tab or nothing (a numbered item). Leading spaces and
    /// tabs are looked through. `#`, `>`, `*`, `_`, `~` and `` ` `` are escaped anywhere.
    static func blockMarker(in text: String) -> String.Index? {
        let utf8 = text.utf8
        guard var index = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else {
            return nil
        }
        func endsMarker(_ after: String.Index, allowing extra: UInt8? = nil) -> Bool {
            guard after != utf8.endIndex else { return true }
            let next = utf8[after]
            return next == 0x20 || next == 0x09 || next == extra
        }
        switch utf8[index] {
        case UInt8(ascii: "="):
            return index
        case UInt8(ascii: "-"):
            return endsMarker(utf8.index(after: index), allowing: UInt8(ascii: "-")) ? index : nil
        case UInt8(ascii: "+"):
            return endsMarker(utf8.index(after: index)) ? index : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digits = 0
            while index != utf8.endIndex,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[index])
            {
                digits += 1
                index = utf8.index(after: index)
            }
            guard digits <= 9, index != utf8.endIndex,
                utf8[index] == UInt8(ascii: ".") || utf8[index] == UInt8(ascii: ")"),
                endsMarker(utf8.index(after: index))
            else { return nil }
            return index
        default:
            return nil
        }
    }

    private static func table(for characters: String, extra: [UInt8] = []) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in Array(characters.utf8) + extra {
            table[Int(byte)] = true
        }
        return table
    }

    private static func replaceHTML(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ result: inout [UInt8]
    ) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
        default: break  // a control character: dropped
        }
        return index + 1
    }

    private static func replaceMarkdown(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ result: inout [UInt8]
    ) -> Int {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\n"):
            result.append(UInt8(ascii: " "))
        case UInt8(ascii: "\r"):
            result.append(UInt8(ascii: " "))
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                return index + 2
            }
        case 0xE2:
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences stay.
            if index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                result.append(UInt8(ascii: " "))
                return index + 3
            }
            result.append(byte)
        case 0x00...0x1F, 0x7F:
            break  // a control character: dropped
        default:
            result.append(UInt8(ascii: "\\"))
            result.append(byte)
        }
        return index + 1
    }
}
