import RegTrackerCore
import RegTrackerRender

/// A township's cumulative valid registrations over time (step line), its target as a dashed line, the deadline,
/// and the projection at the recent 30-day pace (dashed, from today onward). Inline SVG, no script.
struct TrendChart {
    static let width = 640.0
    static let height = 260.0
    static let left = 48.0
    static let right = 16.0
    static let top = 16.0
    static let bottom = 30.0

    var township: TrendReport.Township
    var asOf: CivilDate
    var deadline: CivilDate?

    /// The projection's end: where the target is reached, or the right edge at the recent pace.
    struct Projected {
        var date: CivilDate
        var value: Int64
    }

    var start: CivilDate { min(township.series.firstDay ?? asOf.adding(days: -30), asOf.adding(days: -7)) }

    var end: CivilDate {
        var end = max(asOf.adding(days: 7), deadline ?? asOf)
        if let projected = township.projection.projectedDate, projected <= end.adding(days: 90) {
            end = max(end, projected)
        }
        return end
    }

    var projected: Projected? {
        let projection = township.projection
        guard projection.status != .met, projection.status != .noRate, projection.recentGain > 0 else { return nil }
        if let date = projection.projectedDate, date <= end {
            return Projected(date: date, value: township.figures.required)
        }
        let days = Int64(asOf.days(to: end))
        return Projected(date: end, value: township.valid + projection.recentGain * days / Projection.paceDays)
    }

    func svg() -> String {
        let (start, end) = (start, end)
        let plotWidth = Self.width - Self.left - Self.right
        let plotBottom = Self.height - Self.bottom
        let span = Double(max(1, start.days(to: end)))
        let required = township.figures.required
        let highest = max(required, township.valid, projected?.value ?? 0, 1)
        let yMax = Double(Self.niceCeiling(highest + highest / 20))
        func x(_ date: CivilDate) -> Double { Self.left + plotWidth * Double(start.days(to: date)) / span }
        func y(_ value: Int64) -> Double { plotBottom - (plotBottom - Self.top) * Double(value) / yMax }
        let n = SVGNumber.format
        let name = township.figures.label
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" "
                + "role=\"img\" aria-label=\"\(HTMLText.escape("\(name)累计有效注册走势"))\">"
        ]
        for step in 0...4 {
            let value = Int64(yMax) * Int64(step) / 4
            svg.append(
                "<line class=\"grid\" x1=\"\(n(Self.left))\" y1=\"\(n(y(value)))\" x2=\"\(n(Self.width - Self.right))\" "
                    + "y2=\"\(n(y(value)))\"/><text class=\"tick\" x=\"\(n(Self.left - 6))\" y=\"\(n(y(value) + 4))\" "
                    + "text-anchor=\"end\">\(value)</text>")
        }
        for date in Set([start, asOf, end]).sorted() {
            let anchor = date == start ? "start" : date == end ? "end" : "middle"
            svg.append(
                "<text class=\"tick\" x=\"\(n(x(date)))\" y=\"\(n(plotBottom + 18))\" text-anchor=\"\(anchor)\">"
                    + "\(SVGNumber.monthDay(date.iso8601Unchecked))</text>")
        }
        // The step line of the cumulative count, closed into a light area underneath.
        var path = "M\(n(x(start))),\(n(y(0)))"
        var previous: Int64 = 0
        for point in township.series.points(through: asOf, step: .day) where point.date >= start {
            path += " L\(n(x(point.date))),\(n(y(previous))) L\(n(x(point.date))),\(n(y(point.valid)))"
            previous = point.valid
        }
        previous = township.valid
        path += " L\(n(x(asOf))),\(n(y(previous)))"
        svg.append("<path class=\"area\" d=\"\(path) L\(n(x(asOf))),\(n(y(0))) Z\"/>")
        svg.append("<path class=\"valid\" d=\"\(path)\"/>")
        if township.figures.hasRate {
            svg.append(
                "<line class=\"target\" x1=\"\(n(Self.left))\" y1=\"\(n(y(required)))\" x2=\"\(n(Self.width - Self.right))\" "
                    + "y2=\"\(n(y(required)))\"/><text class=\"label\" x=\"\(n(Self.left + 4))\" y=\"\(n(y(required) - 5))\">"
                    + "目标 \(required)</text>")
        }
        if let deadline {
            svg.append(
                "<line class=\"deadline\" x1=\"\(n(x(deadline)))\" y1=\"\(n(Self.top))\" x2=\"\(n(x(deadline)))\" "
                    + "y2=\"\(n(plotBottom))\"/><text class=\"label\" x=\"\(n(x(deadline) - 4))\" y=\"\(n(Self.top + 12))\" "
                    + "text-anchor=\"end\">截止 \(SVGNumber.monthDay(deadline.iso8601Unchecked))</text>")
        }
        if let projected {
            svg.append(
                "<line class=\"projection\" x1=\"\(n(x(asOf)))\" y1=\"\(n(y(township.valid)))\" "
                    + "x2=\"\(n(x(projected.date)))\" y2=\"\(n(y(projected.value)))\"/>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// 1, 2 or 5 times a power of ten, at least `value`.
    static func niceCeiling(_ value: Int64) -> Int64 {
        var magnitude: Int64 = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor: Int64 in [1, 2, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }
}
