/// Reads one roster row (SPEC 1.1). A problem here rejects the whole roster, naming the row.
public enum RosterRow {
    /// nil for rows that are not townships: blank, totals (合计, 总计, 小计, 合计：…) and notes.
    public static func township(from row: SourceRow, columns: ColumnMap) -> Result<Township?, RosterRowError> {
        let name = CellText.clean(columns.cell(.township, in: row).displayText)
        if name.isEmpty || MarkerCell.kind(ofCompact: Roster.key(name), mayBeRowNumber: false) != nil {
            return .success(nil)
        }
        guard let population = population(columns.cell(.population, in: row)) else {
            let raw = CellText.clean(columns.cell(.population, in: row).displayText)
            return .failure(
                RosterRowError(row: row.number, problem: raw.isEmpty ? .noPopulation(name) : .badPopulation(name, raw)))
        }
        var target: Target?
        let targetCell = columns.cell(.target, in: row)
        if !targetCell.isBlank {
            guard let parsed = Target(parsing: targetCell.displayText) else {
                return .failure(
                    RosterRowError(
                        row: row.number, problem: .badTarget(name, CellText.clean(targetCell.displayText))))
            }
            target = parsed
        }
        let aliasText = CellText.clean(columns.cell(.aliases, in: row).displayText)
        let separators: Set<Character> = ["、", ";", "；", ",", "，"]
        let aliases = aliasText.split(whereSeparator: { separators.contains($0) }).map { CellText.clean(String($0)) }
            .filter { !$0.isEmpty }
        return .success(Township(name: name, population: population, target: target, aliases: aliases))
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
            let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && text.count <= 12
            value = isDigits ? Int64(text) : nil
        default:
            value = nil
        }
        return value.flatMap { $0 <= maximumPopulation ? $0 : nil }
    }

    /// Names used twice (as a name or alias) make rows ambiguous: the roster is rejected.
    public static func checkUnique(_ townships: [(row: Int, township: Township)]) -> RosterRowError? {
        var seen: [String: String] = [:]
        for (row, township) in townships {
            for name in [township.name] + township.aliases {
                let key = Roster.key(name)
                if let owner = seen[key] {
                    return RosterRowError(row: row, problem: .nameUsedTwice(name, owner: owner))
                }
                seen[key] = township.name
            }
        }
        return nil
    }
}

/// A roster row that cannot be a township, as a value; `RosterRowErrorText` words it.
public struct RosterRowError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case noPopulation(String)
        /// The township and the population cell as written.
        case badPopulation(String, String)
        /// The township and the target cell as written.
        case badTarget(String, String)
        /// A name or alias, and the township that already has it.
        case nameUsedTwice(String, owner: String)
    }

    public var row: Int
    public var problem: Problem

    /// The problem in English, without the row.
    public var message: String { RosterRowErrorText.problem(problem, in: .english) }

    public var description: String { RosterRowErrorText.text(self, in: .english) }
}
