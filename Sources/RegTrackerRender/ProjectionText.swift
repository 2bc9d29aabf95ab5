import RegTrackerCore

/// A projection's status in words, for the CLI (`trend`) and the dashboard alike.
public enum ProjectionText {
    public static func status(_ projection: Projection, in language: Language) -> String {
        // Both exact rationals, shown to as many places as it takes for the words to agree with the status (issue 12).
        let texts = projection.paceTexts
        let pace = texts?.pace ?? projection.pacePerDayText
        let needs = texts?.needed ?? "?"
        let projected = projection.projectedDate?.iso8601Unchecked ?? "—"
        return switch projection.status {
        case .met: language.pick("target met", "已达标")
        case .onPace:
            language.pick("on pace: needs \(needs)/day, doing \(pace)/day", "可按期达标：每天需 \(needs) 人，近 30 天日均 \(pace) 人")
        case .behind:
            language.pick("behind: needs \(needs)/day, doing \(pace)/day", "落后：每天需 \(needs) 人，近 30 天日均 \(pace) 人")
        case .stalled:
            language.pick(
                "stalled: no valid registration in 30 days" + (texts.map { ", needs \($0.needed)/day" } ?? ""),
                "停滞：近 30 天无有效注册" + (texts.map { "，每天需 \($0.needed) 人" } ?? ""))
        case .missed:
            language.pick("deadline missed: \(projection.remaining) short", "已过截止日期：仍差 \(projection.remaining) 人")
        case .projected: language.pick("at \(pace)/day: target on \(projected)", "按日均 \(pace) 人：预计 \(projected) 达标")
        case .noRate: language.pick("no rate: population is 0", "无注册率：实有人口为 0")
        }
    }
}
