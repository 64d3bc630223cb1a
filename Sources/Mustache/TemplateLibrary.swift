/// A set of named templates that can include one another, and the way to render them.
///
/// Register every template, partial and parent under its name, then render one by name:
///
/// ```swift
/// var library = TemplateLibrary()
/// try library.register(name: "report.html", source: "{{> header}}<p>{{title}}</p>")
/// try library.register(name: "header.html", source: "<h1>{{title}}</h1>")
/// let html = try library.render("report.html", data: ["title": "Weekly"])
/// ```
///
/// Partials `{{>name}}` and parents `{{<name}}` are looked up when rendering reaches them;
/// `checkInclusions(from:)` finds a missing one before, wherever it stands.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    /// When `true`, a partial or parent that is not registered renders as nothing, as the
    /// Mustache specification asks. When `false`, the default, rendering throws
    /// `MustacheError` naming the tag, so a misspelt name cannot go unnoticed.
    public var allowsMissingPartials = false

    /// How deep partials and parents may nest before rendering stops with
    /// `MustacheError.Kind.recursionLimit`, most likely a template including itself without
    /// end. A tree a thousand levels deep renders with the default.
    public var recursionLimit = 1000

    /// How deep sections, blocks, partials and parents may nest in all, across templates,
    /// before rendering stops with `MustacheError.Kind.levelLimit`. Rendering runs on a
    /// thread whose stack is sized for this many levels, so no template or data, and no
    /// `recursionLimit`, can overflow it.
    public static let levelLimit = 10_000

    /// Creates an empty library.
    public init() {}

    /// Parses `source` and stores it under `name`, replacing any template of that name.
    ///
    /// - Throws: `MustacheError` when the source does not parse; nothing is stored then.
    public mutating func register(name: String, source: String) throws(MustacheError) {
        templates[name] = try Template(name: name, source: source)
    }

    /// Stores an already parsed template under its own name.
    public mutating func register(_ template: Template) {
        templates[template.name] = template
    }

    /// Whether a template is stored under exactly this name.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// The template stored under exactly this name, if any.
    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// The names of all stored templates, sorted.
    public var names: [String] {
        templates.keys.sorted()
    }

    /// Renders the template `name` with `data` as the bottom of the context stack.
    ///
    /// A partial or parent name is tried as written, then with `.mustache`, then with the
    /// extension of `name`, so `{{> header}}` in `report.html` finds `header.html`. Partials
    /// and parents use the same escaping as the template they are rendered into.
    ///
    /// - Parameters:
    ///   - name: The registered name of the template to render.
    ///   - data: The values the template's tags name.
    ///   - escaping: How `{{name}}` escapes values; `nil` chooses by the extension of `name`
    ///     (see `Escaping.forTemplateName(_:)`).
    /// - Returns: The rendered text.
    /// - Throws: `MustacheError` when `name` is not registered, a partial or parent is
    ///   missing (unless `allowsMissingPartials`), or nesting passes `recursionLimit` or
    ///   `levelLimit`.
    public func render(
        _ name: String, data: MustacheValue, escaping: Escaping? = nil
    ) throws(MustacheError) -> String {
        guard let template = templates[name] else {
            throw MustacheError(
                .unknownTemplate(name: name), templateName: name, line: nil, column: nil)
        }

        let library = self
        let escaping = escaping ?? .forTemplateName(name)
        return try RenderThread.run { () throws(MustacheError) -> String in
            var renderer = Renderer(
                library: library, escaping: escaping, rootName: name, data: data)
            renderer.output.reserveCapacity(max(4096, template.sourceSize * 2))
            try renderer.render(template.nodes)
            return renderer.output
        }
    }

    /// Finds a partial or parent: the name as written, then with `.mustache`, then with the
    /// root template's extension. Returns the names tried, for an error message.
    func resolve(_ name: String, rootExtension: String) -> (Template?, tried: [String]) {
        var candidates = [name, name + ".mustache"]
        if !rootExtension.isEmpty, rootExtension != ".mustache" {
            candidates.append(name + rootExtension)
        }
        for candidate in candidates {
            if let template = templates[candidate] {
                return (template, candidates)
            }
        }
        return (nil, candidates)
    }
}
