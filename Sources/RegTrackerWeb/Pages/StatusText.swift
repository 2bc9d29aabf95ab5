import RegTrackerCore

/// The projection in the words of the dashboard (Chinese, as the report files).
enum StatusText {
    static func text(_ projection: Projection) -> String {
        // Exact rationals, to as many places as it takes for the words to agree with the status (issue 12).
        let pace = projection.paceTexts?.pace ?? projection.pacePerDayText
        let needs = projection.neededPerDayText ?? "?"
        return switch projection.status {
        case .met: "已达标"
        case .onPace: "可按期达标：每天需 \(needs) 人，近 30 天日均 \(pace) 人"
        case .behind: "落后：每天需 \(needs) 人，近 30 天日均 \(pace) 人"
        case .stalled: "停滞：近 30 天无有效注册" + (projection.neededPerDayText.map { "，每天需 \($0) 人" } ?? "")
        case .missed: "已过截止日期，仍差 \(projection.remaining) 人"
        case .projected: "按日均 \(pace) 人，预计 \(projection.projectedDate?.iso8601Unchecked ?? "—") 达标"
        case .noRate: "无注册率（实有人口为 0）"
        }
    }

    static func html(_ projection: Projection) -> String {
        "<span class=\"status \(projection.status.rawValue)\">\(HTMLText.escape(text(projection)))</span>"
    }

    static func deadlineLine(_ trend: TrendReport) -> String {
        guard let deadline = trend.deadline else { return "截至 \(trend.asOf.iso8601Unchecked)；未设截止日期。" }
        let left = trend.asOf.days(to: deadline)
        return "截至 \(trend.asOf.iso8601Unchecked)；截止日期 \(deadline.iso8601Unchecked)，还剩 \(max(0, left)) 天。速度按近 30 天计。"
    }
}
