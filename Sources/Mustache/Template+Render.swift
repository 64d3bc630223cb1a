/// Walks a template's nodes once, appending everything it writes to one string.
///
/// Indentation follows two values. `indentation` is added at the start of every line of
/// template text (not of interpolated values) and grows as standalone partials, parents and
/// blocks nest. `dedent` is the indentation a block's content had where it was written,
/// removed from its lines when the content is placed in a parent.
struct Renderer {
    let library: TemplateLibrary
    let escaping: Escaping
    /// The root template's file extension with its dot, tried when a partial name misses.
    let rootExtension: String
    var output = ""
    private var stack: [MustacheValue]
    private var indentation = ""
    private var dedent = ""
    private var atLineStart = true
    /// The blocks passed down by the parents being rendered, by name.
    private var overrides: [String: Block] = [:]
    /// How many partials and parents are being rendered, one inside the other.
    private var depth = 0
    /// How many node lists are being rendered, one inside the other: sections, blocks,
    /// partials and parents all count. Bounds the stack the renderer uses.
    private var levels = 0

    init(library: TemplateLibrary, escaping: Escaping, rootName: String, data: MustacheValue) {
        self.library = library
        self.escaping = escaping
        self.rootExtension = Self.fileExtension(of: rootName)
        self.stack = [data]
    }

    mutating func render(_ nodes: [Node]) throws(MustacheError) {
        levels += 1
        defer { levels -= 1 }
        for node in nodes {
            switch node {
            case .text(let text):
                write(text)
            case .variable(let path, let escaped):
                write(lookup(path), escaped: escaped)
            case .section(let section):
                try render(section)
            case .partial(let inclusion):
                try include(inclusion, isParent: false)
            case .parent(let inclusion):
                try include(inclusion, isParent: true)
            case .block(let block):
                try render(block)
            }
        }
    }

    private mutating func render(_ section: Section) throws(MustacheError) {
        let value = lookup(section.path)
        if section.inverted {
            if !value.isTruthy {
                try render(section.children)
            }
            return
        }

        if case .array(let items) = value {
            for item in items {
                stack.append(item)
                try render(section.children)
                stack.removeLast()
            }
        } else if value.isTruthy {
            stack.append(value)
            try render(section.children)
            stack.removeLast()
        }
    }

    /// Renders a partial, or a parent with its blocks, at the current place.
    private mutating func include(_ inclusion: Inclusion, isParent: Bool) throws(MustacheError) {
        let (found, tried) = library.resolve(inclusion.name, rootExtension: rootExtension)
        guard let template = found else {
            if library.allowsMissingPartials {
                return
            }
            let kind: MustacheError.Kind =
                isParent
                ? .missingParent(name: inclusion.name, tried: tried)
                : .missingPartial(name: inclusion.name, tried: tried)
            throw MustacheError(kind, at: inclusion.location)
        }
        guard depth < library.recursionLimit else {
            let kind = MustacheError.Kind.recursionLimit(
                name: inclusion.name, limit: library.recursionLimit)
            throw MustacheError(kind, at: inclusion.location)
        }
        try checkLevels(inclusion.name, at: inclusion.location)

        let saved = (indentation, dedent, overrides)
        indentation += inclusion.indentation.removingCommonPrefix(with: dedent)
        dedent = ""
        if isParent {
            // Blocks passed from further out win over the parent's own arguments.
            overrides = inclusion.overrides.merging(overrides) { _, outer in outer }
        }
        depth += 1
        try render(template.nodes)
        depth -= 1
        (indentation, dedent, overrides) = saved
    }

    /// Renders the content passed for a block, re-indented for this place, or else its own.
    private mutating func render(_ block: Block) throws(MustacheError) {
        try checkLevels(block.name, at: block.location)
        guard let content = overrides[block.name] else {
            try render(block.children)
            return
        }

        let saved = (indentation, dedent, overrides)
        indentation += block.siteIndentation.removingCommonPrefix(with: dedent)
        dedent = content.intrinsicIndentation
        // Inside its own content a block of the same name shows its default, not itself.
        overrides[block.name] = nil
        try render(content.children)
        (indentation, dedent, overrides) = saved
    }

    /// Stops rendering before it nests deeper than `TemplateLibrary.levelLimit`. Between
    /// two partials, parents or blocks lie at most `Template.nestingLimit` levels of one
    /// template, so checking at these keeps the whole depth within the render thread's stack.
    private func checkLevels(_ name: String, at location: SourceLocation) throws(MustacheError) {
        guard levels < TemplateLibrary.levelLimit else {
            let kind = MustacheError.Kind.levelLimit(name: name, limit: TemplateLibrary.levelLimit)
            throw MustacheError(kind, at: location)
        }
    }

    /// Finds a name on the context stack: the first part from the top down, the other parts
    /// inside what the first one found.
    private func lookup(_ path: Path) -> MustacheValue {
        guard let first = path.components.first else {
            return stack.last ?? .null
        }
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], var value = object[first] {
                for component in path.components.dropFirst() {
                    guard case .object(let inner) = value, let next = inner[component] else {
                        return .null
                    }
                    value = next
                }
                return value
            }
            index -= 1
        }
        return .null
    }

    private mutating func write(_ value: MustacheValue, escaped: Bool) {
        let text: String
        switch value {
        case .null, .object: return
        case .string(let string): text = string
        default: text = value.renderedText
        }
        guard !text.isEmpty else { return }

        if atLineStart, !indentation.isEmpty {
            output += indentation
        }
        atLineStart = false
        if escaped {
            escaping.append(text, to: &output)
        } else {
            output += text
        }
    }

    /// Writes template text, indenting and dedenting each of its lines as needed.
    private mutating func write(_ text: String) {
        if indentation.isEmpty, dedent.isEmpty {
            output += text
            atLineStart = text.utf8.last == UInt8(ascii: "\n")
            return
        }

        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")).map {
                rest.utf8.index(after: $0)
            }
            var line = rest[..<(end ?? rest.endIndex)]
            rest = rest[(end ?? rest.endIndex)...]
            if atLineStart {
                line = line.droppingCommonPrefix(with: dedent)
                if !line.isEmpty, line != "\n", line != "\r\n" {
                    output += indentation
                }
            }
            output += line
            if !line.isEmpty {
                atLineStart = line.utf8.last == UInt8(ascii: "\n")
            }
        }
    }

    /// `.html` for `report.html`, or the empty string for a name without an extension.
    static func fileExtension(of name: String) -> String {
        let file = name.split(separator: "/").last ?? Substring(name)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return "" }
        return String(file[dot...])
    }
}

extension StringProtocol {
    /// The string without the longest start it shares with `prefix`.
    func droppingCommonPrefix(with prefix: String) -> SubSequence {
        var index = startIndex
        for character in prefix {
            guard index != endIndex, self[index] == character else { break }
            index = self.index(after: index)
        }
        return self[index...]
    }

    func removingCommonPrefix(with prefix: String) -> String {
        String(droppingCommonPrefix(with: prefix))
    }
}
