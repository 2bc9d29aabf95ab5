import Foundation
import RegTrackerPostgres
import RegTrackerStore
import TestSupport

/// The store the pipeline tests run on: SQLite in memory, unless `REGTRACKER_TEST_STORE=postgres` asks for a new
/// database on the tests' own PostgreSQL server, so that `make test` runs the same tests on both stores (issue 19).
enum TestStore: String, CaseIterable {
    case sqlite
    case postgres

    static var current: TestStore {
        guard let name = ProcessInfo.processInfo.environment["REGTRACKER_TEST_STORE"], !name.isEmpty else {
            return .sqlite
        }
        guard let store = TestStore(rawValue: name) else {
            fatalError("REGTRACKER_TEST_STORE=\(name): give one of \(allCases.map(\.rawValue))")
        }
        return store
    }

    /// A new, empty store of this kind. Asked for PostgreSQL where it cannot start, this fails the test, saying
    /// why: a run that asked for both stores must not quietly test one.
    func makeEmpty() throws -> any RegistryStore {
        switch self {
        case .sqlite: return try SQLiteStore(path: ":memory:")
        case .postgres:
            let url = try ThrowawayPostgres.shared.get().newDatabase()
            guard let location = PostgresLocation(url: url) else {
                throw ThrowawayPostgres.Failure(message: "the throwaway server gave a URL that is not one: \(url)")
            }
            return try PostgresStore(location)
        }
    }
}
