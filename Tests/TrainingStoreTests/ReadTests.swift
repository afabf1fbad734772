import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingStore

/// Reads on SQLite: one transaction each, their statements compiled once, writes refused.
@Suite struct ReadTests {
    /// A read keeps the connection's compiled statements: reading the same thing again runs
    /// the statement compiled the first time. (GRDB's own read set a pragma around each
    /// read, which made SQLite compile every statement again on its next use.)
    @Test func readsKeepTheirCompiledStatements() throws {
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        for _ in 0..<3 {
            _ = try store.organisation()
            _ = try store.participants()
        }
        // SQLite's own table of the connection's statements (Debian builds it in).
        let compiledAgain = try store.database.read { db in
            try db.rows(sql: "SELECT sql || ': ' || reprep AS line FROM sqlite_stmt WHERE reprep > 0").map { row in
                try row["line"] as String
            }
        }
        #expect(compiledAgain.isEmpty, "\(compiledAgain)")
    }

    /// Instants come back as they were written, read digit by digit; another form of ISO
    /// 8601 is read by Foundation, and what is not an instant reads as none.
    @Test func instantsReadAsTheyWereWritten() {
        for seconds in [0, 1_773_302_400, 1_773_338_399, 4_102_444_799, 951_782_400] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(SessionRows.date(utc: SessionRows.utc(date)) == date, "\(SessionRows.utc(date))")
            // Read by the byte reader, not by Foundation.
            #expect(SessionRows.dateWrittenByUTC(SessionRows.utc(date)) == date)
        }
        #expect(SessionRows.date(utc: "2026-03-12T08:00:00+01:00") == Date(timeIntervalSince1970: 1_773_298_800))
        for other in ["2026-03-12T08:00:00+01:00", "2026-03-12T24:00:00Z", "2026-03-12T08:60:00Z", "2026-02-30T08:00:00Z"] {
            #expect(SessionRows.dateWrittenByUTC(other) == nil, "\(other)")
        }
        for wrong in ["2026-03-12", "2026-03-12T08:00:00", "not an instant", "2026-03-12T08-00:00Z", ""] {
            #expect(SessionRows.date(utc: wrong) == nil, "\(wrong)")
        }
    }

    /// A write inside a read is refused, and changes nothing.
    @Test func aReadRefusesToWrite() throws {
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        try store.setOrganisation(
            try Organisation(
                name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
                signatoryName: "Claire Martin", signatoryTitle: "Directrice"))
        #expect(throws: WorkspaceError.self) { try store.database.read { db in try db.execute(sql: "DELETE FROM organisation") } }
        #expect(throws: WorkspaceError.self) {
            try store.database.read { db in try db.rows(sql: "DELETE FROM organisation RETURNING id") }
        }
        #expect(try store.organisation()?.name == "Institut Aller-Vers")
    }

    /// The table of a report's people finds each id from its string and from its bytes, tells
    /// an id it does not hold, keeps an id added twice once, and keeps every place as it grows
    /// (ids that differ by a byte, in length, or only past the 15 bytes a short string holds).
    @Test func placesFindEveryIdAndNoOther() throws {
        var places = Places()
        let ids =
            (0..<20_000).map { "P-\($0)" } + [
                "", "é", "P-1 ", "participant-with-a-long-identifier-0001", "participant-with-a-long-identifier-0002",
            ]
        for id in ids { places.add(id) }
        places.add("P-7")
        #expect(places.count == ids.count)
        for (place, id) in ids.enumerated() {
            #expect(places.place(of: id) == place)
            var bytes = id
            #expect(bytes.withUTF8 { places.place(of: $0) } == place)
        }
        for absent in ["P-20000", "P-", "p-1", "participant-with-a-long-identifier-0003", "E"] {
            #expect(places.place(of: absent) == nil)
        }
    }

    /// A scan reading ahead gives every row a scan in place gives, value for value, across
    /// batches taken, filled and given back again (5,000 rows of NULLs, integers, reals, text,
    /// BLOBs and long text), and none for a query without rows; a body that throws stops it
    /// while its reader waits for a batch, and the connection serves the next query; SQLite
    /// failing on a row fails the scan after the rows before it, as in place.
    @Test func aScanReadingAheadGivesWhatAScanGives() throws {
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        let rows = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
            SELECT i, CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN 'é' || i WHEN 2 THEN i * 0.5 ELSE x'00ff' || CAST(i AS BLOB) END,
              printf('%.*c', i % 300, 'x') FROM n
            """
        func described(_ row: SQLCursor) -> String {
            (0..<4).map { column in
                "\(row.value(column)) \(row.isNull(column)) \(row.integer(column).map(String.init) ?? "-") "
                    + "\(row.withText(column) { bytes in "\(bytes.count) bytes, sum \(bytes.reduce(0) { $0 &+ Int($1) &* 31 })" } ?? "-")"
            }.joined(separator: " | ")
        }
        try store.database.read { db in
            var inPlace: [String] = []
            try db.scan(sql: rows, arguments: []) { inPlace.append(described($0)) }
            var ahead: [String] = []
            try db.scanAhead(sql: rows, arguments: []) { ahead.append(described($0)) }
            #expect(inPlace.count == 5000)
            #expect(ahead.count == inPlace.count)
            // The first row that differs, if any, alone: 1,300 rows would drown it.
            let differing = zip(ahead, inPlace).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(differing == nil, "row \(differing?.offset ?? 0): \(differing?.element.0 ?? "") ≠ \(differing?.element.1 ?? "")")

            struct Enough: Error {}
            var read = 0
            #expect(throws: Enough.self) {
                try db.scanAhead(sql: rows, arguments: []) { _ in
                    read += 1
                    if read == 700 { throw Enough() }
                }
            }
            #expect(read == 700)
            #expect(try db.one(Int.self, sql: "SELECT count(*) FROM (\(rows))") == 5000)
            var none = 0
            try db.scanAhead(sql: "SELECT 1 WHERE 0", arguments: []) { _ in none += 1 }
            #expect(none == 0)
        }
        // json('x') fails on the 1001st row.
        let failing = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1300)
            SELECT CASE WHEN i > 1000 THEN json('x') ELSE i END FROM n
            """
        for ahead in [false, true] {
            var read = 0
            #expect(throws: WorkspaceError.self) {
                try store.database.read { db in
                    ahead
                        ? try db.scanAhead(sql: failing, arguments: []) { _ in read += 1 }
                        : try db.scan(sql: failing, arguments: []) { _ in read += 1 }
                }
            }
            #expect(read == 1000)
        }
    }
}
