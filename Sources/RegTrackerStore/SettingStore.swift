/// Settings kept in the database, by key (`SettingKey`).
public protocol SettingStore {
    func setting(_ key: String) throws -> String?
    /// Sets a setting; nil removes it.
    func setSetting(_ key: String, value: String?) throws
}

/// The keys of the `setting` table.
public enum SettingKey {
    /// The deadline for reaching the target, `YYYY-MM-DD` (`regtracker trend --deadline`).
    public static let deadline = "deadline"
}
