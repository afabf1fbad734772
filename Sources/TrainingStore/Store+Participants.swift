import Foundation
public import TrainingCore

/// A participant the store refused, with the reason.
public struct ParticipantError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text
    /// The position of the refused participant in what was given to ``Store/add(_:)``.
    public var index: Int

    /// Creates the error.
    public init(_ text: Text, index: Int) {
        self.text = text
        self.index = index
    }
}

/// What an enrolment did.
public struct EnrolmentResult: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// Enrolled, or on the waiting list.
    public var status: EnrolmentStatus
}

/// A participant refused in a session, with every reason.
public struct EnrolmentError: TextError, Sendable, Hashable {
    /// The participant.
    public var participantID: String
    /// The session.
    public var sessionID: String
    /// Why.
    public var reasons: [Text]

    public var text: Text {
        "\(participantID) cannot be enrolled in session \(sessionID): " + reasons.joined(separator: "; ")
    }
}

/// One person's enrolment in a session, for `session show`.
public struct Enrolment: Sendable, Hashable, Codable {
    /// The participant.
    public var participant: Participant
    /// Enrolled, waitlisted or withdrawn.
    public var status: EnrolmentStatus
    /// Whether the trainer confirmed the declared experience.
    public var experienceConfirmed: Bool
    /// For someone waiting, their place in the line (1 is offered the next seat).
    public var position: Int?
}

extension Store {
    /// Adds participants, all or none. A participant without an id gets the next `P-0001`.
    /// One whose email or external id is already known is refused as a duplicate. Their
    /// employers are found by name, or added; `employers` gives the kind and SIRET of some,
    /// by the position of the participant whose line gave them (filling in those of a known
    /// employer, refused at that position when they contradict them).
    @discardableResult
    public func add(_ participants: [Participant], employers details: [Int: Employer] = [:]) throws -> [Participant] {
        try database.write { db in
            for (index, employer) in details.sorted(by: { $0.key < $1.key }) {
                do {
                    try EmployerRows.merge(employer, in: db)
                } catch let error as EmployerError {
                    throw ParticipantError(error.text, index: index)
                }
            }
            var next = try ParticipantRows.lastNumber(in: db)
            // A list of many thousands is one batch: its statements are prepared once, and
            // its time is formatted once, as GRDB stores a `Date`.
            let createdAt = storedTimestamp(Date())
            let insert = try db.prepare(
                sql: """
                    INSERT INTO participant (id, firstName, lastName, email, profession, employerID, hireDate, externalID, birthDate, gender,
                        createdAt, roleSince)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // Each employer's name is looked up once per list.
            var employers: [String: String] = [:]
            var added: [Participant] = []
            added.reserveCapacity(participants.count)
            // The emails and external ids the list shares with the register, asked a few hundred
            // at a time rather than once per person (a round trip each, on a server). An email
            // found so, or met earlier in the list, is then checked alone, as the store compares
            // emails; the others cannot be taken.
            var (suspects, externals) = try ParticipantRows.taken(participants, in: db)
            for (index, var participant) in participants.enumerated() {
                if let problem = participant.problems().first { throw ParticipantError(problem, index: index) }
                if let email = participant.email, !suspects.insert(email.lowercased()).inserted,
                    let other = try db.one(String.self, sql: "SELECT id FROM participant WHERE \(db.dialect.sameEmail)", arguments: [email])
                {
                    throw ParticipantError("\(email) is already participant \(other)", index: index)
                }
                if let external = participant.externalID, let other = externals[external] {
                    throw ParticipantError("external id \(external) is already participant \(other)", index: index)
                }
                if participant.id.isEmpty {
                    next += 1
                    participant.id = numbered("P", next)
                } else if try db.exists(sql: "SELECT 1 FROM participant WHERE id = ?", arguments: [participant.id]) {
                    throw ParticipantError("participant id \(participant.id) is already taken", index: index)
                }
                insert.bind(participant.id)
                insert.bind(participant.firstName)
                insert.bind(participant.lastName)
                insert.bind(participant.email)
                insert.bind(participant.profession)
                if let name = participant.employer, employers[name] == nil {
                    employers[name] = try EmployerRows.resolve(name, in: db)
                }
                insert.bind(participant.employer.flatMap { employers[$0] })
                insert.bind(participant.hireDate?.description)
                insert.bind(participant.externalID)
                insert.bind(participant.birthDate?.description)
                insert.bind(participant.gender?.rawValue)
                insert.bind(createdAt)
                insert.bind(participant.roleSince?.description)
                try insert.insert()
                if let external = participant.externalID { externals[external] = participant.id }
                added.append(participant)
            }
            return added
        }
    }

    /// Every participant, by family name.
    public func participants() throws -> [Participant] {
        try database.read { db in
            // By family name (ASCII case folded), first name, id.
            try db.rows(sql: "SELECT * FROM \(ParticipantRows.withEmployer) p WHERE mergedInto IS NULL").map(Self.participant).sorted {
                a, b in
                if !a.lastName.caseFoldedEquals(b.lastName) { return a.lastName.caseFoldedLess(b.lastName) }
                if a.firstName != b.firstName { return a.firstName.byteLess(b.firstName) }
                return a.id.byteLess(b.id)
            }
        }
    }

    /// Everyone whose details hold every word of `text`, as ``Swift/String/searchFolded``
    /// folds them: the id, names, email, employer and external id of the person and of the
    /// duplicates merged into them (a search by a duplicate's old email finds the person),
    /// by family name.
    public func find(_ text: String) throws -> [Participant] {
        let words = text.searchFolded.split(separator: " ")
        guard !words.isEmpty else { return [] }
        return try database.read { db in
            var found: Set<String> = []
            for row in try db.rows(sql: "SELECT * FROM \(ParticipantRows.withEmployer) p", arguments: []) {
                let person = try Self.participant(row)
                let known = [person.id, person.firstName, person.lastName, person.email, person.employer, person.externalID]
                    .compactMap { $0 }.joined(separator: " ").searchFolded
                guard words.allSatisfy({ known.contains($0) }) else { continue }
                found.insert(try Self.participantID(for: person.id, in: db))
            }
            return try found.compactMap { try Self.participant(id: $0, in: db) }.sorted { a, b in
                if !a.lastName.caseFoldedEquals(b.lastName) { return a.lastName.caseFoldedLess(b.lastName) }
                if a.firstName != b.firstName { return a.firstName.byteLess(b.firstName) }
                return a.id.byteLess(b.id)
            }
        }
    }

    /// The participant known by this id, email or external id.
    /// A duplicate merged into someone gives that person.
    public func participant(_ key: String) throws -> Participant {
        try database.read { db in
            let id = try Self.participantID(for: key, in: db)
            guard let found = try Self.participant(id: id, in: db) else { throw NotFoundError(kind: .participant, id: key) }
            return found
        }
    }

    /// The id of the participant known by this id, email or external id; for a duplicate
    /// merged into someone, that person's.
    static func participantID(for key: String, in db: any SQLConnection) throws -> String {
        guard
            var row = try db.row(
                sql: """
                    SELECT id, mergedInto FROM participant WHERE id = ? OR \(db.dialect.sameEmail) OR externalID = ?
                    ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END LIMIT 1
                    """,
                arguments: [key, key, key, key])
        else { throw NotFoundError(kind: .participant, id: key) }
        // A merge into someone later merged too: follow, a bounded number of times.
        for _ in 0..<16 {
            guard let next = try row["mergedInto"] as String?,
                let found = try db.row(sql: "SELECT id, mergedInto FROM participant WHERE id = ?", arguments: [next])
            else { break }
            row = found
        }
        return try row["id"]
    }

    /// `id` and the ids of the duplicates merged into it, directly or through another,
    /// whose records in closed sessions are its own.
    static func identities(of id: String, in db: any SQLConnection) throws -> [String] {
        // A level of duplicates at a time, each an indexed search: most people have none, so
        // one query. (A recursive query joined the whole table on PostgreSQL until the table
        // was analysed: 23 ms a person after an import of 100,000.)
        var found = [id]
        var level = [id]
        while !level.isEmpty {
            level = try db.all(
                String.self, sql: "SELECT id FROM participant WHERE mergedInto IN (\(placeholders(level.count))) ORDER BY id",
                arguments: inList(level)
            ).filter { !found.contains($0) }
            found += level
        }
        return found
    }

    /// The id under which the person known by `key` is enrolled in a session: a merged
    /// duplicate's own id in the sessions it attended before the merge, the person's otherwise.
    static func participantID(for key: String, inSession sessionID: String, db: any SQLConnection) throws -> String {
        if let direct = try db.one(
            String.self, sql: "SELECT participantID FROM enrolment WHERE sessionID = ? AND participantID = ?", arguments: [sessionID, key])
        {
            return direct
        }
        let person = try participantID(for: key, in: db)
        let enrolled = Set(try db.all(String.self, sql: "SELECT participantID FROM enrolment WHERE sessionID = ?", arguments: [sessionID]))
        return try identities(of: person, in: db).first(where: enrolled.contains) ?? person
    }

    /// The id under which the person known by `key` is enrolled in the session, as
    /// ``participantID(for:inSession:db:)`` finds it.
    public func participantID(_ key: String, inSession sessionID: String) throws -> String {
        try database.read { db in try Self.participantID(for: key, inSession: sessionID, db: db) }
    }

    /// The participant with exactly this id, as stored (a merged duplicate as itself).
    static func participant(id: String, in db: any SQLConnection) throws -> Participant? {
        try db.row(sql: "SELECT * FROM \(ParticipantRows.withEmployer) p WHERE id = ?", arguments: [id]).map(participant)
    }

    /// The tables that keep records under a participant's and a session's ids, with what
    /// one of their rows is called: what stops a removal, a merge or an id's reuse.
    static let recordTables: [(table: String, noun: String)] = [
        ("attendanceEvent", "attendance record"), ("moduleProgress", "progress record"), ("objectiveResult", "result"),
        ("certificate", "certificate"),
    ]

    static func participant(_ row: SQLRow) throws -> Participant {
        try Participant(
            id: row["id"], firstName: row["firstName"], lastName: row["lastName"], email: row["email"], profession: row["profession"],
            employer: row["employer"], hireDate: (row["hireDate"] as String?).flatMap(LocalDate.init), externalID: row["externalID"],
            birthDate: (row["birthDate"] as String?).flatMap(LocalDate.init),
            gender: (row["gender"] as String?).flatMap(Participant.Gender.init(rawValue:)),
            roleSince: (row["roleSince"] as String?).flatMap(LocalDate.init))
    }

    /// Enrols participants (by id, email or external id) in a session, all or none: seats
    /// first, then the waiting list in order. The course's prerequisites are checked: a
    /// prior course completed in a closed session, declared experience confirmed by the trainer.
    public func enrol(_ keys: [String], in sessionID: String, experienceConfirmed: Bool = false) throws -> [EnrolmentResult] {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            guard session.status == .planned || session.status == .running else {
                throw SessionError(sessionID: sessionID, reasons: ["it is \(session.status.words): nobody can be enrolled"])
            }
            let course = try CourseRows.course(of: session, in: db)
            var results: [EnrolmentResult] = []
            // The seats taken and the last place in the line, read once: only this
            // transaction changes them while it runs.
            var seated =
                try db.one(
                    Int.self, sql: "SELECT count(*) FROM enrolment WHERE sessionID = ? AND status = 'enrolled'", arguments: [sessionID])
                ?? 0
            var queuedAt = try db.one(Int.self, sql: "SELECT max(queuedAt) FROM enrolment WHERE sessionID = ?", arguments: [sessionID]) ?? 0
            for key in keys {
                let participantID = try Self.participantID(for: key, in: db)
                try RetentionRows.refuseErased(participantID, db: db)
                // A merged duplicate's place is the person's: one person, one place.
                let identities = try Self.identities(of: participantID, in: db)
                let current = try db.one(
                    String.self,
                    sql: """
                        SELECT status FROM enrolment WHERE sessionID = ? AND participantID IN (\(placeholders(identities.count)))
                        ORDER BY status = 'withdrawn' LIMIT 1
                        """, arguments: [sessionID] + inList(identities))
                if current == EnrolmentStatus.enrolled.rawValue || current == EnrolmentStatus.waitlisted.rawValue {
                    throw EnrolmentError(
                        participantID: participantID, sessionID: sessionID,
                        reasons: ["already \(EnrolmentStatus(rawValue: current ?? "")?.words ?? Text(verbatim: current ?? ""))"])
                }
                let completed = try Set(course.requiredCourses.filter { try hasCompleted(participantID, course: $0, in: db) })
                let reasons = course.prerequisiteProblems(
                    of: participantID, completed: completed, experienceConfirmed: experienceConfirmed)
                guard reasons.isEmpty else {
                    throw EnrolmentError(participantID: participantID, sessionID: sessionID, reasons: reasons)
                }
                let status: EnrolmentStatus = seated < session.capacity ? .enrolled : .waitlisted
                if status == .enrolled { seated += 1 }
                queuedAt += 1
                try db.execute(
                    sql: """
                        INSERT INTO enrolment (sessionID, participantID, status, experienceConfirmed, queuedAt) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (sessionID, participantID) DO UPDATE SET status = excluded.status,
                            experienceConfirmed = excluded.experienceConfirmed, queuedAt = excluded.queuedAt
                        """, arguments: [sessionID, participantID, status.rawValue, experienceConfirmed, queuedAt])
                results.append(EnrolmentResult(participantID: participantID, status: status))
            }
            return results
        }
    }

    /// Withdraws a participant; when they held a seat, the first on the waiting list takes it.
    /// Returns who moved up, if anyone.
    @discardableResult
    public func withdraw(_ key: String, from sessionID: String) throws -> String? {
        try database.write { db in
            let participantID = try Self.participantID(for: key, inSession: sessionID, db: db)
            guard let session = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            guard session.status == .planned || session.status == .running else {
                throw SessionError(
                    sessionID: sessionID,
                    reasons: ["it is \(session.status.words): nobody can be withdrawn, its enrolments are final"])
            }
            guard
                let current = try db.one(
                    String.self, sql: "SELECT status FROM enrolment WHERE sessionID = ? AND participantID = ?",
                    arguments: [sessionID, participantID]),
                current != EnrolmentStatus.withdrawn.rawValue
            else {
                throw EnrolmentError(participantID: participantID, sessionID: sessionID, reasons: ["not enrolled, so not withdrawn"])
            }
            try db.execute(
                sql: "UPDATE enrolment SET status = 'withdrawn' WHERE sessionID = ? AND participantID = ?",
                arguments: [sessionID, participantID])
            guard current == EnrolmentStatus.enrolled.rawValue,
                let next = try db.one(
                    String.self,
                    sql: "SELECT participantID FROM enrolment WHERE sessionID = ? AND status = 'waitlisted' ORDER BY queuedAt LIMIT 1",
                    arguments: [sessionID])
            else { return nil }
            try db.execute(
                sql: "UPDATE enrolment SET status = 'enrolled' WHERE sessionID = ? AND participantID = ?", arguments: [sessionID, next])
            return next
        }
    }

    /// The session's enrolments, seated first, then the waiting list in order, then withdrawals.
    public func enrolments(in sessionID: String) throws -> [Enrolment] {
        try database.read { db in try Self.enrolments(in: sessionID, db: db) }
    }

    /// The order a session lists the people holding a seat: by family name, case and
    /// accents folded, then in the order they enrolled.
    static func seatedBefore(_ a: (lastName: String, queued: Int), _ b: (lastName: String, queued: Int)) -> Bool {
        a.lastName.caseFoldedEquals(b.lastName) ? a.queued < b.queued : a.lastName.caseFoldedLess(b.lastName)
    }

    static func enrolments(in sessionID: String, db: any SQLConnection) throws -> [Enrolment] {
        try enrolments(in: [sessionID], db: db)[sessionID] ?? []
    }

    /// Each session's enrolments, seated by name then those waiting in line: one statement for
    /// up to 500 sessions.
    static func enrolments(in sessionIDs: [String], db: any SQLConnection) throws -> [String: [Enrolment]] {
        var rows: [String: [SQLRow]] = [:]
        // Each session read once, however often asked for.
        try inBatches(sessionIDs) { chunk in
            for row in try db.rows(
                sql: """
                    SELECT p.*, e.sessionID AS enrolmentSessionID, e.status AS enrolmentStatus, e.experienceConfirmed, e.queuedAt
                    FROM enrolment e JOIN \(ParticipantRows.withEmployer) p ON p.id = e.participantID
                    WHERE e.sessionID IN (\(placeholders(chunk.count)))
                    """, arguments: chunk)
            {
                rows[try row["enrolmentSessionID"], default: []].append(row)
            }
        }
        var enrolments: [String: [Enrolment]] = [:]
        for (sessionID, rows) in rows {
            let ranked = try rows.map { row in
                (
                    row: row, status: try row["enrolmentStatus"] as String, lastName: try row["lastName"] as String,
                    queued: try row["queuedAt"] as Int
                )
            }
            let rank = ["enrolled": 0, "waitlisted": 1]
            // Those waiting in the order they joined the line, the others by name.
            var position = 0
            enrolments[sessionID] = try ranked.sorted { a, b in
                let (x, y) = (rank[a.status] ?? 2, rank[b.status] ?? 2)
                if x != y { return x < y }
                if a.status == "waitlisted" { return a.queued < b.queued }
                return Self.seatedBefore((a.lastName, a.queued), (b.lastName, b.queued))
            }.map(\.row).map { row in
                let status = try row.parsed(
                    "enrolmentStatus", of: "enrolment", key: "\(sessionID) \(row["id"] as String? ?? "")", EnrolmentStatus.init(rawValue:))
                if status == .waitlisted { position += 1 }
                return Enrolment(
                    participant: try Self.participant(row), status: status, experienceConfirmed: try row["experienceConfirmed"],
                    position: status == .waitlisted ? position : nil)
            }
        }
        return enrolments
    }

    /// Whether the participant completed a course: enrolled in a closed session of it and
    /// attended at least the share of hours its certification rule asks.
    /// Sessions a merged duplicate attended count.
    func hasCompleted(_ participantID: String, course courseID: String, in db: any SQLConnection) throws -> Bool {
        let identities = try Self.identities(of: participantID, in: db)
        let rows = try db.rows(
            sql: """
                SELECT s.id, e.participantID FROM session s JOIN course c ON c.rowID = s.courseRowID JOIN enrolment e ON e.sessionID = s.id
                WHERE c.id = ? AND s.status = 'closed' AND e.status = 'enrolled'
                  AND e.participantID IN (\(placeholders(identities.count)))
                """, arguments: [courseID] + inList(identities))
        for row in rows {
            let (sessionID, enrolled): (String, String) = (try row["id"], try row["participantID"])
            guard let session = try SessionRows.session(id: sessionID, in: db) else { continue }
            let course = try CourseRows.course(of: session, in: db)
            let marks = try AttendanceRows.currentMarks(in: sessionID, participantID: enrolled, db: db)
            if course.isCompleted(by: session.attendedHours(of: [enrolled], marks: marks)[0]) { return true }
        }
        return false
    }
}

enum ParticipantRows {
    /// The columns a compliance report reads of a person (`p`): what it prints, and what
    /// obligations count from; in this order, which ``reported(_:from:professions:)`` reads by position.
    static let reported = "p.id, p.firstName, p.lastName, p.email, p.profession, p.hireDate, p.roleSince, p.createdAt, p.employerID"
    /// The ``reported`` columns with the names and email left empty.
    static let unnamed =
        "p.id, '' AS firstName, '' AS lastName, NULL AS email, p.profession, p.hireDate, p.roleSince, p.createdAt, p.employerID"

    /// A person from the ``reported`` (or ``unnamed``) columns read in place, from `first` on:
    /// id, first name, last name, email, profession, hire date, role date, creation, employer.
    /// `professions` keeps the professions met, so that people who share one share its string.
    static func reported(_ row: SQLCursor, from first: Int = 0, professions: inout Interned) throws -> Participant {
        let id = try row.string(first, "id", of: "participant", key: "?")
        func text(_ offset: Int, _ name: String) throws -> String { try row.string(first + offset, name, of: "participant", key: id) }
        func optional(_ offset: Int, _ name: String) throws -> String? {
            try row.stringIfPresent(first + offset, name, of: "participant", key: id)
        }
        return Participant(
            id: id, firstName: try text(1, "firstName"), lastName: try text(2, "lastName"), email: try optional(3, "email"),
            profession: try professions.stringIfPresent(row, first + 4, "profession", of: "participant", key: id),
            hireDate: try row.parsedIfPresent(first + 5, "hireDate", of: "participant", key: id) { LocalDate(utf8: $0) },
            roleSince: try row.parsedIfPresent(first + 6, "roleSince", of: "participant", key: id) { LocalDate(utf8: $0) })
    }

    /// The person in `row` (its ``reported`` or ``unnamed`` columns) as a member of staff:
    /// hired on their hire date, or when the register learnt of them. With `person`, the
    /// person already read from `row`, whose fields are not read again.
    static func member(_ row: SQLCursor, professions: inout Interned, reported person: Participant? = nil) throws -> StaffMember {
        let id = try person?.id ?? row.string(0, "id", of: "participant", key: "?")
        let role = try person.map(\.profession) ?? professions.stringIfPresent(row, 4, "profession", of: "participant", key: id)
        let hire = try person.map(\.hireDate) ?? row.parsedIfPresent(5, "hireDate", of: "participant", key: id) { LocalDate(utf8: $0) }
        let roleSince =
            try person.map(\.roleSince) ?? row.parsedIfPresent(6, "roleSince", of: "participant", key: id) { LocalDate(utf8: $0) }
        return StaffMember(participantID: id, role: role, hired: try hire ?? registered(row, id: id), roleSince: roleSince)
    }

    /// The day (Europe/Paris) the register learnt of the person in `row` (its ``reported``
    /// columns from `first` on): what obligations count from when the hire date is not known.
    static func registered(_ row: SQLCursor, from first: Int = 0, id: String) throws -> LocalDate {
        LocalDate.inParis(
            try row.parsed(first + 7, "createdAt", of: "participant", key: id) {
                date(storedTimestamp: String(decoding: $0, as: UTF8.self))
            })
    }

    /// Of the emails and external ids of `people`, those the register holds already: the
    /// emails lower-cased (a superset of what the store takes as the same email, to be
    /// checked one by one), the external ids with the person who has each. A few hundred
    /// values per query.
    static func taken(_ people: [Participant], in db: any SQLConnection) throws -> (emails: Set<String>, externals: [String: String]) {
        var emails: Set<String> = []
        try inBatches(people.compactMap(\.email)) { part in
            let any = Array(repeating: "(\(db.dialect.sameEmail))", count: part.count).joined(separator: " OR ")
            try db.each(sql: "SELECT email FROM participant WHERE \(any)", arguments: part) { row in
                emails.insert((try row["email"] as String).lowercased())
            }
        }
        var externals: [String: String] = [:]
        try inBatches(people.compactMap(\.externalID)) { part in
            let list = Array(repeating: "?", count: part.count).joined(separator: ", ")
            try db.each(sql: "SELECT id, externalID FROM participant WHERE externalID IN (\(list))", arguments: part) { row in
                externals[try row["externalID"]] = try row["id"]
            }
        }
        return (emails, externals)
    }

    /// The participants' rows with their current employer's name as `employer`: what
    /// ``Store/participant(_:)`` reads, as a table to name `p`.
    static let withEmployer = "(SELECT p.*, m.name AS employer FROM participant p LEFT JOIN employer m ON m.id = p.employerID)"

    /// The highest number of the `P-0001` ids given so far, 0 when none. Inside a write
    /// transaction, which writers take one at a time, the next number is free.
    static func lastNumber(in db: any SQLConnection) throws -> Int {
        func highest(limit: String) throws -> Int? {
            // By number, leading zeros aside: P-00007 is 7, below P-0051.
            try db.all(
                String.self,
                sql: """
                    SELECT id FROM participant WHERE id LIKE 'P-%'
                    ORDER BY length(ltrim(substr(id, 3), '0')) DESC, ltrim(substr(id, 3), '0') DESC \(limit)
                    """
            ).compactMap(number(of:)).max()
        }
        // The longest numbers come first: the highest is among the first few unless many
        // ids that are not numbers were given by hand.
        return try highest(limit: "LIMIT 64") ?? highest(limit: "") ?? 0
    }

    /// The number of a `P-0001` id, or `nil` for another id.
    static func number(of id: String) -> Int? {
        guard id.hasPrefix("P-") else { return nil }
        let digits = id.dropFirst(2)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}

/// The order of SQLite's NOCASE collation, which folds ASCII letters only, then byte order:
/// the same lists from both databases, whatever PostgreSQL's locale.
extension String {
    /// An ASCII letter in lower case; any other byte as it is.
    static func caseFolded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// Whether the two are equal under NOCASE.
    func caseFoldedEquals(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { Self.caseFolded($0) == Self.caseFolded($1) }
    }

    /// Whether this comes first under NOCASE.
    func caseFoldedLess(_ other: String) -> Bool {
        utf8.lazy.map(Self.caseFolded).lexicographicallyPrecedes(other.utf8.lazy.map(Self.caseFolded))
    }

    /// Whether this comes first byte by byte (SQLite's BINARY).
    func byteLess(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}

/// An id the store gives: `P-0001`, `E-0012`, `P-12345` (four digits at least).
func numbered(_ prefix: String, _ number: Int) -> String {
    prefix + "-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
}

/// The id after the highest `PREFIX-NNNN` of `table`'s `id` column, inside a write
/// transaction (writers take one at a time, so it is free): for the small tables
/// (employers, obligations, training elsewhere) that a scan of their ids costs nothing.
func nextNumbered(_ prefix: String, in table: String, db: any SQLConnection) throws -> String {
    let highest =
        try db.all(String.self, sql: "SELECT id FROM \(table) WHERE id LIKE '\(prefix)-%'").compactMap { id in
            Int(id.dropFirst(prefix.count + 1))
        }.max() ?? 0
    return numbered(prefix, highest + 1)
}
