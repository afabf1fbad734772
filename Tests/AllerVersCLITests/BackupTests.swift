import Foundation
import Testing
import TrainingTesting

/// Nothing lost with the laptop: a snapshot taken while others write, restored elsewhere,
/// re-exports the same certificates byte for byte and verifies; a bad snapshot or an
/// occupied folder is refused with nothing written. A snapshot is of the SQLite file; a
/// PostgreSQL store is backed up by its server, or moved with `store copy`.
@Suite(.enabled(if: TestDatabase.current == .sqlite, "a snapshot is of the SQLite file")) struct BackupTests {
    @Test func aRestoredWorkspaceReexportsTheSameCertificatesAndVerifies() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let snapshot = workspace.url.appendingPathComponent("week.allervers")
        let backedUp = await allervers("backup", "--to", snapshot.path, "--with-key", "--store", store)
        #expect(backedUp.exitCode == 0, "\(backedUp.error)")
        let mode = try FileManager.default.attributesOfItem(atPath: snapshot.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = await allervers("backup", "--to", snapshot.path, "--store", store)
        #expect(again.error == "\(snapshot.path) already exists: back up to a new file")

        let elsewhere = try TemporaryFolder()
        let restored = await allervers("restore", snapshot.path, "--store", elsewhere.url.path)
        #expect(restored.exitCode == 0, "\(restored.error)")
        #expect(
            restored.output.contains("20 attendance records and 1 session event chained and intact; 5 certificates"), "\(restored.output)")
        let keyMode =
            try FileManager.default.attributesOfItem(
                atPath: elsewhere.url.appendingPathComponent(".allervers/signing-key.pem").path)[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
        #expect(await allervers("verify", "--store", elsewhere.url.path).exitCode == 0)
        let reexported = elsewhere.url.appendingPathComponent("out")
        let exported = await allervers("export", "records", "LYON", "--out", reexported.path, "--store", elsewhere.url.path)
        #expect(exported.exitCode == 0, "\(exported.error)")
        let before = try Fixtures.files(under: out.appendingPathComponent("LYON/certificates"))
        let after = try Fixtures.files(under: reexported.appendingPathComponent("LYON/certificates"))
        #expect(before.count == 11 && after == before)
        let pdf = reexported.appendingPathComponent("LYON/certificates/AV-2026-000001-certificat-de-realisation.pdf")
        #expect(await allervers("verify", pdf.path, "--store", elsewhere.url.path).exitCode == 0)

        // Never over a workspace.
        let occupied = await allervers("restore", snapshot.path, "--store", store)
        #expect(occupied.exitCode == 1)
        #expect(occupied.error.hasPrefix("a workspace already exists in \(workspace.url.path)"))
    }

    @Test func aSnapshotWithoutTheKeyRestoresWithoutIt() async throws {
        let (workspace, store, _) = try await exportedWeek()
        let snapshot = workspace.url.appendingPathComponent("week.allervers")
        #expect(await allervers("backup", "--to", snapshot.path, "--store", store).exitCode == 0)
        let bytes = try Data(contentsOf: snapshot)
        #expect(bytes.range(of: Data("PRIVATE KEY".utf8)) == nil)
        let elsewhere = try TemporaryFolder()
        let restored = await allervers("restore", snapshot.path, "--store", elsewhere.url.path)
        #expect(restored.output.hasSuffix("  no signing key in the snapshot\n"), "\(restored)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere.url.appendingPathComponent(".allervers/signing-key.pem").path))
        // Without the keys, the restored workspace still says what it issued and revoked.
        let pdf = workspace.url.appendingPathComponent("out/LYON/certificates/AV-2026-000001-certificat-de-realisation.pdf")
        let verified = await allervers("verify", pdf.path, "--store", elsewhere.url.path)
        #expect(verified.exitCode == 0, "\(verified.error)")
        #expect(verified.output.contains("✓ issued by this workspace, not revoked"))
        #expect(verified.output.contains("✓ PDF signed with this workspace's certificate"))
        // A new key would disown what was issued: it is refused, and so is signing without the key.
        let newKey = await allervers("key", "create", "--store", elsewhere.url.path)
        #expect(newKey.exitCode == 1)
        #expect(newKey.error.hasPrefix("this workspace has issued certificates as did:key:"), "\(newKey.error)")
        let export = await allervers(
            "export", "records", "LYON", "--out", elsewhere.url.appendingPathComponent("out").path, "--store", elsewhere.url.path)
        #expect(export.exitCode == 1)
        #expect(export.error.contains("signing-key.pem"), "\(export.error)")
    }

    @Test func aTamperedOrBrokenSnapshotIsRefusedAndNothingIsWritten() async throws {
        let (workspace, store, _) = try await exportedWeek()
        let snapshot = workspace.url.appendingPathComponent("week.allervers")
        #expect(await allervers("backup", "--to", snapshot.path, "--with-key", "--store", store).exitCode == 0)
        let tampered = workspace.url.appendingPathComponent("tampered.allervers")
        try FileManager.default.copyItem(at: snapshot, to: tampered)
        let edit = try execute(
            try tool("sqlite3"),
            [
                tampered.path,
                "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate; UPDATE attendanceEvent SET status = 'present' WHERE status = 'absent';",
            ])
        try #require(edit.status == 0, "\(edit.output)")
        let elsewhere = try TemporaryFolder()
        let refused = await allervers("restore", tampered.path, "--store", elsewhere.url.path)
        #expect(refused.exitCode == 1)
        #expect(refused.error.hasPrefix("\(tampered.path): the snapshot's records do not verify: attendance record "), "\(refused.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.url.path).isEmpty)

        var broken = try Data(contentsOf: snapshot)
        // Every page after the schema's: the tables' b-trees no longer hold together.
        let pages = 16_384..<broken.count
        broken.replaceSubrange(pages, with: Data(repeating: 0xA5, count: pages.count))
        let corrupt = try workspace.file("corrupt.allervers", bytes: Array(broken))
        let refusedCorrupt = await allervers("restore", corrupt.path, "--store", elsewhere.url.path)
        #expect(refusedCorrupt.exitCode == 1)
        #expect(refusedCorrupt.error.hasPrefix(corrupt.path), "\(refusedCorrupt.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.url.path).isEmpty)

        let notOurs = try workspace.file("notes.txt", "not a database at all")
        let refusedText = await allervers("restore", notOurs.path, "--store", elsewhere.url.path)
        #expect(refusedText.error.hasPrefix("\(notOurs.path) is not a readable AllerVers snapshot"), "\(refusedText.error)")
    }

    @Test func aSnapshotTakenWhileATrainerRecordsIsWhole() async throws {
        let binary = try builtBinary
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        var sheet = "session;slot;participant;status;minutes_late;minutes_left_early;reason\n"
        for slot in ["2026-03-12-am", "2026-03-12-pm", "2026-03-13-am", "2026-03-13-pm"] {
            for person in 1...5 { sheet += "LYON;\(slot);P-000\(person);present;\(person);;\n" }
        }
        let file = try workspace.file("sheet.csv", sheet)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            (0..<15).map { _ in "\"\(binary.path)\" attendance import --store \"\(store)\" --by T --reason relu \"\(file.path)\" || exit 1"
            }
            .joined(separator: "; "),
        ]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var snapshots: [URL] = []
        for index in 0..<5 {
            let snapshot = workspace.url.appendingPathComponent("snap-\(index).allervers")
            let result = await allervers("backup", "--to", snapshot.path, "--store", store)
            #expect(result.exitCode == 0, "\(result.error)")
            snapshots.append(snapshot)
            try await Task.sleep(for: .milliseconds(60))
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        for snapshot in snapshots {
            let elsewhere = try TemporaryFolder()
            let restored = await allervers("restore", snapshot.path, "--store", elsewhere.url.path)
            #expect(restored.exitCode == 0, "\(snapshot.lastPathComponent): \(restored.error)")
            // Whole imports only: 20 records, then 20 more per import.
            let records = await allervers("verify", "--store", elsewhere.url.path)
            let count = records.output.split(separator: " ").dropFirst(3).first.flatMap { Int($0) } ?? -1
            #expect(count >= 20 && count % 20 == 0, "\(records.output)")
        }
    }
}

@Suite(.enabled(if: TestDatabase.current == .postgres)) struct PostgresBackupTests {
    @Test func aSnapshotOfAPostgreSQLStoreIsRefusedWithWhatToDoInstead() async throws {
        let workspace = try await initialisedWorkspace()
        let snapshot = workspace.url.appendingPathComponent("snapshot.allervers")
        let result = await allervers("backup", "--to", snapshot.path, "--store", workspace.url.path)
        #expect(result.exitCode == 1)
        #expect(result.error == "a PostgreSQL store is backed up by its server (pg_dump), or copied with `allervers store copy`")
        #expect(!FileManager.default.fileExists(atPath: snapshot.path))
    }
}
