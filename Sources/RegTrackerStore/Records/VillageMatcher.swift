/// `StoredRoster.villageID`, remembered by township and cell text: a list names a few hundred villages a million
/// times over, and a cell's village key (NFKC, the suffixes) costs more than a look-up. At most `limit` texts are
/// remembered, so that a file of a million different village texts does not grow memory.
public struct VillageMatcher {
    private struct Cell: Hashable {
        var township: Int
        var text: String
    }

    private let roster: StoredRoster
    private var known: [Cell: Int64?] = [:]
    public static let limit = 1 << 16

    public init(_ roster: StoredRoster) {
        self.roster = roster
    }

    /// The database id of the village of township `township` (a roster index) that the cell names (SPEC 5).
    public mutating func villageID(township: Int, cell text: String) -> Int64? {
        if roster.villageIDs[township].isEmpty { return nil }
        let cell = Cell(township: township, text: text)
        if let id = known[cell] { return id }
        let id = roster.villageID(township: township, cell: text)
        if known.count < Self.limit { known[cell] = id }
        return id
    }
}
