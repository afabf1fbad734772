import Foundation
internal import GRDB
import TrainingCore

extension Store {
    /// The names of the schema's migrations, in order: the PostgreSQL store's are the same.
    public static var migrationNames: [String] { migrator.migrations }

    /// The schema's history. Migrations are append-only: a released one is never edited,
    /// a change is a new migration with its own name.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 organisation and courses") { db in
            try db.execute(
                sql: """
                    CREATE TABLE organisation (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        name TEXT NOT NULL CHECK (name <> ''),
                        address TEXT NOT NULL CHECK (address <> ''),
                        declarationNumber TEXT NOT NULL
                            CHECK (length(declarationNumber) = 11 AND declarationNumber NOT GLOB '*[^0-9]*'),
                        signatoryName TEXT NOT NULL CHECK (signatoryName <> ''),
                        signatoryTitle TEXT NOT NULL CHECK (signatoryTitle <> '')
                    );

                    CREATE TABLE course (
                        rowID INTEGER PRIMARY KEY,
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
                        importedAt DATETIME NOT NULL,
                        UNIQUE (id, version),
                        CHECK (groupMinimum BETWEEN 1 AND groupMaximum)
                    );

                    CREATE TABLE coursePrerequisite (
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('course', 'experience', 'other')),
                        courseID TEXT CHECK ((kind = 'course') = (courseID IS NOT NULL)),
                        months INTEGER CHECK (months IS NULL OR (kind = 'experience' AND months >= 1)),
                        text TEXT CHECK ((kind = 'course') = (text IS NULL)),
                        PRIMARY KEY (courseRowID, position)
                    ) WITHOUT ROWID;

                    CREATE TABLE courseObjective (
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        text TEXT NOT NULL CHECK (text <> ''),
                        PRIMARY KEY (courseRowID, id)
                    ) WITHOUT ROWID;

                    CREATE TABLE courseModule (
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        title TEXT NOT NULL CHECK (title <> ''),
                        durationMinutes INTEGER NOT NULL CHECK (durationMinutes > 0),
                        modality TEXT NOT NULL CHECK (modality IN ('in-room', 'remote', 'terrain')),
                        content TEXT NOT NULL,
                        methods TEXT NOT NULL,
                        PRIMARY KEY (courseRowID, id)
                    ) WITHOUT ROWID;

                    CREATE TABLE courseModuleObjective (
                        courseRowID INTEGER NOT NULL,
                        moduleID TEXT NOT NULL,
                        objectiveID TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (courseRowID, moduleID, objectiveID),
                        FOREIGN KEY (courseRowID, moduleID) REFERENCES courseModule(courseRowID, id) ON DELETE CASCADE,
                        FOREIGN KEY (courseRowID, objectiveID) REFERENCES courseObjective(courseRowID, id) ON DELETE CASCADE
                    ) WITHOUT ROWID;

                    CREATE TABLE courseRequiredModule (
                        courseRowID INTEGER NOT NULL,
                        moduleID TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (courseRowID, moduleID),
                        FOREIGN KEY (courseRowID, moduleID) REFERENCES courseModule(courseRowID, id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2 sessions, participants, enrolments and attendance") { db in
            try db.execute(
                sql: """
                    CREATE TABLE session (
                        id TEXT PRIMARY KEY CHECK (id <> ''),
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE RESTRICT,
                        timeZone TEXT NOT NULL,
                        placeKind TEXT NOT NULL CHECK (placeKind IN ('room', 'site')),
                        placeName TEXT NOT NULL CHECK (placeName <> ''),
                        placeDetail TEXT NOT NULL,
                        capacity INTEGER NOT NULL CHECK (capacity >= 1),
                        funder TEXT,
                        status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'closed', 'cancelled')),
                        createdAt DATETIME NOT NULL
                    );

                    CREATE TABLE sessionTrainer (
                        sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        name TEXT NOT NULL CHECK (name <> ''),
                        PRIMARY KEY (sessionID, position)
                    ) WITHOUT ROWID;
                    CREATE INDEX sessionTrainerByName ON sessionTrainer(name);

                    -- startsAt and endsAt are the slot's instants in UTC (ISO 8601), for clashes
                    -- between sessions in different time zones.
                    CREATE TABLE sessionSlot (
                        sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        date TEXT NOT NULL,
                        startTime TEXT NOT NULL,
                        endTime TEXT NOT NULL,
                        startsAt TEXT NOT NULL,
                        endsAt TEXT NOT NULL CHECK (endsAt > startsAt),
                        modules TEXT NOT NULL,
                        PRIMARY KEY (sessionID, id)
                    ) WITHOUT ROWID;
                    CREATE INDEX sessionSlotByTime ON sessionSlot(startsAt, endsAt);

                    CREATE TABLE participant (
                        id TEXT PRIMARY KEY CHECK (id <> ''),
                        firstName TEXT NOT NULL CHECK (firstName <> ''),
                        lastName TEXT NOT NULL CHECK (lastName <> ''),
                        email TEXT UNIQUE COLLATE NOCASE,
                        profession TEXT,
                        employer TEXT,
                        hireDate TEXT,
                        externalID TEXT UNIQUE,
                        createdAt DATETIME NOT NULL
                    );

                    CREATE TABLE enrolment (
                        sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        participantID TEXT NOT NULL REFERENCES participant(id) ON DELETE RESTRICT,
                        status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn')),
                        experienceConfirmed BOOLEAN NOT NULL DEFAULT 0,
                        queuedAt INTEGER NOT NULL,
                        PRIMARY KEY (sessionID, participantID)
                    ) WITHOUT ROWID;
                    CREATE INDEX enrolmentByParticipant ON enrolment(participantID);

                    -- Attendance is a log: rows are only ever added. A correction is a new row that
                    -- supersedes the old one. Each row's hash covers its content and the previous
                    -- row's hash, so that a change made behind the tool's back shows.
                    CREATE TABLE attendanceEvent (
                        sequence INTEGER PRIMARY KEY,
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
                        FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
                    );
                    CREATE INDEX attendanceEventBySlot ON attendanceEvent(sessionID, participantID, slotID, sequence);
                    CREATE TRIGGER attendanceEventIsAppendOnlyOnUpdate BEFORE UPDATE ON attendanceEvent
                    BEGIN SELECT RAISE(ABORT, 'attendance records are never changed: record a correction'); END;
                    CREATE TRIGGER attendanceEventIsAppendOnlyOnDelete BEFORE DELETE ON attendanceEvent
                    BEGIN SELECT RAISE(ABORT, 'attendance records are never deleted: record a correction'); END;

                    -- The chain's head: how many events there are and the last hash, so that
                    -- removing the newest events shows too.
                    CREATE TABLE attendanceChain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL,
                        lastHash TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3 module progress and objective results") { db in
            try db.execute(
                sql: """
                    -- Both are logs too: the latest row of a participant and module (or objective and
                    -- phase) is the current one, and the earlier ones stay as its history.
                    CREATE TABLE moduleProgress (
                        sequence INTEGER PRIMARY KEY,
                        sessionID TEXT NOT NULL,
                        participantID TEXT NOT NULL,
                        moduleID TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed')),
                        recordedBy TEXT NOT NULL,
                        recordedAt DATETIME NOT NULL,
                        FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
                    );
                    CREATE INDEX moduleProgressByParticipant ON moduleProgress(sessionID, participantID, moduleID, sequence);

                    CREATE TABLE objectiveResult (
                        sequence INTEGER PRIMARY KEY,
                        sessionID TEXT NOT NULL,
                        participantID TEXT NOT NULL,
                        objectiveID TEXT NOT NULL,
                        phase TEXT NOT NULL CHECK (phase IN ('positioning', 'assessment')),
                        level TEXT CHECK (level IN ('acquired', 'partly-acquired', 'not-acquired')),
                        score INTEGER CHECK (score BETWEEN 0 AND 100),
                        recordedBy TEXT NOT NULL,
                        recordedAt DATETIME NOT NULL,
                        CHECK (level IS NOT NULL OR score IS NOT NULL),
                        FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
                    );
                    CREATE INDEX objectiveResultByParticipant ON objectiveResult(sessionID, participantID, objectiveID, phase, sequence);
                    CREATE TRIGGER moduleProgressIsAppendOnly BEFORE UPDATE ON moduleProgress
                    BEGIN SELECT RAISE(ABORT, 'progress records are never changed: record the new state'); END;
                    CREATE TRIGGER objectiveResultIsAppendOnly BEFORE UPDATE ON objectiveResult
                    BEGIN SELECT RAISE(ABORT, 'results are never changed: record the new result'); END;
                    """)
        }
        migrator.registerMigration("v4 certificates") { db in
            try db.execute(
                sql: """
                    ALTER TABLE organisation ADD COLUMN certificatePrefix TEXT NOT NULL DEFAULT 'AV'
                        CHECK (length(certificatePrefix) BETWEEN 1 AND 10 AND certificatePrefix NOT GLOB '*[^A-Z0-9]*');

                    -- Certificates are written once. Revoking one adds a row to certificateRevocation;
                    -- reissuing adds a new certificate that names the one it replaces.
                    CREATE TABLE certificate (
                        number TEXT PRIMARY KEY,
                        year INTEGER NOT NULL,
                        sequence INTEGER NOT NULL CHECK (sequence >= 1),
                        sessionID TEXT NOT NULL REFERENCES session(id),
                        participantID TEXT NOT NULL REFERENCES participant(id),
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID),
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
                        issuedAt DATETIME NOT NULL,
                        UNIQUE (year, sequence)
                    );
                    CREATE INDEX certificateBySession ON certificate(sessionID, participantID);
                    CREATE TRIGGER certificateIsWrittenOnceOnUpdate BEFORE UPDATE ON certificate
                    BEGIN SELECT RAISE(ABORT, 'certificates are never changed: revoke and reissue'); END;
                    CREATE TRIGGER certificateIsWrittenOnceOnDelete BEFORE DELETE ON certificate
                    BEGIN SELECT RAISE(ABORT, 'certificates are never deleted: revoke them'); END;

                    CREATE TABLE certificateRevocation (
                        number TEXT PRIMARY KEY REFERENCES certificate(number),
                        reason TEXT NOT NULL CHECK (reason <> ''),
                        replacedBy TEXT UNIQUE REFERENCES certificate(number),
                        revokedBy TEXT NOT NULL,
                        revokedAt DATETIME NOT NULL
                    );
                    CREATE TRIGGER certificateRevocationIsFinalOnUpdate BEFORE UPDATE ON certificateRevocation
                    BEGIN SELECT RAISE(ABORT, 'revocations are final'); END;
                    CREATE TRIGGER certificateRevocationIsFinalOnDelete BEFORE DELETE ON certificateRevocation
                    BEGIN SELECT RAISE(ABORT, 'revocations are final'); END;
                    """)
        }
        migrator.registerMigration("v5 course documents") { db in
            // A course version is written once and read whole: its lists move from five
            // tables onto its row as JSON (see CourseRows), one row per course instead of
            // about fifteen.
            try db.execute(
                sql: """
                    ALTER TABLE course ADD COLUMN prerequisites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prerequisites));
                    ALTER TABLE course ADD COLUMN objectives TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(objectives));
                    ALTER TABLE course ADD COLUMN modules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(modules));
                    ALTER TABLE course ADD COLUMN requiredModules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(requiredModules));
                    """)
            for rowID in try Int64.fetchAll(db, sql: "SELECT rowID FROM course") {
                let lists = try V1CourseLists(rowID: rowID, db: db)
                try db.execute(
                    sql: "UPDATE course SET prerequisites = ?, objectives = ?, modules = ?, requiredModules = ? WHERE rowID = ?",
                    arguments: [
                        V5Encoding.prerequisites(lists.prerequisites), V5Encoding.objectives(lists.objectives),
                        V5Encoding.modules(lists.modules), V5Encoding.strings(lists.requiredModules), rowID,
                    ])
            }
            try db.execute(
                sql: """
                    DROP TABLE courseRequiredModule;
                    DROP TABLE courseModuleObjective;
                    DROP TABLE courseModule;
                    DROP TABLE courseObjective;
                    DROP TABLE coursePrerequisite;
                    """)
        }
        migrator.registerMigration("v6 records that stay true") { db in
            try db.execute(
                sql: """
                    -- Why a record corrects an earlier one. In the hash only when present, so the
                    -- records written before keep their hashes.
                    ALTER TABLE attendanceEvent ADD COLUMN correctionReason TEXT;

                    -- What a certificate's documents print, fixed at issue (CertificateSnapshot
                    -- as JSON). NULL for certificates issued before this migration, which print
                    -- from the records as they stand.
                    ALTER TABLE certificate ADD COLUMN printed TEXT CHECK (printed IS NULL OR json_valid(printed));

                    ALTER TABLE participant ADD COLUMN birthDate TEXT;
                    ALTER TABLE participant ADD COLUMN gender TEXT CHECK (gender IS NULL OR gender IN ('female', 'male'));

                    -- A session's life: closed, reopened, cancelled, edited; chained like attendance,
                    -- so that a reopening removed behind the tool's back shows. No foreign key: the
                    -- log outlives a cancelled session whose id is planned again.
                    CREATE TABLE sessionEvent (
                        sequence INTEGER PRIMARY KEY,
                        sessionID TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('closed', 'reopened', 'cancelled', 'edited', 'replanned')),
                        detail TEXT NOT NULL,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        previousHash TEXT NOT NULL,
                        hash TEXT NOT NULL CHECK (length(hash) = 64)
                    );
                    CREATE INDEX sessionEventBySession ON sessionEvent(sessionID, sequence);
                    CREATE TRIGGER sessionEventIsAppendOnlyOnUpdate BEFORE UPDATE ON sessionEvent
                    BEGIN SELECT RAISE(ABORT, 'session events are never changed'); END;
                    CREATE TRIGGER sessionEventIsAppendOnlyOnDelete BEFORE DELETE ON sessionEvent
                    BEGIN SELECT RAISE(ABORT, 'session events are never deleted'); END;
                    CREATE TABLE sessionEventChain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL,
                        lastHash TEXT NOT NULL
                    );

                    -- Every change to a participant's details: who, when, before and after.
                    CREATE TABLE participantChange (
                        sequence INTEGER PRIMARY KEY,
                        participantID TEXT NOT NULL,
                        field TEXT NOT NULL,
                        before TEXT,
                        after TEXT,
                        changedBy TEXT NOT NULL,
                        changedAt TEXT NOT NULL
                    );
                    CREATE INDEX participantChangeByParticipant ON participantChange(participantID, sequence);
                    CREATE TRIGGER participantChangeIsAppendOnlyOnUpdate BEFORE UPDATE ON participantChange
                    BEGIN SELECT RAISE(ABORT, 'the change log is never changed'); END;
                    CREATE TRIGGER participantChangeIsAppendOnlyOnDelete BEFORE DELETE ON participantChange
                    BEGIN SELECT RAISE(ABORT, 'the change log is never changed'); END;
                    """)
        }
        migrator.registerMigration("v7 participant merges") { db in
            // A duplicate merged while it had records in closed sessions stays, under its own id
            // in those sessions (their records are chained and certified under it), and names
            // the participant it was merged into: whoever asks for it gets that one.
            try db.execute(sql: "ALTER TABLE participant ADD COLUMN mergedInto TEXT REFERENCES participant(id)")
        }
        migrator.registerMigration("v8 binary text order") { _ in
            // PostgreSQL's text columns take SQLite's byte-by-byte order under this name;
            // SQLite's text has always compared so, and has nothing to change.
        }
        migrator.registerMigration("v9 merge index and deferrable links") { db in
            // (SQLite defers any foreign key on request; PostgreSQL's links are made deferrable.)
            // Who was merged into someone is asked at each enrolment and each lookup; without
            // an index SQLite built one over every participant each time (0.1 s for 100,000).
            try db.execute(sql: "CREATE INDEX participantByMergedInto ON participant(mergedInto) WHERE mergedInto IS NOT NULL")
        }
        migrator.registerMigration("v10 employers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE employer (
                        id TEXT PRIMARY KEY CHECK (id <> ''),
                        name TEXT NOT NULL CHECK (trim(name) <> ''),
                        kind TEXT NOT NULL CHECK (kind IN ('private-company', 'association', 'public-body', 'other')),
                        siret TEXT CHECK (siret IS NULL OR (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*')),
                        createdAt TEXT NOT NULL
                    );
                    -- Every spelling of an employer's name met, by its folded form: how a name in a
                    -- file finds its employer, and what a migration or an import merged.
                    CREATE TABLE employerSpelling (
                        spelling TEXT PRIMARY KEY,
                        folded TEXT NOT NULL,
                        employerID TEXT NOT NULL REFERENCES employer(id)
                    );
                    CREATE INDEX employerSpellingByFolded ON employerSpelling(folded);
                    ALTER TABLE participant ADD COLUMN employerID TEXT REFERENCES employer(id);
                    CREATE INDEX participantByEmployer ON participant(employerID) WHERE employerID IS NOT NULL;
                    -- The employments a person left: the current one is on the participant's row
                    -- (employerID, profession, hireDate).
                    CREATE TABLE pastEmployment (
                        sequence INTEGER PRIMARY KEY,
                        participantID TEXT NOT NULL REFERENCES participant(id),
                        employerID TEXT NOT NULL REFERENCES employer(id),
                        profession TEXT,
                        hireDate TEXT,
                        leftOn TEXT NOT NULL,
                        CHECK (hireDate IS NULL OR hireDate <= leftOn)
                    );
                    CREATE INDEX pastEmploymentByParticipant ON pastEmployment(participantID);
                    CREATE INDEX pastEmploymentByEmployer ON pastEmployment(employerID);
                    """)
            try V10Employers.move(SQLiteConnection(db))
        }
        migrator.registerMigration("v11 obligations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE obligation (
                        id TEXT PRIMARY KEY CHECK (id <> ''),
                        employerID TEXT NOT NULL REFERENCES employer(id),
                        title TEXT NOT NULL CHECK (trim(title) <> ''),
                        createdBy TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        removedAt TEXT
                    );
                    CREATE INDEX obligationByEmployer ON obligation(employerID);
                    -- Each version of an obligation's rule, in columns rather than an encoding that
                    -- could change: version 1 when made, one more at each change.
                    CREATE TABLE obligationRule (
                        obligationID TEXT NOT NULL REFERENCES obligation(id),
                        version INTEGER NOT NULL CHECK (version >= 1),
                        scope TEXT NOT NULL CHECK (scope IN ('everyone', 'roles', 'people')),
                        scopeValues TEXT NOT NULL CHECK (json_valid(scopeValues)),
                        courses TEXT NOT NULL CHECK (json_valid(courses)),
                        externalCourses TEXT NOT NULL CHECK (json_valid(externalCourses)),
                        firstDue TEXT NOT NULL CHECK (firstDue IN ('hire', 'role', 'date')),
                        firstDueMonths INTEGER CHECK (firstDueMonths IS NULL OR firstDueMonths >= 0),
                        firstDueDate TEXT,
                        validityMonths INTEGER CHECK (validityMonths IS NULL OR validityMonths >= 1),
                        counting TEXT NOT NULL CHECK (counting IN ('completion', 'previous-expiry', 'anniversary')),
                        anniversary TEXT,
                        graceDays INTEGER NOT NULL CHECK (graceDays >= 0),
                        leadDays INTEGER NOT NULL CHECK (leadDays >= 0),
                        acceptsSelfDeclared BOOLEAN NOT NULL,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        PRIMARY KEY (obligationID, version)
                    );
                    """)
        }
        migrator.registerMigration("v12 training elsewhere and exemptions") { db in
            try db.execute(
                sql: """
                    -- Training done with another provider: its evidence stays where the employer keeps
                    -- it; its SHA-256 is kept here, with who verified it.
                    CREATE TABLE externalTraining (
                        id TEXT PRIMARY KEY CHECK (id <> ''),
                        participantID TEXT NOT NULL REFERENCES participant(id),
                        provider TEXT NOT NULL CHECK (trim(provider) <> ''),
                        title TEXT NOT NULL CHECK (trim(title) <> ''),
                        completedOn TEXT NOT NULL,
                        minutes INTEGER NOT NULL CHECK (minutes > 0),
                        countsAs TEXT,
                        fileName TEXT,
                        fileSHA256 TEXT CHECK (fileSHA256 IS NULL OR length(fileSHA256) = 64),
                        verifiedBy TEXT,
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        removedAt TEXT
                    );
                    CREATE INDEX externalTrainingByParticipant ON externalTraining(participantID);
                    CREATE TABLE exemption (
                        sequence INTEGER PRIMARY KEY,
                        participantID TEXT NOT NULL REFERENCES participant(id),
                        obligationID TEXT REFERENCES obligation(id),
                        fromDay TEXT NOT NULL,
                        untilDay TEXT NOT NULL,
                        reason TEXT NOT NULL CHECK (trim(reason) <> ''),
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        CHECK (fromDay <= untilDay)
                    );
                    CREATE INDEX exemptionByParticipant ON exemption(participantID);
                    """)
        }
        migrator.registerMigration("v13 rule periods and roles") { db in
            try db.execute(
                sql: """
                    -- The first day of the periods a rule's version governs; NULL for every period
                    -- (the first version, or a change made with --apply-to-existing).
                    ALTER TABLE obligationRule ADD COLUMN appliesFrom TEXT;
                    -- The day someone took their profession or role, when it is not their hire.
                    ALTER TABLE participant ADD COLUMN roleSince TEXT;
                    ALTER TABLE pastEmployment ADD COLUMN roleSince TEXT;
                    """)
        }
        migrator.registerMigration("v14 slot places and modality") { db in
            try db.execute(
                sql: """
                    -- Where a slot is held when it is not the session's place (the evening maraude
                    -- with the SIAO team), and, for a slot held remotely, how presence was
                    -- established. NULL: the session's place, on site.
                    ALTER TABLE sessionSlot ADD COLUMN placeKind TEXT CHECK (placeKind IS NULL OR placeKind IN ('room', 'site'));
                    ALTER TABLE sessionSlot ADD COLUMN placeName TEXT
                        CHECK ((placeName IS NULL) = (placeKind IS NULL) AND (placeName IS NULL OR trim(placeName) <> ''));
                    ALTER TABLE sessionSlot ADD COLUMN placeDetail TEXT CHECK (placeDetail IS NULL OR placeKind IS NOT NULL);
                    ALTER TABLE sessionSlot ADD COLUMN remotePresence TEXT CHECK (remotePresence IS NULL OR trim(remotePresence) <> '');
                    """)
        }
        migrator.registerMigration("v15 organisation public address") { db in
            // Where `allervers serve` publishes the certificates' pages, which new certificates'
            // QR codes point to. NULL: not published; the QR code holds the signed statement alone.
            try db.execute(
                sql: """
                    ALTER TABLE organisation ADD COLUMN publicAddress TEXT
                        CHECK (publicAddress IS NULL OR publicAddress GLOB 'http://?*' OR publicAddress GLOB 'https://?*');
                    """)
        }
        migrator.registerMigration("v16 signing on a phone") { db in
            try db.execute(
                sql: """
                    -- Who logs in to `allervers serve`: trainers, and employers' correspondents.
                    -- The password is kept as a bcrypt hash.
                    CREATE TABLE account (
                        login TEXT PRIMARY KEY CHECK (login <> '' AND login = lower(login)),
                        name TEXT NOT NULL CHECK (trim(name) <> ''),
                        role TEXT NOT NULL CHECK (role IN ('trainer', 'employer')),
                        employerID TEXT REFERENCES employer(id) CHECK ((role = 'employer') = (employerID IS NOT NULL)),
                        passwordHash TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        disabledAt TEXT
                    );
                    -- A browser logged in: the SHA-256 of its cookie's token (never the token) and
                    -- the token its forms carry against cross-site requests.
                    CREATE TABLE webSession (
                        tokenHash TEXT PRIMARY KEY CHECK (length(tokenHash) = 64),
                        login TEXT NOT NULL REFERENCES account(login),
                        csrfToken TEXT NOT NULL,
                        createdAt TEXT NOT NULL,
                        expiresAt TEXT NOT NULL
                    );
                    -- A half-day a trainer opened for signing on phones: the secret its rotating
                    -- codes are drawn from.
                    CREATE TABLE signingWindow (
                        sessionID TEXT NOT NULL,
                        slotID TEXT NOT NULL,
                        secret TEXT NOT NULL CHECK (length(secret) >= 32),
                        openedBy TEXT NOT NULL,
                        openedAt TEXT NOT NULL,
                        PRIMARY KEY (sessionID, slotID)
                    );
                    -- Drawn signatures, by the SHA-256 of their bytes, which the chained records hold.
                    CREATE TABLE signatureImage (
                        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
                        mediaType TEXT NOT NULL,
                        data TEXT NOT NULL
                    );
                    CREATE TRIGGER signatureImageIsAppendOnlyOnUpdate BEFORE UPDATE ON signatureImage
                    BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
                    CREATE TRIGGER signatureImageIsAppendOnlyOnDelete BEFORE DELETE ON signatureImage
                    BEGIN SELECT RAISE(ABORT, 'signatures are never deleted'); END;
                    -- How a signed record came in (SignatureEvidence as JSON). In the record's hash
                    -- only when present, so the records written before keep their hashes.
                    ALTER TABLE attendanceEvent ADD COLUMN evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence));
                    -- Trainers' signatures certifying a half-day's sheet, chained like attendance.
                    CREATE TABLE sheetSignature (
                        sequence INTEGER PRIMARY KEY,
                        sessionID TEXT NOT NULL,
                        slotID TEXT NOT NULL,
                        trainer TEXT NOT NULL,
                        login TEXT NOT NULL,
                        signedAt TEXT NOT NULL,
                        imageSHA256 TEXT NOT NULL REFERENCES signatureImage(sha256),
                        previousHash TEXT NOT NULL,
                        hash TEXT NOT NULL CHECK (length(hash) = 64)
                    );
                    CREATE INDEX sheetSignatureBySlot ON sheetSignature(sessionID, slotID, sequence);
                    CREATE TRIGGER sheetSignatureIsAppendOnlyOnUpdate BEFORE UPDATE ON sheetSignature
                    BEGIN SELECT RAISE(ABORT, 'sheet signatures are never changed'); END;
                    CREATE TRIGGER sheetSignatureIsAppendOnlyOnDelete BEFORE DELETE ON sheetSignature
                    BEGIN SELECT RAISE(ABORT, 'sheet signatures are never deleted'); END;
                    CREATE TABLE sheetSignatureChain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL,
                        lastHash TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v17 follow-up of absences") { db in
            try db.execute(
                sql: """
                    -- Contacts after an absence (Qualiopi indicator 12), chained like attendance.
                    -- The chain holds the note's SHA-256, not the note: a purge past retention
                    -- may erase the note, and only that.
                    CREATE TABLE absenceFollowUp (
                        sequence INTEGER PRIMARY KEY,
                        sessionID TEXT NOT NULL,
                        participantID TEXT NOT NULL,
                        slotIDs TEXT NOT NULL CHECK (json_valid(slotIDs)),
                        channel TEXT NOT NULL,
                        contactedOn TEXT NOT NULL,
                        contactedBy TEXT NOT NULL,
                        note TEXT,
                        noteSHA256 TEXT NOT NULL CHECK (length(noteSHA256) = 64),
                        recordedAt TEXT NOT NULL,
                        previousHash TEXT NOT NULL,
                        hash TEXT NOT NULL CHECK (length(hash) = 64)
                    );
                    CREATE INDEX absenceFollowUpByParticipant ON absenceFollowUp(sessionID, participantID, sequence);
                    CREATE TRIGGER absenceFollowUpIsAppendOnlyOnUpdate BEFORE UPDATE OF
                        sequence, sessionID, participantID, slotIDs, channel, contactedOn, contactedBy, noteSHA256, recordedAt,
                        previousHash, hash ON absenceFollowUp
                    BEGIN SELECT RAISE(ABORT, 'follow-ups are never changed'); END;
                    CREATE TRIGGER absenceFollowUpNoteIsOnlyErased BEFORE UPDATE OF note ON absenceFollowUp
                    WHEN NEW.note IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'follow-ups are never changed'); END;
                    CREATE TRIGGER absenceFollowUpIsAppendOnlyOnDelete BEFORE DELETE ON absenceFollowUp
                    BEGIN SELECT RAISE(ABORT, 'follow-ups are never deleted'); END;
                    CREATE TABLE absenceFollowUpChain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL,
                        lastHash TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v18 what the BPF counts") { db in
            try db.execute(
                sql: """
                    -- A course's classification (course format 1.1): NSF specialities as a JSON
                    -- array, the general objective, an RNCP level, a certification's code. NULL
                    -- for courses imported before, which compare equal to themselves still.
                    ALTER TABLE course ADD COLUMN nsfCodes TEXT CHECK (nsfCodes IS NULL OR json_valid(nsfCodes));
                    ALTER TABLE course ADD COLUMN generalObjective TEXT;
                    ALTER TABLE course ADD COLUMN certificationLevel INTEGER;
                    ALTER TABLE course ADD COLUMN certificationCode TEXT;
                    -- What a session declares: the organisation it was delivered for as a
                    -- subcontractor, the one it was handed to, European funds, its income.
                    ALTER TABLE session ADD COLUMN deliveredFor TEXT;
                    ALTER TABLE session ADD COLUMN handedTo TEXT;
                    ALTER TABLE session ADD COLUMN euFunded BOOLEAN NOT NULL DEFAULT 0;
                    CREATE TABLE sessionFunding (
                        sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        cents INTEGER NOT NULL CHECK (cents >= 0),
                        payer TEXT,
                        PRIMARY KEY (sessionID, position)
                    ) WITHOUT ROWID;
                    -- A trainee's kind for the BPF, where their employer does not tell.
                    ALTER TABLE enrolment ADD COLUMN traineeKind TEXT;
                    -- Trainers as people: of the organisation or from outside it (cadre E).
                    CREATE TABLE trainer (
                        name TEXT PRIMARY KEY CHECK (name <> ''),
                        folded TEXT NOT NULL UNIQUE,
                        external BOOLEAN NOT NULL,
                        recordedAt TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v19 retention and purges") { db in
            try db.execute(
                sql: """
                    -- How long a kind of record is kept, for every session (funder '') or for the
                    -- sessions a funder paid for. Without a row: six years after the session ends.
                    CREATE TABLE retentionRule (
                        kind TEXT NOT NULL,
                        funder TEXT NOT NULL,
                        years INTEGER NOT NULL CHECK (years >= 1),
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        PRIMARY KEY (kind, funder)
                    ) WITHOUT ROWID;
                    -- Purges past retention, chained like attendance: the day given, the people
                    -- anonymised, the retention rules in force.
                    CREATE TABLE purge (
                        sequence INTEGER PRIMARY KEY,
                        before TEXT NOT NULL,
                        participantIDs TEXT NOT NULL CHECK (json_valid(participantIDs)),
                        rules TEXT NOT NULL CHECK (json_valid(rules)),
                        recordedBy TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        previousHash TEXT NOT NULL,
                        hash TEXT NOT NULL CHECK (length(hash) = 64)
                    );
                    CREATE TRIGGER purgeIsAppendOnlyOnUpdate BEFORE UPDATE ON purge
                    BEGIN SELECT RAISE(ABORT, 'purges are never changed'); END;
                    CREATE TRIGGER purgeIsAppendOnlyOnDelete BEFORE DELETE ON purge
                    BEGIN SELECT RAISE(ABORT, 'purges are never deleted'); END;
                    CREATE TABLE purgeChain (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL,
                        lastHash TEXT NOT NULL
                    );
                    -- The purge that erased a row's personal details. Written-once rows accept that
                    -- one change: a certificate's snapshot, statement and credential (the credential
                    -- becomes '' where the table's check wants one), a change log's values, a drawn
                    -- signature's bytes.
                    ALTER TABLE participant ADD COLUMN erasedIn INTEGER REFERENCES purge(sequence);
                    ALTER TABLE participantChange ADD COLUMN erasedIn INTEGER REFERENCES purge(sequence);
                    ALTER TABLE certificate ADD COLUMN erasedIn INTEGER REFERENCES purge(sequence);
                    ALTER TABLE signatureImage ADD COLUMN erasedIn INTEGER REFERENCES purge(sequence);
                    DROP TRIGGER participantChangeIsAppendOnlyOnUpdate;
                    CREATE TRIGGER participantChangeIsAppendOnlyOnUpdate BEFORE UPDATE OF
                        sequence, participantID, field, changedBy, changedAt ON participantChange
                    BEGIN SELECT RAISE(ABORT, 'the change log is never changed'); END;
                    CREATE TRIGGER participantChangeIsOnlyErased BEFORE UPDATE OF before, after, erasedIn ON participantChange
                    WHEN OLD.erasedIn IS NOT NULL OR NEW.erasedIn IS NULL OR NEW.before IS NOT NULL OR NEW.after IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'the change log is never changed'); END;
                    DROP TRIGGER certificateIsWrittenOnceOnUpdate;
                    CREATE TRIGGER certificateIsWrittenOnceOnUpdate BEFORE UPDATE OF
                        number, year, sequence, sessionID, participantID, courseRowID, eligible, reasons, attendedMinutes,
                        plannedMinutes, firstDay, lastDay, issuedOn, validUntil, replaces, issuedBy, issuedAt ON certificate
                    BEGIN SELECT RAISE(ABORT, 'certificates are never changed: revoke and reissue'); END;
                    CREATE TRIGGER certificateIsOnlyErased BEFORE UPDATE OF printed, signedPayload, credential, erasedIn ON certificate
                    WHEN OLD.erasedIn IS NOT NULL OR NEW.erasedIn IS NULL OR NEW.signedPayload <> '' OR NEW.credential <> ''
                    BEGIN SELECT RAISE(ABORT, 'certificates are never changed: revoke and reissue'); END;
                    DROP TRIGGER signatureImageIsAppendOnlyOnUpdate;
                    CREATE TRIGGER signatureImageIsAppendOnlyOnUpdate BEFORE UPDATE OF sha256, mediaType ON signatureImage
                    BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
                    CREATE TRIGGER signatureImageIsOnlyErased BEFORE UPDATE OF data, erasedIn ON signatureImage
                    WHEN OLD.erasedIn IS NOT NULL OR NEW.erasedIn IS NULL OR NEW.data <> ''
                    BEGIN SELECT RAISE(ABORT, 'signatures are never changed'); END;
                    """)
        }
        migrator.registerMigration("v20 course offers") { db in
            // What a catalogue of offers says of a course (course format 1.2's <offer>), as
            // JSON; NULL for the courses imported before, which compare equal to themselves still.
            try db.execute(sql: "ALTER TABLE course ADD COLUMN offer TEXT CHECK (offer IS NULL OR json_valid(offer))")
        }
        migrator.registerMigration("v21 anonymised people stay so") { db in
            // A purge erases a person's details once: no later change writes them back.
            try db.execute(
                sql: """
                    CREATE TRIGGER participantErasedIsFinal BEFORE UPDATE ON participant WHEN OLD.erasedIn IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'an anonymised participant is never changed'); END;
                    """)
        }
        migrator.registerMigration("v22 session templates") { db in
            // How a course is run when offered (an LHEO action): place, rhythm, hours,
            // funders and the sessions it announces, as JSON, in the order of the offer.
            try db.execute(
                sql: """
                    CREATE TABLE sessionTemplate (
                        courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        number TEXT NOT NULL CHECK (number <> ''),
                        template TEXT NOT NULL CHECK (json_valid(template)),
                        PRIMARY KEY (courseRowID, position),
                        UNIQUE (courseRowID, number)
                    )
                    """)
        }
        migrator.registerMigration("v23 organisation SIRET") { db in
            try db.execute(
                sql:
                    "ALTER TABLE organisation ADD COLUMN siret TEXT CHECK (siret IS NULL OR (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*'))"
            )
        }
        // A certificate's row holds its signed payload and credential, about 7 KB: reading
        // every person's completions through the table read every certificate whole (1.5 GB
        // for 200,000), and one person's scanned them all. This index holds what completions
        // are made of, by person: a search for one person, and a narrow scan for everyone.
        migrator.registerMigration("v24 certificates by participant") { db in
            try db.execute(
                sql: "CREATE INDEX certificateByParticipant ON certificate(participantID, courseRowID, lastDay, eligible, issuedAt, number)"
            )
        }
        return migrator
    }()
}

/// A course's lists as the tables of migrations v1 to v4 held them, read once by
/// migration "v5 course documents".
private struct V1CourseLists {
    var prerequisites: [Prerequisite]
    var objectives: [Objective]
    var modules: [Module]
    var requiredModules: [String]

    init(rowID: Int64, db: Database) throws {
        prerequisites = try Row.fetchAll(
            db, sql: "SELECT kind, courseID, months, text FROM coursePrerequisite WHERE courseRowID = ? ORDER BY position",
            arguments: [rowID]
        ).map { row -> Prerequisite in
            switch row["kind"] as String {
            case "course": .course(id: row["courseID"])
            case "experience": .experience(months: row["months"], description: row["text"])
            default: .other(row["text"])
            }
        }
        objectives = try Row.fetchAll(
            db, sql: "SELECT id, text FROM courseObjective WHERE courseRowID = ? ORDER BY position", arguments: [rowID]
        ).map { Objective(id: $0["id"], text: $0["text"]) }
        var links: [String: [String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT moduleID, objectiveID FROM courseModuleObjective WHERE courseRowID = ? ORDER BY moduleID, position",
            arguments: [rowID])
        {
            links[row["moduleID"], default: []].append(row["objectiveID"])
        }
        modules = try Row.fetchAll(
            db, sql: "SELECT * FROM courseModule WHERE courseRowID = ? ORDER BY position", arguments: [rowID]
        ).map { row -> Module in
            let id: String = row["id"]
            return Module(
                id: id, title: row["title"], duration: Hours(minutes: row["durationMinutes"]),
                modality: Modality(rawValue: row["modality"]) ?? .inRoom, objectives: links[id] ?? [],
                content: try JSONDecoder().decode([String].self, from: Data((row["content"] as String).utf8)),
                methods: try JSONDecoder().decode([String].self, from: Data((row["methods"] as String).utf8)))
        }
        requiredModules = try String.fetchAll(
            db, sql: "SELECT moduleID FROM courseRequiredModule WHERE courseRowID = ? ORDER BY position", arguments: [rowID])
    }
}

/// The JSON of a course's lists as migration "v5 course documents" wrote it: a frozen copy
/// of what `CourseRows` and `JSONWriter` wrote when it was released, so that a later change
/// to the application's encoding cannot change what this migration writes (the bytes
/// matter: an unchanged course is found by them on re-import).
private enum V5Encoding {
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = Array("0123456789abcdef")
                out += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0x0F)])
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }

    static func objectives(_ objectives: [Objective]) -> String {
        "[" + objectives.map { "{\"id\":\(string($0.id)),\"text\":\(string($0.text))}" }.joined(separator: ",") + "]"
    }

    static func prerequisites(_ prerequisites: [Prerequisite]) -> String {
        "["
            + prerequisites.map { prerequisite in
                switch prerequisite {
                case .course(let id): "{\"kind\":\"course\",\"courseID\":\(string(id))}"
                case .experience(let months, let description):
                    "{\"kind\":\"experience\"" + (months.map { ",\"months\":\($0)" } ?? "") + ",\"text\":\(string(description))}"
                case .other(let text): "{\"kind\":\"other\",\"text\":\(string(text))}"
                }
            }.joined(separator: ",") + "]"
    }

    static func modules(_ modules: [Module]) -> String {
        "["
            + modules.map { module in
                "{\"id\":\(string(module.id)),\"title\":\(string(module.title)),\"durationMinutes\":\(module.duration.minutes),"
                    + "\"modality\":\(string(module.modality.rawValue)),\"objectives\":\(strings(module.objectives)),"
                    + "\"content\":\(strings(module.content)),\"methods\":\(strings(module.methods))}"
            }.joined(separator: ",") + "]"
    }
}
