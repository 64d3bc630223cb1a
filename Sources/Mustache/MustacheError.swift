/// A template that cannot be parsed or rendered, with the place to fix it.
///
/// `description` reads like a compiler diagnostic, for example
/// `report.html:12:5: error: unclosed section 'rows' (expected '{{/rows}}')`.
public struct MustacheError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong; each case carries the names the message quotes.
    public enum Kind: Sendable, Equatable {
        /// A section, inverted section, parent or block was opened and never closed;
        /// `closingTag` is the tag that would close it. Points at the opening tag.
        case unclosedSection(name: String, closingTag: String)
        /// A closing tag names something other than the innermost open section.
        case mismatchedClosingTag(found: String, open: String, closingTag: String)
        /// A closing tag appears while no section is open.
        case unexpectedClosingTag(name: String)
        /// A set-delimiter tag is not two delimiters between equals signs.
        case invalidSetDelimiter(content: String)
        /// A tag was opened and its closing delimiter `expected` never follows.
        case unclosedTag(expected: String)
        /// A tag that needs a name has none; `tag` is the tag as written.
        case emptyTagName(tag: String)
        /// `{{>name}}` names a template that is not registered; `tried` lists the names
        /// looked up.
        case missingPartial(name: String, tried: [String])
        /// `{{<name}}` names a template that is not registered; `tried` lists the names
        /// looked up.
        case missingParent(name: String, tried: [String])
        /// Partials or parents nest deeper than `limit`, most likely a template including
        /// itself without end.
        case recursionLimit(name: String, limit: Int)
        /// Sections, blocks, partials and parents, counted together across templates, nest
        /// more than `limit` deep while rendering; points at the partial, parent or block tag
        /// that would go deeper.
        case levelLimit(name: String, limit: Int)
        /// Sections, inverted sections, parents and blocks are nested more than `limit`
        /// deep in one template; points at the tag that opens one level too many.
        case nestingLimit(name: String, limit: Int)
        /// A template includes itself as a partial or parent outside any section or block,
        /// so rendering it would never end; `name` is the name as written in the tag.
        case includesItself(name: String)
        /// `render` was asked for a template that is not registered.
        case unknownTemplate(name: String)
    }

    /// What went wrong.
    public let kind: Kind
    /// The name of the template holding the fault, as registered.
    public let templateName: String
    /// The 1-based line of the offending tag, or `nil` when the fault has no place in a template.
    public let line: Int?
    /// The 1-based column, counted in characters, of the offending tag, or `nil` with `line`.
    public let column: Int?

    /// Creates an error for `kind` found at `line` and `column` of the template `templateName`.
    public init(_ kind: Kind, templateName: String, line: Int?, column: Int?) {
        self.kind = kind
        self.templateName = templateName
        self.line = line
        self.column = column
    }

    init(_ kind: Kind, at location: SourceLocation) {
        self.init(
            kind, templateName: location.templateName, line: location.line,
            column: location.column)
    }

    /// The message alone, without the place: what went wrong and what was expected.
    public var message: String {
        switch kind {
        case .unclosedSection(let name, let closingTag):
            return "unclosed section '\(name)' (expected '\(closingTag)')"
        case .mismatchedClosingTag(let found, let open, let closingTag):
            return "closing tag '\(found)' does not match the open section '\(open)'"
                + " (expected '\(closingTag)')"
        case .unexpectedClosingTag(let name):
            return "closing tag '\(name)' has no open section to close"
        case .invalidSetDelimiter(let content):
            return "invalid set-delimiter tag '\(content)'"
                + " (expected two delimiters without spaces or '=' between equals signs,"
                + " such as '{{=<% %>=}}')"
        case .unclosedTag(let expected):
            return "unclosed tag (expected '\(expected)' to end it)"
        case .emptyTagName(let tag):
            return "tag '\(tag)' has no name (expected a name such as '{{title}}')"
        case .missingPartial(let name, let tried):
            return "no partial named '\(name)' is registered (looked for \(Self.list(tried)))"
        case .missingParent(let name, let tried):
            return "no parent template named '\(name)' is registered"
                + " (looked for \(Self.list(tried)))"
        case .recursionLimit(let name, let limit):
            return "'\(name)' is nested more than \(limit) partials or parents deep"
                + " (does a template include itself without end?)"
        case .levelLimit(let name, let limit):
            return "'\(name)' would nest sections, blocks, partials and parents more than"
                + " \(limit) levels deep (does a template include itself without end?)"
        case .nestingLimit(let name, let limit):
            return "'\(name)' is nested more than \(limit) sections, parents or blocks deep"
                + " (at most \(limit) levels are allowed in one template)"
        case .includesItself(let name):
            return "'\(name)' names this template itself, outside any section or block,"
                + " so rendering it would never end"
        case .unknownTemplate(let name):
            return "no template named '\(name)' is registered"
        }
    }

    /// The diagnostic: `name:line:column: error: message`.
    public var description: String {
        var place = templateName
        if let line {
            place += ":\(line)"
            if let column {
                place += ":\(column)"
            }
        }
        return "\(place): error: \(message)"
    }

    private static func list(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// A place in a template's source, kept on the nodes that can fail at render time.
struct SourceLocation: Sendable, Equatable {
    var templateName: String
    var line: Int
    var column: Int
}
