internal import GRDB

extension Store {
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
        return migrator
    }()
}
