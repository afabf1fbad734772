import Foundation
import Testing
import TrainingTesting

/// The store and the signing key are the owner's alone, whatever the umask of the shell
/// that made them.
@Suite struct FilesAtRestTests {
    @Test func everyFileOfTheWorkspaceIsOwnerOnlyUnderAnOpenUmask() throws {
        let binary = try builtBinary
        let folder = try TemporaryFolder()
        let store = folder.url.path
        // umask 000 would make every file world-writable. (SQLite gives the WAL and
        // shared-memory files the database file's mode, so the store's mode covers them.)
        let script = """
            umask 000
            "\(binary.path)" init --store "\(store)" >/dev/null || exit 1
            "\(binary.path)" participant add --first-name Awa --last-name Diallo --store "\(store)" >/dev/null || exit 1
            """
        #expect(try execute(URL(fileURLWithPath: "/bin/sh"), ["-c", script]).status == 0)
        let directory = folder.url.appendingPathComponent(".allervers")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.contains("store.sqlite") && names.contains("signing-key.pem"))
        for name in names {
            let mode = try #require(
                try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(name) has mode \(String(mode, radix: 8))")
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }
}
