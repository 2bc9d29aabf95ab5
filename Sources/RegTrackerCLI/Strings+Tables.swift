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
        }
    }
}
