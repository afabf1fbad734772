public import Foundation
internal import GRDB
public import TrainingCore

/// What a restore found in a snapshot and put back.
public struct RestoreReport: Sendable, Hashable {
    /// The attendance records whose chain was checked.
    public var attendanceRecords: Int
    /// The session events whose chain was checked.
    public var sessionEvents: Int
    /// The certificates in the snapshot.
    public var certificates: Int
    /// The key files the snapshot carried and were put back, by name.
    public var keyFiles: [String]
}

/// Why a snapshot could not be written or restored.
public struct BackupError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

extension Store {
    /// Writes a consistent snapshot of the store to a new file while others may be writing
    /// (SQLite's online backup, read in one transaction), with `keyFiles` (name and bytes)
    /// inside it when given. The file is readable by its owner only.
    public func backup(to destination: URL, keyFiles: [(name: String, contents: Data)] = []) throws {
        let manager = FileManager.default
        guard let sqlite = database as? SQLiteDatabase else {
            throw BackupError("a PostgreSQL store is backed up by its server (pg_dump), or copied with `allervers store copy`")
        }
        guard !manager.fileExists(atPath: destination.path) else {
            throw BackupError("\(destination.path) already exists: back up to a new file")
        }
        let staging = destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(getpid()).partial")
        guard manager.createFile(atPath: staging.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BackupError("\(destination.path): cannot create the file")
        }
        do {
            try sqlite.phrasingErrors {
                let copy = try openSQLite(staging.path)
                try sqlite.queue.backup(to: copy)
                try copy.write { db in
                    try db.execute(sql: "CREATE TABLE backupKeyFile (name TEXT PRIMARY KEY, contents BLOB NOT NULL)")
                    for file in keyFiles {
                        try db.execute(
                            sql: "INSERT INTO backupKeyFile (name, contents) VALUES (?, ?)", arguments: [file.name, file.contents])
                    }
                }
                // One self-contained file: no WAL beside it.
                try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
                try copy.close()
            }
            // A hard link, unlike a rename, never replaces a file that appeared meanwhile; a
            // USB stick's FAT or exFAT has no hard links, and there a rename after one more
            // look is the best there is.
            if link(staging.path, destination.path) == 0 {
                unlink(staging.path)
            } else if errno == EEXIST || manager.fileExists(atPath: destination.path) {
                throw BackupError("\(destination.path) already exists: back up to a new file")
            } else if rename(staging.path, destination.path) != 0 {
                throw BackupError("\(destination.path): cannot write the file")
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Restores a snapshot written by ``backup(to:keyFiles:)`` into `workspace`, which must
    /// not exist yet. The snapshot must pass SQLite's integrity check and its logs' hash
    /// chains; the workspace appears whole, with its key files owner-only, or not at all.
    @discardableResult
    public static func restore(from source: URL, into workspace: Workspace) throws -> RestoreReport {
        let manager = FileManager.default
        guard manager.fileExists(atPath: source.path) else { throw BackupError("\(source.path): the file does not exist") }
        guard !manager.fileExists(atPath: workspace.directory.path) else {
            throw WorkspaceError.alreadyExists(workspace.folder.path + " (restore into a folder without one; nothing was overwritten)")
        }
        let madeFolder = !manager.fileExists(atPath: workspace.folder.path)
        do { try manager.createDirectory(at: workspace.folder, withIntermediateDirectories: true) } catch {
            throw BackupError("\(workspace.folder.path): cannot create the folder")
        }
        let staging = Workspace(
            folder: workspace.folder.appendingPathComponent(".allervers-restore-\(getpid())-\(UUID().uuidString.prefix(8))"))
        do {
            try manager.createDirectory(at: staging.directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            do {
                try manager.copyItem(at: source, to: staging.storeURL)
                try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: staging.storeURL.path)
            } catch { throw BackupError("\(workspace.folder.path): cannot write there") }
            let keyFiles = try checkedSnapshot(staging.storeURL, named: source.path)
            let store = try open(staging)
            let chains = try store.verifyChains()
            if let problem = chains.problem {
                throw BackupError("\(source.path): the snapshot's records do not verify: \(problem)")
            }
            let certificates = try store.database.read { db in try db.one(Int.self, sql: "SELECT count(*) FROM certificate") ?? 0 }
            // Closed before the move, so that SQLite's WAL files go with the store, not stay behind.
            try (store.database as? SQLiteDatabase)?.queue.close()
            for (name, contents) in keyFiles {
                let url = staging.directory.appendingPathComponent(name)
                guard manager.createFile(atPath: url.path, contents: contents, attributes: [.posixPermissions: 0o600]) else {
                    throw BackupError("\(url.path): cannot write the key")
                }
            }
            guard rename(staging.directory.path, workspace.directory.path) == 0 else {
                throw BackupError("\(workspace.directory.path): cannot put the restored workspace in place")
            }
            try? manager.removeItem(at: staging.folder)
            return RestoreReport(
                attendanceRecords: chains.attendance.recordCount, sessionEvents: chains.sessions.recordCount, certificates: certificates,
                keyFiles: keyFiles.map(\.name).sorted())
        } catch {
            try? manager.removeItem(at: staging.folder)
            if madeFolder { try? manager.removeItem(at: workspace.folder) }
            throw error
        }
    }

    /// Checks a snapshot's copy (integrity, an AllerVers store, no migration newer than this
    /// version), takes its key files out of it and returns them.
    private static func checkedSnapshot(_ url: URL, named name: String) throws -> [(name: String, contents: Data)] {
        do {
            let queue = try openSQLite(url.path)
            defer { try? queue.close() }
            return try queue.write { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw BackupError(
                        "\(name): the snapshot fails SQLite's integrity check (\(integrity.prefix(2).joined(separator: "; ")))")
                }
                guard try db.tableExists("grdb_migrations"), try db.tableExists("backupKeyFile") else {
                    throw BackupError("\(name) is not an AllerVers snapshot (write one with `allervers backup --to FILE`)")
                }
                let known = Set(migrator.migrations)
                if let unknown = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").first(where: { !known.contains($0) }
                ) {
                    throw BackupError("\(name) was written by a newer AllerVers (migration \"\(unknown)\"): restore it with that version")
                }
                let files = try Row.fetchAll(db, sql: "SELECT name, contents FROM backupKeyFile ORDER BY name").map {
                    (name: $0["name"] as String, contents: $0["contents"] as Data)
                }
                guard
                    files.allSatisfy({
                        !$0.name.contains("/") && !$0.name.hasPrefix(".") && ($0.name.hasSuffix(".pem") || $0.name.hasSuffix(".der"))
                    })
                else { throw BackupError("\(name): the snapshot names a key file outside the workspace") }
                try db.execute(sql: "DROP TABLE backupKeyFile")
                return files
            }
        } catch let error as DatabaseError {
            throw BackupError("\(name) is not a readable AllerVers snapshot (\(error.message ?? "\(error.resultCode)"))")
        }
    }
}
