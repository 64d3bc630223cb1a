/// A block a parent tag overrides that its template does not have: most likely a typo
/// (`{{$headlin}}`), which would otherwise be ignored without a word.
public struct UnknownBlock: Sendable, Equatable {
    /// The template whose parent tag passes the block.
    public var templateName: String
    /// The block's name as written.
    public var name: String
    /// The parent template's name as written in the tag.
    public var parent: String
    /// The 1-based line and column of the block's tag.
    public var line: Int
    /// The 1-based column of the block's tag.
    public var column: Int
    /// The blocks the parent has (its own, its parents' and its partials'), sorted.
    public var available: [String]
}

extension TemplateLibrary {
    /// The blocks that the parent tags of `name` (wherever they stand) override but their
    /// templates do not have, in source order. A parent that cannot be found is left to
    /// `checkInclusions(from:)`.
    public func unknownBlockOverrides(in name: String) -> [UnknownBlock] {
        guard let template = template(named: name) else { return [] }
        let rootExtension = Renderer.fileExtension(of: name)
        var found: [UnknownBlock] = []
        for (inclusion, isParent) in template.inclusions where isParent {
            guard let parent = resolve(inclusion.name, rootExtension: rootExtension).0 else {
                continue
            }
            let available = blockNames(of: parent, rootExtension: rootExtension)
            for block in inclusion.overrides.values.sorted(by: {
                ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
            }) where !available.contains(block.name) {
                found.append(
                    UnknownBlock(
                        templateName: name, name: block.name, parent: inclusion.name,
                        line: block.location.line, column: block.location.column,
                        available: available.sorted()))
            }
        }
        return found
    }

    /// Every block a template can fill: its own block tags wherever they stand, and those
    /// of the templates it includes or extends, in turn.
    private func blockNames(of root: Template, rootExtension: String) -> Set<String> {
        var names = Set<String>()
        var pending = [root]
        var visited: Set<String> = [root.name]
        while let template = pending.popLast() {
            func walk(_ nodes: [Node]) {
                for node in nodes {
                    switch node {
                    case .text, .variable, .partial: break
                    case .section(let section): walk(section.children)
                    case .parent(let inclusion):
                        for block in inclusion.overrides.values {
                            names.insert(block.name)
                            walk(block.children)
                        }
                    case .block(let block):
                        names.insert(block.name)
                        walk(block.children)
                    }
                }
            }
            walk(template.nodes)
            for (inclusion, _) in template.inclusions {
                guard let next = resolve(inclusion.name, rootExtension: rootExtension).0,
                    visited.insert(next.name).inserted
                else { continue }
                pending.append(next)
            }
        }
        return names
    }
}
