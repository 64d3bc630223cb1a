import Foundation
import Mustache
import Testing

@testable import Reports

/// The geometry of the trend line in `report.html`: every coordinate finite and inside the
/// SVG whatever the points, and the page it renders into free of NaN and Infinity.
@Suite struct TrendChartTests {
    func trend(_ backlogs: [Int]) -> [TrendPoint] {
        backlogs.enumerated().map { index, backlog in
            let day = 2 + index * 7
            let month = day > 30 ? 12 : 11
            let shown = day > 30 ? day - 30 : day
            return TrendPoint(
                week: "2026-W\(45 + index)",
                asOf: String(format: "2026-%02d-%02dT09:00:00+08:00", month, shown),
                backlog: backlog)
        }
    }

    /// Every coordinate finite and within the chart's box.
    func expectInside(_ chart: TrendChart, sourceLocation: SourceLocation = #_sourceLocation) {
        for point in chart.points {
            #expect(point.x.isFinite && point.y.isFinite, sourceLocation: sourceLocation)
            #expect(
                point.x > TrendChart.left && point.x < TrendChart.width - TrendChart.right,
                sourceLocation: sourceLocation)
            #expect(
                point.y >= TrendChart.top && point.y <= TrendChart.baseline,
                sourceLocation: sourceLocation)
        }
        for tick in chart.ticks {
            #expect(
                tick.y.isFinite && tick.y >= TrendChart.top - 0.001
                    && tick.y <= TrendChart.baseline + 0.001, sourceLocation: sourceLocation)
        }
        #expect(chart.axisMax > chart.axisMin, sourceLocation: sourceLocation)
        #expect((2...8).contains(chart.ticks.count), sourceLocation: sourceLocation)
    }

    @Test func onePointIsCentredWithAnAxisFromZeroAndNoLine() throws {
        let chart = TrendChart(trend([250]))

        expectInside(chart)
        let point = try #require(chart.points.first)
        #expect(point.x == TrendChart.left + TrendChart.plotWidth / 2)
        #expect(point.label == "W45" && point.date == "11-02" && point.change == "")
        #expect(chart.axisMin == 0 && chart.axisMax == 300)
        #expect(chart.ticks.map(\.value) == [0, 100, 200, 300])
        guard case .object(let value) = chart.value else { throw ChartError.notAnObject }
        #expect(value["single"] == .bool(true) && value["has_line"] == .bool(false))
    }

    @Test func twoPointsSitInTheMiddleOfTheirHalvesWithTheChangeBetween() throws {
        let chart = TrendChart(trend([120, 90]))

        expectInside(chart)
        #expect(
            chart.points.map(\.x)
                == [0.25, 0.75].map { TrendChart.left + TrendChart.plotWidth * $0 })
        #expect(chart.points.map(\.change) == ["", "-30"])
        #expect(chart.points[0].y < chart.points[1].y)
        guard case .object(let value) = chart.value else { throw ChartError.notAnObject }
        #expect(value["has_line"] == .bool(true))
        #expect(value["line"] == .string("218,55.2 542,82.4"))
    }

    @Test func equalValuesGiveALevelLineBelowTheTop() {
        let chart = TrendChart(trend([250, 250, 250]))

        expectInside(chart)
        #expect(Set(chart.points.map(\.y)).count == 1)
        #expect(chart.points[0].y > TrendChart.top)
        #expect(chart.points.map(\.change) == ["", "0", "0"])
    }

    @Test func zerosLieOnTheBaselineOfAnAxisOfOneStep() {
        let chart = TrendChart(trend([0, 0]))

        expectInside(chart)
        #expect(chart.axisMin == 0 && chart.axisMax == 1)
        #expect(chart.points.allSatisfy { $0.y == TrendChart.baseline })
    }

    @Test func aNarrowBandFarAboveZeroGetsAnAxisAroundIt() {
        let chart = TrendChart(trend([250, 252, 251]))

        expectInside(chart)
        #expect(chart.axisMin == 249 && chart.axisMax == 253)
        #expect(chart.points.map(\.change) == ["", "+2", "-1"])
    }

    @Test func twelveWeeksOfLargeAndSmallValuesStayInsideWithRoundTicks() {
        let chart = TrendChart(trend([5, 1_200, 0, 37, 999_999, 12, 3, 4, 5, 6, 7, 80_000]))

        expectInside(chart)
        #expect(chart.points.count == 12)
        #expect(chart.ticks.map(\.value) == [0, 500_000, 1_000_000])
    }

    @Test func noPointsGiveAnEmptyChart() throws {
        let chart = TrendChart([])

        expectInside(chart)
        guard case .object(let value) = chart.value else { throw ChartError.notAnObject }
        #expect(value["empty"] == .bool(true) && value["line"] == .string(""))
    }

    @Test(arguments: [[Int](), [0], [7], [0, 0], [3, 3], [250, 252], [1, 1_000_000]])
    func theRenderedPageHasNoNaNOrInfinity(backlogs: [Int]) throws {
        let data = ReportData(
            snapshot: Fixtures.snapshot([Fixtures.ticket(1)]), clock: try Fixtures.clock())
        var summary = data.summary
        summary.trend = trend(backlogs)
        let context = try TemplateContext.make(summary)

        let html = try ReportTemplates().render("report.html", data: context)

        #expect(!html.contains("NaN") && !html.contains("Infinity"))
        let svg = html.components(separatedBy: "<h2>Trend</h2>")[1]
            .components(separatedBy: "</svg>")[0]
        #expect(svg.components(separatedBy: "<circle ").count - 1 == backlogs.count)
        #expect(svg.contains("<polyline") == (backlogs.count > 1))
    }

    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(
            [0.2, 1, 1.5, 3, 7, 10, 11, 62.5, 250_000].map(TrendChart.niceStep)
                == [1, 1, 2, 5, 10, 10, 20, 100, 500_000])
        #expect(TrendChart.niceStep(.nan) == 1 && TrendChart.niceStep(.infinity) == 1)
    }

    enum ChartError: Error { case notAnObject }

    @Test func theWeeklyNoteSaysWhatOpenOnlyLeavesOut() throws {
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        let listed = TemplateContext.weeklyNote(
            ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary)
        snapshot.includeClosed = false
        let openOnly = TemplateContext.weeklyNote(
            ReportData(snapshot: snapshot, clock: try Fixtures.clock()).summary)

        #expect(!listed.contains("--open-only"))
        #expect(
            openOnly.hasSuffix(
                "Closed tickets were not listed (--open-only), so no closed ticket is counted, "
                    + "and Created counts only the tickets of each week that are still open."))
    }
}
