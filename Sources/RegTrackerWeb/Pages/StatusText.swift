import RegTrackerCore
import RegTrackerRender

/// The projection in the words of the dashboard (Chinese, as the report files).
enum StatusText {
    static func text(_ projection: Projection) -> String { ProjectionText.status(projection, in: .chinese) }

    static func html(_ projection: Projection) -> String {
        "<span class=\"status \(projection.status.rawValue)\">\(HTMLText.escape(text(projection)))</span>"
    }

    static func deadlineLine(_ trend: TrendReport) -> String {
        guard let deadline = trend.deadline else { return "截至 \(trend.asOf.iso8601Unchecked)；未设截止日期。" }
        let left = trend.asOf.days(to: deadline)
        return "截至 \(trend.asOf.iso8601Unchecked)；截止日期 \(deadline.iso8601Unchecked)，还剩 \(max(0, left)) 天。速度按近 30 天计。"
    }
}
