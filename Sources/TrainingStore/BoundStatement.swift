internal import GRDB
internal import GRDBSQLite
import TrainingCore

/// One prepared statement (an `INSERT`, or a query asked whether it yields a row) whose
/// values are bound straight through SQLite's C API.
///
/// GRDB's `execute(arguments:)` boxes every value of every row; an attendance import writes
/// up to a million rows in one transaction, and that boxing cost more than SQLite's own work.
/// The statement stays GRDB's (cached, finalised by GRDB); this only binds, steps and
/// resets it, so GRDB finds it reset as it expects.
struct BoundStatement {
    let statement: Statement
    private let db: Database
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    mutating func text(_ value: String) {
        index += 1
        var value = value
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(statement.sqliteStatement, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    /// Binds UTF-8 bytes as text.
    mutating func text(bytes: UnsafeBufferPointer<UInt8>) {
        index += 1
        _ = sqlite3_bind_text(statement.sqliteStatement, index, bytes.baseAddress, Int32(bytes.count), transient)
    }

    mutating func integer(_ value: Int) {
        index += 1
        _ = sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value))
    }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    mutating func integer(_ value: Int64) {
        integer(Int(value))
    }

    mutating func real(_ value: Double) {
        index += 1
        _ = sqlite3_bind_double(statement.sqliteStatement, index, value)
    }

    mutating func null() {
        index += 1
        _ = sqlite3_bind_null(statement.sqliteStatement, index)
    }

    /// Runs the insert with the values bound since the last one, and makes ready for the next.
    mutating func insert() throws {
        _ = try step(expecting: SQLITE_DONE)
    }

    /// Runs a query with the values bound, and says whether it gave a row.
    mutating func yieldsRow() throws -> Bool {
        try step(expecting: SQLITE_ROW, SQLITE_DONE) == SQLITE_ROW
    }

    private mutating func step(expecting codes: Int32...) throws -> Int32 {
        precondition(index == sqlite3_bind_parameter_count(statement.sqliteStatement), "every parameter is bound")
        index = 0
        let code = sqlite3_step(statement.sqliteStatement)
        defer { sqlite3_reset(statement.sqliteStatement) }
        guard codes.contains(code) else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
        return code
    }
}

/// SQLite copies the bytes before the call returns: the Swift buffers need not outlive it.
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
