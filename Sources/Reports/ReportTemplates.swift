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
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw .template(
                "cannot read the templates folder \(directory.path): \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") && name != "README.md" {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            try register(file: url, as: name)
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
