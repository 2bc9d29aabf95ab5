import RegTrackerCore
import RegTrackerStore

/// The rows a township gets back (SPEC 3): where each row is, what became of it and why, with personal numbers masked.
public enum RejectSheets {
    /// The group of rows whose township is not in the roster.
    public static let unassignedGroup = "未匹配乡镇"

    public static let headings = ["乡镇（原文）", "文件", "批次", "行号", "姓名", "身份证号", "手机号码", "结果", "原因"]

    public static func sheet(township: String, rejects: [RejectRecord], date: CivilDate) -> ReportSheet {
        ReportSheet(
            title: "\(township) 未计入名单（\(date.iso8601Unchecked)）", headings: headings,
            rows: rejects.map { reject in
                ReportSheet.Row([
                    .text(Mask.digits(in: reject.townshipText)), .text(reject.fileName), .integer(reject.batch),
                    .integer(Int64(reject.rowNumber)), .text(Mask.digits(in: reject.name)),
                    .text(reject.idText.map(Mask.idNumber) ?? ""), .text(reject.phoneText.map(Mask.phone) ?? ""),
                    .text(reject.outcome.label), .text(Mask.digits(in: reject.reason)),
                ])
            },
            notes: ["请按“原因”一栏核对、改正后重新报送（同名文件用 --replace 导入即替换原批次）。"])
    }

    /// `共 12 行未计入：重复 4 行，无效（截图不合格）3 行…`
    public static func summary(_ rejects: [RejectRecord]) -> [String] {
        let parts = RejectTally(rejects).byOutcome.map { "\($0.outcome.label) \($0.count) 行" }
        return ["共 \(rejects.count) 行未计入" + (parts.isEmpty ? "。" : "：" + parts.joined(separator: "，") + "。")]
    }
}

/// Rows that did not count, by outcome, and the malformed ones by reason: what a township head needs to fix.
public struct RejectTally: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var outcome: OutcomeKind
        public var count: Int
        /// Malformed and unassigned rows: counts by reason text (masked), most frequent first.
        public var reasons: [(reason: String, count: Int)]

        public static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.outcome == rhs.outcome && lhs.count == rhs.count
                && lhs.reasons.map(\.reason) == rhs.reasons.map(\.reason)
                && lhs.reasons.map(\.count) == rhs.reasons.map(\.count)
        }
    }

    /// In the order of SPEC 2's rules.
    public var byOutcome: [Group]

    public init(_ rejects: [RejectRecord]) {
        let groups = Dictionary(grouping: rejects, by: \.outcome)
        byOutcome = groups.keys.sorted().map { outcome in
            let rows = groups[outcome]!
            var reasons: [(reason: String, count: Int)] = []
            if outcome == .malformed {
                let byReason = Dictionary(grouping: rows) { Mask.digits(in: $0.reason) }
                reasons = byReason.map { ($0.key, $0.value.count) }.sorted { a, b in
                    a.count != b.count ? a.count > b.count : UnicodeOrder.precedes(a.reason, b.reason)
                }
            }
            return Group(outcome: outcome, count: rows.count, reasons: reasons)
        }
    }
}
