import PostgresNIO
import RegTrackerStore

/// Settings on PostgreSQL.
extension PostgresTransaction: SettingStore {
    public func setting(_ key: String) throws -> String? {
        try connection.rows("SELECT value FROM setting WHERE key = \(key)").first.map {
            try $0["value"].decode(String.self)
        }
    }

    public func setSetting(_ key: String, value: String?) throws {
        if let value {
            try connection.execute(
                "INSERT INTO setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            )
        } else {
            try connection.execute("DELETE FROM setting WHERE key = \(key)")
        }
    }
}
