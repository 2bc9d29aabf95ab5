import Foundation
import RegTrackerStore

/// The store the pipeline tests run on: SQLite in memory, unless `REGTRACKER_TEST_STORE` names another, so that
/// `make test` can run the same tests on every store.
enum TestStore: String, CaseIterable {
    case sqlite

    static var current: TestStore {
        guard let name = ProcessInfo.processInfo.environment["REGTRACKER_TEST_STORE"], !name.isEmpty else {
            return .sqlite
        }
        guard let store = TestStore(rawValue: name) else {
            fatalError("REGTRACKER_TEST_STORE=\(name): give one of \(allCases.map(\.rawValue))")
        }
        return store
    }

    /// A new, empty store of this kind.
    func makeEmpty() throws -> any RegistryStore {
        switch self {
        case .sqlite: try SQLiteStore(path: ":memory:")
        }
    }
}
