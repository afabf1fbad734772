import NIOCore
import Testing
import TrainingStore

@testable import TrainingStorePostgres

/// Which prepared inserts the adapter sends by `COPY`: plain ones only, named as the schema's
/// unquoted names are in PostgreSQL; anything else stays a multi-row `INSERT`. (That what
/// `COPY` carries reads back as given is checked on a server by the store's tests.)
@Suite struct PostgresInsertTests {
    @Test func aPlainInsertIsCopied() throws {
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

    @Test func textIsEscapedForCopy() {
        let lines = PostgresInsert.copyLines([
            [.text("a\tb\\c\nd\re"), .null, .integer(-3), .boolean(true), .real(0.5)],
            [.text("\\N"), .boolean(false), .null, .null, .null],
        ])
        #expect(Array(lines.readableBytesView) == Array("a\\tb\\\\c\\nd\\re\t\\N\t-3\tt\t0.5\n\\\\N\tf\t\\N\t\\N\t\\N\n".utf8))
    }
}
