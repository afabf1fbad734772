#include <sqlite3.h>

#include "CSQLiteSetup.h"

int allervers_sqlite_configure(void) {
    // No memory statistics: nothing here reads sqlite3_memory_used(), and keeping them takes
    // a global mutex on every allocation and free (most of the 7 % an attendance import spent
    // locking and unlocking mutexes). The connections themselves take no mutex already: GRDB
    // opens each with SQLITE_OPEN_NOMUTEX, since only its serial queue uses it.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
