/// The words in a table's cells besides figures and names: 是否达标's yes and no and the totals row's label. Files
/// and the dashboard are Chinese (SPEC 7); the CLI passes words in its own language for what it prints.
public struct TableWords: Sendable, Equatable {
    public var yes: String
    public var no: String
    public var total: String

    public init(yes: String, no: String, total: String) {
        self.yes = yes
        self.no = no
        self.total = total
    }

    public static let chinese = TableWords(yes: "是", no: "否", total: "合计")

    /// The 是否达标 cell: yes, no, or `—` for a township without a rate.
    func met(_ met: Bool?) -> String { met.map { $0 ? yes : no } ?? "—" }
}
