public import Foundation
internal import GRDB
public import TrainingCore

/// A course as `course list` shows it.
public struct CourseSummary: Sendable, Hashable, Codable {
    /// The course's identifier.
    public var id: String
    /// The version.
    public var version: CourseVersion
    /// The title.
    public var title: String
    /// The stated duration.
    public var duration: Hours
    /// How many modules the course has.
    public var moduleCount: Int
    /// When this version was imported.
    public var importedAt: Date
}

/// What an import did with each course it was given.
public enum CourseImportOutcome: String, Sendable, Hashable, Codable {
    /// A course id and version the store did not have.
    case added
    /// The same id and version with the same content: nothing to do.
    case unchanged
    /// The same id and version with other content, replaced because the import allowed it.
    case replaced
}

/// One course of an import and what the import did with it.
public struct ImportedCourse: Sendable, Hashable {
    /// The course's identifier.
    public var id: String
    /// The version.
    public var version: CourseVersion
    /// Added, unchanged or replaced.
    public var outcome: CourseImportOutcome
}

/// A course the store refused, named by id and version.
public struct CourseConflictError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the course was refused.
    public enum Reason: Sendable, Hashable {
        /// The store holds the same id and version with other content.
        case changedContent
        /// The same id and version came twice in one import.
        case repeatedInImport
    }

    /// The course's identifier.
    public var id: String
    /// The version.
    public var version: CourseVersion
    /// Why.
    public var reason: Reason

    public var description: String {
        switch reason {
        case .changedContent:
            "course \(id) version \(version) is already in the workspace with different content: give the changed course a new version, or import with --replace"
        case .repeatedInImport:
            "course \(id) version \(version) appears twice in this import"
        }
    }
}

/// No course with this id (and version) in the workspace.
public struct CourseNotFoundError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The identifier asked for.
    public var id: String
    /// The version asked for, if one was.
    public var version: CourseVersion?

    /// Creates the error for a course asked for by id and, optionally, version.
    public init(id: String, version: CourseVersion?) {
        self.id = id
        self.version = version
    }

    public var description: String {
        if let version { "no course \(id) version \(version) in the workspace" } else { "no course \(id) in the workspace" }
    }
}

private struct CourseKey: Hashable {
    var id: String
    var version: CourseVersion
}

/// Adds courses to the store inside one import transaction; see ``Store/importCourses(replacing:dryRun:_:)``.
public final class CourseImporter {
    private let db: Database
    private let replacing: Bool
    /// The import's time, once, in the form GRDB stores and reads back as a `Date`.
    private let importedAt = String.fromDatabaseValue(Date().databaseValue) ?? ""
    private var seen: Set<CourseKey> = []
    /// Every course given so far, in order, with what was done with it.
    public private(set) var imported: [ImportedCourse] = []

    init(db: Database, replacing: Bool) {
        self.db = db
        self.replacing = replacing
    }

    /// Adds one course, or leaves the store as it is when it already holds the same course.
    @discardableResult
    public func add(_ course: Course) throws -> CourseImportOutcome {
        guard seen.insert(CourseKey(id: course.id, version: course.version)).inserted else {
            throw CourseConflictError(id: course.id, version: course.version, reason: .repeatedInImport)
        }
        var outcome = CourseImportOutcome.added
        if let rowID = try CourseRows.rowID(of: course.id, version: course.version, in: db) {
            if try CourseRows.course(rowID: rowID, in: db) == course {
                outcome = .unchanged
            } else if replacing {
                try db.execute(sql: "DELETE FROM course WHERE rowID = ?", arguments: [rowID])
                outcome = .replaced
            } else {
                throw CourseConflictError(id: course.id, version: course.version, reason: .changedContent)
            }
        }
        if outcome != .unchanged { try CourseRows.insert(course, importedAt: importedAt, in: db) }
        imported.append(ImportedCourse(id: course.id, version: course.version, outcome: outcome))
        return outcome
    }
}

extension Store {
    /// Imports courses in one transaction: `body` adds them through the importer, and
    /// either every course is stored or, when `body` or a course throws, none is.
    ///
    /// With `dryRun` the transaction is rolled back after every check has run.
    public func importCourses(
        replacing: Bool = false, dryRun: Bool = false, _ body: (CourseImporter) throws -> Void
    ) throws -> [ImportedCourse] {
        try phrasingDatabaseErrors {
            try database.writeWithoutTransaction { db in
                var imported: [ImportedCourse] = []
                try db.inTransaction {
                    let importer = CourseImporter(db: db, replacing: replacing)
                    try body(importer)
                    imported = importer.imported
                    return dryRun ? .rollback : .commit
                }
                return imported
            }
        }
    }

    /// Every course version in the workspace, by id then version.
    public func courseSummaries() throws -> [CourseSummary] {
        try database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, version, title, durationMinutes, importedAt,
                           (SELECT count(*) FROM courseModule WHERE courseRowID = course.rowID) AS moduleCount
                    FROM course
                    """)
            return rows.compactMap { row -> CourseSummary? in
                guard let version = CourseVersion(row["version"] as String) else { return nil }
                return CourseSummary(
                    id: row["id"], version: version, title: row["title"], duration: Hours(minutes: row["durationMinutes"]),
                    moduleCount: row["moduleCount"], importedAt: row["importedAt"])
            }
            .sorted { ($0.id, $0.version) < ($1.id, $1.version) }
        }
    }

    /// The course with this id, at `version` or, without one, at its latest version.
    public func course(id: String, version: CourseVersion? = nil) throws -> Course {
        let found = try database.read { db -> Course? in
            let rows = try Row.fetchAll(db, sql: "SELECT rowID, version FROM course WHERE id = ?", arguments: [id])
            let candidates = rows.compactMap { row in CourseVersion(row["version"] as String).map { (row["rowID"] as Int64, $0) } }
            let chosen = version.map { wanted in candidates.first { $0.1 == wanted } } ?? candidates.max { $0.1 < $1.1 }
            guard let (rowID, _) = chosen else { return nil }
            return try CourseRows.course(rowID: rowID, in: db)
        }
        guard let found else { throw CourseNotFoundError(id: id, version: version) }
        return found
    }
}

/// The mapping between a ``Course`` and its rows.
///
/// Inserts go through cached prepared statements rather than record encoding: a large
/// catalogue writes hundreds of thousands of rows in one import, and this is its hot path.
/// Topics, teaching methods and assessment methods are JSON arrays on their parent row:
/// they are printed, never queried on their own.
enum CourseRows {
    /// Inserts the course's rows; `importedAt` is the import's time as GRDB stores a `Date`.
    static func insert(_ course: Course, importedAt: String, in db: Database) throws {
        var row = try RowInserter(
            db,
            sql: """
                INSERT INTO course (id, version, language, title, summary, audience, durationMinutes,
                    initialPositioning, assessmentMethods, minimumAttendancePercent, requiresPassedAssessment,
                    validityMonths, refresherCourseID, groupMinimum, groupMaximum, accessibility, importedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        row.text(course.id)
        row.text(course.version.description)
        row.text(course.language)
        row.text(course.title)
        row.text(course.summary)
        row.text(course.audience)
        row.integer(course.duration.minutes)
        row.text(course.assessment.initialPositioning)
        row.text(json(course.assessment.methods))
        row.integer(course.certification.minimumAttendancePercent)
        row.integer(course.certification.requiresPassedAssessment ? 1 : 0)
        row.integer(course.validity?.months)
        row.text(course.validity?.refresherCourse)
        row.integer(course.groupSize.minimum)
        row.integer(course.groupSize.maximum)
        row.text(course.accessibility)
        row.text(importedAt)
        try row.insert()
        let rowID = db.lastInsertedRowID

        var prerequisite = try RowInserter(
            db, sql: "INSERT INTO coursePrerequisite (courseRowID, position, kind, courseID, months, text) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, item) in course.prerequisites.enumerated() {
            prerequisite.integer(rowID)
            prerequisite.integer(position)
            switch item {
            case .course(let id):
                prerequisite.text("course")
                prerequisite.text(id)
                prerequisite.null()
                prerequisite.null()
            case .experience(let months, let description):
                prerequisite.text("experience")
                prerequisite.null()
                prerequisite.integer(months)
                prerequisite.text(description)
            case .other(let text):
                prerequisite.text("other")
                prerequisite.null()
                prerequisite.null()
                prerequisite.text(text)
            }
            try prerequisite.insert()
        }

        var objective = try RowInserter(db, sql: "INSERT INTO courseObjective (courseRowID, id, position, text) VALUES (?, ?, ?, ?)")
        for (position, item) in course.objectives.enumerated() {
            objective.integer(rowID)
            objective.text(item.id)
            objective.integer(position)
            objective.text(item.text)
            try objective.insert()
        }

        var module = try RowInserter(
            db,
            sql: """
                INSERT INTO courseModule (courseRowID, id, position, title, durationMinutes, modality, content, methods)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var link = try RowInserter(
            db, sql: "INSERT INTO courseModuleObjective (courseRowID, moduleID, objectiveID, position) VALUES (?, ?, ?, ?)")
        for (position, item) in course.modules.enumerated() {
            module.integer(rowID)
            module.text(item.id)
            module.integer(position)
            module.text(item.title)
            module.integer(item.duration.minutes)
            module.text(item.modality.rawValue)
            module.text(json(item.content))
            module.text(json(item.methods))
            try module.insert()
            for (index, objectiveID) in item.objectives.enumerated() {
                link.integer(rowID)
                link.text(item.id)
                link.text(objectiveID)
                link.integer(index)
                try link.insert()
            }
        }

        var required = try RowInserter(db, sql: "INSERT INTO courseRequiredModule (courseRowID, moduleID, position) VALUES (?, ?, ?)")
        for (position, moduleID) in course.certification.requiredModules.enumerated() {
            required.integer(rowID)
            required.text(moduleID)
            required.integer(position)
            try required.insert()
        }
    }

    /// The row id of a course version, or `nil` when the workspace lacks it.
    static func rowID(of id: String, version: CourseVersion, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT rowID FROM course WHERE id = ? AND version = ?"), arguments: [id, version.description])
    }

    /// The course a session runs.
    static func course(of session: Session, in db: Database) throws -> Course {
        guard let rowID = try rowID(of: session.courseID, version: session.courseVersion, in: db),
            let course = try course(rowID: rowID, in: db)
        else { throw CourseNotFoundError(id: session.courseID, version: session.courseVersion) }
        return course
    }

    static func course(rowID: Int64, in db: Database) throws -> Course? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM course WHERE rowID = ?", arguments: [rowID]),
            let version = CourseVersion(row["version"] as String)
        else { return nil }

        let prerequisites = try Row.fetchAll(
            db, sql: "SELECT kind, courseID, months, text FROM coursePrerequisite WHERE courseRowID = ? ORDER BY position",
            arguments: [rowID]
        ).map { row -> Prerequisite in
            switch row["kind"] as String {
            case "course": .course(id: row["courseID"])
            case "experience": .experience(months: row["months"], description: row["text"])
            default: .other(row["text"])
            }
        }
        let objectives = try Row.fetchAll(
            db, sql: "SELECT id, text FROM courseObjective WHERE courseRowID = ? ORDER BY position", arguments: [rowID]
        ).map { Objective(id: $0["id"], text: $0["text"]) }

        var links: [String: [String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT moduleID, objectiveID FROM courseModuleObjective WHERE courseRowID = ? ORDER BY moduleID, position",
            arguments: [rowID])
        {
            links[row["moduleID"], default: []].append(row["objectiveID"])
        }
        let modules = try Row.fetchAll(
            db, sql: "SELECT * FROM courseModule WHERE courseRowID = ? ORDER BY position", arguments: [rowID]
        ).map { row -> Module in
            let id: String = row["id"]
            return Module(
                id: id, title: row["title"], duration: Hours(minutes: row["durationMinutes"]),
                modality: Modality(rawValue: row["modality"]) ?? .inRoom, objectives: links[id] ?? [],
                content: try strings(row["content"]), methods: try strings(row["methods"]))
        }
        let requiredModules = try String.fetchAll(
            db, sql: "SELECT moduleID FROM courseRequiredModule WHERE courseRowID = ? ORDER BY position", arguments: [rowID])

        let validityMonths: Int? = row["validityMonths"]
        return Course(
            id: row["id"], version: version, language: row["language"], title: row["title"], summary: row["summary"],
            audience: row["audience"], duration: Hours(minutes: row["durationMinutes"]), prerequisites: prerequisites,
            objectives: objectives, modules: modules,
            assessment: Assessment(initialPositioning: row["initialPositioning"], methods: try strings(row["assessmentMethods"])),
            certification: CertificationRule(
                minimumAttendancePercent: row["minimumAttendancePercent"], requiredModules: requiredModules,
                requiresPassedAssessment: row["requiresPassedAssessment"]),
            validity: validityMonths.map { Validity(months: $0, refresherCourse: row["refresherCourseID"]) },
            groupSize: GroupSize(minimum: row["groupMinimum"], maximum: row["groupMaximum"]),
            accessibility: row["accessibility"])
    }

    /// A JSON array of strings. Written by hand: `JSONEncoder` costs more than the insert
    /// itself on Linux, and an array of strings needs only string escaping (RFC 8259 §7).
    static func json(_ strings: [String]) -> String {
        var output = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { output += "," }
            output += "\""
            guard string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                output += string
                output += "\""
                continue
            }
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
            output += "\""
        }
        return output + "]"
    }

    static func strings(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
