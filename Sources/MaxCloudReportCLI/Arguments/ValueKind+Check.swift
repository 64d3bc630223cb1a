import Foundation
import MaxCloud
import Reports

extension ValueKind {
    /// What is wrong with `value`, or nil when nothing is: the same rules for the command
    /// line and for config files, so that `config check` finds what a run would refuse.
    /// - Parameter label: how the message names the option: `--page-size` on the command
    ///   line, `'page_size'` in a config file.
    /// A list with nothing between two commas, or a comma at either end.
    static func emptyItem(_ what: String, in value: String, option label: String) -> String {
        let (plural, example) =
            ["format": ("formats", "json,csv"), "company": ("companies", "1,3")][what]
            ?? ("\(what)s", "company,team")
        return "empty \(what) in \(label) '\(value)': a comma at either end or two in a row; "
            + "separate the \(plural) with single commas, such as '\(example)'"
    }

    func problem(with value: String, option label: String) -> String? {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            return "empty \(label) '\(value)': give a value"
        }
        switch self {
        case .text, .file, .folder:
            return nil
        case .outFolder:
            return OutputPath.problem(in: value)
        case .integer(let range):
            guard let number = Int(value), range.contains(number) else {
                return "invalid value '\(value)' for \(label): expected a whole number from "
                    + "\(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        case .choice(let words):
            guard words.contains(value) else {
                return "unknown value '\(value)' for \(label): use "
                    + words.joined(separator: " or ")
            }
            return nil
        case .formats:
            guard case .failure(let error) = OutputFormat.parseList(value) else { return nil }
            if error.word.trimmingCharacters(in: .whitespaces).isEmpty {
                return Self.emptyItem("format", in: value, option: label)
            }
            return "unknown format '\(error.word)': use any of json,csv,md,html,xlsx, or all"
        case .scopes:
            let words = value.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if words.contains("") { return Self.emptyItem("scope", in: value, option: label) }
            guard let bad = words.first(where: { Scope(argument: $0) == nil }) else { return nil }
            return "unknown scope '\(bad)': use company, team, assigned, tag or 0-3"
        case .companies:
            // Not split otherwise: a company's name may hold a comma ("Acme Retail, Inc.").
            let parts = value.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count > 1 else { return nil }
            if parts.contains("") { return Self.emptyItem("company", in: value, option: label) }
            // `all,2` can be no company's name: ids and `all` only.
            let isAll = { (part: String) in part.lowercased() == "all" }
            if parts.contains(where: isAll),
                parts.allSatisfy({ isAll($0) || $0.allSatisfy(\.isASCIIDigit) })
            {
                return MaxCloudError.allWithOthersText(value, option: label)
            }
            return nil
        case .timeZone:
            do {
                _ = try ReportClock.timeZone(named: value)
                return nil
            } catch {
                return error.description
            }
        case .timestamp:
            guard let date = Timestamp.parse(value, in: TimeZone(secondsFromGMT: 0)!) else {
                return ReportError.badAsOf(value).description
            }
            // The zone may move the year by a day at either end; ReportClock checks exactly.
            let year = Timestamp.components(of: date, offset: 0).year
            return (1900...9999).contains(year)
                ? nil : ReportError.asOfOutOfRange(value).description
        case .url:
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host != nil
            else { return "invalid value '\(value)' for \(label): expected https://host[:port]" }
            if url.host?.contains(":") == true {
                return "invalid value '\(value)' for \(label): an IPv6 address written in the URL "
                    + "cannot be reached by Foundation's URLSession on Linux; use a host name "
                    + "that resolves to it, such as localhost"
            }
            return nil
        }
    }
}

extension Character {
    /// `0` to `9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
