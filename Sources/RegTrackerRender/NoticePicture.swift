import RegTrackerCore

/// The ranking of a notice as one picture 1080 pixels wide, for a phone: what offices post in their WeChat work
/// groups. An SVG drawn here and rendered to PNG by librsvg (RegTrackerKit). Named townships are red, cards are
/// coloured badges (yellow, red, black for 挂牌整治), the target a dashed line.
public struct NoticePicture: Sendable {
    public static let width = 1080.0
    /// Where the bars start and how wide 100% is: the axis always runs from 0 to 100% so that a bar's length is its
    /// rate, whatever the other townships do.
    public static let barLeft = 300.0
    public static let barWidth = 520.0
    public static let headerHeight = 200.0
    public static let rowHeight = 64.0
    public static let barHeight = 36.0
    public static let footerHeight = 150.0

    public var notice: Notice

    public init(notice: Notice) {
        self.notice = notice
    }

    public var height: Double {
        Self.headerHeight + Double(notice.townships.count) * Self.rowHeight + Self.footerHeight
    }

    /// The vertical middle of the row of the township at `index` (rank order).
    public static func rowMiddle(_ index: Int) -> Double { headerHeight + (Double(index) + 0.5) * rowHeight }

    /// The x where a bar of `numerator / denominator` ends.
    public static func barEnd(_ numerator: Int64, _ denominator: Int64) -> Double {
        barLeft + barWidth * min(1, Double(numerator) / Double(denominator))
    }

    static let colors = (
        met: "#1c64c4", unmet: "#e8590c", named: "#c92a2a", namedRow: "#fff0f0", stripe: "#f8f9fa",
        yellow: "#fab005", red: "#e03131", listed: "#212529"
    )

    public func svg() -> String {
        let report = notice.report
        let totals = report.totals
        let population = report.totalPopulation
        let countyRate = population > 0 ? Decimal6.percent(numerator: totals.valid, denominator: population) : "—"
        var items: [String] = []
        items.append("<rect x=\"0\" y=\"0\" width=\"1080\" height=\"\(format(height))\" fill=\"#ffffff\"/>")
        items.append("<rect x=\"0\" y=\"0\" width=\"1080\" height=\"120\" fill=\"#1c3d6e\"/>")
        items.append(
            text(
                "\(ChineseDates.period(notice.period))国家反诈中心APP注册率排名", x: 540, y: 60, size: 42, anchor: "middle",
                fill: "#ffffff", weight: "bold"))
        items.append(
            text(
                "截至\(ChineseDates.day(notice.period.end)) · 目标\(notice.target.percentText) · 全\(NoticeDocument.area(notice))\(countyRate)",
                x: 540, y: 102, size: 26, anchor: "middle", fill: "#dbe4ff"))
        items.append(text("排名", x: 50, y: 175, size: 24, anchor: "middle", fill: "#495057"))
        items.append(text("乡镇（街道）", x: 90, y: 175, size: 24, fill: "#495057"))
        items.append(text("注册率", x: 830, y: 175, size: 24, fill: "#495057"))
        items.append(text("警示", x: 1010, y: 175, size: 24, anchor: "middle", fill: "#495057"))
        for (index, township) in notice.townships.enumerated() {
            items += row(township, index: index)
        }
        let plotTop = Self.headerHeight
        let plotBottom = plotTop + Double(notice.townships.count) * Self.rowHeight
        let target = Self.barEnd(notice.target.numerator, notice.target.denominator)
        items.append(
            "<line x1=\"\(format(target))\" y1=\"\(format(plotTop - 6))\" x2=\"\(format(target))\" "
                + "y2=\"\(format(plotBottom + 6))\" stroke=\"#212529\" stroke-width=\"3\" stroke-dasharray=\"10 6\"/>")
        items.append(
            text(
                "目标\(notice.target.percentText)", x: target, y: plotTop - 12, size: 22, anchor: "middle",
                fill: "#212529"))
        var y = plotBottom + 44
        let legend: [(String, String)] = [
            (Self.colors.met, "已达标"), (Self.colors.unmet, "未达标"), (Self.colors.named, "本期通报"),
        ]
        var x = 40.0
        for (color, label) in legend {
            items.append(
                "<rect x=\"\(format(x))\" y=\"\(format(y - 20))\" width=\"26\" height=\"26\" fill=\"\(color)\"/>")
            items.append(text(label, x: x + 34, y: y, size: 24, fill: "#343a40"))
            x += 170
        }
        for card in NoticeCard.allCases {
            items.append(badge(card, x: x + 40, y: y - 7))
            x += 150
        }
        y += 48
        let missing = notice.notReported.isEmpty ? "本期各乡镇（街道）均已报送" : "未报送：" + notice.notReported.joined(separator: "、")
        items.append(text(missing, x: 40, y: y, size: 26, fill: "#343a40"))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1080\" height=\"\(format(height))\" "
            + "viewBox=\"0 0 1080 \(format(height))\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, sans-serif\">"
            + items.joined(separator: "\n") + "</svg>\n"
    }

    private func row(_ township: NoticeTownship, index: Int) -> [String] {
        let figures = township.figures
        let middle = Self.rowMiddle(index)
        let top = middle - Self.rowHeight / 2
        var items: [String] = []
        let background = township.named ? Self.colors.namedRow : (index % 2 == 1 ? Self.colors.stripe : nil)
        if let background {
            items.append(
                "<rect x=\"0\" y=\"\(format(top))\" width=\"1080\" height=\"\(format(Self.rowHeight))\" fill=\"\(background)\"/>"
            )
        }
        let nameColor = township.named ? Self.colors.named : "#212529"
        items.append(
            text(
                figures.rank.map(String.init) ?? "—", x: 50, y: middle + 10, size: 28, anchor: "middle", fill: nameColor
            ))
        items.append(
            text(
                figures.label, x: 90, y: middle + 10, size: 30, fill: nameColor,
                weight: township.named ? "bold" : nil))
        if figures.hasRate {
            let color = township.named ? Self.colors.named : (figures.met == true ? Self.colors.met : Self.colors.unmet)
            let end = Self.barEnd(figures.counts.valid, figures.population)
            items.append(
                "<rect x=\"\(format(Self.barLeft))\" y=\"\(format(middle - Self.barHeight / 2))\" "
                    + "width=\"\(format(end - Self.barLeft))\" height=\"\(format(Self.barHeight))\" fill=\"\(color)\"/>"
            )
        }
        items.append(text(figures.ratePercent, x: 830, y: middle + 10, size: 28, fill: nameColor))
        if let card = township.card {
            items.append(badge(card, x: 1010, y: middle))
        } else if township.named {
            items.append(text("通报", x: 1010, y: middle + 10, size: 24, anchor: "middle", fill: Self.colors.named))
        }
        return items
    }

    private func badge(_ card: NoticeCard, x: Double, y: Double) -> String {
        let (fill, ink, label) =
            switch card {
            case .yellow: (Self.colors.yellow, "#212529", "黄牌")
            case .red: (Self.colors.red, "#ffffff", "红牌")
            case .listed: (Self.colors.listed, "#ffffff", "挂牌")
            }
        return
            "<rect x=\"\(format(x - 50))\" y=\"\(format(y - 20))\" width=\"100\" height=\"40\" rx=\"6\" fill=\"\(fill)\"/>"
            + text(label, x: x, y: y + 9, size: 24, anchor: "middle", fill: ink, weight: "bold")
    }

    private func text(
        _ content: String, x: Double, y: Double, size: Int, anchor: String = "start", fill: String,
        weight: String? = nil
    ) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + ">\(HTMLText.escape(content))</text>"
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
