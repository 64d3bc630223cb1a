/// Turns a template's source into nodes: scan, drop standalone lines, then nest.
struct Parser {
    let templateName: String
    let bytes: [UInt8]
    /// Offsets where lines start, built the first time a line number is needed.
    private var lineStarts: [Int] = []

    init(templateName: String, source: String) {
        self.templateName = templateName
        self.bytes = Array(source.utf8)
    }

    /// Parses the whole source.
    mutating func parse() throws(MustacheError) -> [Node] {
        let tokens = markStandaloneLines(try tokenize())
        return try buildTree(tokens)
    }

    /// Removes the whitespace and newline of every line that holds only tags that write
    /// nothing (sections, comments, partials, delimiters, parents, blocks) and whitespace,
    /// and notes the indentation around those tags.
    ///
    /// Several such tags may share the line, as in `  {{<parent}}{{/parent}}`, which the
    /// inheritance specification treats as standalone.
    private func markStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        var lineNumber = 0

        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text, token.content.utf8.last == UInt8(ascii: "\n") {
                    break
                }
            }
            let line = tokens[lineStart..<lineEnd]
            let standalone =
                line.contains { $0.kind != .text }
                && line.allSatisfy { $0.kind == .text ? isBlank($0.content) : $0.canStandAlone }

            if standalone {
                let indentation = line.first.map { $0.kind == .text ? $0.content : "" } ?? ""
                let next = line.last.map { $0.kind == .text ? leadingWhitespace(from: $0.end) : "" }
                for var token in line where token.kind != .text {
                    token.line = lineNumber
                    token.standalone = true
                    token.lineIndentation = indentation
                    token.nextLineIndentation = next ?? ""
                    result.append(token)
                }
            } else {
                for var token in line {
                    token.line = lineNumber
                    result.append(token)
                }
            }
            lineStart = lineEnd
            lineNumber += 1
        }
        return result
    }

    /// Nests sections, parents and blocks, checking that every one is closed by its own name.
    private mutating func buildTree(_ tokens: [Token]) throws(MustacheError) -> [Node] {
        var root: [Node] = []
        var open: [(token: Token, children: [Node])] = []

        func append(_ node: Node) {
            if open.isEmpty {
                Self.append(node, to: &root)
            } else {
                Self.append(node, to: &open[open.count - 1].children)
            }
        }

        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1

            switch token.kind {
            case .text:
                append(.text(token.content))
            case .variable, .unescaped:
                append(.variable(Path(token.content), escaped: token.kind == .variable))
            case .comment, .setDelimiter:
                break
            case .partial:
                append(.partial(inclusion(token, overrides: [:])))
            case .section, .inverted, .parent, .block:
                // Rendering and walking the tree recurse once per level, so a bound here
                // keeps any source, however deep, from overflowing the stack.
                guard open.count < Template.nestingLimit else {
                    let kind = MustacheError.Kind.nestingLimit(
                        name: token.content, limit: Template.nestingLimit)
                    throw error(kind, at: token.start)
                }
                open.append((token, []))
            case .close:
                guard let (opening, children) = open.popLast() else {
                    throw error(.unexpectedClosingTag(name: token.written), at: token.start)
                }
                guard opening.content == token.content else {
                    let kind = MustacheError.Kind.mismatchedClosingTag(
                        found: token.written, open: opening.content, closingTag: opening.closingTag)
                    throw error(kind, at: token.start)
                }
                var content = children
                if opening.kind == .block, opening.standalone, !token.standalone,
                    index < tokens.count, tokens[index].kind == .text,
                    isBlank(tokens[index].content),
                    tokens[index].content.utf8.last == UInt8(ascii: "\n")
                {
                    // A block that starts on its own line owns whole lines: the newline
                    // ending its last line goes with it when it is passed to a parent.
                    Self.append(.text(tokens[index].content), to: &content)
                    index += 1
                }
                append(node(opening: opening, closing: token, children: content))
            }
        }

        if let (opening, _) = open.last {
            let kind = MustacheError.Kind.unclosedSection(
                name: opening.content, closingTag: opening.closingTag)
            throw error(kind, at: opening.start)
        }
        return root
    }

    /// The node for a section, parent or block whose closing tag has been reached.
    private mutating func node(opening: Token, closing: Token, children: [Node]) -> Node {
        switch opening.kind {
        case .parent:
            var overrides: [String: Block] = [:]
            for case .block(let block) in children where overrides[block.name] == nil {
                overrides[block.name] = block
            }
            return .parent(inclusion(opening, overrides: overrides))
        case .block:
            let site: String
            let intrinsic: String
            if opening.standalone, closing.standalone, opening.line == closing.line {
                (site, intrinsic) = (opening.lineIndentation, "")
            } else if opening.standalone {
                (site, intrinsic) = (opening.nextLineIndentation, opening.nextLineIndentation)
            } else {
                (site, intrinsic) = ("", "")
            }
            return .block(
                Block(
                    name: opening.content, siteIndentation: site, intrinsicIndentation: intrinsic,
                    children: children, location: location(of: opening.start)))
        default:
            return .section(
                Section(
                    path: Path(opening.content), inverted: opening.kind == .inverted,
                    children: children))
        }
    }

    private mutating func inclusion(_ token: Token, overrides: [String: Block]) -> Inclusion {
        Inclusion(
            name: token.content, indentation: token.standalone ? token.lineIndentation : "",
            overrides: overrides, location: location(of: token.start))
    }

    /// Appends a node, joining it to the text before it when both are text.
    ///
    /// The text before is taken out of the list first, so it is the only reference to its
    /// storage and grows in place: joining the lines of a long text stays linear.
    private static func append(_ node: Node, to nodes: inout [Node]) {
        guard case .text(let text) = node, case .text = nodes.last,
            case .text(var previous) = nodes.removeLast()
        else {
            nodes.append(node)
            return
        }
        previous += text
        nodes.append(.text(previous))
    }

    /// Whether the text is spaces and tabs, with at most a newline at its end.
    private func isBlank(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8
        if utf8.last == UInt8(ascii: "\n") {
            utf8 = utf8.dropLast()
            if utf8.last == UInt8(ascii: "\r") {
                utf8 = utf8.dropLast()
            }
        }
        return utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The spaces and tabs at `offset` in the source.
    private func leadingWhitespace(from offset: Int) -> String {
        var end = offset
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 {
            end += 1
        }
        return text(offset, end)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    mutating func location(of offset: Int) -> SourceLocation {
        if lineStarts.isEmpty {
            lineStarts =
                [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        let column = text(lineStarts[low], offset).count + 1
        return SourceLocation(templateName: templateName, line: low + 1, column: column)
    }

    mutating func error(_ kind: MustacheError.Kind, at offset: Int) -> MustacheError {
        MustacheError(kind, at: location(of: offset))
    }
}
