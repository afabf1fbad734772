import Crypto
import Foundation
import Testing
import TrainingTesting

/// The audit pack: a folder for a Qualiopi auditor, the same bytes for the same period, every
/// file under its SHA-256, an index that opens in a browser with every link resolving.
@Suite struct AuditPackTests {
    /// The BPF's data set, with a follow-up of P-0005's absence, and its pack of 2026.
    static func packed() async throws -> (workspace: TemporaryFolder, pack: URL) {
        let workspace = try await BPFTests.dataSet()
        let store = workspace.url.path
        let followed = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--on", "2026-03-13", "--note", "Malade ; rattrapage en mai", "--store", store)
        try #require(followed.exitCode == 0, "\(followed.error)")
        let pack = workspace.url.appendingPathComponent("audit-2026")
        let made = await allervers("audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "--out", pack.path, "--store", store)
        try #require(made.exitCode == 0, "\(made.error)")
        return (workspace, pack)
    }

    static func files(in folder: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return enumerator.compactMap { $0 as? String }.filter { path in
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &directory)
                && !directory.boolValue
        }.sorted()
    }

    @Test func thePackIsTheSameEachTimeAndEveryFileHasItsHash() async throws {
        let (workspace, pack) = try await Self.packed()
        let files = try Self.files(in: pack)
        for expected in [
            "index.html", "index.pdf", "SHA256SUMS", "1-programmes/AV-FOND-1.0.xml", "2-rates/rates.csv", "9-delivery/sessions.csv",
            "8-11-results/LYON.csv", "12-follow-up/follow-ups.csv", "12-follow-up/absences-without-follow-up.csv",
            "sessions/LYON/sign-in-sheets.pdf", "sessions/SOUS/attendance.csv", "sessions/CROSS/hours.csv",
        ] {
            #expect(files.contains(expected), "\(expected) not in \(files)")
        }
        // Every file but SHA256SUMS is listed with its SHA-256.
        let sums = try String(contentsOf: pack.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let listed = sums.split(separator: "\n").map { line in (String(line.prefix(64)), String(line.dropFirst(66))) }
        #expect(listed.map(\.1).sorted() == files.filter { $0 != "SHA256SUMS" }, "\(sums)")
        for (hash, path) in listed {
            let data = try Data(contentsOf: pack.appendingPathComponent(path))
            #expect(SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() == hash, "\(path)")
        }
        let followUps = try String(contentsOf: pack.appendingPathComponent("12-follow-up/follow-ups.csv"), encoding: .utf8)
        #expect(followUps.contains("LYON;P-0005;2026-03-13-am;call;2026-03-13;Claire Martin;Malade ; rattrapage en mai") == false)
        #expect(
            followUps.contains("LYON;P-0005;2026-03-13-am;call;2026-03-13;Claire Martin;\"Malade ; rattrapage en mai\""), "\(followUps)")

        // Made again: byte for byte the same.
        let again = workspace.url.appendingPathComponent("audit-2026-again")
        let made = await allervers(
            "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "--out", again.path, "--store", workspace.url.path)
        #expect(made.exitCode == 0, "\(made.error)")
        #expect(try Self.files(in: again) == files)
        for path in files {
            #expect(
                try Data(contentsOf: again.appendingPathComponent(path)) == Data(contentsOf: pack.appendingPathComponent(path)), "\(path)")
        }
    }

    @Test func aFolderNotEmptyIsRefused() async throws {
        let (workspace, pack) = try await Self.packed()
        let before = try Self.files(in: pack)
        let refused = await allervers(
            "audit-pack", "--from", "2026-01-01", "--to", "2026-06-30", "--out", pack.path, "--store", workspace.url.path)
        #expect(refused.exitCode == 1)
        #expect(refused.error.contains("the folder is not empty"), "\(refused.error)")
        #expect(try Self.files(in: pack) == before)
    }
}
