import Foundation

/// The report files `--format` chooses among.
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// `summary.json`.
    case json
    /// `tickets.csv`, `summary.csv` and `changes.csv`.
    case csv
    /// `report.md`.
    case md
    /// `report.html`.
    case html
    /// `report.xlsx`.
    case xlsx

    /// The files this format writes.
    public var fileNames: [String] {
        switch self {
        case .json: ["summary.json"]
        case .csv: ["tickets.csv", "summary.csv", "changes.csv"]
        case .md: ["report.md"]
        case .html: ["report.html"]
        case .xlsx: ["report.xlsx"]
        }
    }

    /// Parses `json,csv` and the like; `all`, alone or in the list, is every format.
    /// - Returns: the formats in report order, or the first word that is not a format (an
    ///   empty one for a comma at either end or two in a row: `csv,`, `csv,,md`).
    public static func parseList(_ text: String) -> Result<[OutputFormat], FormatListError> {
        var chosen = Set<OutputFormat>()
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            // `all`, alone or in a list, is every format.
            if name == "all" {
                chosen.formUnion(allCases)
                continue
            }
            let alias = ["markdown": "md", "excel": "xlsx", "htm": "html"][name] ?? name
            guard let format = OutputFormat(rawValue: alias) else {
                return .failure(FormatListError(word: String(word)))
            }
            chosen.insert(format)
        }
        if chosen.isEmpty { return .failure(FormatListError(word: text)) }
        return .success(allCases.filter(chosen.contains))
    }
}

/// A word in `--format` that names no format.
public struct FormatListError: Error, Sendable {
    /// The word.
    public var word: String
}
