import Foundation
import Mustache

/// The data the Markdown and HTML templates see: everything in `summary.json`, plus a
/// `report` object of display fields (title, headline, chart geometry) worked out from the
/// summary alone, so that `template --data summary.json` renders the same page as `run`.
/// `templates/README.md` documents every key.
public enum TemplateContext {
    /// The context for a summary.
    public static func make(_ summary: Summary) throws -> MustacheValue {
        let json = try summary.jsonData()
        guard case .object(var root) = try JSONDecoder().decode(MustacheValue.self, from: json)
        else {
            return .null
        }
        if summary.headline == nil {
            // A summary.json of an older version has no headline: work it out the same way.
            root["headline"] = .string(summary.makeHeadline())
        }
        root["report"] = display(summary)
        return .object(root)
    }

    /// The context for arbitrary JSON: a `summary.json` gets the display fields too.
    public static func make(json: Data) throws -> MustacheValue {
        if let summary = try? JSONDecoder().decode(Summary.self, from: json) {
            return try make(summary)
        }
        return try JSONDecoder().decode(MustacheValue.self, from: json)
    }

    static func display(_ summary: Summary) -> MustacheValue {
        let totals = summary.totals
        let companies = summary.byCompany.count
        let oldest = summary.oldestOpen.first
        var headline =
            "\(totals.tickets) tickets across \(companies) \(companies == 1 ? "company" : "companies"): "
            + "\(totals.open) open, \(totals.closed) closed."
        if let oldest {
            headline +=
                " The oldest open ticket is \(oldest.ageDays) days old (\(oldest.company) #\(oldest.id))."
        }
        let olderThan30 = summary.byAge.filter { ["30-90d", "90d+"].contains($0.key) }
            .reduce(0) { $0 + $1.open }
        if olderThan30 > 0 { headline += " \(olderThan30) open tickets are older than 30 days." }
        if !summary.includeClosed { headline += " Closed tickets were not listed (--open-only)." }

        let openPercent =
            totals.tickets == 0
            ? 0 : Int((Double(totals.open) * 100 / Double(totals.tickets)).rounded())
        return .object([
            "title": .string(
                summary.complete ? "MaxCloud ticket report" : "INCOMPLETE: MaxCloud ticket report"),
            "incomplete": .bool(!summary.complete),
            "incomplete_banner": .string(summary.incompleteBanner ?? ""),
            "incomplete_sources": .array(summary.incompleteSources.map { .string($0) }),
            "as_of_display": .string(asOfDisplay(summary.asOf)),
            "headline": .string(headline),
            "open_percent": .number(Double(openPercent)),
            "company_count": .number(Double(companies)),
            "has_warnings": .bool(!summary.warnings.isEmpty),
            "has_oldest_open": .bool(!summary.oldestOpen.isEmpty),
            "has_failed_sources": .bool(!summary.failedSources.isEmpty),
            "company_chart": chart(summary.byCompany, stacked: true),
            "priority_chart": chart(
                summary.byPriority.map { row in
                    var row = row
                    row.key = row.key == "none" ? "none" : "P\(row.key)"
                    return row
                }, stacked: false, width: 360),
            "age_chart": chart(summary.byAge, stacked: false, width: 360),
            "assignee_chart": chart(Array(summary.byAssignee.prefix(15)), stacked: false),
            "changes": changes(summary),
            "trend_chart": TrendChart(summary.trend ?? []).value,
            "has_weekly": .bool(!(summary.weekly?.weeks.isEmpty ?? true)),
            "weekly_note": .string(weeklyNote(summary)),
            "actions": actions(summary),
        ])
    }

    /// `2026-11-30 09:00 (UTC+08:00)` from `2026-11-30T09:00:00+08:00`.
    static func asOfDisplay(_ iso: String) -> String {
        guard iso.count >= 25 else { return iso }
        let date = iso.prefix(10)
        let time = iso.dropFirst(11).prefix(5)
        return "\(date) \(time) (UTC\(iso.suffix(6)))"
    }

    /// Horizontal bars in an SVG `width` units wide (720 or, for half-width charts, 360): a label column, bars scaled to the largest value,
    /// and the numbers after each bar. Stacked charts show open then closed; the others
    /// show open tickets only.
    static func chart(_ rows: [DimensionRow], stacked: Bool, width: Double = 720) -> MustacheValue {
        let rowHeight = 26.0
        let left = width >= 600 ? 190.0 : 80.0
        let barArea = width - left - (stacked ? 150 : 50)
        let largest = max(1, rows.map { stacked ? $0.total : $0.open }.max() ?? 0)
        var bars: [MustacheValue] = []
        for (index, row) in rows.enumerated() {
            let y = 8 + Double(index) * rowHeight
            let openWidth = Double(row.open) / Double(largest) * barArea
            let closedWidth = stacked ? Double(row.closed) / Double(largest) * barArea : 0
            let label = row.key.count > 26 ? String(row.key.prefix(25)) + "…" : row.key
            bars.append(
                .object([
                    "label": .string(label), "key": .string(row.key),
                    "open": .number(Double(row.open)), "closed": .number(Double(row.closed)),
                    "total": .number(Double(row.total)),
                    "y": .number(y), "text_y": .number(y + 15),
                    "open_x": .number(left), "open_width": .number(rounded(openWidth)),
                    "closed_x": .number(rounded(left + openWidth)),
                    "closed_width": .number(rounded(closedWidth)),
                    "value_x": .number(rounded(left + openWidth + closedWidth + 6)),
                    "value": .string(
                        stacked ? "\(row.open) open / \(row.closed) closed" : "\(row.open)"),
                ]))
        }
        return .object([
            "bars": .array(bars), "height": .number(16 + Double(rows.count) * rowHeight),
            "label_x": .number(left - 8), "empty": .bool(rows.isEmpty), "width": .number(width),
        ])
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
