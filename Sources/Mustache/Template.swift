/// A parsed template: its source turned once into a tree of nodes that renders many times.
///
/// Parse one with `init(name:source:)` or through `TemplateLibrary.register(name:source:)`;
/// render it through a `TemplateLibrary`, which also holds its partials and parents.
public struct Template: Sendable {
    /// The name the template is known by; it appears in error messages and selects the
    /// escaping when none is given.
    public let name: String
    /// The size of the source in UTF-8 bytes, used to size the output buffer.
    let sourceSize: Int
    /// The top-level nodes.
    let nodes: [Node]

    /// How deep sections, inverted sections, parents and blocks may nest in one template;
    /// a deeper source is refused when it is parsed, with `MustacheError.Kind.nestingLimit`.
    public static let nestingLimit = 512

    /// Parses `source` into a template called `name`.
    ///
    /// - Throws: `MustacheError` for an unclosed tag or section, a closing tag that does not
    ///   match, an invalid set-delimiter tag, a tag without a name, or sections nested deeper
    ///   than `nestingLimit`; the error gives the line and column of the tag.
    public init(name: String, source: String) throws(MustacheError) {
        var parser = Parser(templateName: name, source: source)
        self.name = name
        self.sourceSize = source.utf8.count
        self.nodes = try parser.parse()
    }

    /// The names that the template's partial `{{>name}}` and parent `{{<name}}` tags give,
    /// as written, wherever they stand (inside sections and blocks too).
    public var inclusionNames: Set<String> {
        Set(inclusions.map(\.inclusion.name))
    }

    /// Every partial and parent tag, wherever it stands, in source order.
    var inclusions: [(inclusion: Inclusion, isParent: Bool)] {
        var found: [(inclusion: Inclusion, isParent: Bool)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(let section): walk(section.children)
                case .partial(let inclusion):
                    found.append((inclusion, false))
                case .parent(let inclusion):
                    found.append((inclusion, true))
                    for block in inclusion.overrides.values { walk(block.children) }
                case .block(let block): walk(block.children)
                }
            }
        }
        walk(nodes)
        return found.sorted {
            ($0.inclusion.location.line, $0.inclusion.location.column)
                < ($1.inclusion.location.line, $1.inclusion.location.column)
        }
    }
}

/// One piece of a parsed template.
enum Node: Sendable {
    /// Literal text, written as it is.
    case text(String)
    /// `{{name}}` when `escaped`, `{{{name}}}` or `{{&name}}` when not.
    case variable(Path, escaped: Bool)
    /// `{{#name}}` or, when `inverted`, `{{^name}}`.
    case section(Section)
    /// `{{>name}}`.
    case partial(Inclusion)
    /// `{{<name}}` with the blocks it overrides.
    case parent(Inclusion)
    /// `{{$name}}` with its default content.
    case block(Block)
}

/// A dotted name split once at parse time; an empty list is the implicit iterator `.`.
struct Path: Sendable {
    let components: [String]

    init(_ name: String) {
        components =
            name == "."
            ? []
            : name.split(separator: ".", omittingEmptySubsequences: false)
                .map(String.init)
    }
}

/// A section or inverted section.
struct Section: Sendable {
    let path: Path
    let inverted: Bool
    let children: [Node]
}

/// A partial or parent tag: the template it expands and how to indent it.
struct Inclusion: Sendable {
    /// The name as written in the tag.
    let name: String
    /// Whitespace before a standalone tag, added to every line of the expansion.
    let indentation: String
    /// The blocks a parent tag passes to its template, by name; empty for partials.
    let overrides: [String: Block]
    /// Where the tag is, for a missing-template error.
    let location: SourceLocation
}

/// A block `{{$name}}…{{/name}}`: a place a parent can fill, or the content passed to fill it.
struct Block: Sendable {
    let name: String
    /// The indentation of the place: whitespace added to each line of content put here.
    let siteIndentation: String
    /// The indentation of the content's own lines, removed when the content moves elsewhere.
    let intrinsicIndentation: String
    let children: [Node]
    /// Where the block tag is, for an error met while rendering it.
    let location: SourceLocation
}
