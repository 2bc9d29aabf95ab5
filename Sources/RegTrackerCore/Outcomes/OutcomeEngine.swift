/// SPEC 2 as a function of the roster, the invalid lists and the rows in sequence order.
///
/// Feed rows in order with `decide`; the engine remembers the keys of valid rows in two `ValidRowIndex`es (in
/// memory unless the caller gives others). To continue a sequence part-way (an appended batch), seed it with the
/// valid rows that come before.
public struct OutcomeEngine {
    private let roster: Roster
    /// Entries by key: `townships` nil applies to every township; else the townships the entry's township and county
    /// cells name (several where counties share the name and it names no county, SPEC 8; none when it names no
    /// township of the roster).
    private var listedByID: [Int64: [(entry: Int64, townships: [Int]?)]] = [:]
    private var listedByPhone: [Int64: [(entry: Int64, townships: [Int]?)]] = [:]
    private var validRowByID: any ValidRowIndex
    private var validRowByPhone: any ValidRowIndex
    private var unassignedReasons: [String: Reason] = [:]

    public init(
        roster: Roster, invalidEntries: [InvalidEntry], validRowByID: any ValidRowIndex = KeyTable(),
        validRowByPhone: any ValidRowIndex = KeyTable()
    ) {
        self.roster = roster
        self.validRowByID = validRowByID
        self.validRowByPhone = validRowByPhone
        for entry in invalidEntries.sorted(by: { $0.id < $1.id }) {
            let township = roster.townships(ofEntryInCounty: entry.countyKey ?? "", township: entry.townshipKey ?? "")
            if let key = entry.idKey { listedByID[key, default: []].append((entry.id, township)) }
            if let key = entry.phoneKey { listedByPhone[key, default: []].append((entry.id, township)) }
        }
    }

    /// Makes a row that came earlier in the sequence count as valid (for continuing a sequence).
    /// A key already remembered keeps its earlier row.
    public mutating func rememberValid(row: Int64, idKey: Int64?, phoneKey: Int64?) throws {
        if let idKey, try validRowByID.row(forKey: idKey) == nil { try validRowByID.insert(idKey, row: row) }
        if let phoneKey, try validRowByPhone.row(forKey: phoneKey) == nil { try validRowByPhone.insert(phoneKey, row: row) }
    }

    /// The outcome of the next row in the sequence.
    public mutating func decide(row: Int64, facts: RowFacts) throws -> Outcome {
        let township: Int
        switch facts.township ?? roster.resolve(countyKey: facts.countyKey, townshipKey: facts.townshipKey) {
        case .township(let index): township = index
        case .ambiguous(let counties):
            return Outcome(
                kind: .unassigned, township: nil,
                reasons: [.townshipInSeveralCounties(township: facts.townshipKey, counties: counties)])
        case .unknownCounty:
            return Outcome(
                kind: .unassigned, township: nil,
                reasons: [
                    .countyNotInRoster(
                        county: facts.countyKey, suggestion: roster.countySuggestion(forKey: facts.countyKey))
                ])
        case .none:
            return Outcome(
                kind: .unassigned, township: nil, reasons: [unassignedReason(facts.townshipKey, county: facts.countyKey)])
        }
        if !facts.problems.isEmpty { return Outcome(kind: .malformed, township: township, reasons: facts.problems) }
        if facts.isFlagged { return Outcome(kind: .flagged, township: township) }
        if let entry = listedEntry(facts, township: township) {
            return Outcome(kind: .listed, township: township, reference: entry)
        }
        let byID = try facts.idKey.flatMap { try validRowByID.row(forKey: $0) }
        let byPhone = try facts.phoneKey.flatMap { try validRowByPhone.row(forKey: $0) }
        if let earlier = byID.map({ min($0, byPhone ?? $0) }) ?? byPhone { return Outcome(kind: .duplicate, township: township, reference: earlier) }
        // Both keys were just looked up and are new.
        if let idKey = facts.idKey { try validRowByID.insert(idKey, row: row) }
        if let phoneKey = facts.phoneKey { try validRowByPhone.insert(phoneKey, row: row) }
        return Outcome(kind: .valid, township: township)
    }

    private func listedEntry(_ facts: RowFacts, township: Int) -> Int64? {
        if listedByID.isEmpty && listedByPhone.isEmpty { return nil }
        let candidates = (facts.idKey.flatMap { listedByID[$0] } ?? []) + (facts.phoneKey.flatMap { listedByPhone[$0] } ?? [])
        return candidates.filter { $0.townships?.contains(township) ?? true }.map(\.entry).min()
    }

    private mutating func unassignedReason(_ key: String, county: String) -> Reason {
        if key.isEmpty { return .townshipMissing }
        let cacheKey = county.isEmpty ? key : key + "\u{1F}" + county
        if let reason = unassignedReasons[cacheKey] { return reason }
        // The suggestion is a search of the roster: once for each township text. A township of another county than
        // the one the row names (SPEC 8) is suggested with its county, `松林镇（云岭县）`, not as the same name.
        let elsewhere = roster.indices(forKey: key).first.map { roster.townships[$0] }
        let suggestion =
            elsewhere.map { TownshipFigures.label($0.name, county: $0.county) } ?? roster.suggestion(forKey: key)
        // The county the row names, when the roster has it: the township is not among its townships.
        let reason = Reason.townshipNotInRoster(
            township: key, suggestion: suggestion, county: county.isEmpty ? nil : roster.county(named: county))
        unassignedReasons[cacheKey] = reason
        return reason
    }
}
