import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// The rows a township gets back (SPEC 3): where each row is, what became of it and why, with personal numbers masked.
/// Always Chinese: the county reads them (SPEC 7).
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
                    .text(received(reject.idText)), .text(received(reject.phoneText)),
                    .text(reject.outcome.label), .text(ReasonText.text(reject.reasons, in: .chinese)),
                ])
            },
            notes: ["请按“原因”一栏核对，改正后重新报送整份名单。"])
    }

    /// An ID number or phone as received, wrong ones included, so that the clerk sees what to correct, its digits
    /// masked (`Mask.cell`).
    public static func received(_ text: String?) -> String {
        text.map(Mask.cell) ?? ""
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
        /// Malformed rows: counts by their problems, most frequent first.
        public var reasons: [(reasons: [Reason], count: Int)]

        public static func == (lhs: Group, rhs: Group) -> Bool {
            lhs.outcome == rhs.outcome && lhs.count == rhs.count
                && lhs.reasons.map(\.reasons) == rhs.reasons.map(\.reasons)
                && lhs.reasons.map(\.count) == rhs.reasons.map(\.count)
        }
    }

    /// In the order of SPEC 2's rules.
    public var byOutcome: [Group]

    public init(_ rejects: [RejectRecord]) {
        let groups = Dictionary(grouping: rejects, by: \.outcome)
        byOutcome = groups.keys.sorted().map { outcome in
            let rows = groups[outcome]!
            var reasons: [(reasons: [Reason], count: Int)] = []
            if outcome == .malformed {
                let byReason = Dictionary(grouping: rows, by: \.reasons)
                // Ties in a fixed order, whatever the language they are shown in.
                reasons = byReason.map { ($0.key, $0.value.count) }.sorted { a, b in
                    a.count != b.count
                        ? a.count > b.count
                        : UnicodeOrder.precedes(ReasonText.text(a.reasons, in: .english), ReasonText.text(b.reasons, in: .english))
                }
            }
            return Group(outcome: outcome, count: rows.count, reasons: reasons)
        }
    }
}

extension RejectRecord {
    /// Its township as people read it: the name, with the county where two counties share it (`sharedNames`,
    /// SPEC 8); nil for a row whose township is not in the roster.
    public func label(sharedNames: Set<String>) -> String? {
        guard let township else { return nil }
        return sharedNames.contains(township) ? TownshipFigures.label(township, county: county) : township
    }
}
