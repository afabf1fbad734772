import Foundation
public import TrainingCore
public import TrainingStore
internal import TrainingStorePostgres

/// Opens a workspace's store over the database it lives in: the SQLite file in its folder,
/// or the PostgreSQL database named by `--store postgres://…`, `ALLERVERS_STORE` or the
/// workspace's `store-location` file. The workspace folder keeps the signing keys either way.
public enum Stores {
    /// Whether a `--store` value names a PostgreSQL database rather than a folder.
    public static func isDatabaseURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The workspace's store; with `readers` read-only connections beside the writer when it
    /// is an SQLite file (a PostgreSQL store reads and writes on its one connection).
    public static func open(_ workspace: Workspace, readers: Int = 0) throws -> Store {
        if let url = try workspace.databaseLocation() { return try open(url, keys: workspace) }
        return try Store.open(workspace, readers: readers)
    }

    /// The store in the PostgreSQL database at `url`, with the keys of `workspace`, which
    /// must not be a workspace of another database (its keys would sign for the wrong records).
    public static func open(_ url: String, keys workspace: Workspace) throws -> Store {
        let location = try location(url)
        if let named = try workspace.databaseLocation(), let other = PostgresLocation(url: named, environment: [:]),
            [other.host, String(other.port), other.database] != [location.host, String(location.port), location.database]
        {
            throw WorkspaceError.unusable(
                path: location.description,
                reason:
                    "the workspace in \(workspace.folder.path), whose keys would sign, keeps its records in \(other): run the command from a workspace of this database"
            )
        }
        return Store(workspace: workspace, database: try PostgresStoreDatabase.open(location))
    }

    /// Creates a workspace: its folder and keys, with its records in a new SQLite file, or in
    /// the PostgreSQL database at `databaseURL`. Returns the store, and whether the database
    /// already held an organisation's records (a second workspace attached to a shared store).
    public static func create(
        in workspace: Workspace, databaseURL: String?, organisation: Organisation?
    ) throws -> (store: Store, attached: Bool) {
        guard let databaseURL else { return (try Store.create(in: workspace, organisation: organisation), false) }
        let location = try location(databaseURL)
        let database = try PostgresStoreDatabase.open(location)
        let store = Store(workspace: workspace, database: database)
        // A database that was an AllerVers store before this command is joined, even empty:
        // the workspace that made it has the organisation's keys.
        let attached = try database.appliedOnOpen.isEmpty || store.holdsRecords
        try workspace.create(databaseLocation: location.description)
        if let organisation, !attached { try store.setOrganisation(organisation) }
        return (store, attached)
    }

    static func location(_ url: String) throws -> PostgresLocation {
        guard let location = PostgresLocation(url: url) else {
            throw WorkspaceError.unusable(
                path: PostgresLocation.withoutPassword(url), reason: "not a postgres://USER@HOST[:PORT]/DATABASE address")
        }
        return location
    }
}
