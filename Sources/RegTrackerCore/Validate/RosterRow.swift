/// Reads one roster row (SPEC 1.1). A problem here rejects the whole roster, naming the row.
public enum RosterRow {
    /// nil for rows that are not townships: blank, totals (合计, 总计, 小计, 合计：…) and notes. A village row is
    /// read as the township's; use `entry(from:columns:)` for rosters with a village column.
    public static func township(from row: SourceRow, columns: ColumnMap) -> Result<Township?, RosterRowError> {
        entry(from: row, columns: columns).map { entry in
            guard case .township(let township)? = entry else { return nil }
            return township
        }
    }

    /// A township's own row, a village row (SPEC 5: a non-empty village cell), or nil for rows that are neither:
    /// blank, totals (合计, 总计, 小计, 合计：…) and notes, in the township cell or in the village cell. A village row
    /// with an empty township cell keeps it empty here: `fillTownships` gives it the township above.
    public static func entry(from row: SourceRow, columns: ColumnMap) -> Result<RosterEntry?, RosterRowError> {
        let name = CellText.clean(columns.cell(.township, in: row).displayText)
        let village = CellText.clean(columns.cell(.village, in: row).displayText)
        if (name.isEmpty && village.isEmpty) || MarkerCell.kind(ofCompact: Roster.key(name), mayBeRowNumber: false) != nil
        {
            return .success(nil)
        }
        if !village.isEmpty, MarkerCell.kind(ofCompact: CellText.compact(village), mayBeRowNumber: false) != nil {
            return .success(nil)
        }
        // Messages name what the row is about: the township, or the township and the village.
        let label = village.isEmpty ? name : name.isEmpty ? village : "\(name) \(village)"
        guard let population = population(columns.cell(.population, in: row)) else {
            let raw = CellText.clean(columns.cell(.population, in: row).displayText)
            return .failure(
                RosterRowError(
                    row: row.number, problem: raw.isEmpty ? .noPopulation(label) : .badPopulation(label, raw)))
        }
        var target: Target?
        let targetCell = columns.cell(.target, in: row)
        if !targetCell.isBlank {
            guard let parsed = Target(parsing: targetCell.displayText) else {
                return .failure(
                    RosterRowError(
                        row: row.number, problem: .badTarget(label, CellText.clean(targetCell.displayText))))
            }
            target = parsed
        }
        let countyText = CellText.clean(columns.cell(.county, in: row).displayText)
        let county: String? = countyText.isEmpty ? nil : countyText
        let aliasText = CellText.clean(columns.cell(.aliases, in: row).displayText)
        let separators: Set<Character> = ["、", ";", "；", ",", "，"]
        let aliases = aliasText.split(whereSeparator: { separators.contains($0) }).map { CellText.clean(String($0)) }
            .filter { !$0.isEmpty }
        if !village.isEmpty {
            return .success(
                .village(
                    township: name,
                    Village(
                        name: village, population: population, target: target, aliases: aliases, row: row.number),
                    county: county))
        }
        return .success(
            .township(Township(name: name, population: population, target: target, aliases: aliases, county: county)))
    }

    /// The townships of a roster's rows, in the order they first appear (SPEC 1.1, 5): a village row joins the
    /// township whose own row has that name or alias, else a township that has village rows only (its population
    /// the sum of theirs, its target the global one). A township's own population stands even where its villages'
    /// sum differs. Village names and aliases must be unique within their township after `VillageName.key`.
    /// Each township comes with the row number of its own row, else of its first village row.
    public static func assemble(
        _ entries: [(row: Int, entry: RosterEntry)]
    ) -> Result<[(row: Int, township: Township)], RosterRowError> {
        // A village row joins a township of its own county (SPEC 8): the key holds the county, empty without one.
        func key(_ county: String?, _ name: String) -> String { "\(Roster.key(county ?? ""))\u{1F}\(Roster.key(name))" }
        var ownRowByKey: [String: Int] = [:]
        for (position, item) in entries.enumerated() {
            guard case .township(let township) = item.entry else { continue }
            for name in [township.name] + township.aliases where ownRowByKey[key(township.county, name)] == nil {
                ownRowByKey[key(township.county, name)] = position
            }
        }
        struct Slot {
            var row: Int
            var township: Township
            var hasOwnRow = false
            /// Village keys (names and aliases) taken, with the row and village that took them.
            var villageKeys: [String: (row: Int, village: String)] = [:]
        }
        var slots: [Slot] = []
        var slotByOwner: [String: Int] = [:]
        func slot(owner: String, row: Int, name: String) -> Int {
            if let existing = slotByOwner[owner] { return existing }
            slots.append(Slot(row: row, township: Township(name: name, population: 0)))
            slotByOwner[owner] = slots.count - 1
            return slots.count - 1
        }
        for (position, item) in entries.enumerated() {
            switch item.entry {
            case .township(let township):
                let index = slot(owner: "#\(position)", row: item.row, name: township.name)
                let villages = slots[index].township.villages
                slots[index].township = township
                slots[index].township.villages = villages
                slots[index].row = item.row
                slots[index].hasOwnRow = true
            case .village(let townshipName, let village, let county):
                let key = key(county, townshipName)
                let owner = ownRowByKey[key].map { "#\($0)" } ?? "village:\(key)"
                let index = slot(owner: owner, row: item.row, name: townshipName)
                if !slots[index].hasOwnRow { slots[index].township.county = county }
                for name in [village.name] + village.aliases {
                    let villageKey = VillageName.key(name)
                    if let taken = slots[index].villageKeys[villageKey] {
                        return .failure(
                            RosterRowError(
                                row: item.row,
                                problem: .villageNameUsedTwice(
                                    name, township: slots[index].township.name, owner: taken.village,
                                    ownerRow: taken.row)))
                    }
                    slots[index].villageKeys[villageKey] = (item.row, village.name)
                }
                slots[index].township.villages.append(village)
            }
        }
        return .success(
            slots.map { slot in
                var township = slot.township
                if !slot.hasOwnRow { township.population = township.villages.reduce(0) { $0 + $1.population } }
                return (slot.row, township)
            })
    }

    /// Ten billion: more than any township has, small enough for exact 64-bit arithmetic on every figure.
    public static let maximumPopulation: Int64 = 10_000_000_000

    /// `12345`, `12,345`, `12345人`, or a whole-number numeric cell.
    static func population(_ cell: Cell) -> Int64? {
        let value: Int64?
        switch cell {
        case .number(let number):
            value = number >= 0 && number == number.rounded() && number <= 1e11 ? Int64(number) : nil
        case .text(let raw):
            var text = CellText.compact(raw)
            if text.hasSuffix("人") { text.removeLast() }
            text.removeAll { $0 == "," }
            // `12345.0`: a whole number written as a spreadsheet shows a number cell with decimals.
            if let point = text.firstIndex(of: "."), text[text.index(after: point)...].allSatisfy({ $0 == "0" }) {
                text = String(text[..<point])
            }
            let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && text.count <= 12
            value = isDigits ? Int64(text) : nil
        default:
            value = nil
        }
        return value.flatMap { $0 <= maximumPopulation ? $0 : nil }
    }

    /// Names used twice (as a name or alias) make rows ambiguous: the roster is rejected. With a county column a
    /// name need only be unique within its county (SPEC 8).
    public static func checkUnique(_ townships: [(row: Int, township: Township)]) -> RosterRowError? {
        var seen: [String: String] = [:]
        for (row, township) in townships {
            for name in [township.name] + township.aliases {
                let key = "\(Roster.key(township.county ?? ""))\u{1F}\(Roster.key(name))"
                if let owner = seen[key] {
                    return RosterRowError(row: row, problem: .nameUsedTwice(name, owner: owner))
                }
                seen[key] = township.name
            }
        }
        return nil
    }
}

/// A row of the roster: a township's own row or a village row (SPEC 5).
public enum RosterEntry: Sendable, Equatable {
    case township(Township)
    /// The township cell as written, the village, and the county cell (SPEC 8; nil when empty or absent).
    case village(township: String, Village, county: String?)

    /// The county cell of the row (SPEC 8); nil when empty or absent.
    public var county: String? {
        switch self {
        case .township(let township): township.county
        case .village(_, _, let county): county
        }
    }

    /// The same row with another county.
    func withCounty(_ county: String?) -> RosterEntry {
        switch self {
        case .township(var township):
            township.county = county
            return .township(township)
        case .village(let township, let village, _): return .village(township: township, village, county: county)
        }
    }
}

extension RosterRow {
    /// A village row with an empty township cell belongs to the township of the row above: a township cell merged
    /// over its villages' rows is read that way (only its first row holds the name). A village row before any
    /// township rejects the roster.
    public static func fillTownships(
        _ entries: [(row: Int, entry: RosterEntry)]
    ) -> Result<[(row: Int, entry: RosterEntry)], RosterRowError> {
        var current: String?
        var filled: [(row: Int, entry: RosterEntry)] = []
        for (row, entry) in entries {
            switch entry {
            case .township(let township):
                current = township.name
                filled.append((row, entry))
            case .village(let township, let village, let county) where township.isEmpty:
                guard let current else { return .failure(RosterRowError(row: row, problem: .noTownship(village.name))) }
                filled.append((row, .village(township: current, village, county: county)))
            case .village(let township, _, _):
                current = township
                filled.append((row, entry))
            }
        }
        return .success(filled)
    }

    /// In a roster with a county column (SPEC 8) every row belongs to a county: an empty county cell continues the
    /// county of the row above (a county cell merged over its townships' rows is read that way); a row before any
    /// county is named rejects the roster. Without a county column the entries are returned as they are.
    public static func fillCounties(
        _ entries: [(row: Int, entry: RosterEntry)], hasCountyColumn: Bool
    ) -> Result<[(row: Int, entry: RosterEntry)], RosterRowError> {
        guard hasCountyColumn else { return .success(entries) }
        var current: String?
        var filled: [(row: Int, entry: RosterEntry)] = []
        for (row, entry) in entries {
            if let county = entry.county {
                current = county
                filled.append((row, entry))
            } else if let current {
                filled.append((row, entry.withCounty(current)))
            } else {
                let name: String =
                    switch entry {
                    case .township(let township): township.name
                    case .village(let township, _, _): township
                    }
                return .failure(RosterRowError(row: row, problem: .noCounty(name)))
            }
        }
        return .success(filled)
    }
}

/// A roster row that cannot be a township, as a value; `RosterRowErrorText` (RegTrackerRender) words it.
public struct RosterRowError: Error, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        case noPopulation(String)
        /// The township and the population cell as written.
        case badPopulation(String, String)
        /// The township and the target cell as written.
        case badTarget(String, String)
        /// A name or alias, and the township that already has it.
        case nameUsedTwice(String, owner: String)
        /// A village name or alias, its township, and the village (and its row) that already has it once 村, 社区, …
        /// are ignored (SPEC 5).
        case villageNameUsedTwice(String, township: String, owner: String, ownerRow: Int)
        /// The township of a row in a roster with a county column, before any row names a county (SPEC 8).
        case noCounty(String)
        /// A village row with an empty township cell and no township above it (SPEC 5).
        case noTownship(String)
    }

    public var row: Int
    public var problem: Problem
}
