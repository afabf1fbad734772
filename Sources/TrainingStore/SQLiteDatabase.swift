import CSQLiteSetup
import Foundation
internal import GRDB
internal import GRDBSQLite
import TrainingCore

/// Opens a connection to the SQLite file at `path`, SQLite's process-wide options set first
/// (``allervers_sqlite_configure``): every connection the store opens goes through here.
func openSQLite(_ path: String, _ configuration: Configuration = Configuration()) throws -> DatabaseQueue {
    // SQLITE_MISUSE here means a connection was opened before this one, elsewhere.
    assert(sqliteConfigured == SQLITE_OK, "SQLite was set up before its options were (\(sqliteConfigured))")
    return try DatabaseQueue(path: path, configuration: configuration)
}

/// SQLite's options, set once, before the first connection (SQLite refuses them afterwards):
/// no memory statistics, which took a mutex on every allocation.
private let sqliteConfigured: Int32 = allervers_sqlite_configure()

/// The SQLite adapter of the store's port: a GRDB queue, one connection (and, in a server,
/// read-only connections beside it), its writes serialised by SQLite's own lock across
/// processes.
///
/// Queries step GRDB's cached statements through SQLite's C API and copy each row's values
/// once; GRDB still owns the statements and the transactions.
final class SQLiteDatabase: SQLDatabase {
    /// The connection that writes, and reads when there are no ``readers``.
    let queue: DatabaseQueue
    /// The file, for messages.
    let path: String
    /// Read-only connections, for a process that reads while it writes (the server): in WAL
    /// mode they read while the writer waits for its commit to reach the disk, which with one
    /// connection held every other request (a signature's commit waits 1–3 ms for `fsync`).
    private let readers: ReaderPool?

    init(queue: DatabaseQueue, path: String, readers: [DatabaseQueue] = []) {
        self.queue = queue
        self.path = path
        self.readers = readers.isEmpty ? nil : ReaderPool(readers)
    }

    static let dialect = SQLDialect(
        jsonArrayLength: { "json_array_length(\($0))" },
        // The column's own NOCASE collation applies, and its index with it.
        sameEmail: "email = ?",
        nullSafeEquals: "IS",
        deferLinks: "PRAGMA defer_foreign_keys = ON",
        // An INTEGER PRIMARY KEY continues after the highest row id by itself.
        identityAfterCopy: { _, _ in nil },
        // Rows are read ahead, 512 at a time, however many a page holds: a page is a query
        // started afresh, with its reader (pages of 5,000 read a million records in 1.5–1.9 s,
        // pages of 50,000 in 1.2–1.5 s).
        pageRows: 50_000)

    /// A read in a transaction of its own, so that it sees one state of the store.
    ///
    /// Not GRDB's `read`: it sets `PRAGMA query_only` on and off around the transaction, and
    /// setting a pragma expires every prepared statement of the connection, so each read
    /// compiled its cached statements again (30% of the server's time signing a half-day).
    /// The connection refuses writes itself instead.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        guard let readers else { return try read(on: queue, body) }
        let reader = readers.take()
        defer { readers.give(back: reader) }
        return try read(on: reader, body)
    }

    private func read<T>(on queue: DatabaseQueue, _ body: (any SQLConnection) throws -> T) throws -> T {
        try phrasingErrors {
            try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(SQLiteConnection(db, readOnly: true))
                    return .commit
                }
                // inTransaction ran the body or threw.
                return result!
            }
        }
    }

    func write<T>(commit: Bool, _ body: (any SQLConnection) throws -> T) throws -> T {
        try phrasingErrors {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteConnection(db))
                    return commit ? .commit : .rollback
                }
                // inTransaction ran the body or threw.
                return result!
            }
        }
    }

    /// SQLite's failures (a locked, full, read-only or corrupt file) as a ``WorkspaceError``
    /// naming the file.
    func phrasingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw WorkspaceError.unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}

/// Read-only connections lent one read at a time. When all are lent, a read queues on the
/// first (each connection serialises its own reads), rather than opening more.
private final class ReaderPool: @unchecked Sendable {
    private let all: [DatabaseQueue]
    private var idle: [DatabaseQueue]
    /// Reads queued on the first reader while it was lent: it is idle again after the last.
    private var overflow = 0
    private let lock = NSLock()

    init(_ readers: [DatabaseQueue]) {
        all = readers
        idle = readers
    }

    func take() -> DatabaseQueue {
        lock.withLock {
            if let reader = idle.popLast() { return reader }
            overflow += 1
            return all[0]
        }
    }

    func give(back reader: DatabaseQueue) {
        lock.withLock {
            if reader === all[0] && overflow > 0 {
                overflow -= 1
            } else {
                idle.append(reader)
            }
        }
    }
}

/// GRDB's connection inside a transaction, seen through the port.
final class SQLiteConnection: SQLConnection {
    /// The columns of each query, by its text, as it last gave them: a server asks the same
    /// few queries at each request, and indexing their names each time (folding their case)
    /// was a thirtieth of its time. Kept only while the names match what the statement gives
    /// (a migration may change what `SELECT *` returns).
    private static let knownColumns = KnownColumns()

    static func columns(_ sql: String, _ names: [String]) -> SQLColumns {
        knownColumns.columns(sql, names)
    }

    let db: Database
    /// Whether statements that write are refused: in a read.
    let readOnly: Bool
    /// Whether a scan is reading ahead on another thread: the connection is that thread's.
    private var readingAhead = false

    init(_ db: Database, readOnly: Bool = false) {
        self.db = db
        self.readOnly = readOnly
    }

    var dialect: SQLDialect { SQLiteDatabase.dialect }

    func execute(sql: String, arguments: [any SQLBindable]) throws {
        precondition(!readingAhead, "the connection is in use by a scan reading ahead")
        let arguments = StatementArguments(arguments.map(\.sqlValue.databaseValue))
        guard readOnly else { return try db.execute(sql: sql, arguments: arguments) }
        let statement = try db.makeStatement(sql: sql)
        try refuseWrite(statement)
        try statement.execute(arguments: arguments)
    }

    /// Throws if `statement` would write in a read.
    private func refuseWrite(_ statement: Statement) throws {
        guard readOnly, !statement.isReadonly else { return }
        throw DatabaseError(resultCode: .SQLITE_READONLY, message: "a write in a read", sql: statement.sql)
    }

    func scan(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws {
        try step(sql: sql, arguments: arguments) { _, handle in try body(SQLCursor(source: .statement(handle))) }
    }

    func each(sql: String, arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        var columns: SQLColumns?
        // One buffer for every row: a row not kept by `body` leaves it unshared, so the next
        // row is written in place rather than in a new allocation.
        var values: [SQLValue] = []
        try step(sql: sql, arguments: arguments) { statement, handle in
            // The names as GRDB keeps them with the statement, once per query that gives a row.
            let names = columns ?? Self.columns(sql, statement.columnNames)
            columns = names
            values.removeAll(keepingCapacity: true)
            for column in names.names.indices { values.append(SQLCursor.value(handle, column)) }
            try body(SQLRow(columns: names, values: values))
        }
    }

    /// Steps the statement on another thread, copying its rows, while `body` reads them here.
    func scanAhead(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws {
        try bound(sql: sql, arguments: arguments) { _, handle in
            readingAhead = true
            defer { readingAhead = false }
            try ReadAhead.scan(
                handle,
                failure: { code, message in
                    DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
                }, body)
        }
    }

    /// Binds `arguments` to the cached statement of `sql`, then calls `body` on each row.
    private func step(sql: String, arguments: [any SQLBindable], _ body: (Statement, OpaquePointer) throws -> Void) throws {
        try bound(sql: sql, arguments: arguments) { statement, handle in
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
                }
                try body(statement, handle)
            }
        }
    }

    /// The cached statement of `sql` with `arguments` bound, reset once `body` is done with it.
    private func bound(sql: String, arguments: [any SQLBindable], _ body: (Statement, OpaquePointer) throws -> Void) throws {
        // A query's body reading rows read ahead must not use the connection meanwhile.
        precondition(!readingAhead, "the connection is in use by a scan reading ahead")
        let statement = try db.cachedStatement(sql: sql)
        try refuseWrite(statement)
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard sqlite3_bind_parameter_count(handle) == arguments.count else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "\(arguments.count) values for \(sqlite3_bind_parameter_count(handle)) parameters",
                sql: sql)
        }
        for (offset, argument) in arguments.enumerated() { bind(argument.sqlValue, at: Int32(offset + 1), in: handle) }
        try body(statement, handle)
    }

    func prepare(sql: String) throws -> any SQLStatement {
        precondition(!readingAhead, "the connection is in use by a scan reading ahead")
        let statement = try BoundStatement(db, sql: sql)
        try refuseWrite(statement.statement)
        return SQLitePreparedStatement(statement)
    }

    private func bind(_ value: SQLValue, at index: Int32, in handle: OpaquePointer) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let number): sqlite3_bind_int64(handle, index, number)
        case .real(let number): sqlite3_bind_double(handle, index, number)
        case .boolean(let flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        case .text(var text):
            text.withUTF8 { bytes in _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), transient) }
        }
    }
}

extension SQLCursor {
    /// The value at `column` of the row `handle` is on, as a row holds it.
    static func value(_ handle: OpaquePointer, _ column: Int) -> SQLValue {
        let column = Int32(column)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default:
            let bytes = sqlite3_column_text(handle, column)
            let length = Int(sqlite3_column_bytes(handle, column))
            return .text(bytes.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? "")
        }
    }

    static func isNull(_ handle: OpaquePointer, _ column: Int) -> Bool {
        sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL
    }

    static func integer(_ handle: OpaquePointer, _ column: Int) -> Int64? {
        guard sqlite3_column_type(handle, Int32(column)) == SQLITE_INTEGER else { return nil }
        return sqlite3_column_int64(handle, Int32(column))
    }

    /// `parse` over the bytes of the text at `column`. A BLOB reads as its bytes, as
    /// ``value(_:_:)`` reads it: a value written by hand or by another tool may be stored so.
    static func text<T>(_ handle: OpaquePointer, _ column: Int, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        let type = sqlite3_column_type(handle, Int32(column))
        guard type == SQLITE_TEXT || type == SQLITE_BLOB else { return nil }
        // The text first, then its length: the order SQLite asks for.
        guard let bytes = sqlite3_column_text(handle, Int32(column)) else { return parse(UnsafeBufferPointer(start: nil, count: 0)) }
        return parse(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, Int32(column)))))
    }
}

/// A ``BoundStatement`` through the port.
final class SQLitePreparedStatement: SQLStatement {
    private var statement: BoundStatement

    init(_ statement: BoundStatement) {
        self.statement = statement
    }

    func bind(_ value: String?) { statement.text(value) }
    func bind(_ value: Int?) { statement.integer(value) }
    func bind(_ value: Bool) { statement.integer(value ? 1 : 0) }
    func bind(_ value: Int64) { statement.integer(value) }
    func bind(_ value: Double) { statement.real(value) }
    func bind(utf8 bytes: UnsafeBufferPointer<UInt8>) { statement.text(bytes: bytes) }
    func insert() throws { try statement.insert() }
    func yieldsRow() throws -> Bool { try statement.yieldsRow() }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .boolean(let flag): (flag ? 1 : 0).databaseValue
        }
    }
}

/// ``SQLiteConnection/knownColumns``: at most a thousand queries, forgotten all at once.
private final class KnownColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: SQLColumns] = [:]

    func columns(_ sql: String, _ names: [String]) -> SQLColumns {
        if let columns = lock.withLock({ known[sql] }), columns.names == names { return columns }
        let columns = SQLColumns(names)
        lock.withLock {
            if known.count >= 1_000 { known.removeAll(keepingCapacity: true) }
            known[sql] = columns
        }
        return columns
    }
}
