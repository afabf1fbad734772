public import Foundation
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
    /// The same id and version, stored before course format 1.1 gave it a classification: the
    /// file's classification is added (and its offer, if the row lacked one too), and nothing
    /// else changes.
    case classified
    /// The same id and version, stored before course format 1.2 gave it an offer: the file's
    /// offer is added, and nothing else changes.
    case completed
}

/// One course of an import and what the import did with it.
public struct ImportedCourse: Sendable, Hashable {
    /// The course's identifier.
    public var id: String
    /// The version.
    public var version: CourseVersion
    /// Added, unchanged or replaced.
    public var outcome: CourseImportOutcome
    /// How many session templates (an LHEO file's actions) the course has from this import.
    public var templates = 0
    /// The sessions this import planned for the course.
    public var plannedSessions: [String] = []
}

/// A course the store refused, named by id and version.
public struct CourseConflictError: TextError, Sendable, Hashable {
    /// Why the course was refused.
    public enum Reason: Sendable, Hashable {
        /// The store holds the same id and version with other content.
        case changedContent
        /// The same id and version came twice in one import.
        case repeatedInImport
        /// The store holds the same course with other session templates.
        case changedTemplates
    }

    /// The course's identifier.
    public var id: String
    /// The version.
    public var version: CourseVersion
    /// Why.
    public var reason: Reason

    public var text: Text {
        switch reason {
        case .changedContent:
            "course \(id) version \(version) is already in the workspace with different content: give the changed course a new version, or import with --replace"
        case .repeatedInImport:
            "course \(id) version \(version) appears twice in this import"
        case .changedTemplates:
            "course \(id) version \(version) is already in the workspace with other actions (session templates): import with --replace to take the file's"
        }
    }
}

/// No course with this id (and version) in the workspace.
public struct CourseNotFoundError: TextError, Sendable, Hashable {
    /// The identifier asked for.
    public var id: String
    /// The version asked for, if one was.
    public var version: CourseVersion?

    /// Creates the error for a course asked for by id and, optionally, version.
    public init(id: String, version: CourseVersion?) {
        self.id = id
        self.version = version
    }

    public var text: Text {
        if let version { "no course \(id) version \(version) in the workspace" } else { "no course \(id) in the workspace" }
    }
}

private struct CourseKey: Hashable {
    var id: String
    var version: CourseVersion
}

/// Adds courses to the store inside one import transaction; see ``Store/importCourses(replacing:dryRun:_:)``.
public final class CourseImporter {
    private let db: any SQLConnection
    private let replacing: Bool
    /// The import's time, once, in the form GRDB stores and reads back as a `Date`.
    private let importedAt = storedTimestamp(Date())
    private var seen: Set<CourseKey> = []
    private var json = JSONWriter()
    /// Every course given so far, in order, with what was done with it.
    public private(set) var imported: [ImportedCourse] = []

    init(db: any SQLConnection, replacing: Bool) {
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
            if try CourseRows.row(rowID, holds: course, json: &json, in: db) {
                outcome = .unchanged
            } else if let lacks = try CourseRows.row(rowID, lacksOnly: course, json: &json, in: db) {
                if lacks.classification, let classification = course.classification {
                    try CourseRows.classify(rowID, classification, json: &json, in: db)
                }
                if lacks.offer, let offer = course.offer { try CourseRows.offer(rowID, offer, json: &json, in: db) }
                outcome = lacks.classification ? .classified : .completed
            } else if replacing {
                try db.execute(sql: "DELETE FROM course WHERE rowID = ?", arguments: [rowID])
                outcome = .replaced
            } else {
                throw CourseConflictError(id: course.id, version: course.version, reason: .changedContent)
            }
        }
        if outcome == .added || outcome == .replaced { try CourseRows.insert(course, importedAt: importedAt, json: &json, in: db) }
        imported.append(ImportedCourse(id: course.id, version: course.version, outcome: outcome))
        return outcome
    }

    /// Stores how `course`, just added, is run when offered: its session templates, in
    /// order. A course that has them already keeps them when they are the same; other ones
    /// replace them only when the import replaces.
    public func setTemplates(_ templates: [SessionTemplate], of course: Course) throws {
        guard !templates.isEmpty, let rowID = try CourseRows.rowID(of: course.id, version: course.version, in: db) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var rows: [String] = []
        for template in templates { rows.append(String(decoding: try encoder.encode(template), as: UTF8.self)) }
        let stored = try db.all(
            String.self, sql: "SELECT template FROM sessionTemplate WHERE courseRowID = ? ORDER BY position", arguments: [rowID])
        if stored == rows { return recordTemplates(templates.count) }
        if !stored.isEmpty {
            guard replacing else { throw CourseConflictError(id: course.id, version: course.version, reason: .changedTemplates) }
            try db.execute(sql: "DELETE FROM sessionTemplate WHERE courseRowID = ?", arguments: [rowID])
        }
        for (position, (template, row)) in zip(templates, rows).enumerated() {
            try db.execute(
                sql: "INSERT INTO sessionTemplate (courseRowID, position, number, template) VALUES (?, ?, ?, ?)",
                arguments: [rowID, position, template.number, row])
        }
        recordTemplates(templates.count)
    }

    private func recordTemplates(_ count: Int) {
        if !imported.isEmpty { imported[imported.count - 1].templates = count }
    }

    /// What ``plan(_:of:by:)`` found.
    public enum PlanOutcome: Sendable, Hashable {
        case planned
        /// Planned the same way before: left as it is.
        case alreadyPlanned
        /// A session of that id was cancelled: an import does not plan it again.
        case cancelled
    }

    /// Plans `session` of `course`, just added, with the checks of ``Store/plan(_:allowingPartial:by:at:)``.
    /// A session of that id planned the same way already is left as it is, and a cancelled one
    /// too; planned otherwise, it is refused. Nothing is written when it is refused.
    public func plan(_ session: Session, of course: Course, by planner: String) throws -> PlanOutcome {
        if let existing = try SessionRows.session(id: session.id, in: db) {
            if existing.status == .cancelled { return .cancelled }
            guard existing.courseID == session.courseID, existing.courseVersion == session.courseVersion,
                existing.slots == session.slots, existing.place == session.place
            else { throw SessionError(sessionID: session.id, reasons: ["a session with this id already exists, planned otherwise"]) }
            return .alreadyPlanned
        }
        try Store.plan(session, of: course, allowingPartial: false, by: planner, at: Date(), in: db)
        if !imported.isEmpty { imported[imported.count - 1].plannedSessions.append(session.id) }
        return .planned
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
        try database.write(commit: !dryRun) { db in
            let importer = CourseImporter(db: db, replacing: replacing)
            try body(importer)
            return importer.imported
        }
    }

    /// Every course version in the workspace, by id then version.
    public func courseSummaries() throws -> [CourseSummary] {
        try database.read { db in
            let rows = try db.rows(
                sql: """
                    SELECT id, version, title, durationMinutes, importedAt,
                           \(db.dialect.jsonArrayLength("modules")) AS moduleCount
                    FROM course
                    """)
            return try rows.map { row -> CourseSummary in
                let id: String = try row["id"]
                return CourseSummary(
                    id: id, version: try row.parsed("version", of: "course", key: id, CourseVersion.init), title: try row["title"],
                    duration: Hours(minutes: try row["durationMinutes"]),
                    moduleCount: try row["moduleCount"],
                    importedAt: try row.parsed("importedAt", of: "course", key: id) { date(storedTimestamp: $0) })
            }
            .sorted { ($0.id, $0.version) < ($1.id, $1.version) }
        }
    }

    /// The course with this id, at `version` or, without one, at its latest version.
    public func course(id: String, version: CourseVersion? = nil) throws -> Course {
        let found = try database.read { db -> Course? in
            let rows = try db.rows(sql: "SELECT rowID, version FROM course WHERE id = ?", arguments: [id])
            let candidates = try rows.map { row in
                (try row["rowID"] as Int64, try row.parsed("version", of: "course", key: id, CourseVersion.init))
            }
            let chosen = version.map { wanted in candidates.first { $0.1 == wanted } } ?? candidates.max { $0.1 < $1.1 }
            guard let (rowID, _) = chosen else { return nil }
            return try CourseRows.course(rowID: rowID, in: db)
        }
        guard let found else { throw CourseNotFoundError(id: id, version: version) }
        return found
    }
}

/// The mapping between a ``Course`` and its row.
///
/// A course version is written once and always read whole, so it is one row: the scalar
/// parts as columns (what `course list` and the joins need), the lists (prerequisites,
/// objectives, modules, required modules, assessment methods) as JSON text whose keys are
/// given here, never derived from Swift's `Codable`, so that the stored form cannot change
/// by accident. Migration "v5 course documents" moved older workspaces to this shape.
enum CourseRows {
    /// The columns that hold the course itself, in the order ``bindContent(_:json:to:)`` binds
    /// them: every column but `rowID` and `importedAt`.
    private static let contentColumns = [
        "id", "version", "language", "title", "summary", "audience", "durationMinutes", "initialPositioning",
        "assessmentMethods", "minimumAttendancePercent", "requiresPassedAssessment", "validityMonths", "refresherCourseID",
        "groupMinimum", "groupMaximum", "accessibility", "prerequisites", "objectives", "modules", "requiredModules",
        "nsfCodes", "generalObjective", "certificationLevel", "certificationCode", "offer",
    ]

    private static let insertSQL =
        "INSERT INTO course (\(contentColumns.joined(separator: ", ")), importedAt) VALUES ("
        + Array(repeating: "?", count: contentColumns.count + 1).joined(separator: ", ") + ")"

    /// `IS` (`IS NOT DISTINCT FROM`) rather than `=`, so that two NULLs are the same.
    private static func holdsSQL(_ dialect: SQLDialect) -> String {
        if let known = holdsSQLByOperator[dialect.nullSafeEquals] { return known }
        return "SELECT 1 FROM course WHERE rowID = ? AND "
            + contentColumns.map { "\($0) \(dialect.nullSafeEquals) ?" }.joined(separator: " AND ")
    }

    private static let holdsSQLByOperator = Dictionary(
        uniqueKeysWithValues: ["IS", "IS NOT DISTINCT FROM"].map { equals in
            (equals, "SELECT 1 FROM course WHERE rowID = ? AND " + contentColumns.map { "\($0) \(equals) ?" }.joined(separator: " AND "))
        })

    /// Inserts the course's row; `importedAt` is the import's time as GRDB stores a `Date`.
    /// `json` is a buffer reused from course to course.
    static func insert(_ course: Course, importedAt: String, json: inout JSONWriter, in db: any SQLConnection) throws {
        let row = try db.prepare(sql: insertSQL)
        bindContent(course, json: &json, to: row)
        row.bind(importedAt)
        try row.insert()
    }

    /// Whether the row `rowID` holds exactly this course.
    ///
    /// The course is encoded as for an insert and compared column by column in SQLite: the
    /// encoding is deterministic, so the same course gives the same bytes, and nothing is
    /// decoded (re-importing an unchanged catalogue costs no more than importing it). So a
    /// change to the encoding needs a migration that rewrites the stored rows, or courses
    /// stored before it would no longer compare equal to themselves.
    static func row(_ rowID: Int64, holds course: Course, json: inout JSONWriter, in db: any SQLConnection) throws -> Bool {
        let query = try db.prepare(sql: holdsSQL(db.dialect))
        query.bind(rowID)
        bindContent(course, json: &json, to: query)
        return try query.yieldsRow()
    }

    /// What later versions of the course format added that the row `rowID` lacks and the
    /// file gives (a classification in 1.1, an offer in 1.2), when the row holds the same
    /// course but for them; `nil` otherwise.
    static func row(_ rowID: Int64, lacksOnly course: Course, json: inout JSONWriter, in db: any SQLConnection) throws -> (
        classification: Bool, offer: Bool
    )? {
        guard let stored = try db.row(sql: "SELECT nsfCodes, offer FROM course WHERE rowID = ?", arguments: [rowID]) else { return nil }
        var earlier = course
        let (nsf, offer): (String?, String?) = (try stored["nsfCodes"], try stored["offer"])
        let lacks = (classification: course.classification != nil && nsf == nil, offer: course.offer != nil && offer == nil)
        guard lacks.classification || lacks.offer else { return nil }
        if lacks.classification { earlier.classification = nil }
        if lacks.offer { earlier.offer = nil }
        return try row(rowID, holds: earlier, json: &json, in: db) ? lacks : nil
    }

    /// Gives the row `rowID` the course's classification.
    static func classify(_ rowID: Int64, _ classification: Classification, json: inout JSONWriter, in db: any SQLConnection) throws {
        let update = try db.prepare(
            sql: "UPDATE course SET nsfCodes = ?, generalObjective = ?, certificationLevel = ?, certificationCode = ? WHERE rowID = ?")
        update.bind(json: &json) { $0.strings(classification.nsf) }
        update.bind(classification.generalObjective?.rawValue)
        update.bind(classification.level)
        update.bind(classification.certificationCode)
        update.bind(rowID)
        try update.insert()
    }

    /// Gives the row `rowID` the course's offer.
    static func offer(_ rowID: Int64, _ offer: CourseOffer, json: inout JSONWriter, in db: any SQLConnection) throws {
        let update = try db.prepare(sql: "UPDATE course SET offer = ? WHERE rowID = ?")
        update.bind(json: &json) { write(offer, to: &$0) }
        update.bind(rowID)
        try update.insert()
    }

    private static func bindContent(_ course: Course, json: inout JSONWriter, to row: any SQLStatement) {
        row.bind(course.id)
        row.bind(course.version.description)
        row.bind(course.language)
        row.bind(course.title)
        row.bind(course.summary)
        row.bind(course.audience)
        row.bind(course.duration.minutes)
        row.bind(course.assessment.initialPositioning)
        row.bind(json: &json) { $0.strings(course.assessment.methods) }
        row.bind(course.certification.minimumAttendancePercent)
        row.bind(course.certification.requiresPassedAssessment)
        row.bind(course.validity?.months)
        row.bind(course.validity?.refresherCourse)
        row.bind(course.groupSize.minimum)
        row.bind(course.groupSize.maximum)
        row.bind(course.accessibility)
        row.bind(json: &json) { write(course.prerequisites, to: &$0) }
        row.bind(json: &json) { write(course.objectives, to: &$0) }
        row.bind(json: &json) { write(course.modules, to: &$0) }
        row.bind(json: &json) { $0.strings(course.certification.requiredModules) }
        // Without a classification, NULLs: the rows stored before there was one hold them.
        if let classification = course.classification {
            row.bind(json: &json) { $0.strings(classification.nsf) }
        } else {
            row.bind(nil as String?)
        }
        row.bind(course.classification?.generalObjective?.rawValue)
        row.bind(course.classification?.level)
        row.bind(course.classification?.certificationCode)
        // Without an offer, NULL: the rows stored before course format 1.2 hold it.
        if let offer = course.offer {
            row.bind(json: &json) { write(offer, to: &$0) }
        } else {
            row.bind(nil as String?)
        }
    }

    /// The offer (course format 1.2) as its column holds it, in a fixed order, an absent part
    /// left out: what `CourseOffer`'s decoding reads.
    static func write(_ offer: CourseOffer, to writer: inout JSONWriter) {
        func codes(_ key: StaticString, _ codes: [CourseOffer.Code], _ writer: inout JSONWriter) {
            writer.key(key)
            writer.array { writer in
                for code in codes {
                    writer.object { writer in
                        writer.key("code")
                        writer.string(code.code)
                        writer.key("version")
                        writer.string(code.version)
                    }
                }
            }
        }
        func optional(_ key: StaticString, _ value: String?, _ writer: inout JSONWriter) {
            guard let value else { return }
            writer.key(key)
            writer.string(value)
        }
        writer.object { writer in
            codes("formacodes", offer.formacodes, &writer)
            writer.key("romeCodes")
            writer.strings(offer.romeCodes)
            optional("expectedResults", offer.expectedResults, &writer)
            if let level = offer.entryLevel {
                writer.key("entryLevel")
                writer.integer(level)
            }
            if let level = offer.exitLevel {
                writer.key("exitLevel")
                writer.integer(level)
            }
            codes("publics", offer.publics, &writer)
            writer.key("places")
            writer.array { writer in
                for place in offer.places {
                    writer.object { writer in
                        optional("name", place.name, &writer)
                        writer.key("lines")
                        writer.strings(place.lines)
                        writer.key("postcode")
                        writer.string(place.postcode)
                        writer.key("city")
                        writer.string(place.city)
                        optional("inseeCode", place.inseeCode, &writer)
                    }
                }
            }
            writer.key("funders")
            writer.array { writer in
                for funder in offer.funders { writer.integer(funder) }
            }
            if let contact = offer.contact {
                writer.key("contact")
                writer.object { writer in
                    optional("name", contact.name, &writer)
                    optional("phone", contact.phone, &writer)
                    optional("email", contact.email, &writer)
                    optional("web", contact.web, &writer)
                }
            }
        }
    }

    static func write(_ objectives: [Objective], to writer: inout JSONWriter) {
        writer.array { writer in
            for objective in objectives {
                writer.object { writer in
                    writer.key("id")
                    writer.string(objective.id)
                    writer.key("text")
                    writer.string(objective.text)
                }
            }
        }
    }

    static func write(_ prerequisites: [Prerequisite], to writer: inout JSONWriter) {
        writer.array { writer in
            for prerequisite in prerequisites {
                writer.object { writer in
                    writer.key("kind")
                    switch prerequisite {
                    case .course(let id):
                        writer.string("course")
                        writer.key("courseID")
                        writer.string(id)
                    case .experience(let months, let description):
                        writer.string("experience")
                        if let months {
                            writer.key("months")
                            writer.integer(months)
                        }
                        writer.key("text")
                        writer.string(description)
                    case .other(let text):
                        writer.string("other")
                        writer.key("text")
                        writer.string(text)
                    }
                }
            }
        }
    }

    static func write(_ modules: [Module], to writer: inout JSONWriter) {
        writer.array { writer in
            for module in modules { write(module, to: &writer) }
        }
    }

    private static func write(_ module: Module, to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("id")
            writer.string(module.id)
            writer.key("title")
            writer.string(module.title)
            writer.key("durationMinutes")
            writer.integer(module.duration.minutes)
            writer.key("modality")
            writer.string(module.modality.rawValue)
            writer.key("objectives")
            writer.strings(module.objectives)
            writer.key("content")
            writer.strings(module.content)
            writer.key("methods")
            writer.strings(module.methods)
        }
    }

    /// The row id of a course version, or `nil` when the workspace lacks it.
    static func rowID(of id: String, version: CourseVersion, in db: any SQLConnection) throws -> Int64? {
        try db.one(Int64.self, sql: "SELECT rowID FROM course WHERE id = ? AND version = ?", arguments: [id, version.description])
    }

    /// The title of the course a session runs (its id, should the course be missing), without
    /// reading the whole course.
    static func title(of session: Session, db: any SQLConnection) throws -> String {
        try db.one(
            String.self, sql: "SELECT title FROM course WHERE id = ? AND version = ?",
            arguments: [session.courseID, session.courseVersion.description]) ?? session.courseID
    }

    /// The course a session runs.
    static func course(of session: Session, in db: any SQLConnection) throws -> Course {
        guard let rowID = try rowID(of: session.courseID, version: session.courseVersion, in: db),
            let course = try course(rowID: rowID, in: db)
        else { throw CourseNotFoundError(id: session.courseID, version: session.courseVersion) }
        return course
    }

    static func course(rowID: Int64, in db: any SQLConnection) throws -> Course? {
        guard let row = try db.row(sql: "SELECT * FROM course WHERE rowID = ?", arguments: [rowID]) else { return nil }
        let key = "\(try row["id"] as String? ?? "") (row \(rowID))"
        let version = try row.parsed("version", of: "course", key: key, CourseVersion.init)
        let validityMonths: Int? = try row["validityMonths"]
        func decode<T: Decodable>(_ type: T.Type, _ column: String) throws -> T {
            try row.parsed(column, of: "course", key: key) { try? Self.decode(type, $0) }
        }
        return Course(
            id: try row["id"], version: version, language: try row["language"], title: try row["title"], summary: try row["summary"],
            audience: try row["audience"], duration: Hours(minutes: try row["durationMinutes"]),
            prerequisites: try decode([StoredPrerequisite].self, "prerequisites").map(\.prerequisite),
            objectives: try decode([StoredObjective].self, "objectives").map { Objective(id: $0.id, text: $0.text) },
            modules: try decode([StoredModule].self, "modules").map(\.module),
            assessment: Assessment(initialPositioning: try row["initialPositioning"], methods: try strings(row["assessmentMethods"])),
            certification: CertificationRule(
                minimumAttendancePercent: try row["minimumAttendancePercent"], requiredModules: try strings(row["requiredModules"]),
                requiresPassedAssessment: try row["requiresPassedAssessment"]),
            validity: try validityMonths.map { Validity(months: $0, refresherCourse: try row["refresherCourseID"]) },
            groupSize: GroupSize(minimum: try row["groupMinimum"], maximum: try row["groupMaximum"]),
            accessibility: try row["accessibility"],
            classification: try (row["nsfCodes"] as String?).map { nsf in
                Classification(
                    nsf: try strings(nsf),
                    generalObjective: try row.parsedIfPresent(
                        "generalObjective", of: "course", key: key, Classification.GeneralObjective.init(rawValue:)),
                    level: try row["certificationLevel"], certificationCode: try row["certificationCode"])
            },
            offer: try row.parsedIfPresent("offer", of: "course", key: key) {
                try? JSONDecoder().decode(CourseOffer.self, from: Data($0.utf8))
            })
    }

    private struct StoredObjective: Decodable {
        var id: String
        var text: String
    }

    private struct StoredModule: Decodable {
        var id: String
        var title: String
        var durationMinutes: Int
        var modality: Modality
        var objectives: [String]
        var content: [String]
        var methods: [String]

        var module: Module {
            Module(
                id: id, title: title, duration: Hours(minutes: durationMinutes), modality: modality,
                objectives: objectives, content: content, methods: methods)
        }
    }

    private struct StoredPrerequisite: Decodable {
        var kind: String
        var courseID: String?
        var months: Int?
        var text: String?

        var prerequisite: Prerequisite {
            switch kind {
            case "course": .course(id: courseID ?? "")
            case "experience": .experience(months: months, description: text ?? "")
            default: .other(text ?? "")
            }
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// A JSON array of strings.
    static func json(_ strings: [String]) -> String {
        var writer = JSONWriter()
        writer.strings(strings)
        return writer.text
    }

    static func strings(_ text: String) throws -> [String] {
        try decode([String].self, text)
    }
}

extension Store {
    /// How a course version is run when offered (its LHEO actions), in the offer's order.
    public func sessionTemplates(of courseID: String, version: CourseVersion) throws -> [SessionTemplate] {
        try database.read { db in
            guard let rowID = try CourseRows.rowID(of: courseID, version: version, in: db) else {
                throw CourseNotFoundError(id: courseID, version: version)
            }
            let decoder = JSONDecoder()
            return try db.all(
                String.self, sql: "SELECT template FROM sessionTemplate WHERE courseRowID = ? ORDER BY position", arguments: [rowID]
            )
            .map { try decoder.decode(SessionTemplate.self, from: Data($0.utf8)) }
        }
    }
}
