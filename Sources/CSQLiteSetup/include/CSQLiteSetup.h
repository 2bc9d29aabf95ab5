#ifndef REGTRACKER_CSQLITESETUP_H
#define REGTRACKER_CSQLITESETUP_H

/// Puts SQLite in multi-thread mode without memory statistics, before its first connection opens; returns
/// SQLite's result code (SQLITE_MISUSE, 21, once SQLite is already initialised: it then stays as it was).
/// `sqlite3_config` is variadic, which Swift cannot call.
int regtracker_sqlite_configure(void);

#endif
