import Foundation
import RegTrackerCore

/// What the store should hold, kept by the test alone: every batch with its bytes, state and place in the sequence,
/// and the figures recomputed from scratch by Core's `OutcomeEngine` over the active batches (SPEC 2, 3).
struct RegistryModel {
    struct Batch {
        var number: Int64
        var kind: FileKind
        var fileName: String
        var bytes: Data
        /// The place in the sequence of SPEC 2: the number, or the replaced batch's place.
        var sequence: Int64
        var retracted = false
        var purged = false
        var rows: [RowFacts] = []
        var townships: [Township] = []
        var entries: [InvalidEntry] = []
    }

    private(set) var batches: [Batch] = []
    private var nextEntryID: Int64 = 1

    /// The number the store gives its next batch (rejected files and no-ops take none).
    var nextNumber: Int64 { (batches.last?.number ?? 0) + 1 }

    func batch(_ number: Int64) -> Batch? { batches.first { $0.number == number } }

    /// The earliest active batch with these bytes: importing them again is a no-op that names it.
    func activeBatch(bytes: Data) -> Batch? { batches.first { !$0.retracted && $0.bytes == bytes } }

    /// The latest active roster batch: the roster in force.
    var rosterBatch: Batch? { batches.last { $0.kind == .roster && !$0.retracted } }

    var roster: Roster { Roster(townships: rosterBatch?.townships ?? []) }

    // MARK: changes (each mirrors what the store is asked to do, once the test knows it succeeded)

    /// A new registration batch; with `replacing`, the active lists of that name are retracted and it takes the
    /// earliest one's place. Returns the numbers replaced.
    mutating func addList(fileName: String, bytes: Data, rows: [RowFacts], replacing: Bool) -> [Int64] {
        let replaced = replacing ? batches.indices.filter { isActiveList(batches[$0], named: fileName) } : []
        for index in replaced { batches[index].retracted = true }
        let number = nextNumber
        let place = replaced.map { batches[$0].sequence }.min() ?? number
        batches.append(
            Batch(number: number, kind: .registrations, fileName: fileName, bytes: bytes, sequence: place, rows: rows))
        return replaced.map { batches[$0].number }
    }

    mutating func addRoster(fileName: String, bytes: Data, townships: [Township]) {
        batches.append(
            Batch(
                number: nextNumber, kind: .roster, fileName: fileName, bytes: bytes, sequence: nextNumber,
                townships: townships))
    }

    mutating func addInvalidList(
        fileName: String, bytes: Data, entries: [(townshipKey: String?, idKey: Int64?, phoneKey: Int64?)]
    ) {
        let numbered = entries.map { entry in
            defer { nextEntryID += 1 }
            return InvalidEntry(
                id: nextEntryID, townshipKey: entry.townshipKey, idKey: entry.idKey, phoneKey: entry.phoneKey)
        }
        batches.append(
            Batch(
                number: nextNumber, kind: .invalidList, fileName: fileName, bytes: bytes, sequence: nextNumber,
                entries: numbered))
    }

    /// What `retract N [--purge]` should answer, applied to the model.
    enum Retraction: Equatable { case retracted, purgedRetracted, alreadyRetracted, alreadyPurged, notFound }

    mutating func retract(_ number: Int64, purge: Bool) -> Retraction {
        guard let index = batches.firstIndex(where: { $0.number == number }) else { return .notFound }
        if batches[index].purged { return .alreadyPurged }
        if batches[index].retracted && !purge { return .alreadyRetracted }
        defer {
            batches[index].retracted = true
            if purge { batches[index].purged = true }
        }
        return batches[index].retracted ? .purgedRetracted : .retracted
    }

    /// Townships of the roster in force that a roster of `townships` would leave rows of unassigned (SPEC 1.1).
    func townshipsLosingRows(to townships: [Township]) -> Set<String> {
        let current = roster
        let new = Roster(townships: townships)
        var losing: Set<String> = []
        for row in activeRowsInSequence() {
            if let index = current.index(forKey: row.townshipKey), new.index(forKey: row.townshipKey) == nil {
                losing.insert(current.townships[index].name)
            }
        }
        return losing
    }

    // MARK: the figures, from scratch

    /// The rows of the active registration batches in the order of SPEC 2: by place in the sequence, then by row.
    func activeRowsInSequence() -> [RowFacts] {
        batches.filter { $0.kind == .registrations && !$0.retracted }.sorted { $0.sequence < $1.sequence }.flatMap(
            \.rows)
    }

    /// Every township of the roster in force with its population and counts, and the unassigned rows.
    func figures() throws -> Figures {
        let roster = roster
        let entries = batches.filter { $0.kind == .invalidList && !$0.retracted }.flatMap(\.entries)
        var engine = OutcomeEngine(roster: roster, invalidEntries: entries)
        var counts = Array(repeating: OutcomeCounts(), count: roster.townships.count)
        var unassigned: Int64 = 0
        for (row, facts) in activeRowsInSequence().enumerated() {
            let outcome = try engine.decide(row: Int64(row + 1), facts: facts)
            if let township = outcome.township { counts[township].add(outcome.kind) } else { unassigned += 1 }
        }
        var figures = Figures(townships: [:], unassigned: unassigned)
        for (township, counts) in zip(roster.townships, counts) {
            figures.townships[township.name] = Figures.Township(population: township.population, counts: counts)
        }
        return figures
    }

    private func isActiveList(_ batch: Batch, named fileName: String) -> Bool {
        batch.kind == .registrations && !batch.retracted && batch.fileName == fileName
    }
}

/// The part of a report the counting rules decide: per township its population and outcome counts, and the rows
/// of no township.
struct Figures: Equatable, CustomStringConvertible {
    struct Township: Equatable {
        var population: Int64
        var counts: OutcomeCounts
    }

    var townships: [String: Township]
    var unassigned: Int64

    init(townships: [String: Township], unassigned: Int64) {
        self.townships = townships
        self.unassigned = unassigned
    }

    init(_ report: Report) {
        townships = Dictionary(
            report.townships.map { ($0.township, Township(population: $0.population, counts: $0.counts)) },
            uniquingKeysWith: { first, _ in first })
        unassigned = report.unassigned
    }

    var description: String {
        let rows = townships.keys.sorted().map { name in
            let figures = townships[name]!
            let counts = figures.counts
            return "\(name) pop \(figures.population): malformed \(counts.malformed) flagged \(counts.flagged) listed "
                + "\(counts.listed) duplicates \(counts.duplicates) valid \(counts.valid)"
        }
        return (rows + ["unassigned \(unassigned)"]).joined(separator: "; ")
    }
}
