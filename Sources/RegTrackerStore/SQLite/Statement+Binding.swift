import GRDB
import GRDBSQLite

/// Binding and stepping through SQLite's C API, for the loops that run once a row (an import, a re-evaluation):
/// GRDB's `execute(arguments:)` converts every value to a `DatabaseValue` first.
extension Statement {
    func bind(_ value: Int64?, at index: Int32) {
        guard let value else { return _ = sqlite3_bind_null(sqliteStatement, index) }
        sqlite3_bind_int64(sqliteStatement, index, value)
    }

    func bind(_ value: String?, at index: Int32) {
        let handle = sqliteStatement
        guard let value else { return _ = sqlite3_bind_null(handle, index) }
        let bound = value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transientBytes)
            }
        }
        if bound == nil {
            _ = value.utf8CString.withUnsafeBufferPointer {
                sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count - 1), transientBytes)
            }
        }
    }

    /// Runs the statement bound above to its end and resets it, so that none is left running when the transaction
    /// ends; throws SQLite's error with `message`.
    func stepToEnd(failing message: String) throws {
        let code = sqlite3_step(sqliteStatement)
        sqlite3_reset(sqliteStatement)
        guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message) }
    }
}

/// SQLite copies the bytes during the bind call.
private let transientBytes = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
