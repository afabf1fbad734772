import Foundation
internal import GRDB
public import TrainingCore

/// The workspace's database: courses, and the organisation identity documents carry.
///
/// SQLite through GRDB, in WAL mode with foreign keys on. Each public method is one
/// transaction. The file and its WAL are readable by their owner only.
///
/// ```swift
/// let store = try Store.create(in: Workspace(folder: folder), organisation: identity)
/// let courses = try store.courseSummaries()
/// ```
public final class Store: Sendable {
    /// The workspace this store belongs to.
    public let workspace: Workspace
    let database: any SQLDatabase
    /// Writes from concurrent tasks committed together (a server's signatures).
    let commits: GroupCommit

    /// A store over another database (PostgreSQL), with the workspace folder that holds its keys.
    public init(workspace: Workspace, database: any SQLDatabase) {
        self.workspace = workspace
        self.database = database
        commits = GroupCommit(database)
    }

    /// Creates the workspace's folder and store, migrated, and records the organisation.
    public static func create(in workspace: Workspace, organisation: Organisation?) throws -> Store {
        let manager = FileManager.default
        try workspace.create()
        let path = workspace.storeURL.path
        // SQLite gives the WAL and shared-memory files the mode of the database file, so
        // creating it owner-only here keeps all three private.
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw WorkspaceError.unusable(path: path, reason: "cannot create the file")
        }
        let store = try open(workspace)
        if let organisation { try store.setOrganisation(organisation) }
        return store
    }

    /// Opens the store of an existing workspace, migrating it to this version's schema.
    /// `readers` read-only connections read beside the one that writes: for a server, which
    /// reads for some requests while it commits for others.
    public static func open(_ workspace: Workspace, readers: Int = 0) throws -> Store {
        let path = workspace.storeURL.path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "allervers"
        // WAL is set here rather than with GRDB's `journalMode = .wal` or a DatabasePool:
        // those write a table into the file on every open (so that the WAL is never empty),
        // and a command that changes nothing, or fails, must leave the file unchanged.
        // Switching an existing WAL database to WAL writes nothing. FULL, not GRDB's NORMAL:
        // these records prove that a training took place, and a power cut must not lose one.
        //
        // The page size takes effect only in a new, empty store, before WAL is on; elsewhere
        // it changes nothing. 16 KiB rather than SQLite's 4 KiB: a course row of a few
        // kilobytes then fits in its page instead of a chain of overflow pages (storing
        // 44,000 courses took about a fifth less time), while a transaction that records
        // one half-day's marks still writes only a few pages.
        //
        // No memory-mapped reads: pages read through a map count in the process's resident
        // memory, which then grows with the store (225 MB to re-import a 213 MiB catalogue),
        // and reading through SQLite's own cache measured the same.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        }
        do {
            let database = try openSQLite(path, configuration)
            // Migrating takes a write transaction even when there is nothing to do, and that
            // touches the file: a read-only command, or one that fails, must leave it unchanged.
            if try !database.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(database)
            }
            // Opened after the writer, which has made the WAL's files that a read-only
            // connection needs.
            var reading = Configuration()
            reading.readonly = true
            reading.busyMode = .timeout(10)
            reading.label = "allervers-reader"
            let readers = try (0..<readers).map { _ in try openSQLite(path, reading) }
            return Store(workspace: workspace, database: SQLiteDatabase(queue: database, path: path, readers: readers))
        } catch let error as DatabaseError {
            throw WorkspaceError.unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The organisation identity, or `nil` when none was recorded.
    public func organisation() throws -> Organisation? {
        try database.read { db in try Self.organisation(db) }
    }

    static func organisation(_ db: any SQLConnection) throws -> Organisation? {
        guard let row = try db.row(sql: "SELECT * FROM organisation WHERE id = 1") else { return nil }
        return try? Organisation(
            name: row["name"], address: row["address"], declarationNumber: row["declarationNumber"], signatoryName: row["signatoryName"],
            signatoryTitle: row["signatoryTitle"], certificatePrefix: row["certificatePrefix"], publicAddress: row["publicAddress"],
            siret: row["siret"])
    }

    /// Records the organisation identity, replacing any earlier one.
    public func setOrganisation(_ organisation: Organisation) throws {
        try database.write { db in try Self.setOrganisation(organisation, db) }
    }

    static func setOrganisation(_ organisation: Organisation, _ db: any SQLConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO organisation (
                    id, name, address, declarationNumber, signatoryName, signatoryTitle, certificatePrefix, publicAddress, siret)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
                    declarationNumber = excluded.declarationNumber, signatoryName = excluded.signatoryName,
                    signatoryTitle = excluded.signatoryTitle, certificatePrefix = excluded.certificatePrefix,
                    publicAddress = excluded.publicAddress, siret = excluded.siret
                """,
            arguments: [
                organisation.name, organisation.address, organisation.declarationNumber, organisation.signatoryName,
                organisation.signatoryTitle, organisation.certificatePrefix, organisation.publicAddress, organisation.siret,
            ])
    }
}
