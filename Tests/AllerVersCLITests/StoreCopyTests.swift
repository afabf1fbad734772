import Foundation
import Testing
import TrainingCore
import TrainingService
import TrainingStore
import TrainingTesting

/// Moving a workspace between SQLite and PostgreSQL: the copy verifies where it lands, and
/// the same records give the same files, byte for byte, from either database.
@Suite struct StoreCopyTests {
    /// The records of `session` exported from the workspace in `folder`.
    func exported(_ folder: URL) async throws -> [String: Data] {
        let out = folder.appendingPathComponent("out")
        let result = await allervers("export", "records", "LYON", "--out", out.path, "--store", folder.path)
        try #require(result.exitCode == 0, "\(result.error)")
        return try Fixtures.files(under: out)
    }

    /// Copies the workspace at `source` into the other kind of database, and from there back
    /// into the first kind; returns the two workspaces the copies made.
    /// What the commands say about the workspace in `folder`, as JSON, beside its files.
    func described(_ folder: URL) async throws -> [String] {
        var said: [String] = []
        for command in [
            ["participant", "list"], ["session", "show", "LYON"], ["certificate", "list", "LYON"], ["attendance", "history", "LYON"],
            ["participant", "show", "P-0001"], ["employer", "list"], ["employer", "show", "E-0001"], ["trainer", "list"],
            ["report", "bpf", "--year", "2026"], ["course", "show", "AV-FOND"], ["verify"],
        ] {
            let result = await allervers(command + ["--json", "--store", folder.path])
            try #require(result.exitCode == 0, "\(command): \(result.error)")
            said.append(result.output)
        }
        return said
    }

    @Test func aWorkspaceGoesToTheOtherDatabaseAndBackAndExportsTheSameFiles() async throws {
        let (workspace, store, out) = try await exportedWeek()
        // A revocation and a reissue dated in the year before (its number sorts before the
        // one it replaces), and a duplicate merged while it has certified records (an alias
        // whose id sorts before the person's), so that every log and link has rows to copy.
        let numbers = try await certificateNumbers("LYON", store: store)
        let first = try #require(numbers.values.sorted().first)
        #expect(await allervers("certificate", "revoke", first, "--reason", "erreur de saisie", "--store", store).exitCode == 0)
        let reissued = await allervers(
            "certificate", "reissue", first, "--reason", "erreur corrigée", "--date", "2025-12-19", "--store", store)
        #expect(reissued.output.contains("as AV-2025-"), "\(reissued)")
        let added = await allervers(
            "participant", "add", "--first-name", "Camille", "--last-name", "ROUX", "--email", "c.roux@autre.example", "--store", store)
        try #require(added.exitCode == 0, "\(added.error)")
        let merged = await allervers("participant", "merge", "P-0007", "P-0001", "--store", store)
        try #require(merged.exitCode == 0, "\(merged.error)")
        // A job left, so that the history of employments has a row (and a generated key) to copy.
        let moved = await allervers(
            "participant", "edit", "P-0002", "--employer", "Département du Rhône", "--hire-date", "2026-01-05", "--store", store)
        try #require(moved.exitCode == 0, "\(moved.error)")
        // What the BPF and the follow-up of absences add: a declaration, trainers as people, a
        // follow-up in its chain.
        for command in [
            [
                "session", "declare", "LYON", "--funding", "opco-skills-plan=4200", "--eu-funded", "yes", "--trainee-kind",
                "P-0003=job-seeker",
            ],
            ["trainer", "set", "Claire Martin", "--external"],
            ["attendance", "follow-up", "LYON", "P-0005", "--on", "2026-03-13", "--note", "Appel"],
            // An LHEO offer: its action is a session template.
            [
                "course", "import",
                try #require(Fixtures.corpora).appendingPathComponent("lheo/samples/intercarif-trefle/daeu.xml").path,
            ],
        ] {
            let result = await allervers(command + ["--store", store])
            try #require(result.exitCode == 0, "\(command): \(result.error)")
        }
        let shown = await allervers("session", "show", "LYON", "--store", store)
        #expect(shown.output.contains("Income: opco-skills-plan 4200.00 € (") == false)
        #expect(shown.output.contains("Income: opco-skills-plan 4200.00 €\nPaid for by European funds\n"), "\(shown.output)")
        try FileManager.default.removeItem(at: out)
        var original = try await exported(workspace.url)
        var originalDescription = try await described(workspace.url)
        #expect(original.keys.contains { $0.hasSuffix(".csv") } && original.keys.contains { $0.hasSuffix(".pdf") })

        var hops: [TemporaryFolder] = []
        var from = workspace.url
        for kind in TestDatabase.current == .sqlite ? [TestDatabase.postgres, .sqlite] : [.sqlite, .postgres] {
            let next = try TemporaryFolder()
            let target = kind == .postgres ? try TestDatabase.newPostgresDatabase() : next.url.appendingPathComponent("copie").path
            let copied = await allervers("store", "copy", "--from", from.path, "--to", target)
            try #require(copied.exitCode == 0, "\(copied.error)")
            #expect(copied.output.contains("chained and intact on the copy"), "\(copied.output)")
            #expect(copied.output.contains("certificates' signatures verified"), "\(copied.output)")
            // A second copy into the same place is refused, and leaves it as it is.
            let again = await allervers("store", "copy", "--from", from.path, "--to", target)
            #expect(again.exitCode == 1)
            var landed = URL(fileURLWithPath: target)
            if kind == .postgres {
                #expect(again.error == "the target already holds records (organisation): copy into an empty store", "\(again.error)")
                // A workspace joins the database, and takes the organisation's keys.
                let joined = await allervers("init", "--store", next.url.path, "--database", target)
                try #require(joined.exitCode == 0, "\(joined.error)")
                #expect(joined.output.contains("Joined the records"))
                for name in ["signing-key.pem", "pdf-signing-key.pem", "pdf-signing-certificate.pem"] {
                    try FileManager.default.copyItem(
                        at: from.appendingPathComponent(".allervers/\(name)"), to: next.url.appendingPathComponent(".allervers/\(name)"))
                }
                landed = next.url
            } else {
                #expect(again.error.hasSuffix("already holds a workspace: copy into a new folder"), "\(again.error)")
            }
            #expect(try await exported(landed) == original, "\(kind): the same records give other files")
            for (copy, first) in zip(try await described(landed), originalDescription) {
                #expect(copy == first, "\(kind): the same records read otherwise")
            }
            #expect(await allervers("verify", "--store", landed.path).exitCode == 0)
            let offered = await allervers("course", "show", "15_464888", "--store", landed.path)
            #expect(offered.output.contains("Offered as action 15_927411\n  Place: UT2J"), "\(kind): \(offered.output)")
            // The copy takes new records after the copied ones (its generated keys continue).
            let edited = await allervers("participant", "edit", "P-0002", "--profession", "CESF", "--store", landed.path)
            #expect(edited.exitCode == 0, "\(kind): \(edited.error)")
            let left = await allervers("participant", "edit", "P-0003", "--employer", "", "--store", landed.path)
            #expect(left.exitCode == 0, "\(kind): \(left.error)")
            // What the next copy must give again.
            original = try await exported(landed)
            originalDescription = try await described(landed)
            hops.append(next)
            from = landed
        }
    }

    /// With `--store postgres://…`, the keys are the workspace's above the current folder: one
    /// that keeps its records in another database is not used to sign for these.
    @Test(.enabled(if: TestDatabase.current == .postgres)) func anotherDatabasesWorkspaceDoesNotSignForThisOne() async throws {
        let mine = try await initialisedWorkspace()
        let theirs = try await initialisedWorkspace()
        let url = try #require(try Workspace(folder: mine.url).databaseLocation())
        // What `--store URL` does from inside `theirs`, then from inside `mine`.
        let error = try #require(throws: WorkspaceError.self) { try Stores.open(url, keys: Workspace(folder: theirs.url)) }
        #expect(error.description.contains("keeps its records in"), "\(error)")
        #expect(try Stores.open(url, keys: Workspace(folder: mine.url)).organisation() != nil)
    }

    /// From one PostgreSQL database to another (a new server, say): the source workspace
    /// names the first, and its keys check the second.
    @Test(.enabled(if: TestDatabase.current == .postgres)) func aWorkspaceMovesToAnotherPostgreSQLDatabase() async throws {
        let (workspace, store, _) = try await exportedWeek()
        let target = try TestDatabase.newPostgresDatabase()
        let copied = await allervers("store", "copy", "--from", store, "--to", target)
        #expect(copied.exitCode == 0, "\(copied.error)")
        #expect(copied.output.contains("certificates' signatures verified"), "\(copied.output)")
        #expect(try Workspace(folder: workspace.url).databaseLocation() != target)
    }

    @Test func aCopyThatDoesNotVerifyLeavesNothingBehind() async throws {
        let (workspace, store, _) = try await exportedWeek()
        // A record changed behind the tool's back: the copy carries it, and its check fails.
        let change = "UPDATE attendanceEvent SET minutesLate = 50 WHERE sequence = 2"
        let edited = try TestDatabase.edit(
            workspaceAt: workspace.url, sqlite: "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate; \(change)",
            postgres: "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate ON attendanceEvent; \(change)")
        try #require(edited.status == 0, "\(edited.output)")
        let target = workspace.url.appendingPathComponent("copie")
        let result = await allervers("store", "copy", "--from", store, "--to", target.path)
        #expect(result.exitCode == 1)
        #expect(result.error == "the copy does not verify: attendance record 2 was changed after it was written", "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}
