import Testing
import TrainingStore

@testable import TrainingStorePostgres

/// Which prepared inserts the adapter sends as arrays that the server unnests: plain ones only,
/// named as the schema's unquoted names are in PostgreSQL; anything else stays a multi-row
/// `INSERT`. (What the arrays carry is checked on a server by the store's tests.)
@Suite struct PostgresInsertTests {
    @Test func aPlainInsertGoesAsArrays() throws {
        let target = try #require(PostgresInsert.plainTarget(of: "INSERT INTO attendanceEvent (sequence, sessionID)\n VALUES (?, ?)\n"))
        #expect(target.table == "attendanceevent")
        #expect(target.columns == ["sequence", "sessionid"])
    }

    @Test(arguments: [
        "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO NOTHING",
        "INSERT INTO t (a, b) VALUES (?, 'x')",
        "INSERT INTO t (a, b) VALUES (?)",
        "INSERT INTO t VALUES (?, ?)",
        "INSERT INTO \"T\" (a) VALUES (?)",
        "UPDATE t SET a = ? WHERE b = ?",
        "SELECT 1 FROM course WHERE rowID = ?",
    ])
    func anythingElseIsNot(sql: String) {
        #expect(PostgresInsert.plainTarget(of: sql) == nil)
    }
}
