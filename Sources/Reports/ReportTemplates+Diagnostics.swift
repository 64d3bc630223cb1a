import Foundation
import Mustache

extension ReportTemplates {
    /// A template error as the user meets it: the file's path in place of the name it is
    /// registered under, and, for a missing partial or parent, the files looked for and the
    /// folders they were looked for in.
    static func diagnostic(
        _ error: MustacheError, paths: [String: String], folders: [String]
    ) -> ReportError {
        var place = paths[error.templateName] ?? error.templateName
        if let line = error.line {
            place += ":\(line)"
            if let column = error.column { place += ":\(column)" }
        }
        return .template(place: place, message: message(for: error, folders: folders))
    }

    private static func message(for error: MustacheError, folders: [String]) -> String {
        switch error.kind {
        case .missingPartial(let name, let tried):
            return "no partial '\(name)': " + lookedFor(tried, in: folders)
        case .missingParent(let name, let tried):
            return "no parent template '\(name)': " + lookedFor(tried, in: folders)
        case .includesItself(let name), .recursionLimit(let name, _),
            .levelLimit(let name, _):
            return error.message + extendHint(name: name, in: error.templateName)
        default:
            return error.message
        }
    }

    /// "looked for the files 'x', 'x.mustache' and 'x.html' in /dir and among the built-in
    /// templates (…)".
    private static func lookedFor(_ tried: [String], in folders: [String]) -> String {
        let files = tried.map { "'\($0)'" }
        let list =
            files.count > 1
            ? files.dropLast().joined(separator: ", ") + " and " + files.last! : files.joined()
        let builtIn = (reportNames + reportNames.map { builtInPrefix + $0 }).sorted()
            .joined(separator: ", ")
        guard !folders.isEmpty else {
            return "looked for \(list) among the built-in templates (\(builtIn));"
                + " no templates folder was given"
        }
        return "looked for the files \(list) in \(folders.joined(separator: " and ")),"
            + " and among the built-in templates (\(builtIn))"
    }

    /// For a report template that names itself, how to name the built-in one instead.
    private static func extendHint(name: String, in templateName: String) -> String {
        guard builtIn[templateName] != nil,
            name == templateName
                || name + "." + (templateName.split(separator: ".").last ?? "") == templateName
        else { return "" }
        let parent = builtInPrefix + templateName
        return "; to extend the built-in \(templateName), name it as '\(parent)':"
            + " {{<\(parent)}}{{$title}}…{{/title}}{{/\(parent)}}"
    }
}
