import Foundation
import GRDB

extension SQLiteStore {
    /// How long a login waits for an import's write lock before the dashboard asks to try again: a person is
    /// waiting, and an import can hold the lock for minutes.
    public static let sessionBusyTimeout: TimeInterval = 10

    /// The one writing connection of `serve`, for the dashboard's login sessions (issue 20): on an existing, fully
    /// migrated database (check with `existing(path:)` first), never creating or migrating it. The figures are
    /// read on read-only connections; nothing but the session table is written through this one.
    public static func sessionWriter(path: String) throws -> SQLiteStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseOpeningError(code: .noDatabase, path: path)
        }
        var configuration = Configuration.regTracker()
        configuration.busyMode = .timeout(sessionBusyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // An ended session's hash is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            return SQLiteStore(queue: try DatabaseQueue(path: path, configuration: configuration))
        } catch let error as DatabaseError {
            throw StoreError(
                message: "cannot open the database \(path) for login sessions (\(error.resultCode))",
                hint: "check its permissions", code: .cannotWrite, path: path)
        }
    }
}
