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
}
