/// One village (村) or residents' community (社区) of a township, from a village row of the roster (SPEC 5).
public struct Village: Sendable, Equatable {
    public var name: String
    public var population: Int64
    /// nil: the township's target applies (else the global one).
    public var target: Target?
    public var aliases: [String]
    /// The roster row it was read from, where known (for messages).
    public var row: Int?

    public init(name: String, population: Int64, target: Target? = nil, aliases: [String] = [], row: Int? = nil) {
        self.name = name
        self.population = population
        self.target = target
        self.aliases = aliases
        self.row = row
    }
}

/// How a village cell is matched (SPEC 5): cleaned as every cell (1.5), white space removed, and one trailing
/// 村民委员会, 居民委员会, 村委会, 居委会, 村 or 社区 ignored, the longest that fits, on both sides: `河坝`, `河坝村`
/// and `河 坝 村委会` are one village; `河坝村3组` is none of them.
public enum VillageName {
    /// Longest first, so that 村民委员会 is stripped whole rather than leaving 村民委员.
    static let suffixes = ["村民委员会", "居民委员会", "村委会", "居委会", "社区", "村"]

    /// The matching key of a village name or cell. A name that is nothing but a suffix (`村`) keeps it: an empty key
    /// would match every empty cell.
    public static func key(_ text: String) -> String {
        let compact = CellText.compact(text)
        for suffix in suffixes where compact.hasSuffix(suffix) && compact.count > suffix.count {
            return String(compact.dropLast(suffix.count))
        }
        return compact
    }
}
