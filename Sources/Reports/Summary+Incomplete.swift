/// How an incomplete report says what is missing: the same words in the warnings of
/// `summary.json`, the banner of `report.md` and `report.html`, and the workbook's
/// `Summary`, so that no format says less than another.
extension Summary {
    /// One phrase per source that could not be read completely, naming its company, scope
    /// and tag and what went wrong: `company DefaultTeam (1), scope company could not be
    /// read (HTTP status 502)`. A failed source the snapshot lists without a record of it
    /// is named as the snapshot names it.
    public var incompleteSources: [String] {
        var phrases: [String] = []
        var named: [String] = []
        for source in sources where !source.complete {
            named.append(source.label)
            if let error = source.error {
                let reason =
                    error.hasPrefix("\(source.label): ")
                    ? String(error.dropFirst(source.label.count + 2)) : error
                phrases.append("\(source.label) could not be read (\(reason))")
            } else {
                let count = source.resultCount.map { "result_count \($0)" } ?? "no result_count"
                phrases.append(
                    "\(source.label) did not add up (\(source.unique) distinct tickets"
                        + (source.unreadable > 0
                            ? " and \(source.unreadable) unreadable entries" : "")
                        + " read, the server reported \(count))")
            }
        }
        for failed in failedSources where !named.contains(where: { failed.hasPrefix($0) }) {
            phrases.append("\(failed) (could not be read)")
        }
        return phrases
    }

    /// The warnings an incomplete report starts with: one per source, each saying that
    /// the source's tickets are missing from the figures.
    var incompleteWarnings: [String] {
        incompleteSources.map {
            "INCOMPLETE: \($0); its tickets are missing from every figure of this report"
        }
    }

    /// The banner of an incomplete report, nil for a complete one: which sources could
    /// not be read completely, that their tickets are missing from the figures, and, when
    /// the run was compared with the previous one, which companies that comparison left out.
    public var incompleteBanner: String? {
        guard !complete else { return nil }
        let phrases = incompleteSources
        var text: String
        if phrases.isEmpty {
            text =
                "INCOMPLETE: what was fetched does not add up to what the server reported, "
                + "so tickets may be missing from the figures"
        } else {
            let these = phrases.count == 1 ? "1 source" : "\(phrases.count) sources"
            let its = phrases.count == 1 ? "its" : "their"
            text =
                "INCOMPLETE: \(these) could not be read completely, so \(its) tickets are "
                + "missing from every figure of this report: \(phrases.joined(separator: "; "))"
        }
        if let note = partialComparisonNote { text += ". " + note }
        return text + "."
    }

    /// What a reader must know about the changes and the trend of a run that could not
    /// read some company, nil when everything was compared.
    public var partialComparisonNote: String? {
        guard let changes, changes.isPartial else { return nil }
        let names = Self.list((changes.leftOut ?? []).map(\.key))
        if changes.since == nil {
            return "No company was read completely, so nothing is compared with the previous run"
        }
        return "What changed and the trend compare only the companies read completely: "
            + "\(names) \(changes.leftOut?.count == 1 ? "is" : "are") left out on both sides, "
            + "so \(changes.leftOut?.count == 1 ? "its" : "their") missing tickets are not "
            + "counted as closed"
    }
}
