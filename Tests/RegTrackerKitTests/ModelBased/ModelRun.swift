import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore

/// One seeded run of the model-based test: random steps through the same Kit use cases the CLI uses, against a real
/// SQLite file, each followed by a comparison of the store with the model. The first difference ends the run and is
/// returned with the seed, the step and the steps before it, so that `REGTRACKER_MODEL_SEED` replays it.
struct ModelRun {
    let seed: UInt64
    let steps: Int
    private var files: RandomFiles
    private var model = RegistryModel()
    private let folder: String
    private let store: SQLiteStore
    private let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 29), timestamp: "2026-11-29 12:00:00")
    private var log: [String] = []
    private var fileCount = 0

    /// How far a run got: steps taken, rows stored, and the first difference (nil when there was none).
    struct Outcome {
        var steps: Int
        var rows: Int
        var failure: String?
    }

    init(seed: UInt64, steps: Int) throws {
        self.seed = seed
        self.steps = steps
        files = RandomFiles(seed: seed, today: clock.today)
        folder = NSTemporaryDirectory() + "regtracker-model-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder + "/registry.sqlite")
    }

    mutating func run() throws -> Outcome {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for step in 1...steps {
            if let difference = try takeStep() ?? compare() {
                let recent = log.suffix(12).joined(separator: "\n  ")
                return Outcome(
                    steps: step, rows: rowCount,
                    failure: "seed \(seed), step \(step): \(difference)\n  last steps:\n  \(recent)\n"
                        + "  replay: REGTRACKER_MODEL_SEED=\(seed) swift test --filter ModelBasedRandomTests")
            }
        }
        return Outcome(steps: steps, rows: rowCount, failure: nil)
    }

    private var rowCount: Int { model.activeRowsInSequence().count }

    /// One random operation; a difference in what it answered, or nil.
    private mutating func takeStep() throws -> String? {
        let choice = Int.random(in: 0..<100, using: &files.random)
        switch choice {
        case 0..<48:
            let name = listName()
            return try importList(named: name, replace: choice >= 38)
        case 48..<53: return try importEarlierListAgain()
        case 53..<55: return try importUnreadableList()
        case 55..<67: return try importRoster()
        case 67..<77: return try importInvalidList()
        default: return try retract()
        }
    }

    /// A few names, so that lists share names and `--replace` finds earlier ones.
    private mutating func listName() -> String { "list-\(Int.random(in: 1...8, using: &files.random)).csv" }

    private mutating func write(_ bytes: Data, as name: String) throws -> String {
        fileCount += 1
        let subfolder = folder + "/\(fileCount)"
        try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
        let path = subfolder + "/" + name
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    private mutating func importList(named name: String, replace: Bool) throws -> String? {
        let list = files.registrationList()
        return try importList(list.bytes, facts: list.facts, skipped: list.skipped, named: name, replace: replace)
    }

    /// Bytes imported before (active, retracted or purged), under a name of the pool.
    private mutating func importEarlierListAgain() throws -> String? {
        let lists = model.batches.filter { $0.kind == .registrations }
        guard let earlier = lists.randomElement(using: &files.random) else { return nil }
        let replace = files.chance(0.5)
        let name = listName()
        return try importList(earlier.bytes, facts: earlier.rows, skipped: nil, named: name, replace: replace)
    }

    private mutating func importList(
        _ bytes: Data, facts: [RowFacts], skipped: Int?, named name: String, replace: Bool
    ) throws -> String? {
        log.append("import \(name)\(replace ? " --replace" : "") (\(facts.count) rows)")
        let path = try write(bytes, as: name)
        let result = RegistrationImport(store: store, clock: clock)
            .run(path: path, options: ReadOptions(), township: nil, replace: replace)
        if let existing = model.activeBatch(bytes: bytes) {
            return expectAlreadyImported(result, batch: existing.number)
        }
        let number = model.nextNumber
        let replaced = model.addList(fileName: name, bytes: bytes, rows: facts, replacing: replace)
        guard case .imported(let summary) = result else { return "expected batch \(number), got \(result)" }
        if summary.batch != number { return "expected batch \(number), got batch \(summary.batch)" }
        if summary.rows != facts.count { return "expected \(facts.count) rows, got \(summary.rows)" }
        if let skipped, summary.skippedRows != skipped {
            return "expected \(skipped) skipped, got \(summary.skippedRows)"
        }
        if summary.replaced != replaced { return "expected \(replaced) replaced, got \(summary.replaced)" }
        return nil
    }

    private mutating func importUnreadableList() throws -> String? {
        let name = listName()
        log.append("import unreadable \(name)")
        let bytes = files.unreadableList()
        let path = try write(bytes, as: name)
        let replace = files.chance(0.5)
        let result = RegistrationImport(store: store, clock: clock)
            .run(path: path, options: ReadOptions(), township: nil, replace: replace)
        if case .rejected = result { return nil }
        return "expected the file without a header to be rejected, got \(result)"
    }

    private mutating func importRoster() throws -> String? {
        let roster = files.roster()
        let force = files.chance(0.5)
        let name = "roster-\(Int.random(in: 1...4, using: &files.random)).csv"
        log.append("roster \(name)\(force ? " --force" : ""): \(roster.townships.map(\.name).joined(separator: " "))")
        let path = try write(roster.bytes, as: name)
        let result = RosterImport(store: store, clock: clock).run(path: path, options: ReadOptions(), force: force)
        // The roster in force imported again is a no-op; an earlier one that a later replaced stands again.
        if let inForce = model.rosterBatch, inForce.bytes == roster.bytes {
            return expectAlreadyImported(result, batch: inForce.number)
        }
        if let existing = model.activeBatch(bytes: roster.bytes), existing.kind != .roster {
            return expectAlreadyImported(result, batch: existing.number)
        }
        let losing = model.townshipsLosingRows(to: roster.townships)
        if !losing.isEmpty, !force {
            if case .rejected = result { return nil }
            return "expected the roster to be refused (rows of \(losing.sorted()) would be lost), got \(result)"
        }
        let number = model.nextNumber
        model.addRoster(fileName: name, bytes: roster.bytes, townships: roster.townships)
        guard case .imported(let summary) = result else { return "expected roster batch \(number), got \(result)" }
        if summary.batch != number { return "expected roster batch \(number), got batch \(summary.batch)" }
        let lost = Set(summary.rowsLost.map(\.township))
        if lost != losing { return "expected rows lost in \(losing.sorted()), got \(lost.sorted())" }
        return nil
    }

    private mutating func importInvalidList() throws -> String? {
        let list = files.invalidList()
        let name = "invalid-\(Int.random(in: 1...4, using: &files.random)).csv"
        log.append("invalid \(name) (\(list.entries.count) entries)")
        let path = try write(list.bytes, as: name)
        let result = InvalidListImport(store: store, clock: clock).run(path: path, options: ReadOptions())
        if let existing = model.activeBatch(bytes: list.bytes) {
            return expectAlreadyImported(result, batch: existing.number)
        }
        let number = model.nextNumber
        model.addInvalidList(fileName: name, bytes: list.bytes, entries: list.entries)
        guard case .imported(let summary) = result else {
            return "expected invalid list batch \(number), got \(result)"
        }
        if summary.batch != number { return "expected invalid list batch \(number), got batch \(summary.batch)" }
        return nil
    }

    /// Any batch number, one past the last included; a third of them purged.
    private mutating func retract() throws -> String? {
        let number = Int64.random(in: 1...model.nextNumber, using: &files.random)
        let purge = files.chance(0.3)
        log.append("retract \(number)\(purge ? " --purge" : "")")
        let result = try BatchService(store: store, clock: clock).retract(number, purge: purge)
        let expected = model.retract(number, purge: purge)
        let answered: RegistryModel.Retraction =
            switch result {
            case .retracted: .retracted
            case .purgedRetracted: .purgedRetracted
            case .alreadyRetracted: .alreadyRetracted
            case .alreadyPurged: .alreadyPurged
            case .notFound: .notFound
            }
        if purge, answered == .retracted || answered == .purgedRetracted,
            try !BatchService(store: store, clock: clock).erasePurged()
        {
            return "the purge's checkpoint was blocked with no reader open"
        }
        return answered == expected ? nil : "retract \(number): expected \(expected), got \(answered)"
    }

    private func expectAlreadyImported(_ result: ImportResult, batch: Int64) -> String? {
        if case .alreadyImported(_, let answered) = result, answered == batch { return nil }
        return "expected \"already imported as batch \(batch)\", got \(result)"
    }

    // MARK: after every step

    /// The store's report and batch list against the model's.
    private func compare() throws -> String? {
        let stored = Figures(try ReportService(store: store).report(target: .default).report)
        let expected = try model.figures()
        if stored != expected { return "figures differ\n  store: \(stored)\n  model: \(expected)" }
        let batches = try BatchService(store: store, clock: clock).batches()
        let states = batches.map {
            "\($0.id!):\($0.isRetracted ? "r" : "a")\($0.isPurged ? "p" : "")@\($0.sequence ?? -1)"
        }
        let expectedStates = model.batches.map {
            "\($0.number):\($0.retracted ? "r" : "a")\($0.purged ? "p" : "")@\($0.sequence)"
        }
        if states != expectedStates { return "batches differ\n  store: \(states)\n  model: \(expectedStates)" }
        return try checkKeptFigures()
    }

    /// The store's report above already comes from its kept figures (issue 13); here they must also equal the
    /// figures recomputed from its rows, and the file must be sound.
    private func checkKeptFigures() throws -> String? {
        let check = try ConsistencyCheck(store: store).run()
        return check.isConsistent ? nil : "kept figures or file inconsistent: \(check)"
    }
}
