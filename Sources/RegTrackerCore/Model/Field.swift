/// The columns regtracker understands, per kind of file, with the header names of SPEC 1.1–1.3.
public enum Field: String, Sendable, CaseIterable, Hashable {
    case township
    case name
    case idNumber = "id_number"
    case phone
    case village
    case registeredAt = "registered_at"
    case verdict
    case remark
    case population
    case target
    case aliases
    case reason
    /// The county (SPEC 8), in rosters and registration lists of several counties.
    case county

    /// The field's position in `allCases`, for array look-ups in hot loops.
    public var index: Int {
        switch self {
        case .township: 0
        case .name: 1
        case .idNumber: 2
        case .phone: 3
        case .village: 4
        case .registeredAt: 5
        case .verdict: 6
        case .remark: 7
        case .population: 8
        case .target: 9
        case .aliases: 10
        case .reason: 11
        case .county: 12
        }
    }
}

/// The three kinds of file, each with its own header vocabulary and required columns.
public enum FileKind: String, Sendable, CaseIterable, Codable {
    case roster
    case registrations
    case invalidList = "invalid"

    public var headerNames: [Field: [String]] {
        switch self {
        case .roster:
            [
                .township: [
                    "乡镇", "镇", "街道", "乡镇（街道）", "镇（街道）", "乡镇名称", "镇街", "镇街名称", "所属乡镇", "便民服务中心", "单位",
                    "单位名称", "名称", "township",
                ],
                .population: ["实有人口", "人口", "常住人口", "人口数", "population"],
                .target: ["目标", "目标比例", "注册率目标", "target"],
                .aliases: ["别名", "曾用名", "aliases"],
                .village: Self.villageNames,
                .county: Self.countyNames,
            ]
        case .registrations:
            [
                .township: Self.townshipNames,
                .name: Self.nameNames,
                .idNumber: Self.idNames,
                .phone: Self.phoneNames,
                .village: Self.villageNames,
                .registeredAt: ["注册时间", "注册日期", "安装时间", "日期", "registered_at", "date"],
                .verdict: [
                    "截图核验", "核验结果", "截图是否有效", "截图是否合格", "是否有效", "审核结果", "是否截图", "截图", "截图情况", "有无截图",
                    "是否有截图", "截图核验结果", "核验情况", "是否核验", "审核情况", "是否合格", "是否通过", "核验", "verdict",
                ],
                .remark: ["备注", "remark"],
                .county: Self.countyNames,
            ]
        case .invalidList:
            [
                .idNumber: Self.idNames,
                .phone: Self.phoneNames,
                .township: Self.townshipNames,
                .reason: ["原因", "无效原因", "reason"],
                // SPEC 8: with a township, the county says which of two counties' 城关镇 the entry is for.
                .county: Self.countyNames,
                // Not in SPEC 1.3, but invalid lists usually carry the person's name: it helps find the header.
                .name: Self.nameNames,
            ]
        }
    }

    private static let townshipNames = [
        "乡镇", "镇", "街道", "乡镇（街道）", "镇（街道）", "所属乡镇", "所在镇街", "所属镇街", "便民服务中心", "township",
    ]
    private static let villageNames = [
        "村", "社区", "村（社区）", "所属村（社区）", "所在村（社区）", "村（居）", "村/社区", "村社区", "行政村", "村居", "village",
    ]
    private static let countyNames = ["县", "县（区）", "县市区", "区县", "county"]
    private static let nameNames = ["姓名", "名字", "人员姓名", "name"]
    private static let idNames = [
        "身份证号", "身份证号码", "身份证", "居民身份证号", "身份证件号码", "身份号码", "公民身份号码", "证件号码", "证件号", "id",
        "id_number",
    ]
    private static let phoneNames = ["手机号", "手机号码", "手机", "电话", "电话号码", "联系电话", "注册手机号", "phone", "mobile"]

    /// Fields every file of this kind must have; `either` lists groups of which one must be present.
    /// A registration list's township may come from `--township`, its title or its file name (SPEC 1.2), so the
    /// header alone never requires it; the import decides once the roster is known.
    public var requiredFields: (all: [Field], either: [Field]) {
        switch self {
        case .roster: ([.township, .population], [])
        case .registrations: ([.name], [.idNumber, .phone])
        case .invalidList: ([], [.idNumber, .phone])
        }
    }

    /// Words in a header that say the column judges the screenshot (SPEC 1.2): an unused column that has one
    /// looks like a verdict that is not being read.
    public static let verdictLikeWords = ["截图", "核验", "审核"]
}
