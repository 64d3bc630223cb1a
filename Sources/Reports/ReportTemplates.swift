import Foundation
import Mustache

/// The Markdown and HTML templates: the built-in defaults, each replaceable by a file of
/// the same name in a user's folder (`--templates DIR`), which may also add partials.
public struct ReportTemplates: Sendable {
    private var library = TemplateLibrary()
    private var paths: [String: String] = [:]

    /// The defaults, overridden file by file from `directory` when given.
    /// - Throws: `ReportError.template` naming the file, line and column of a parse error,
    ///   or the folder when it cannot be read.
    public init(overrides directory: URL? = nil) throws(ReportError) {
        for (name, source) in DefaultTemplates.files.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(name: name, source: source)
            } catch {
                throw .template("built-in template \(error.description)")
            }
        }
        guard let directory else { return }
        let folder = try Self.files(in: directory)
        for name in DefaultTemplates.files.keys.sorted() {
            if let url = folder[name] { try register(file: url, as: name) }
        }
        try addInclusions(from: folder)
    }

    /// The files of a templates or partials folder, by file name (hidden files and
    /// folders left out).
    /// - Throws: `ReportError.template` when the folder cannot be read.
    public static func files(in directory: URL) throws(ReportError) -> [String: URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .template(
                "cannot read the templates folder \(directory.path): \(error.localizedDescription)")
        }
        var files: [String: URL] = [:]
        for name in names where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            files[name] = url
        }
        return files
    }

    /// Registers the partials and parents that registered templates name, and those they
    /// name in turn, from `folder`. Files nothing names are not read, so a folder may hold
    /// notes, pictures or drafts beside the templates.
    public mutating func addInclusions(from folder: [String: URL]) throws(ReportError) {
        var pending = library.names
        var visited = Set<String>()
        while let name = pending.popLast() {
            guard visited.insert(name).inserted,
                let template = library.template(named: name)
            else { continue }
            for included in template.inclusionNames.sorted() {
                let candidates = [
                    included, included + ".mustache", included + ".html", included + ".md",
                ]
                for candidate in candidates
                where folder[candidate] != nil && paths[candidate] == nil {
                    try register(file: folder[candidate]!, as: candidate)
                    pending.append(candidate)
                }
            }
        }
    }

    /// Adds or replaces one template from a file.
    public mutating func register(file url: URL, as name: String) throws(ReportError) {
        let source: String
        do {
            source = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .template(
                "\(url.path): error: cannot read the template (\(error.localizedDescription))")
        }
        do {
            try library.register(name: name, source: source)
        } catch {
            throw .template(Self.locate(error, paths: [name: url.path]))
        }
        paths[name] = url.path
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { library.contains(name) }

    /// Renders one template; escaping follows its extension (`.html`: HTML, `.md`: Markdown).
    public func render(_ name: String, data: MustacheValue) throws(ReportError) -> String {
        do {
            return try library.render(name, data: data)
        } catch {
            throw .template(Self.locate(error, paths: paths))
        }
    }

    /// The error's text with the template's file path in place of its bare name.
    static func locate(_ error: MustacheError, paths: [String: String]) -> String {
        let text = error.description
        guard let path = paths[error.templateName], text.hasPrefix(error.templateName) else {
            return text
        }
        return path + text.dropFirst(error.templateName.count)
    }
}
