import RegTrackerCore

/// A column as messages and reports name it.
extension Field {
    /// The Chinese heading used in messages and reports.
    public var heading: String {
        switch self {
        case .township: "乡镇"
        case .name: "姓名"
        case .idNumber: "身份证号"
        case .phone: "手机号码"
        case .village: "村（社区）"
        case .registeredAt: "注册时间"
        case .verdict: "截图核验"
        case .remark: "备注"
        case .population: "实有人口"
        case .target: "目标"
        case .aliases: "别名"
        case .reason: "原因"
        case .county: "县（区）"
        }
    }

    /// `name (姓名)`, for messages that must be clear in both languages.
    public var label: String { "\(heading) (\(rawValue))" }
}
