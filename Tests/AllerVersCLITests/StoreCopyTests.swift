import Foundation
import Testing
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
    @Test func aWorkspaceGoesToTheOtherDatabaseAndBackAndExportsTheSameFiles() async throws {
        let (workspace, store, out) = try await exportedWeek()
        // A revocation and a reissue, so that every log and link has rows to copy.
        let numbers = try await certificateNumbers("LYON", store: store)
        let first = try #require(numbers.values.sorted().first)
        #expect(await allervers("certificate", "revoke", first, "--reason", "erreur de saisie", "--store", store).exitCode == 0)
        #expect(await allervers("certificate", "reissue", first, "--reason", "erreur corrigée", "--store", store).exitCode == 0)
        try FileManager.default.removeItem(at: out)
        let original = try await exported(workspace.url)
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
            #expect(await allervers("verify", "--store", landed.path).exitCode == 0)
            hops.append(next)
            from = landed
        }
    }

    @Test func aCopyIntoAFolderThatFailsLeavesNothingBehind() async throws {
        let workspace = try await initialisedWorkspace()
        let nowhere = workspace.url.appendingPathComponent("nowhere")
        let result = await allervers("store", "copy", "--from", nowhere.path, "--to", workspace.url.appendingPathComponent("copie").path)
        #expect(result.exitCode == 1)
        #expect(result.error.contains("no AllerVers workspace in"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("copie").path))
    }
}
