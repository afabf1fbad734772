import Foundation
import Testing
import TrainingCore
import TrainingService
import TrainingTesting

@testable import TrainingStore

@Suite struct WorkspaceTests {
    @Test func createdOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: store.workspace.storeURL.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: store.workspace.directory.path)
        #expect((directory[.posixPermissions] as? Int) == 0o700)
    }

    @Test func foundFromASubfolderAsGitDoes() throws {
        let folder = try TemporaryFolder()
        _ = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        let deep = folder.url.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        #expect(try Workspace.find(from: deep).folder.path == folder.url.standardizedFileURL.path)
    }

    @Test func notFoundSaysWhatToDo() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: WorkspaceError.self) { try Workspace.find(from: folder.url) }
        #expect(error.description.contains("allervers init"))
    }

    @Test func secondInitIsRefused() throws {
        let folder = try TemporaryFolder()
        _ = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        #expect(throws: WorkspaceError.alreadyExists(folder.url.standardizedFileURL.path)) {
            try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        }
    }

    @Test func storeThatIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        try folder.file(".allervers/store.sqlite", "this is not SQLite, just text long enough to have a header......")
        let error = try #require(throws: WorkspaceError.self) { try Store.open(Workspace.existing(at: folder.url)) }
        #expect(error.description.contains("cannot use the store"))
    }

    @Test func organisationIsKept() throws {
        let folder = try TemporaryFolder()
        let identity = try Organisation(
            name: "Institut", address: "1 rue", declarationNumber: "52490123449", signatoryName: "C. Martin", signatoryTitle: "Directrice")
        let store = try TestDatabase.createStore(in: folder.url, organisation: identity)
        #expect(try Stores.open(store.workspace).organisation() == identity)
    }

    /// A server's store reads on its own connections while a write is under way: it sees
    /// the store as it was before that write, without waiting for it, and sees the write as
    /// soon as it is committed. The readers refuse to write.
    @Test func readersReadWhileAWriteIsUnderWay() throws {
        let folder = try TemporaryFolder()
        let identity = try Organisation(
            name: "Institut", address: "1 rue", declarationNumber: "52490123449", signatoryName: "C. Martin", signatoryTitle: "Directrice")
        _ = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        let store = try Store.open(Workspace(folder: folder.url), readers: 2)
        let written = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let committed = DispatchGroup()
        DispatchQueue.global().async(group: committed) {
            try? store.database.write { db in
                try Store.setOrganisation(identity, db)
                written.signal()
                release.wait()
            }
        }
        written.wait()
        let read = DispatchGroup()
        nonisolated(unsafe) var during: Organisation??
        DispatchQueue.global().async(group: read) { during = try? store.organisation() }
        let readInTime = read.wait(timeout: .now() + 10) == .success
        release.signal()
        committed.wait()
        read.wait()
        #expect(readInTime, "the read waited for the write")
        #expect(during == .some(nil))
        #expect(try store.organisation() == identity)
        #expect(throws: WorkspaceError.self) {
            try store.database.read { db in try db.execute(sql: "DELETE FROM organisation") }
        }
    }

    /// A query's columns are kept by its text only while the statement gives the same: after
    /// a change of the table, `SELECT *` reads the new column.
    @Test func aQuerysColumnsFollowTheTable() throws {
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        try store.database.write { db in
            try db.execute(sql: "CREATE TABLE probe (a TEXT)")
            try db.execute(sql: "INSERT INTO probe (a) VALUES ('x')")
        }
        let before = try store.database.read { db in try db.rows(sql: "SELECT * FROM probe") }
        #expect(before.map(\.columns.names) == [["a"]])
        try store.database.write { db in try db.execute(sql: "ALTER TABLE probe ADD COLUMN b TEXT DEFAULT 'y'") }
        let after = try store.database.read { db in try db.rows(sql: "SELECT * FROM probe") }
        #expect(after.map(\.columns.names) == [["a", "b"]])
        #expect(try after.first.map { try $0["b"] as String } == "y")
    }

    /// Makes the next `count` writes of the organisation's row fail on the server as
    /// PostgreSQL fails a transaction to keep others apart (`state`: 40001 a serialisation
    /// failure, 40P01 a deadlock); a sequence counts the tries, since a rollback does not
    /// undo it.
    static func abortNextWrites(_ count: Int, state: String, in folder: URL) throws {
        let installed = try TestDatabase.edit(
            workspaceAt: folder, sqlite: "",
            postgres: """
                CREATE SEQUENCE tries;
                CREATE FUNCTION abort_first() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                    IF nextval('tries') <= \(count) THEN RAISE EXCEPTION 'aborted on purpose' USING ERRCODE = '\(state)'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER abort_first BEFORE INSERT OR UPDATE ON organisation FOR EACH ROW EXECUTE FUNCTION abort_first();
                """)
        #expect(installed.status == 0, "\(installed.output)")
    }

    /// A write PostgreSQL aborts is run again, and nobody sees it.
    @Test(.enabled(if: TestDatabase.current == .postgres), arguments: [("40001", 1), ("40P01", 4)])
    func anAbortedWriteIsRunAgain(state: String, aborts: Int) throws {
        let folder = try TemporaryFolder()
        let store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        try Self.abortNextWrites(aborts, state: state, in: folder.url)
        let identity = try Organisation(
            name: "Institut", address: "1 rue", declarationNumber: "52490123449", signatoryName: "C. Martin", signatoryTitle: "Directrice")
        try store.setOrganisation(identity)
        #expect(try store.organisation() == identity)
        #expect(try TestDatabase.query(workspaceAt: folder.url, "SELECT last_value FROM tries") == String(aborts + 1))
    }

    /// Aborted five times, a write gives up with one line naming the store, and changes nothing.
    @Test(.enabled(if: TestDatabase.current == .postgres)) func aWriteAbortedFiveTimesGivesUp() throws {
        let folder = try TemporaryFolder()
        let store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        try Self.abortNextWrites(5, state: "40001", in: folder.url)
        let identity = try Organisation(
            name: "Institut", address: "1 rue", declarationNumber: "52490123449", signatoryName: "C. Martin", signatoryTitle: "Directrice")
        let error = try #require(throws: WorkspaceError.self) { try store.setOrganisation(identity) }
        #expect(error.description.hasSuffix("aborted on purpose (tried 5 times)"), "\(error)")
        #expect(!error.description.contains("\n"))
        #expect(try store.organisation() == nil)
        #expect(try TestDatabase.query(workspaceAt: folder.url, "SELECT last_value FROM tries") == "5")
    }
}

@Suite struct CourseStoreTests {
    /// Each test gets its own folder, kept for the suite value's lifetime (one per test).
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    func emptyStore() throws -> (TemporaryFolder, Store) {
        (folder, try TestDatabase.createStore(in: folder.url, organisation: nil))
    }

    @Test func storedCourseReadsBackIdentical() throws {
        let (_, store) = try emptyStore()
        let course = Fixtures.course()
        let outcomes = try store.importCourses { try $0.add(course) }
        #expect(outcomes.map(\.outcome) == [.added])
        #expect(try store.course(id: course.id) == course)
    }

    /// The course's lists are stored as JSON: every character that JSON escapes comes back.
    @Test func textThatJSONEscapesReadsBackIdentical() throws {
        let (_, store) = try emptyStore()
        var course = Fixtures.course()
        course.objectives[0].text = "Citer « le \"non-recours\" » \\ sans\tdétour\u{1}\n🙂 / </script>"
        course.modules[0].content = ["\"", "\\", "\u{7F}\u{0}", "عربي 中文"]
        course.modules[0].methods = ["a,b", "[]{}:"]
        course.prerequisites = [.experience(months: nil, description: "\"six mois\""), .other("\\")]
        _ = try store.importCourses { try $0.add(course) }
        #expect(try store.course(id: course.id) == course)
    }

    @Test func newVersionIsKeptBesideTheOld() throws {
        let (_, store) = try emptyStore()
        var revised = Fixtures.course(version: "1.10")
        revised.title = "Révisé"
        _ = try store.importCourses { try $0.add(Fixtures.course(version: "1.9")) }
        _ = try store.importCourses { try $0.add(revised) }
        #expect(try store.courseSummaries().map(\.version.description) == ["1.9", "1.10"])
        #expect(try store.course(id: "T-1").title == "Révisé")
        #expect(try store.course(id: "T-1", version: CourseVersion("1.9")).title == "Aller-vers : essai")
    }

    @Test func sameContentIsUnchangedAndChangedContentRefused() throws {
        let (_, store) = try emptyStore()
        _ = try store.importCourses { try $0.add(Fixtures.course()) }
        #expect(try store.importCourses { try $0.add(Fixtures.course()) }.map(\.outcome) == [.unchanged])
        var changed = Fixtures.course()
        changed.modules[0].content.append("Nouveau point")
        let error = try #require(throws: CourseConflictError.self) { try store.importCourses { try $0.add(changed) } }
        #expect(error.reason == .changedContent)
        #expect(try store.importCourses(replacing: true) { try $0.add(changed) }.map(\.outcome) == [.replaced])
        #expect(try store.course(id: "T-1") == changed)
    }

    @Test func importIsAllOrNothing() throws {
        let (_, store) = try emptyStore()
        #expect(throws: CourseConflictError.self) {
            try store.importCourses { importer in
                try importer.add(Fixtures.course(id: "A"))
                try importer.add(Fixtures.course(id: "B"))
                try importer.add(Fixtures.course(id: "A"))
            }
        }
        #expect(try store.courseSummaries().isEmpty)
    }

    @Test func dryRunStoresNothing() throws {
        let (_, store) = try emptyStore()
        let outcomes = try store.importCourses(dryRun: true) { try $0.add(Fixtures.course()) }
        #expect(outcomes.map(\.outcome) == [.added])
        #expect(try store.courseSummaries().isEmpty)
    }

    @Test func unknownCourse() throws {
        let (_, store) = try emptyStore()
        #expect(throws: CourseNotFoundError(id: "NOPE", version: nil)) { try store.course(id: "NOPE") }
    }
}
