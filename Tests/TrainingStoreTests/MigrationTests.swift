import Foundation
import Testing
import TrainingCore
import TrainingStore
import TrainingTesting

/// A workspace made by an earlier release opens with this one and keeps its records.
///
/// `Fixtures/v4-workspace.sql` is the `.dump` of a workspace that the release with migrations
/// v1 to v4 made (init, the three shipped courses, six participants, a planned session, one
/// recorded half-day); `v4-courses.json` is what that release's `course show --json` printed
/// for its courses.
@Suite struct MigrationTests {
    let fixtures = Fixtures.repository.appendingPathComponent("Tests/TrainingStoreTests/Fixtures")
    let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")

    func sql(_ database: URL, _ statement: String) throws -> String {
        let process = Process()
        process.executableURL = sqlite
        process.arguments = [database.path, statement]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "sqlite3 failed on \(statement)")
        return String(decoding: output, as: UTF8.self)
    }

    func version4Workspace() throws -> (TemporaryFolder, Workspace) {
        try #require(FileManager.default.isExecutableFile(atPath: sqlite.path), "sqlite3 is missing: make test installs it")
        let folder = try TemporaryFolder()
        let workspace = Workspace(folder: folder.url)
        try FileManager.default.createDirectory(at: workspace.directory, withIntermediateDirectories: true)
        _ = try sql(workspace.storeURL, ".read \(fixtures.appendingPathComponent("v4-workspace.sql").path)")
        return (folder, workspace)
    }

    @Test func version4CoursesReadBackTheSameAfterTheirListsMoveOntoTheirRows() throws {
        let (folder, workspace) = try version4Workspace()
        defer { withExtendedLifetime(folder) {} }
        #expect(try sql(workspace.storeURL, "SELECT count(*) FROM courseModule") == "11\n")
        let expected = try JSONDecoder().decode(
            [Course].self, from: Data(contentsOf: fixtures.appendingPathComponent("v4-courses.json")))
        try #require(expected.count == 3)

        let store = try Store.open(workspace)
        for course in expected {
            #expect(try store.course(id: course.id) == course)
        }
        #expect(try store.courseSummaries().map(\.moduleCount) == expected.map(\.modules.count))
        // The migrated rows are the rows this version writes: importing the same courses changes nothing.
        let again = try store.importCourses { importer in
            for course in expected { try importer.add(course) }
        }
        #expect(again.map(\.outcome) == [.unchanged, .unchanged, .unchanged])
        let tables = try sql(
            workspace.storeURL, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'course%' ORDER BY name")
        #expect(tables == "course\n")
        #expect(try sql(workspace.storeURL, "PRAGMA foreign_key_check") == "")
        #expect(try sql(workspace.storeURL, "PRAGMA integrity_check") == "ok\n")
    }

    /// v10: the employers typed into the participants' rows become records; spellings that
    /// fold alike become one, named by the most common, and are kept beside it.
    @Test func employersTypedAsTextBecomeRecords() throws {
        let (folder, workspace) = try version4Workspace()
        defer { withExtendedLifetime(folder) {} }
        _ = try sql(
            workspace.storeURL,
            """
            UPDATE participant SET employer = 'ccas de  VILLEURBANNE' WHERE id = 'P-0002';
            UPDATE participant SET employer = '  ' WHERE id = 'P-0004';
            UPDATE participant SET employer = NULL WHERE id = 'P-0006';
            """)
        let store = try Store.open(workspace)
        let employers = try store.employers()
        #expect(employers.map(\.employer.id) == ["E-0001", "E-0002", "E-0003"])
        #expect(employers.map(\.employer.name) == ["CCAS de Villeurbanne", "Maison de la Métropole, Lyon 8e", "Sauvegarde 69"])
        #expect(employers.map(\.staff) == [2, 1, 1])
        #expect(employers[0].spellings == ["CCAS de Villeurbanne", "ccas de  VILLEURBANNE"])
        #expect(employers.allSatisfy { $0.employer.kind == .other })
        #expect(
            try store.participants().map { $0.employer ?? "-" } == [
                "CCAS de Villeurbanne", "Maison de la Métropole, Lyon 8e", "Sauvegarde 69", "-", "-", "CCAS de Villeurbanne",
            ])
        #expect(try sql(workspace.storeURL, "SELECT count(*) FROM pragma_table_info('participant') WHERE name = 'employer'") == "0\n")
        #expect(try sql(workspace.storeURL, "PRAGMA foreign_key_check") == "")
    }

    @Test func version4SessionsAndAttendanceStayWhole() throws {
        let (folder, workspace) = try version4Workspace()
        defer { withExtendedLifetime(folder) {} }
        let store = try Store.open(workspace)
        let session = try store.session(id: "AV-FOND-2026-03-LYON")
        #expect(session.courseID == "AV-FOND")
        #expect(try store.currentMarks(in: session.id).count == 2)
        let chain = try store.verifyAttendanceChain()
        #expect(chain.isIntact)
        #expect(chain.recordCount == 2)
        // A course imported after the migration sits beside the migrated ones.
        _ = try store.importCourses { try $0.add(Fixtures.course()) }
        #expect(try store.course(id: "T-1") == Fixtures.course())
        #expect(try store.courseSummaries().count == 4)
    }

    /// The stored form of a course's lists, spelled out: unchanged courses are found by
    /// their bytes, so a change here needs a migration that rewrites the stored rows.
    @Test func theStoredFormOfACourseIsTheDocumentedOne() throws {
        try #require(FileManager.default.isExecutableFile(atPath: sqlite.path), "sqlite3 is missing: make test installs it")
        let folder = try TemporaryFolder()
        let store = try Store.create(in: Workspace(folder: folder.url), organisation: nil)
        _ = try store.importCourses { try $0.add(Fixtures.course()) }
        let stored = try sql(
            store.workspace.storeURL,
            "SELECT prerequisites, objectives, modules, requiredModules, assessmentMethods FROM course")
        let expected = [
            #"[{"kind":"course","courseID":"AV-FOND"},{"kind":"experience","months":6,"text":"Maraudes."},"#
                + #"{"kind":"other","text":"Aucun autre."}]"#,
            #"[{"id":"O1","text":"Repérer le non-recours."},{"id":"O2","text":"Se présenter."}]"#,
            #"[{"id":"M1","title":"Salle","durationMinutes":210,"modality":"in-room","objectives":["O1","O2"],"#
                + #""content":["Définitions « aller-vers » & <non-recours>"],"methods":["Études de cas"]},"#
                + #"{"id":"M2","title":"Rue","durationMinutes":210,"modality":"terrain","objectives":["O2"],"#
                + #""content":["Maraude"],"methods":["Binôme"]}]"#,
            #"["M2"]"#,
            #"["Quiz","Observation"]"#,
        ]
        #expect(stored == expected.joined(separator: "|") + "\n")
    }
}
