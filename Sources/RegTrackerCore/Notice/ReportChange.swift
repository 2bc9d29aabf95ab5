/// 较上期 in `report`: once a notice is stored, the ranked report compares each township with the latest notice
/// (of any kind) that ended on or before the report's date: Δ有效数, Δ注册率 and 名次变化, by the rules of
/// `NoticeRules.change`.
public enum ReportChange {
    /// The latest stored notice with an end on or before `date`; ties by the later issue, then period text.
    public static func baseline(_ notices: [Notice], onOrBefore date: CivilDate) -> Notice? {
        notices.filter { $0.period.end <= date }.max { a, b in
            (a.period.end, a.issued, a.period.description) < (b.period.end, b.issued, b.period.description)
        }
    }
}
