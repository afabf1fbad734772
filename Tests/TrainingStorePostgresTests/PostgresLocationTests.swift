import Foundation
import Testing
import TrainingStorePostgres

/// Where a PostgreSQL store is, as a person types it: the password never shows, and what the
/// workspace writes down reads back as the same place.
@Suite struct PostgresLocationTests {
    @Test func thePasswordNeverShowsAndTheLocationReadsBack() throws {
        let location = try #require(PostgresLocation(url: "postgres://a%40b:s3cret@db.example.org:6543/formations", environment: [:]))
        #expect(location.user == "a@b" && location.host == "db.example.org" && location.port == 6543)
        #expect(!location.description.contains("s3cret"))
        // What the workspace writes down names the same place.
        let back = try #require(PostgresLocation(url: location.description, environment: [:]))
        #expect([back.user, back.host, back.database] == [location.user, location.host, location.database])
        #expect(back.port == location.port && back.tlsMode == location.tlsMode)
    }

    @Test(arguments: [
        ("postgres://me:se#cret@db/x", "se#cret"), ("postgres://me:a/b@c@db/x", "a/b@c"), ("postgres://me:pw@db/x", "pw"),
    ])
    func aURLIsShownWithoutItsPasswordEvenWhenItDoesNotParse(url: String, password: String) {
        #expect(!PostgresLocation.withoutPassword(url).contains(password), "\(PostgresLocation.withoutPassword(url))")
        #expect(PostgresLocation.withoutPassword(url).hasPrefix("postgres://"))
    }

    @Test func sslmodeIsLibpqs() throws {
        #expect(PostgresLocation(url: "postgres://me@db/x", environment: [:])?.tlsMode == .prefer)
        #expect(PostgresLocation(url: "postgres://me@db/x?sslmode=require", environment: [:])?.tlsMode == .require)
        #expect(PostgresLocation(url: "postgres://me@db/x", environment: ["PGSSLMODE": "disable"])?.tlsMode == .disable)
        #expect(PostgresLocation(url: "postgres://me@db/x?sslmode=verify-full", environment: [:])?.tlsMode == .verifyFull)
        #expect(PostgresLocation(url: "postgres://me@db/x?sslmode=maybe", environment: [:]) == nil)
        let strict = try #require(PostgresLocation(url: "postgres://me@db/x?sslmode=require", environment: [:]))
        #expect(PostgresLocation(url: strict.description, environment: [:])?.tlsMode == .require)
    }

    @Test func thePasswordComesFromThePassFileOnlyWhenNobodyElseCanReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass")
        try Data("# comment\nother:5432:*:me:wrong\ndb:5432:x:me:pa\\:ss\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let environment = ["PGPASSFILE": file.path]
        let found = try #require(PostgresLocation(url: "postgres://me@db/x", environment: environment))
        #expect(found != PostgresLocation(url: "postgres://me@db/x", environment: [:]), "the pass file gives a password")
        #expect(found == PostgresLocation(url: "postgres://me:pa:ss@db/x", environment: [:]))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(
            PostgresLocation(url: "postgres://me@db/x", environment: environment)
                == PostgresLocation(url: "postgres://me@db/x", environment: [:]))
    }
}
