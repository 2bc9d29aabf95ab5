import PostgresNIO
import RegTrackerStore

/// PostgreSQL's failures that a person can act on, as `StoreError`s worded like SQLite's (the CLI and an import's
/// rejection know them); any other error is thrown as it is.
extension PostgresStore {
    static func storeError(_ error: any Error, location: PostgresLocation) -> any Error {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return error }
        let path = location.description
        switch state {
        case "55P03":  // lock_not_available: `lock_timeout` ran out waiting for another run's import
            return StoreError(
                message: "the database \(path) is busy: another regtracker run held it for over "
                    + "\(StoreError.busySeconds) s",
                hint: "wait for the other run to finish and try again", code: .busy, path: path)
        case "53100":  // disk_full
            return StoreError(
                message: "the disk holding \(path) is full or failing", hint: "free space and run again",
                code: .diskFull, path: path)
        case "42501", "25006":  // insufficient_privilege; read_only_sql_transaction (a standby)
            return StoreError(
                message: "cannot write the database \(path)", hint: "check the user's privileges on it",
                code: .cannotWrite, path: path)
        default:
            return error
        }
    }
}
