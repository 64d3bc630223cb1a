import Foundation
import Mustache

/// The geometry of the trend line in `report.html`: the backlog at each point of `trend`
/// (one per ISO week, oldest first), as a line in an SVG `width` × `height` units with
/// a value axis of round numbers.
///
/// Every coordinate is finite whatever the points: none (an empty chart), one (a dot in
/// the middle), equal values or zeros (a level line with the axis still spanning a step).
/// Points are spaced evenly, each in the middle of its slot, so one point is centred and
/// two are not pushed against the edges. The value axis starts at zero unless every value
/// lies in a narrow band far above it (the smallest above 5/6 of the largest, the rule
/// Excel's charts follow), where a zero-based axis would flatten the change the meeting
/// wants to see; the tick labels say where it starts.
struct TrendChart: Equatable {
    /// One point of the line, with its labels.
    struct Point: Equatable {
        var week: String
        /// `W49`: the week without its year, under the point.
        var label: String
        /// `11-30`: the run's month and day, under the label.
        var date: String
        var asOfDisplay: String
        var backlog: Int
        /// The change from the point before: `+2`, `-1`, `0`; empty for the first.
        var change: String
        var x: Double
        var y: Double
    }

    /// A horizontal grid line of the value axis.
    struct Tick: Equatable {
        var value: Int
        var y: Double
    }

    static let width = 720.0
    static let height = 210.0
    static let left = 56.0
    static let right = 16.0
    static let top = 28.0
    static let bottom = 46.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }
    static var baseline: Double { top + plotHeight }

    let points: [Point]
    let ticks: [Tick]
    let axisMin: Int
    let axisMax: Int

    init(_ trend: [TrendPoint]) {
        let values = trend.map(\.backlog)
        let axis = Self.axis(values)
        axisMin = axis.min
        axisMax = axis.max
        let slot = Self.plotWidth / Double(max(trend.count, 1))
        var points: [Point] = []
        for (index, point) in trend.enumerated() {
            let change = index == 0 ? "" : Self.signed(point.backlog - trend[index - 1].backlog)
            points.append(
                Point(
                    week: point.week, label: Self.shortWeek(point.week),
                    date: String(point.asOf.dropFirst(5).prefix(5)),
                    asOfDisplay: TemplateContext.asOfDisplay(point.asOf), backlog: point.backlog,
                    change: change, x: Self.left + (Double(index) + 0.5) * slot,
                    y: Self.y(point.backlog, min: axis.min, max: axis.max)))
        }
        self.points = points
        ticks = stride(from: axis.min, through: axis.max, by: axis.step).map {
            Tick(value: $0, y: Self.y($0, min: axis.min, max: axis.max))
        }
    }

    /// The value axis for `values`: round bounds and a step of 1, 2 or 5 times a power of
    /// ten, `max` always above `min`.
    static func axis(_ values: [Int]) -> (min: Int, max: Int, step: Int) {
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let narrow = low > 0 && high > low && Double(low) > Double(high) * 5 / 6
        let base = narrow ? low : min(low, 0)
        let step = niceStep(Double(max(high - base, 1)) / 4)
        var lower = Int((Double(base) / Double(step)).rounded(.down)) * step
        var upper = Int((Double(high) / Double(step)).rounded(.up)) * step
        if narrow {
            lower = max(0, lower - step)
            upper += step
        }
        if upper <= lower { upper = lower + step }
        return (lower, upper, step)
    }

    /// The smallest of 1, 2, 5, 10, 20, 50 ... that is at least `raw`.
    static func niceStep(_ raw: Double) -> Int {
        guard raw.isFinite, raw > 1 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return Int(nice * magnitude)
    }

    private static func y(_ value: Int, min: Int, max: Int) -> Double {
        let share = Double(value - min) / Double(max - min)
        return top + plotHeight * (1 - share)
    }

    /// `+2`, `-1` or `0`.
    static func signed(_ delta: Int) -> String { delta > 0 ? "+\(delta)" : "\(delta)" }

    /// `W49` from `2026-W49`.
    private static func shortWeek(_ week: String) -> String {
        guard let dash = week.lastIndex(of: "-") else { return week }
        return String(week[week.index(after: dash)...])
    }

    /// The chart as the templates see it, every coordinate rounded to a tenth.
    var value: MustacheValue {
        func number(_ value: Double) -> MustacheValue { .number((value * 10).rounded() / 10) }
        let line = points.map { "\(number($0.x).renderedText),\(number($0.y).renderedText)" }
        let described = points.map { "\($0.week) \($0.backlog)" }.joined(separator: ", ")
        return .object([
            "width": .number(Self.width), "height": .number(Self.height),
            "plot_left": .number(Self.left), "plot_right": .number(Self.width - Self.right),
            "baseline": number(Self.baseline), "label_x": .number(Self.left - 8),
            "weeks": .number(Double(MeetingRules.weeks)),
            "empty": .bool(points.isEmpty), "single": .bool(points.count == 1),
            "has_line": .bool(points.count > 1), "line": .string(line.joined(separator: " ")),
            "description": .string("Backlog per ISO week: " + described),
            "ticks": .array(
                ticks.map {
                    .object([
                        "value": .number(Double($0.value)), "y": number($0.y),
                        "text_y": number($0.y + 4),
                    ])
                }),
            "points": .array(
                points.map { point in
                    .object([
                        "week": .string(point.week), "label": .string(point.label),
                        "date": .string(point.date), "as_of_display": .string(point.asOfDisplay),
                        "backlog": .number(Double(point.backlog)), "change": .string(point.change),
                        "x": number(point.x), "y": number(point.y),
                        "value_y": number(point.y - 10),
                        "label_y": number(Self.baseline + 18), "date_y": number(Self.baseline + 34),
                    ])
                }),
        ])
    }
}
