import Foundation
import Mustache

/// The Markdown and HTML templates: the built-in defaults, each replaceable by a file of
/// the same name in a user's folder (`--templates DIR`), which may also add partials.
///
/// The built-in templates are also registered under `default/` (`default/report.html`,
/// `default/report.md`). No file in a folder can have that name, so a user's `report.html`
/// can extend the built-in one and replace only some of its blocks:
///
/// ```mustache
/// {{<default/report.html}}{{$title}}Weekly tickets{{/title}}{{/default/report.html}}
/// ```
public struct ReportTemplates: Sendable {
    /// The prefix under which the built-in templates can always be named, even from a
    /// template that replaces one of them.
    public static let builtInPrefix = "default/"

    /// The built-in templates' sources by file name, as they are in `templates/`.
    public static var builtIn: [String: String] { DefaultTemplates.files }

    /// The templates reports are rendered from, in the order they are written.
    public static let reportNames = DefaultTemplates.files.keys.sorted()

    var library = TemplateLibrary()
    /// The file each template read from a folder came from, by registered name.
    var paths: [String: String] = [:]
    /// The folders partials and parents were looked for in, for messages.
    var folders: [String] = []

    /// What is odd but not wrong in the templates read from files, each with its place
    /// (`path:line:column`): a block a parent tag overrides that the parent does not have,
    /// a typo that would otherwise change nothing without a word.
    public var warnings: [(place: String, message: String)] {
        var found: [(place: String, message: String)] = []
        for (name, path) in paths.sorted(by: { $0.key < $1.key }) {
            for block in library.unknownBlockOverrides(in: name) {
                let suggestion =
                    Self.nearest(block.name, in: block.available).map { "did you mean '\($0)'? " }
                    ?? ""
                found.append(
                    (
                        "\(path):\(block.line):\(block.column)",
                        "block '\(block.name)' is not a block of '\(block.parent)', so it changes "
                            + "nothing; \(suggestion)its blocks are "
                            + block.available.joined(separator: ", ")
                    ))
            }
        }
        return found
    }

    /// The defaults, overridden file by file from `directory` when given.
    ///
    /// Every partial and parent the templates name, wherever it stands, is looked for
    /// now, so a missing one is reported before anything is fetched.
    /// - Throws: `ReportError.template` naming the file, line and column of a parse error
    ///   or of a tag whose partial or parent is missing, or the folder when it cannot be
    ///   read.
    public init(overrides directory: URL? = nil) throws(ReportError) {
        try registerBuiltIns()
        guard let directory else { return }
        let folder = try Self.files(in: directory)
        folders.append(directory.path)
        for name in Self.reportNames {
            if let url = folder[name] { try register(file: url, as: name) }
        }
        try addInclusions(from: folder)
        for name in Self.reportNames { try checkInclusions(from: name) }
    }

    /// The defaults and one template file, with its partials and parents from `partials`
    /// (for `maxcloud-report template`). The template is registered under its file name.
    /// - Throws: `ReportError.template` as `init(overrides:)` does.
    public init(template file: URL, partials: URL) throws(ReportError) {
        try registerBuiltIns()
        try register(file: file, as: file.lastPathComponent)
        folders.append(partials.path)
        try addInclusions(from: Self.files(in: partials))
        try checkInclusions(from: file.lastPathComponent)
    }

    private mutating func registerBuiltIns() throws(ReportError) {
        for (name, source) in DefaultTemplates.files.sorted(by: { $0.key < $1.key }) {
            for registered in [name, Self.builtInPrefix + name] {
                do {
                    try library.register(name: registered, source: source)
                } catch {
                    throw Self.diagnostic(error, paths: [:], folders: [])
                }
            }
        }
    }

    /// The name of `candidates` closest to `word`, when it is close enough to be a typo.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a)
            let b = Array(b)
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(
                        row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let best = candidates.min { distance(word, $0) < distance(word, $1) }
        guard let best, distance(word, best) <= max(2, word.count / 3) else { return nil }
        return best
    }

    /// The files of a templates or partials folder, by file name (hidden files and
    /// folders left out).
    /// - Throws: `ReportError.template` when the folder cannot be read.
    public static func files(in directory: URL) throws(ReportError) -> [String: URL] {
        let names: [String]
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder),
            !isFolder.boolValue
        {
            throw .template(
                place: directory.path,
                message: "cannot read the templates folder: it is a file, not a folder")
        }
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .template(
                place: directory.path,
                message:
                    "cannot read the templates folder: \(FileProblem.describe(error, path: directory.path))"
            )
        }
        var files: [String: URL] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            // A link whose target is gone would otherwise be passed over without a word,
            // and the built-in template used in its place.
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path),
                !FileManager.default.fileExists(atPath: url.path)
            {
                throw .template(
                    place: url.path,
                    message:
                        "'\(name)' is a symbolic link to '\(target)', which does not exist: "
                        + "point it at a template or remove it")
            }
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
    /// - Throws: `ReportError.template` when the file cannot be read or does not parse.
    public mutating func register(file url: URL, as name: String) throws(ReportError) {
        let source: String
        do {
            source = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .template(
                place: url.path,
                message: "cannot read the template: \(FileProblem.describe(error, path: url.path))")
        }
        do {
            try library.register(name: name, source: source)
        } catch {
            throw Self.diagnostic(error, paths: [name: url.path], folders: folders)
        }
        paths[name] = url.path
    }

    /// Checks that every partial and parent that `name` names, and those name in turn, can
    /// be found, and that none includes itself without end.
    /// - Throws: `ReportError.template` at the tag at fault, saying which files were looked
    ///   for and where.
    public func checkInclusions(from name: String) throws(ReportError) {
        do {
            try library.checkInclusions(from: name)
        } catch {
            throw Self.diagnostic(error, paths: paths, folders: folders)
        }
    }

    /// Whether a template of this name exists.
    public func contains(_ name: String) -> Bool { library.contains(name) }

    /// Renders one template; escaping follows its extension (`.html`: HTML, `.md`: Markdown).
    /// - Throws: `ReportError.template` at the tag at fault.
    public func render(_ name: String, data: MustacheValue) throws(ReportError) -> String {
        do {
            return try library.render(name, data: data)
        } catch {
            throw Self.diagnostic(error, paths: paths, folders: folders)
        }
    }
}
