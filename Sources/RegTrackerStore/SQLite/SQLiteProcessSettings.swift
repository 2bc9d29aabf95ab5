import CSQLiteSetup
import GRDB

extension Configuration {
    /// GRDB's configuration, with SQLite's process-wide settings (multi-thread mode, no memory statistics) made
    /// first: they only take effect before SQLite's first connection, so every connection of the store starts here.
    static func regTracker() -> Configuration {
        _ = sqliteProcessSettings
        return Configuration()
    }
}

/// Made once (a global is initialised on first use, by one thread); SQLITE_MISUSE when another part of the process
/// opened SQLite first, which only leaves the library's defaults in force.
private let sqliteProcessSettings = regtracker_sqlite_configure()
