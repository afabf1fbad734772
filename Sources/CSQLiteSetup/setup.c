#include <sqlite3.h>

#include "CSQLiteSetup.h"

int allervers_sqlite_configure(void) {
    // Multi-thread mode: no mutex around each call on a connection. GRDB never lets two
    // threads use one connection at once (every access goes through its serial queue), which
    // is the mode's one condition, and the only one GRDB supports; Debian's SQLite is built
    // serialized, so without this every bind, step and column read locks and unlocks a mutex.
    int result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (result != SQLITE_OK) return result;
    // No memory statistics: nothing here reads sqlite3_memory_used(), and keeping them takes
    // a global mutex on every allocation.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
