#ifndef CSQLITESETUP_H
#define CSQLITESETUP_H

/// Sets SQLite's process-wide options, which only a C caller can reach (`sqlite3_config` is
/// variadic). It must run before the first connection opens: SQLite refuses the options once
/// it is initialised, and they then stay at their defaults. Returns SQLite's result code.
int allervers_sqlite_configure(void);

#endif
