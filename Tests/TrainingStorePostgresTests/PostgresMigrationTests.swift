import Foundation
import Logging
import PostgresNIO
import Testing
import TrainingStore
import TrainingStorePostgres

/// The PostgreSQL schema on a real server: `make test` starts a throw-away cluster on
/// loopback (scripts/with-postgres.sh) and names it in ALLERVERS_TEST_POSTGRES.
@Suite struct PostgresMigrationTests {
    let server: PostgresLocation
    let logger = Logger(label: "allervers.tests")

    init() throws {
        let url = try #require(
            ProcessInfo.processInfo.environment["ALLERVERS_TEST_POSTGRES"], "run through `make test`, which starts PostgreSQL")
        server = try #require(PostgresLocation(url: url))
    }

    /// A new, empty database on the test server, dropped when `body` ends.
    func withDatabase(_ body: (PostgresLocation) async throws -> Void) async throws {
        let name = "allervers_test_" + UUID().uuidString.prefix(8).lowercased()
        try await run(on: server, "CREATE DATABASE \(name)")
        do {
            try await body(server.database(name))
        } catch {
            _ = try? await run(on: server, "DROP DATABASE \(name)")
            throw error
        }
        try await run(on: server, "DROP DATABASE \(name)")
    }

    /// Runs one statement; returns the first column of each row as text.
    @discardableResult
    func run(on location: PostgresLocation, _ sql: String) async throws -> [String] {
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: nil, database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            var values: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                if let cell = row.first, let text = try? cell.decode(String.self) { values.append(text) }
            }
            try await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw error
        }
    }

    @Test func theSchemaHasTheSQLiteStoresMigrationsByNameAndAppliesEachOnce() async throws {
        try await withDatabase { database in
            let applied = try PostgresMigrations.migrate(database)
            #expect(applied == Store.migrationNames)
            #expect(try PostgresMigrations.migrate(database).isEmpty)
            let recorded = try await run(on: database, "SELECT identifier FROM allervers_migrations ORDER BY appliedAt, identifier")
            #expect(recorded.sorted() == Store.migrationNames.sorted())
        }
    }

    /// v10 on a store that PostgreSQL kept before it: the same move as SQLite's.
    @Test func employersTypedAsTextBecomeRecords() async throws {
        try await withDatabase { database in
            try PostgresMigrations.migrate(database, through: "v9 merge index and deferrable links")
            for (id, employer) in [("P-1", "'CCAS de Lyon'"), ("P-2", "'ccas  DE lyon'"), ("P-3", "'CCAS de Lyon'"), ("P-4", "NULL")] {
                try await run(
                    on: database,
                    "INSERT INTO participant (id, firstName, lastName, employer, createdAt) VALUES ('\(id)', 'A', 'B', \(employer), 'now')")
            }
            #expect(try PostgresMigrations.migrate(database) == Array(Store.migrationNames.drop { $0 != "v10 employers" }))
            #expect(try await run(on: database, "SELECT id || ' ' || name FROM employer") == ["E-0001 CCAS de Lyon"])
            #expect(
                try await run(on: database, "SELECT spelling FROM employerSpelling ORDER BY spelling") == ["CCAS de Lyon", "ccas  DE lyon"])
            #expect(
                try await run(on: database, "SELECT id || ' ' || coalesce(employerID, '-') FROM participant ORDER BY id")
                    == ["P-1 E-0001", "P-2 E-0001", "P-3 E-0001", "P-4 -"])
            #expect(
                try await run(
                    on: database,
                    "SELECT count(*)::text FROM information_schema.columns WHERE table_name = 'participant' AND column_name = 'employer'")
                    == ["0"])
        }
    }

    @Test func twoProcessesMigratingAtOnceApplyEachMigrationOnce() async throws {
        try await withDatabase { database in
            async let first = PostgresMigrations.migrate(database)
            async let second = PostgresMigrations.migrate(database)
            let (a, b) = try await (first, second)
            #expect((a + b).sorted() == Store.migrationNames.sorted())
        }
    }

    @Test func theDatabaseGuardsTheRecordsAsSQLiteDoes() async throws {
        try await withDatabase { database in
            try PostgresMigrations.migrate(database)
            try await run(
                on: database,
                "INSERT INTO sessionEvent VALUES (1, 'S', 'closed', '', 'Claire', '2026-03-13T17:00:00Z', '\(String(repeating: "0", count: 64))', '\(String(repeating: "a", count: 64))')"
            )
            await #expect(throws: (any Error).self) { try await run(on: database, "UPDATE sessionEvent SET detail = 'x'") }
            await #expect(throws: (any Error).self) { try await run(on: database, "DELETE FROM sessionEvent") }
            #expect(try await run(on: database, "SELECT detail FROM sessionEvent") == [""])
            await #expect(throws: (any Error).self) {
                try await run(
                    on: database,
                    "INSERT INTO organisation (id, name, address, declarationNumber, signatoryName, signatoryTitle) VALUES (1, 'I', 'A', '12', 'C', 'D')"
                )
            }
            await #expect(throws: (any Error).self) {
                try await run(
                    on: database,
                    "INSERT INTO course (id, version, language, title, summary, audience, durationMinutes, initialPositioning, assessmentMethods, minimumAttendancePercent, requiresPassedAssessment, groupMinimum, groupMaximum, accessibility, importedAt, modules) VALUES ('C', '1', 'fr', 'T', '', '', 60, '', '[]', 80, false, 1, 2, '', 'now', 'not json')"
                )
            }
        }
    }

    @Test func aLocationNeverPrintsItsPassword() throws {
        let location = try #require(PostgresLocation(url: "postgres://trainer:s3cret@db.example:5433/allervers"))
        #expect(location.description == "postgres://trainer@db.example:5433/allervers")
        #expect(!String(describing: location).contains("s3cret"))
        #expect(PostgresLocation(url: "postgres://db.example/allervers") == nil, "no user")
        #expect(PostgresLocation(url: "mysql://u@db.example/allervers") == nil)
        #expect(PostgresLocation(url: "postgres://u@db.example/") == nil, "no database")
    }
}
