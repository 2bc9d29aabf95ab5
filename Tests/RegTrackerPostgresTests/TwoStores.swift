import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import TestSupport
import Testing

@testable import RegTrackerPostgres

/// The same files imported through Kit into an in-memory SQLite store and a PostgreSQL store of their own, so that
/// each PostgreSQL answer can be compared with SQLite's.
final class TwoStores {
    let folder: String
    let sqlite: SQLiteStore
    let postgres: PostgresStore
    let location: PostgresLocation
    let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 29), timestamp: "2026-11-29 12:00:00")

    init() throws {
        folder = NSTemporaryDirectory() + "regtracker-pg-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        sqlite = try SQLiteStore(path: ":memory:")
        location = try #require(PostgresLocation(url: try ThrowawayPostgres.shared.get().newDatabase()))
        postgres = try PostgresStore(location)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `body` on SQLite, then on PostgreSQL.
    func both<T>(_ body: (any RegistryStore) throws -> T) rethrows -> (sqlite: T, postgres: T) {
        (try body(sqlite), try body(postgres))
    }

    /// `body` in a read of each store.
    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> (sqlite: T, postgres: T) {
        try both { try $0.read(body) }
    }

    func roster(_ name: String, _ text: String) throws -> (sqlite: ImportResult, postgres: ImportResult) {
        let path = try file(name, text)
        return both { RosterImport(store: $0, clock: clock).run(path: path, options: ReadOptions()) }
    }

    func invalid(_ name: String, _ text: String) throws -> (sqlite: ImportResult, postgres: ImportResult) {
        let path = try file(name, text)
        return both { InvalidListImport(store: $0, clock: clock).run(path: path, options: ReadOptions()) }
    }

    func register(
        _ name: String, _ text: String, replace: Bool = false
    ) throws -> (sqlite: ImportResult, postgres: ImportResult) {
        let path = try file(name, text)
        return both {
            RegistrationImport(store: $0, clock: clock).run(
                path: path, options: ReadOptions(), township: nil, replace: replace)
        }
    }

    static let ids = [
        "11010519491231002X", "110105194912310038", "110105194912310046", "110105194912310054", "110105194912310062",
        "510102199001020011", "510102199001030025", "510102199001040039",
    ]
    static let phones = ["13800138000", "13900139000", "15000150000", "18600186000", "17700177000", "13700137000"]

    /// Townships with villages (SPEC 5), an alias, and a township without villages.
    static let roster = """
        乡镇,村（社区）,实有人口,目标,别名
        白沙镇,,100,40%,白沙
        白沙镇,河坝村,10,,
        白沙镇,石桥社区,8,60%,桥头
        青石镇,,50,,青石
        云溪镇,上坝村,20,,
        云溪镇,下坝村,30,,
        """
}

extension ImportResult {
    var summary: BatchSummary? { if case .imported(let summary) = self { summary } else { nil } }
    var alreadyImportedBatch: Int64? { if case .alreadyImported(_, let batch) = self { batch } else { nil } }
}

/// Orders results the store gives in no particular order, so that two stores' can be compared.
extension Array {
    func sortedByDescription() -> [Element] { sorted { "\($0)" < "\($1)" } }
}
