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
}
