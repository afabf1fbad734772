import Foundation
internal import TrainingCore
internal import TrainingExport
public import TrainingStore
internal import TrainingStorePostgres

/// What `store copy` did and checked on the copy.
public struct StoreCopyReport: Sendable {
    /// Where the records went (a folder, or a database URL without its password).
    public var target: String
    /// The rows copied, table by table.
    public var copied: CopyReport
    /// The attendance records and session events whose chains were recomputed on the copy.
    public var attendanceRecords: Int
    public var sessionEvents: Int
    /// The certificates whose signatures were checked on the copy.
    public var certificates: Int
    /// The key files copied beside the records (into a new folder), by name.
    public var keyFiles: [String]
}

/// Moving a workspace's records between SQLite and PostgreSQL.
public enum StoreCopy {
    /// Copies the records of the workspace at `source` into `target`: a PostgreSQL database
    /// (`postgres://…`, which must hold no records), or a folder that holds no workspace,
    /// which becomes one over SQLite with the source's key files. The copy is then checked
    /// where it landed: both hash chains recomputed, and every certificate's signed statement
    /// and credential verified as the source's issuer's. A new folder that fails is removed.
    public static func copy(from source: Workspace, to target: String) async throws -> StoreCopyReport {
        let from = try Stores.open(source)
        let issuer = try source.issuer()
        if Stores.isDatabaseURL(target) {
            // The source's keys check what lands; they sign nothing there.
            let to = Store(workspace: source, database: try PostgresStoreDatabase.open(try Stores.location(target)))
            let copied = try from.copyRecords(to: to)
            var report = try check(to, issuer: issuer, copied: copied)
            report.target = try Stores.location(target).description
            return report
        }
        let folder = Workspace(folder: URL(fileURLWithPath: target))
        guard !folder.exists else { throw CopyError("\(folder.folder.path) already holds a workspace: copy into a new folder") }
        let madeFolder = !FileManager.default.fileExists(atPath: folder.folder.path)
        let to = try Store.create(in: folder, organisation: nil)
        do {
            let copied = try from.copyRecords(to: to)
            var keys: [String] = []
            for url in [source.signingKeyURL, source.pdfSigningKeyURL, source.pdfSigningCertificateURL]
            where FileManager.default.fileExists(atPath: url.path) {
                let destination = folder.directory.appendingPathComponent(url.lastPathComponent)
                try FileManager.default.copyItem(at: url, to: destination)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: destination.path)
                keys.append(url.lastPathComponent)
            }
            var report = try check(to, issuer: issuer, copied: copied)
            report.target = folder.folder.path
            report.keyFiles = keys
            return report
        } catch {
            try? FileManager.default.removeItem(at: madeFolder ? folder.folder : folder.directory)
            throw error
        }
    }

    /// Recomputes the copy's chains and verifies each certificate's signatures.
    static func check(_ store: Store, issuer: IssuerKey, copied: CopyReport) throws -> StoreCopyReport {
        let chains = try store.verifyChains()
        if let problem = chains.problem { throw CopyError("the copy does not verify: \(problem)") }
        let certificates = try store.allCertificates()
        // A certificate erased past retention has no signed statement left to check.
        for certificate in certificates where certificate.erasedIn == nil {
            for token in [certificate.signedPayload] + (certificate.credential.map { [$0] } ?? []) {
                let statement: VerifiedStatement
                do { statement = try Verifier.verify(token: token) } catch {
                    throw CopyError("the copy of certificate \(certificate.number) does not verify: \(error)")
                }
                guard statement.issuer == issuer, statement.number == certificate.number else {
                    throw CopyError("the copy of certificate \(certificate.number) is not signed by this workspace's key")
                }
            }
        }
        return StoreCopyReport(
            target: "", copied: copied, attendanceRecords: chains.attendance.recordCount, sessionEvents: chains.sessions.recordCount,
            certificates: certificates.count, keyFiles: [])
    }
}
