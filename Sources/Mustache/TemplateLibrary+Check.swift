extension TemplateLibrary {
    /// Checks, without rendering, that every partial and parent that `root` names can be
    /// found, and every one that those name in turn, wherever the tags stand: inside a
    /// section that the data may never open, or in a block that may be overridden.
    ///
    /// Names are resolved as `render(_:data:escaping:)` resolves them for `root`: as
    /// written, then with `.mustache`, then with the extension of `root`.
    ///
    /// It also refuses a template that includes itself outside any section or block: that
    /// tag is reached every time, so rendering could never end.
    ///
    /// - Throws: `MustacheError` with `.unknownTemplate` when `root` is not registered;
    ///   `.missingPartial` or `.missingParent` for the first tag, in the order the templates
    ///   are reached, whose template is missing (nothing is thrown for these when
    ///   `allowsMissingPartials` is set); `.includesItself` for a tag that includes its own
    ///   template unconditionally. The error's place is that tag's.
    public func checkInclusions(from root: String) throws(MustacheError) {
        guard contains(root) else {
            throw MustacheError(
                .unknownTemplate(name: root), templateName: root, line: nil, column: nil)
        }
        let rootExtension = Renderer.fileExtension(of: root)
        var pending = [root]
        var visited: Set<String> = [root]

        while !pending.isEmpty {
            let name = pending.removeFirst()
            guard let template = template(named: name) else { continue }
            for (inclusion, isParent) in template.inclusions {
                let (found, tried) = resolve(inclusion.name, rootExtension: rootExtension)
                guard let found else {
                    if allowsMissingPartials { continue }
                    let kind: MustacheError.Kind =
                        isParent
                        ? .missingParent(name: inclusion.name, tried: tried)
                        : .missingPartial(name: inclusion.name, tried: tried)
                    throw MustacheError(kind, at: inclusion.location)
                }
                if visited.insert(found.name).inserted {
                    pending.append(found.name)
                }
            }
            for case .partial(let inclusion) in template.nodes {
                try refuseSelfInclusion(inclusion, in: template, rootExtension: rootExtension)
            }
            for case .parent(let inclusion) in template.nodes {
                try refuseSelfInclusion(inclusion, in: template, rootExtension: rootExtension)
            }
        }
    }

    private func refuseSelfInclusion(
        _ inclusion: Inclusion, in template: Template, rootExtension: String
    ) throws(MustacheError) {
        let (found, _) = resolve(inclusion.name, rootExtension: rootExtension)
        if found?.name == template.name {
            throw MustacheError(.includesItself(name: inclusion.name), at: inclusion.location)
        }
    }
}
