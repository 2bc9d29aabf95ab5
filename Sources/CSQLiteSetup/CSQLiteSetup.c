#include <sqlite3.h>
#include "CSQLiteSetup.h"

// Multi-thread mode: a connection is only ever used by one thread at a time (GRDB serialises each one), so the
// per-connection mutex taken by every bind, step and reset is pure cost (6% of a large import's storing thread).
// No memory statistics: they take a global mutex on every allocation, and regtracker never reads them.
int regtracker_sqlite_configure(void) {
    int threading = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    int statistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return threading != SQLITE_OK ? threading : statistics;
}
