import RegTrackerCore

/// The bar chart of the ranked report: one bar a township with a rate, in rank order, and the target line.
public struct RateChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var township: String
        public var valid: Int64
        public var population: Int64
        public var target: Target
        public var met: Bool

        public var rateText: String { Decimal6.percent(numerator: valid, denominator: population) }
    }

    public var target: Target
    public var bars: [Bar]
    /// Townships with population 0: no rate, so no bar.
    public var withoutBar: [String]

    public init(report: Report) {
        target = report.target
        bars = report.townships.compactMap { figures in
            guard figures.hasRate, let met = figures.met else { return nil }
            return Bar(
                township: figures.label, valid: figures.counts.valid, population: figures.population,
                target: figures.target, met: met)
        }
        withoutBar = report.townshipsWithoutPopulation.map(\.label)
    }

    /// The right end of the axis in tenths (10 = 100%): the largest rate or target, rounded up to a tenth.
    var axisTenths: Int64 {
        let rates = bars.map { tenthsCeiling($0.valid, $0.population) }
        let targets = bars.map { tenthsCeiling($0.target.numerator, $0.target.denominator) }
        return max(1, (rates + targets + [tenthsCeiling(target.numerator, target.denominator)]).max() ?? 1)
    }

    private func tenthsCeiling(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        (numerator * 10 + denominator - 1) / denominator
    }
}

/// The chart as inline SVG: no script, no external font, every text escaped.
extension RateChart {
    // Narrow on purpose: on a phone the drawing shrinks to the screen, and the names must stay legible.
    static let width = 520.0
    static let labelWidth = 112.0
    static let valueWidth = 60.0
    static let top = 26.0
    static let rowHeight = 28.0
    static let barHeight = 18.0
    static let bottom = 26.0

    public func svg() -> String {
        let plotLeft = Self.labelWidth
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let plotBottom = Self.top + Double(bars.count) * Self.rowHeight
        let height = plotBottom + Self.bottom
        let axis = Double(axisTenths) / 10
        func x(_ numerator: Int64, _ denominator: Int64) -> Double {
            plotLeft + plotWidth * (Double(numerator) / Double(denominator)) / axis
        }
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rate-chart\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" "
                + "role=\"img\" aria-label=\"\(HTMLText.escape("各乡镇注册率，目标 \(target.percentText)"))\">"
        ]
        let step = axisTenths <= 10 ? 1 : axisTenths <= 20 ? 2 : 5
        for tenth in stride(from: Int64(0), through: axisTenths, by: Int(step)) {
            let position = n(x(tenth, 10))
            svg.append(
                "<line class=\"grid\" x1=\"\(position)\" y1=\"\(n(Self.top - 4))\" x2=\"\(position)\" y2=\"\(n(plotBottom))\"/>"
                    + "<text class=\"tick\" x=\"\(position)\" y=\"\(n(Self.top - 10))\" text-anchor=\"middle\">\(tenth * 10)%</text>"
            )
        }
        for (index, bar) in bars.enumerated() {
            let rowTop = Self.top + Double(index) * Self.rowHeight
            let barTop = rowTop + (Self.rowHeight - Self.barHeight) / 2
            let middle = n(rowTop + Self.rowHeight / 2 + 4.5)
            let end = x(bar.valid, bar.population)
            let state = bar.met ? "met" : "unmet"
            let label = HTMLText.escape(bar.township)
            let tooltip = HTMLText.escape(
                "\(bar.township)：注册率 \(bar.rateText)，目标 \(bar.target.percentText)，\(bar.met ? "已达标" : "未达标")")
            svg.append(
                "<g class=\"row \(state)\"><title>\(tooltip)</title>"
                    + "<text class=\"name\" x=\"\(n(plotLeft - 8))\" y=\"\(middle)\" text-anchor=\"end\">\(label)</text>"
                    + "<rect class=\"bar \(state)\" x=\"\(n(plotLeft))\" y=\"\(n(barTop))\" width=\"\(n(end - plotLeft))\" "
                    + "height=\"\(n(Self.barHeight))\" data-township=\"\(label)\"/>"
                    + "<text class=\"value\" x=\"\(n(end + 5))\" y=\"\(middle)\">\(bar.rateText)</text>")
            if bar.target != target {
                let mark = n(x(bar.target.numerator, bar.target.denominator))
                svg.append(
                    "<line class=\"own-target\" x1=\"\(mark)\" y1=\"\(n(rowTop + 2))\" x2=\"\(mark)\" "
                        + "y2=\"\(n(rowTop + Self.rowHeight - 2))\"/>")
            }
            svg.append("</g>")
        }
        let targetX = n(x(target.numerator, target.denominator))
        svg.append(
            "<line class=\"target\" x1=\"\(targetX)\" y1=\"\(n(Self.top - 4))\" x2=\"\(targetX)\" y2=\"\(n(plotBottom + 4))\"/>"
                + "<text class=\"target-label\" x=\"\(targetX)\" y=\"\(n(plotBottom + 18))\" text-anchor=\"middle\">"
                + "目标 \(HTMLText.escape(target.percentText))</text>")
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// A coordinate with at most one decimal, so that the output is the same on every run.
    private func n(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
