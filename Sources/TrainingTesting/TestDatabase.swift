public import Foundation
public import TrainingCore
internal import TrainingService
public import TrainingStore
internal import TrainingStorePostgres

/// The database the store tests run against: SQLite, or, when `make test` runs the suite a
/// second time with `ALLERVERS_TEST_DATABASE=postgres`, the PostgreSQL server it started
/// (`ALLERVERS_TEST_POSTGRES`). One test body, either store.
public enum TestDatabase: String, Sendable {
    case sqlite
    case postgres

    /// The database of this run.
    public static let current: TestDatabase =
        ProcessInfo.processInfo.environment["ALLERVERS_TEST_DATABASE"].flatMap(TestDatabase.init(rawValue:)) ?? .sqlite

    /// The PostgreSQL server `make test` started.
    public static var server: String? { ProcessInfo.processInfo.environment["ALLERVERS_TEST_POSTGRES"] }

    /// A new, empty PostgreSQL database on the test server, as a URL; `nil` when this run is on SQLite.
    public static func freshDatabaseURL() throws -> String? {
        guard current == .postgres else { return nil }
        return try newPostgresDatabase()
    }

    /// A new, empty database on the PostgreSQL server `make test` started, whichever database this run is on.
    public static func newPostgresDatabase() throws -> String {
        guard let server, let location = PostgresLocation(url: server) else {
            throw WorkspaceError.unusable(path: "ALLERVERS_TEST_POSTGRES", reason: "run through `make test`, which starts PostgreSQL")
        }
        let name = newDatabaseName()
        try location.administer("CREATE DATABASE \(name)")
        return location.database(name).description
    }

    /// A name no test database has yet.
    static func newDatabaseName() -> String {
        "allervers_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// A new workspace in `folder`, its records in this run's database.
    public static func createStore(in folder: URL, organisation: Organisation?) throws -> Store {
        try Stores.create(in: Workspace(folder: folder), databaseURL: try freshDatabaseURL(), organisation: organisation).store
    }
}

extension TestDatabase {
    /// What the workspace in `folder` holds, to compare before and after a command that must
    /// change nothing: the SQLite file's bytes, or every row of the PostgreSQL database as
    /// `pg_dump` writes them.
    public static func contents(ofWorkspaceAt folder: URL) throws -> Data {
        let workspace = Workspace(folder: folder)
        guard let url = try workspace.databaseLocation() else { return try Data(contentsOf: workspace.storeURL) }
        let dumped = try run(try postgresTool("pg_dump"), ["--data-only", "--no-owner", url], errors: false)
        guard dumped.status == 0 else { throw WorkspaceError.unusable(path: url, reason: dumped.output) }
        // pg_dump marks each dump with a random key (`\restrict`), which is not the store's;
        // and a sequence's next value is not a record: PostgreSQL advances it even in a
        // transaction that is rolled back (a refused import), by design.
        let rows = dumped.output.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict") && !$0.hasPrefix("SELECT pg_catalog.setval(")
        }
        return Data(rows.joined(separator: "\n").utf8)
    }

    /// Runs SQL on the workspace's database behind the tool's back, as a person with
    /// `sqlite3` or `psql` would: `sqlite` or `postgres`, whichever this run's database speaks.
    public static func edit(workspaceAt folder: URL, sqlite: String, postgres: String) throws -> (status: Int32, output: String) {
        let workspace = Workspace(folder: folder)
        if let url = try workspace.databaseLocation() {
            return try run(try postgresTool("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", postgres, url])
        }
        return try run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [workspace.storeURL.path, sqlite])
    }

    /// A program of the installed PostgreSQL (`psql`, `pg_dump`).
    static func postgresTool(_ name: String) throws -> URL {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let url = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin/\(name)")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw WorkspaceError.unusable(path: name, reason: "PostgreSQL's \(name) is missing: make deps installs it")
    }

    /// Runs a program; its output is its standard output, and its errors too unless `errors` is false.
    static func run(_ program: URL, _ arguments: [String], errors: Bool = true) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = errors ? pipe : FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension TestDatabase {
    /// The first column of a query's rows, one per line, as `sqlite3` or `psql -At` prints them.
    public static func query(workspaceAt folder: URL, _ sql: String) throws -> String {
        let workspace = Workspace(folder: folder)
        let result =
            if let url = try workspace.databaseLocation() {
                try run(try postgresTool("psql"), ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql, url])
            } else {
                try run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [workspace.storeURL.path, sql])
            }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies the workspace in `source` to `destination`: its folder, and, for a PostgreSQL
    /// store, its database as a new one (`CREATE DATABASE … TEMPLATE`), which the copy names.
    public static func copyWorkspace(from source: URL, to destination: URL) throws {
        let from = Workspace(folder: source)
        let to = Workspace(folder: destination)
        try FileManager.default.copyItem(at: from.directory, to: to.directory)
        guard let url = try from.databaseLocation(), let location = PostgresLocation(url: url), let server else { return }
        let name = newDatabaseName()
        try PostgresLocation(url: server)?.administer("CREATE DATABASE \(name) TEMPLATE \(location.database)")
        try Data((location.database(name).description + "\n").utf8).write(to: to.databaseLocationURL)
    }
}
