#include <sqlite3.h>

#include "CSQLiteSetup.h"

int allervers_sqlite_configure(void) {
    // No memory statistics: nothing here reads sqlite3_memory_used(), and keeping them takes
    // a global mutex on every allocation.
    //
    // The threading mode stays Debian's default, serialized. Multi-thread mode (no mutex
    // around each call on a connection) was tried: it saved most of the 7 % an attendance
    // import spends in mutexes, but two runs of the test suite in five then crashed on a file
    // descriptor closed behind its owner's back (a pipe's, a socket's). A connection used by
    // two threads at once somewhere, which the mutex had made safe, is the likely cause; until
    // that is found, the mutex stays.
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
