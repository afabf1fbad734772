public import Foundation
internal import Logging
internal import PostgresNIO

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`. The
/// password comes from the URL or `PGPASSWORD`; it is never printed.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The server's host.
    public var host: String
    /// Its port.
    public var port: Int
    /// The user.
    public var user: String
    /// The database.
    public var database: String
    private var password: String?

    /// The location a URL names, or `nil` when it is not a `postgres://` URL with a user and a database.
    public init?(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""), let host = url.host,
            !host.isEmpty, let user = url.user, !user.isEmpty
        else { return nil }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.database = database
        self.password =
            url.password ?? environment["PGPASSWORD"]
            ?? Self.passFilePassword(host: host, port: url.port ?? 5432, database: database, user: user, environment: environment)
    }

    /// The URL without its password, for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// A text that may be a URL with a password, without it, for messages.
    public static func withoutPassword(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = nil
        return url.string ?? "the given address"
    }

    /// The same server, another database.
    public func database(_ name: String) -> PostgresLocation {
        var other = self
        other.database = name
        return other
    }

    /// The password a pass file gives (`PGPASSFILE`, or `~/.pgpass`): lines
    /// `host:port:database:user:password`, `*` matching anything, the first match winning.
    /// Like libpq, a file others can read is ignored.
    static func passFilePassword(host: String, port: Int, database: String, user: String, environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }
}

/// A PostgreSQL store that could not be reached or migrated, naming it without its password.
public struct PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as one sentence.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The PostgreSQL store's schema: the same migrations as the SQLite store's, named alike and
/// append-only, each in its own transaction. A PostgreSQL store starts empty, so where the
/// SQLite history moved data (v5 turned five course tables into JSON columns), the
/// PostgreSQL migration creates the shape that history ended with.
public enum PostgresMigrations {
    /// Each migration's name and statements, in order. Released ones are never edited.
    public static let migrations: [(name: String, statements: [String])] = [
        (
            "v1 organisation and courses",
            [
                """
                CREATE FUNCTION allervers_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$
                """,
                """
                CREATE TABLE organisation (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL CHECK (name <> ''),
                    address TEXT NOT NULL CHECK (address <> ''),
                    declarationNumber TEXT NOT NULL CHECK (declarationNumber ~ '^[0-9]{11}$'),
                    signatoryName TEXT NOT NULL CHECK (signatoryName <> ''),
                    signatoryTitle TEXT NOT NULL CHECK (signatoryTitle <> ''))
                """,
                """
                CREATE TABLE course (
                    rowID BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    id TEXT NOT NULL CHECK (id <> ''),
                    version TEXT NOT NULL CHECK (version <> ''),
                    language TEXT NOT NULL,
                    title TEXT NOT NULL CHECK (title <> ''),
                    summary TEXT NOT NULL,
                    audience TEXT NOT NULL,
                    durationMinutes INTEGER NOT NULL CHECK (durationMinutes > 0),
                    initialPositioning TEXT NOT NULL,
                    assessmentMethods TEXT NOT NULL,
                    minimumAttendancePercent INTEGER NOT NULL CHECK (minimumAttendancePercent BETWEEN 0 AND 100),
                    requiresPassedAssessment BOOLEAN NOT NULL,
                    validityMonths INTEGER CHECK (validityMonths IS NULL OR validityMonths >= 1),
                    refresherCourseID TEXT CHECK (refresherCourseID IS NULL OR validityMonths IS NOT NULL),
                    groupMinimum INTEGER NOT NULL,
                    groupMaximum INTEGER NOT NULL,
                    accessibility TEXT NOT NULL,
                    importedAt TEXT NOT NULL,
                    UNIQUE (id, version),
                    CHECK (groupMinimum BETWEEN 1 AND groupMaximum))
                """,
            ]
        ),
        (
            "v2 sessions, participants, enrolments and attendance",
            [
                """
                CREATE TABLE session (
                    id TEXT PRIMARY KEY CHECK (id <> ''),
                    courseRowID BIGINT NOT NULL REFERENCES course(rowID) ON DELETE RESTRICT,
                    timeZone TEXT NOT NULL,
                    placeKind TEXT NOT NULL CHECK (placeKind IN ('room', 'site')),
                    placeName TEXT NOT NULL CHECK (placeName <> ''),
                    placeDetail TEXT NOT NULL,
                    capacity INTEGER NOT NULL CHECK (capacity >= 1),
                    funder TEXT,
                    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'closed', 'cancelled')),
                    createdAt TEXT NOT NULL)
                """,
                """
                CREATE TABLE sessionTrainer (
                    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL CHECK (name <> ''),
                    PRIMARY KEY (sessionID, position))
                """,
                "CREATE INDEX sessionTrainerByName ON sessionTrainer(name)",
                """
                CREATE TABLE sessionSlot (
                    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    startTime TEXT NOT NULL,
                    endTime TEXT NOT NULL,
                    startsAt TEXT NOT NULL,
                    endsAt TEXT NOT NULL CHECK (endsAt > startsAt),
                    modules TEXT NOT NULL,
                    PRIMARY KEY (sessionID, id))
                """,
                "CREATE INDEX sessionSlotByTime ON sessionSlot(startsAt, endsAt)",
                """
                CREATE TABLE participant (
                    id TEXT PRIMARY KEY CHECK (id <> ''),
                    firstName TEXT NOT NULL CHECK (firstName <> ''),
                    lastName TEXT NOT NULL CHECK (lastName <> ''),
                    email TEXT,
                    profession TEXT,
                    employer TEXT,
                    hireDate TEXT,
                    externalID TEXT UNIQUE,
                    createdAt TEXT NOT NULL)
                """,
                // SQLite's COLLATE NOCASE on a unique email: one index on its lower case.
                "CREATE UNIQUE INDEX participantByEmail ON participant (lower(email))",
                """
                CREATE TABLE enrolment (
                    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    participantID TEXT NOT NULL REFERENCES participant(id) ON DELETE RESTRICT,
                    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn')),
                    experienceConfirmed BOOLEAN NOT NULL DEFAULT FALSE,
                    queuedAt INTEGER NOT NULL,
                    PRIMARY KEY (sessionID, participantID))
                """,
                "CREATE INDEX enrolmentByParticipant ON enrolment(participantID)",
                """
                CREATE TABLE attendanceEvent (
                    sequence BIGINT PRIMARY KEY,
                    sessionID TEXT NOT NULL,
                    slotID TEXT NOT NULL,
                    participantID TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
                    minutesLate INTEGER NOT NULL CHECK (minutesLate >= 0),
                    minutesLeftEarly INTEGER NOT NULL CHECK (minutesLeftEarly >= 0),
                    reason TEXT,
                    recordedBy TEXT NOT NULL,
                    recordedAt TEXT NOT NULL,
                    source TEXT NOT NULL,
                    previousHash TEXT NOT NULL,
                    hash TEXT NOT NULL CHECK (length(hash) = 64),
                    FOREIGN KEY (sessionID, slotID) REFERENCES sessionSlot(sessionID, id),
                    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID))
                """,
                "CREATE INDEX attendanceEventBySlot ON attendanceEvent(sessionID, participantID, slotID, sequence)",
                """
                CREATE TRIGGER attendanceEventIsAppendOnlyOnUpdate BEFORE UPDATE ON attendanceEvent
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('attendance records are never changed: record a correction')
                """,
                """
                CREATE TRIGGER attendanceEventIsAppendOnlyOnDelete BEFORE DELETE ON attendanceEvent
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('attendance records are never deleted: record a correction')
                """,
                "CREATE TABLE attendanceChain (id INTEGER PRIMARY KEY CHECK (id = 1), count BIGINT NOT NULL, lastHash TEXT NOT NULL)",
            ]
        ),
        (
            "v3 module progress and objective results",
            [
                """
                CREATE TABLE moduleProgress (
                    sequence BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    sessionID TEXT NOT NULL,
                    participantID TEXT NOT NULL,
                    moduleID TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed')),
                    recordedBy TEXT NOT NULL,
                    recordedAt TEXT NOT NULL,
                    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID))
                """,
                "CREATE INDEX moduleProgressByParticipant ON moduleProgress(sessionID, participantID, moduleID, sequence)",
                """
                CREATE TABLE objectiveResult (
                    sequence BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    sessionID TEXT NOT NULL,
                    participantID TEXT NOT NULL,
                    objectiveID TEXT NOT NULL,
                    phase TEXT NOT NULL CHECK (phase IN ('positioning', 'assessment')),
                    level TEXT CHECK (level IN ('acquired', 'partly-acquired', 'not-acquired')),
                    score INTEGER CHECK (score BETWEEN 0 AND 100),
                    recordedBy TEXT NOT NULL,
                    recordedAt TEXT NOT NULL,
                    CHECK (level IS NOT NULL OR score IS NOT NULL),
                    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID))
                """,
                "CREATE INDEX objectiveResultByParticipant ON objectiveResult(sessionID, participantID, objectiveID, phase, sequence)",
                """
                CREATE TRIGGER moduleProgressIsAppendOnly BEFORE UPDATE ON moduleProgress
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('progress records are never changed: record the new state')
                """,
                """
                CREATE TRIGGER objectiveResultIsAppendOnly BEFORE UPDATE ON objectiveResult
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('results are never changed: record the new result')
                """,
            ]
        ),
        (
            "v4 certificates",
            [
                """
                ALTER TABLE organisation ADD COLUMN certificatePrefix TEXT NOT NULL DEFAULT 'AV'
                    CHECK (certificatePrefix ~ '^[A-Z0-9]{1,10}$')
                """,
                """
                CREATE TABLE certificate (
                    number TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    sequence INTEGER NOT NULL CHECK (sequence >= 1),
                    sessionID TEXT NOT NULL REFERENCES session(id),
                    participantID TEXT NOT NULL REFERENCES participant(id),
                    courseRowID BIGINT NOT NULL REFERENCES course(rowID),
                    eligible BOOLEAN NOT NULL,
                    reasons TEXT NOT NULL,
                    attendedMinutes INTEGER NOT NULL CHECK (attendedMinutes >= 0),
                    plannedMinutes INTEGER NOT NULL CHECK (plannedMinutes >= 0),
                    firstDay TEXT NOT NULL,
                    lastDay TEXT NOT NULL,
                    issuedOn TEXT NOT NULL,
                    validUntil TEXT CHECK (validUntil IS NULL OR eligible),
                    replaces TEXT UNIQUE REFERENCES certificate(number),
                    signedPayload TEXT NOT NULL,
                    credential TEXT CHECK ((credential IS NOT NULL) = eligible),
                    issuedBy TEXT NOT NULL,
                    issuedAt TEXT NOT NULL,
                    UNIQUE (year, sequence))
                """,
                "CREATE INDEX certificateBySession ON certificate(sessionID, participantID)",
                """
                CREATE TRIGGER certificateIsWrittenOnceOnUpdate BEFORE UPDATE ON certificate
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('certificates are never changed: revoke and reissue')
                """,
                """
                CREATE TRIGGER certificateIsWrittenOnceOnDelete BEFORE DELETE ON certificate
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('certificates are never deleted: revoke them')
                """,
                """
                CREATE TABLE certificateRevocation (
                    number TEXT PRIMARY KEY REFERENCES certificate(number),
                    reason TEXT NOT NULL CHECK (reason <> ''),
                    replacedBy TEXT UNIQUE REFERENCES certificate(number),
                    revokedBy TEXT NOT NULL,
                    revokedAt TEXT NOT NULL)
                """,
                """
                CREATE TRIGGER certificateRevocationIsFinalOnUpdate BEFORE UPDATE ON certificateRevocation
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('revocations are final')
                """,
                """
                CREATE TRIGGER certificateRevocationIsFinalOnDelete BEFORE DELETE ON certificateRevocation
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('revocations are final')
                """,
            ]
        ),
        (
            "v5 course documents",
            [
                // `json`, not `jsonb`: it checks the text is JSON and accepts every escape the
                // writer makes, \u0000 included, which jsonb refuses.
                "ALTER TABLE course ADD COLUMN prerequisites TEXT NOT NULL DEFAULT '[]' CHECK (prerequisites::json IS NOT NULL)",
                "ALTER TABLE course ADD COLUMN objectives TEXT NOT NULL DEFAULT '[]' CHECK (objectives::json IS NOT NULL)",
                "ALTER TABLE course ADD COLUMN modules TEXT NOT NULL DEFAULT '[]' CHECK (modules::json IS NOT NULL)",
                "ALTER TABLE course ADD COLUMN requiredModules TEXT NOT NULL DEFAULT '[]' CHECK (requiredModules::json IS NOT NULL)",
            ]
        ),
        (
            "v6 records that stay true",
            [
                "ALTER TABLE attendanceEvent ADD COLUMN correctionReason TEXT",
                "ALTER TABLE certificate ADD COLUMN printed TEXT CHECK (printed IS NULL OR printed::json IS NOT NULL)",
                "ALTER TABLE participant ADD COLUMN birthDate TEXT",
                "ALTER TABLE participant ADD COLUMN gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male'))",
                """
                CREATE TABLE sessionEvent (
                    sequence BIGINT PRIMARY KEY,
                    sessionID TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('closed', 'reopened', 'cancelled', 'edited', 'replanned')),
                    detail TEXT NOT NULL,
                    recordedBy TEXT NOT NULL,
                    recordedAt TEXT NOT NULL,
                    previousHash TEXT NOT NULL,
                    hash TEXT NOT NULL CHECK (length(hash) = 64))
                """,
                "CREATE INDEX sessionEventBySession ON sessionEvent(sessionID, sequence)",
                """
                CREATE TRIGGER sessionEventIsAppendOnlyOnUpdate BEFORE UPDATE ON sessionEvent
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('session events are never changed')
                """,
                """
                CREATE TRIGGER sessionEventIsAppendOnlyOnDelete BEFORE DELETE ON sessionEvent
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('session events are never deleted')
                """,
                "CREATE TABLE sessionEventChain (id INTEGER PRIMARY KEY CHECK (id = 1), count BIGINT NOT NULL, lastHash TEXT NOT NULL)",
                """
                CREATE TABLE participantChange (
                    sequence BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    participantID TEXT NOT NULL,
                    field TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    changedBy TEXT NOT NULL,
                    changedAt TEXT NOT NULL)
                """,
                "CREATE INDEX participantChangeByParticipant ON participantChange(participantID, sequence)",
                """
                CREATE TRIGGER participantChangeIsAppendOnlyOnUpdate BEFORE UPDATE ON participantChange
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('the change log is never changed')
                """,
                """
                CREATE TRIGGER participantChangeIsAppendOnlyOnDelete BEFORE DELETE ON participantChange
                FOR EACH ROW EXECUTE FUNCTION allervers_refuse('the change log is never changed')
                """,
            ]
        ),
        ("v7 participant merges", ["ALTER TABLE participant ADD COLUMN mergedInto TEXT REFERENCES participant(id)"]),
        (
            // Text compares byte by byte, as in SQLite, whatever the database's locale: ids,
            // days and times order the same in both stores, and so do the lists made from them.
            "v8 binary text order",
            [
                """
                DO $$ DECLARE c record; BEGIN
                FOR c IN SELECT table_name, column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'allervers_migrations' LOOP
                    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name, c.column_name);
                END LOOP; END $$
                """
            ]
        ),
    ]

    /// The advisory lock migrating processes take, one at a time.
    static let lockNumber: Int64 = 7_405_162_026

    /// Applies the migrations the database lacks, each in one transaction under an advisory
    /// lock, so that two processes starting at once apply each one once. Returns the names
    /// applied now.
    @discardableResult
    public static func migrate(_ location: PostgresLocation) throws -> [String] {
        try PostgresStoreDatabase.open(location).appliedOnOpen
    }
}
