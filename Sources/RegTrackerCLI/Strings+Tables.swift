import RegTrackerRender

// MARK: - The headings of the tables the CLI prints

extension Strings {
    /// A table the CLI prints, whose column headings come from the catalogue.
    enum Table: Sendable {
        case rejects
        case trend
        /// One township's daily series under `trend --township`.
        case series
        /// The rows of a township by village under `rate`, when the roster gives it no villages.
        case villages
        case tokens
        case notices
        /// The township table of `shortfall`: the columns of SPEC 2 (`ReportTable.headings` in files).
        case townships
        /// The ranked table of `report`: the township table and the last submission.
        case ranking
        /// 较上期: the three columns `report` adds after a notice (`ReportChange.headings` in files).
        case change
        /// `villages`: a township's villages, or with `withTownship` every village of the county.
        case villageRanking(withTownship: Bool)
        /// `report --by county`.
        case counties
        case batches
    }

    /// The column headings of `table`, one text per column.
    static func headings(_ table: Table, in language: Language) -> [String] {
        columns(table).map { english, chinese in language == .chinese ? chinese : english }
    }

    /// Each column's English and Chinese heading side by side, so that the two languages cannot drift apart.
    private static func columns(_ table: Table) -> [(String, String)] {
        switch table {
        case .rejects:
            [
                ("township", "乡镇"), ("file", "文件"), ("batch", "批次"), ("row", "行号"), ("name", "姓名"),
                ("outcome", "结果"), ("reason", "原因"),
            ]
        case .trend:
            [
                ("rank", "排名"), ("township", "乡镇"), ("valid", "有效数"), ("required", "目标人数"), ("7 days", "近7天"),
                ("30 days", "近30天"), ("per day", "日均"), ("projected", "预计达标"), ("status", "进度"),
            ]
        case .series: [("date", "日期"), ("added", "新增"), ("valid", "累计有效")]
        case .villages: [("village", "村（社区）"), ("valid", "有效数"), ("reported", "上报数")]
        case .tokens: [("id", "编号"), ("scope", "范围"), ("created", "创建时间"), ("state", "状态")]
        case .notices: [("period", "期次"), ("kind", "类型"), ("issued", "印发日期"), ("named", "被通报乡镇")]
        case .townships: [rankColumn, ("township", "乡镇"), populationColumn] + figureColumns
        case .ranking: columns(.townships) + [("last submission", "最近报送")]
        case .change:
            [("change in valid", "较上期有效数"), ("change in rate (points)", "较上期注册率（百分点）"), ("rank change", "名次变化")]
        case .villageRanking(let withTownship):
            [rankColumn, ("village", "村（社区）")] + (withTownship ? [("township", "乡镇")] : [])
                + [populationColumn, ("target", "目标")] + figureColumns
        case .counties: [rankColumn, ("county", "县（区）"), ("townships", "乡镇数"), populationColumn] + figureColumns
        case .batches:
            [
                ("batch", "批次"), ("file", "文件"), ("kind", "类型"), ("imported at", "导入时间"), ("rows", "行数"),
                ("sha256", "sha256"), ("state", "状态"),
            ]
        }
    }

    // The columns of SPEC 2 that the township, village and county tables share.
    private static let rankColumn = ("rank", "排名")
    private static let populationColumn = ("population", "实有人口")
    /// From 上报数 to 是否达标, after the population (and the village's target).
    private static let figureColumns = [
        ("reported", "上报数"), ("invalid", "无效数"), ("duplicates", "重复数"), ("valid", "有效数"), ("rate", "注册率"),
        ("required", "目标人数"), ("shortfall", "差额"), ("met", "是否达标"),
    ]

    /// The words in the cells of the township, village and county tables (是否达标, 合计), in `language`.
    static func tableWords(in language: Language) -> TableWords {
        TableWords(yes: language.pick("yes", "是"), no: language.pick("no", "否"), total: language.pick("total", "合计"))
    }
}
