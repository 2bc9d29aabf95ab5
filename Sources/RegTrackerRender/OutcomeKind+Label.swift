import RegTrackerCore

/// An outcome as people read it in the reports, the pages and the rejects list.
extension OutcomeKind {
    /// The Chinese label for people.
    public var label: String {
        switch self {
        case .unassigned: "未匹配乡镇"
        case .malformed: "无效（信息不全或有误）"
        case .flagged: "无效（截图不合格）"
        case .listed: "无效（列入无效名单）"
        case .duplicate: "重复"
        case .valid: "有效"
        }
    }
}
