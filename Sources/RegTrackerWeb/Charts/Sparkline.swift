import RegTrackerCore
import RegTrackerRender

/// A township's cumulative valid count over the last 60 days as a small inline SVG, with its target as a dotted
/// line when the target is within reach of the drawing.
struct Sparkline {
    static let days = 60
    static let width = 120.0
    static let height = 30.0

    var township: TrendReport.Township
    var asOf: CivilDate

    func svg() -> String {
        let start = asOf.adding(days: -(Self.days - 1))
        let values = (0..<Self.days).map { township.series.cumulative(through: start.adding(days: $0)) }
        let required = township.figures.required
        let top = max(values.max() ?? 0, required, 1)
        func y(_ value: Int64) -> String { SVGNumber.format(Self.height - 2 - (Self.height - 4) * Double(value) / Double(top)) }
        func x(_ index: Int) -> String { SVGNumber.format(1 + (Self.width - 4) * Double(index) / Double(Self.days - 1)) }
        let points = values.enumerated().map { "\(x($0.offset)),\(y($0.element))" }.joined(separator: " ")
        let state = township.figures.met == false ? " unmet" : ""
        let label = HTMLText.escape(
            "\(township.figures.label)：近 \(Self.days) 天累计有效 \(values.first ?? 0) → \(values.last ?? 0)，目标 \(required)")
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\(state)\" viewBox=\"0 0 \(SVGNumber.format(Self.width)) "
                + "\(SVGNumber.format(Self.height))\" role=\"img\" aria-label=\"\(label)\"><title>\(label)</title>"
        ]
        if township.figures.hasRate {
            svg.append(
                "<line class=\"target\" x1=\"1\" y1=\"\(y(required))\" x2=\"\(SVGNumber.format(Self.width - 1))\" y2=\"\(y(required))\"/>")
        }
        svg.append("<polyline class=\"line\" points=\"\(points)\"/>")
        svg.append("<circle class=\"end\" cx=\"\(x(Self.days - 1))\" cy=\"\(y(values.last ?? 0))\" r=\"2.5\"/>")
        svg.append("</svg>")
        return svg.joined()
    }
}
