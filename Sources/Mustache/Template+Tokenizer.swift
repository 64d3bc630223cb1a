/// One tag or one piece of text, as the scanner finds it.
///
/// Text is cut after every newline, so a line of the template is a run of tokens that ends
/// with a text token ending in a newline, or with the end of the source.
struct Token {
    enum Kind: Equatable {
        case text, variable, unescaped, section, inverted, close, comment, partial, parent
        case block, setDelimiter
    }

    let kind: Kind
    /// The text itself, or the tag's name with the surrounding whitespace removed.
    let content: String
    /// Byte offsets of the token in the source.
    let start: Int
    let end: Int
    /// The tag as written, for messages.
    var written = ""
    /// For a tag that opens something: the tag that closes it, in the delimiters in force.
    var closingTag = ""
    /// The number of the line the token is on, counting text newlines only.
    var line = 0
    /// Whether the tag's line holds only whitespace and tags that write nothing.
    var standalone = false
    /// For a standalone tag: the whitespace that started its line.
    var lineIndentation = ""
    /// For a standalone tag: the whitespace that starts the line after it.
    var nextLineIndentation = ""

    /// Whether the tag may stand alone on a line, which removes that line from the output.
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable, .unescaped: return false
        default: return true
        }
    }
}

extension Parser {
    /// Splits the source into text and tags, following set-delimiter tags as it goes.
    mutating func tokenize() throws(MustacheError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0

        while position < bytes.count {
            guard let tagStart = find(open, from: position) else {
                appendText(from: position, to: bytes.count, into: &tokens)
                break
            }
            appendText(from: position, to: tagStart, into: &tokens)

            var cursor = tagStart + open.count
            let (kind, terminator) = tagKind(at: cursor, close: close)
            if kind != .variable {
                cursor += 1
            }
            let unclosed = MustacheError.Kind.unclosedTag(
                expected: String(decoding: terminator, as: UTF8.self))
            guard let contentEnd = find(terminator, from: cursor) else {
                if kind == .setDelimiter, let closeStart = find(close, from: cursor) {
                    let written = text(tagStart, closeStart + close.count)
                    throw error(.invalidSetDelimiter(content: written), at: tagStart)
                }
                throw error(unclosed, at: tagStart)
            }
            let tagEnd = contentEnd + terminator.count
            let written = text(tagStart, tagEnd)
            position = tagEnd

            switch kind {
            case .comment:
                tokens.append(Token(kind: kind, content: "", start: tagStart, end: tagEnd))
                continue
            case .setDelimiter:
                guard let (newOpen, newClose) = delimiters(in: cursor, contentEnd) else {
                    throw error(.invalidSetDelimiter(content: written), at: tagStart)
                }
                (open, close) = (newOpen, newClose)
                tokens.append(Token(kind: kind, content: "", start: tagStart, end: tagEnd))
                continue
            default:
                break
            }

            let name = text(cursor, contentEnd).trimmingWhitespace()
            if name.isEmpty {
                throw error(.emptyTagName(tag: written), at: tagStart)
            }
            // A name running over a line or into another tag means this tag was never closed.
            if name.utf8.contains(UInt8(ascii: "\n"))
                || name.contains(String(decoding: open, as: UTF8.self))
            {
                throw error(unclosed, at: tagStart)
            }
            var token = Token(kind: kind, content: name, start: tagStart, end: tagEnd)
            token.written = written
            token.closingTag =
                String(decoding: open, as: UTF8.self) + "/" + name
                + String(decoding: close, as: UTF8.self)
            tokens.append(token)
        }
        return tokens
    }

    /// The kind of the tag whose content starts at `index`, and the bytes that end it.
    private func tagKind(at index: Int, close: [UInt8]) -> (Token.Kind, [UInt8]) {
        guard index < bytes.count else { return (.variable, close) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return (.unescaped, [UInt8(ascii: "}")] + close)
        case UInt8(ascii: "&"): return (.unescaped, close)
        case UInt8(ascii: "#"): return (.section, close)
        case UInt8(ascii: "^"): return (.inverted, close)
        case UInt8(ascii: "/"): return (.close, close)
        case UInt8(ascii: "!"): return (.comment, close)
        case UInt8(ascii: ">"): return (.partial, close)
        case UInt8(ascii: "<"): return (.parent, close)
        case UInt8(ascii: "$"): return (.block, close)
        case UInt8(ascii: "="): return (.setDelimiter, [UInt8(ascii: "=")] + close)
        default: return (.variable, close)
        }
    }

    /// The two new delimiters of a set-delimiter tag whose content lies between the offsets,
    /// or `nil` when it is not exactly two words free of `=`.
    private func delimiters(in start: Int, _ end: Int) -> ([UInt8], [UInt8])? {
        let words = bytes[start..<end].split(whereSeparator: { $0.isWhitespace })
        guard words.count == 2, !words.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            return nil
        }
        return (Array(words[0]), Array(words[1]))
    }

    /// Adds the text between the offsets as tokens, cutting after every newline.
    private func appendText(from start: Int, to end: Int, into tokens: inout [Token]) {
        var lineStart = start
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                tokens.append(
                    Token(
                        kind: .text, content: text(lineStart, index + 1), start: lineStart,
                        end: index + 1))
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < end {
            tokens.append(
                Token(kind: .text, content: text(lineStart, end), start: lineStart, end: end))
        }
    }

    /// The offset of the first occurrence of `pattern` at or after `start`, if any.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern)
            {
                return index
            }
            index += 1
        }
        return nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension UInt8 {
    /// Space, tab, newline or carriage return.
    var isWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !$0.isWhitespace }),
            let last = utf8.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
