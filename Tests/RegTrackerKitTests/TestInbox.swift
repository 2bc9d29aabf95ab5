import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import Testing

/// A temporary folder of input files and an empty store, for pipeline tests.
final class TestInbox {
    let folder: String
    let store: any RegistryStore
    let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 29), timestamp: "2026-11-29 12:00:00")

    init(store: (any RegistryStore)? = nil) throws {
        folder = NSTemporaryDirectory() + "regtracker-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.store = try store ?? TestStore.current.makeEmpty()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func roster(_ text: String = TestInbox.roster) throws -> ImportResult {
        defer { expectKeptFiguresAgree() }
        return RosterImport(store: store, clock: clock).run(path: try file("roster-\(UUID().uuidString).csv", text), options: ReadOptions())
    }

    func register(_ name: String, _ text: String, township: String? = nil, replace: Bool = false) throws -> ImportResult {
        defer { expectKeptFiguresAgree() }
        return RegistrationImport(store: store, clock: clock)
            .run(path: try file(name, text), options: ReadOptions(), township: township, replace: replace)
    }

    /// Imports a file already written into the inbox.
    func register(path: String, township: String? = nil, replace: Bool = false) -> ImportResult {
        defer { expectKeptFiguresAgree() }
        return RegistrationImport(store: store, clock: clock)
            .run(path: path, options: ReadOptions(), township: township, replace: replace)
    }

    func roster(named name: String, _ text: String, force: Bool = false) throws -> ImportResult {
        defer { expectKeptFiguresAgree() }
        return RosterImport(store: store, clock: clock).run(path: try file(name, text), options: ReadOptions(), force: force)
    }

    func invalid(_ name: String, _ text: String) throws -> ImportResult {
        defer { expectKeptFiguresAgree() }
        return InvalidListImport(store: store, clock: clock).run(path: try file(name, text), options: ReadOptions())
    }

    /// Every operation of these tests keeps the figures the reports read equal to the rows (issue 13).
    func expectKeptFiguresAgree(sourceLocation: SourceLocation = #_sourceLocation) {
        let result = Result { try ConsistencyCheck(store: store).run() }
        #expect((try? result.get())?.isConsistent == true, "\(result)", sourceLocation: sourceLocation)
    }

    func report() throws -> Report { try ReportService(store: store).report(target: .default).report }

    func figures(_ township: String) throws -> TownshipFigures {
        try report().townships.first { $0.township == township }!
    }

    func batchCount() throws -> Int { try store.read { try $0.batches().count } }

    static let roster = """
        乡镇,实有人口,别名
        青石镇,10,青石
        白沙镇,4,
        """

    /// Valid fictional ID numbers (correct check characters) and phones.
    static let ids = ["11010519491231002X", "110105194912310038", "110105194912310046", "110105194912310054", "110105194912310062"]
    static let phones = ["13800138000", "13900139000", "15000150000", "18600186000", "17700177000"]
}

extension ImportResult {
    var summary: BatchSummary? { if case .imported(let summary) = self { summary } else { nil } }
    var rejection: ImportError? { if case .rejected(let error) = self { error } else { nil } }
    var alreadyImportedBatch: Int64? { if case .alreadyImported(_, let batch) = self { batch } else { nil } }
}
