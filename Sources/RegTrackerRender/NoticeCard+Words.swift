import RegTrackerCore

/// A card in the words of the notice.
extension NoticeCard {
    /// 黄牌警告, 红牌警告, 挂牌整治.
    public var label: String {
        switch self {
        case .yellow: "黄牌警告"
        case .red: "红牌警告"
        case .listed: "挂牌整治"
        }
    }

    /// What the card means for the township.
    public var meaning: String {
        switch self {
        case .yellow: "约谈分管领导"
        case .red: "约谈主要领导"
        case .listed: "挂牌整治，由县联席办督导整改"
        }
    }
}
