import Foundation
public import TrainingCore

/// An employer with what the register knows of it.
public struct EmployerSummary: Sendable, Hashable, Codable {
    /// The employer.
    public var employer: Employer
    /// How many people it employs now.
    public var staff: Int
    /// Every spelling of its name met in files and merged into it, its own included.
    public var spellings: [String]
}

/// A job someone left.
public struct PastEmployment: Sendable, Hashable, Codable {
    /// The person.
    public var participantID: String
    /// The employer.
    public var employerID: String
    /// The profession they had there.
    public var profession: String?
    /// When they were hired, when known.
    public var hireDate: LocalDate?
    /// When they took the role there, when it was not their hire.
    public var roleSince: LocalDate?
    /// Their last day there.
    public var leftOn: LocalDate

    /// Creates the record of a job left.
    public init(
        participantID: String, employerID: String, profession: String?, hireDate: LocalDate?, roleSince: LocalDate? = nil, leftOn: LocalDate
    ) {
        self.participantID = participantID
        self.employerID = employerID
        self.profession = profession
        self.hireDate = hireDate
        self.roleSince = roleSince
        self.leftOn = leftOn
    }
}

/// An employer the store refused, with the reason.
public struct EmployerError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

extension Store {
    /// Adds an employer; one without an id gets the next `E-0001`. A name that folds like a
    /// known employer's (case, accents, spaces) is refused: it is that employer.
    @discardableResult
    public func addEmployer(_ employer: Employer) throws -> Employer {
        try database.write { db in
            if let problem = employer.problems().first { throw EmployerError(problem) }
            if let known = try EmployerRows.id(named: employer.name, in: db) {
                throw EmployerError("\(employer.name) is already employer \(known)")
            }
            return try EmployerRows.insert(employer, in: db)
        }
    }

    /// Every employer, by name, with its staff count and spellings.
    public func employers() throws -> [EmployerSummary] {
        try database.read { db in
            let staff = Dictionary(
                try db.rows(
                    sql:
                        "SELECT employerID, count(*) AS people FROM participant WHERE employerID IS NOT NULL AND mergedInto IS NULL GROUP BY employerID"
                )
                .map { (try $0["employerID"] as String, try $0["people"] as Int) }, uniquingKeysWith: { first, _ in first })
            var spellings: [String: [String]] = [:]
            try db.each(sql: "SELECT spelling, employerID FROM employerSpelling ORDER BY spelling", arguments: []) { row in
                spellings[try row["employerID"], default: []].append(try row["spelling"])
            }
            return try db.rows(sql: "SELECT * FROM employer").map(EmployerRows.employer).map {
                EmployerSummary(employer: $0, staff: staff[$0.id] ?? 0, spellings: spellings[$0.id] ?? [])
            }.sorted { a, b in
                a.employer.name.folded != b.employer.name.folded
                    ? a.employer.name.folded.byteLess(b.employer.name.folded) : a.employer.id.byteLess(b.employer.id)
            }
        }
    }

    /// An employer by id or name (folded), with the people it employs now (by family name)
    /// and those who left it.
    public func employer(_ key: String) throws -> (summary: EmployerSummary, staff: [Participant], past: [PastEmployment]) {
        try database.read { db in
            let id = try EmployerRows.id(for: key, in: db)
            guard let employer = try db.row(sql: "SELECT * FROM employer WHERE id = ?", arguments: [id]).map(EmployerRows.employer) else {
                throw NotFoundError(kind: .employer, id: key)
            }
            let staff = try db.rows(
                sql: "SELECT * FROM \(ParticipantRows.withEmployer) p WHERE employerID = ? AND mergedInto IS NULL", arguments: [id]
            ).map(Self.participant).sorted { a, b in
                a.lastName.caseFoldedEquals(b.lastName) ? a.id.byteLess(b.id) : a.lastName.caseFoldedLess(b.lastName)
            }
            let past = try db.rows(sql: "SELECT * FROM pastEmployment WHERE employerID = ? ORDER BY leftOn, participantID", arguments: [id])
                .map(EmployerRows.pastEmployment)
            let spellings = try db.all(
                String.self, sql: "SELECT spelling FROM employerSpelling WHERE employerID = ? ORDER BY spelling", arguments: [id])
            return (EmployerSummary(employer: employer, staff: staff.count, spellings: spellings), staff, past)
        }
    }

    /// Corrects an employer's name, kind or SIRET. Its old name stays a spelling of it.
    @discardableResult
    public func editEmployer(_ key: String, _ change: (inout Employer) -> Void) throws -> Employer {
        try database.write { db in
            let id = try EmployerRows.id(for: key, in: db)
            guard var employer = try db.row(sql: "SELECT * FROM employer WHERE id = ?", arguments: [id]).map(EmployerRows.employer) else {
                throw NotFoundError(kind: .employer, id: key)
            }
            change(&employer)
            employer.id = id
            employer.name = EmployerRows.trimmed(employer.name)
            if let problem = employer.problems().first { throw EmployerError(problem) }
            if let other = try EmployerRows.id(named: employer.name, in: db), other != id {
                throw EmployerError("\(employer.name) is already employer \(other)")
            }
            try db.execute(
                sql: "UPDATE employer SET name = ?, kind = ?, siret = ? WHERE id = ?",
                arguments: [employer.name, employer.kind.rawValue, employer.siret, id])
            try EmployerRows.keepSpelling(employer.name, of: id, in: db)
            return employer
        }
    }

    /// The jobs a person left, oldest first.
    public func pastEmployments(of key: String) throws -> [PastEmployment] {
        try database.read { db in
            let id = try Self.participantID(for: key, in: db)
            return try db.rows(sql: "SELECT * FROM pastEmployment WHERE participantID = ? ORDER BY leftOn, sequence", arguments: [id])
                .map(EmployerRows.pastEmployment)
        }
    }
}

/// The employer rows, and how a name in a file finds its employer.
enum EmployerRows {
    /// The employer a name designates: by its folded spelling (see ``Swift/String/folded``).
    static func id(named name: String, in db: any SQLConnection) throws -> String? {
        try db.one(String.self, sql: "SELECT employerID FROM employerSpelling WHERE folded = ? LIMIT 1", arguments: [name.folded])
    }

    /// The employer an id or a name designates.
    static func id(for key: String, in db: any SQLConnection) throws -> String {
        if try db.exists(sql: "SELECT 1 FROM employer WHERE id = ?", arguments: [key]) { return key }
        guard let id = try id(named: key, in: db) else { throw NotFoundError(kind: .employer, id: key) }
        return id
    }

    /// The employer named `name`, made (kind `other`) when none is: what a participant's
    /// employer in a file or an edit becomes.
    static func resolve(_ name: String?, in db: any SQLConnection) throws -> String? {
        guard let name, !name.folded.isEmpty else { return nil }
        if let known = try id(named: name, in: db) {
            try keepSpelling(name, of: known, in: db)
            return known
        }
        return try insert(Employer(id: "", name: name), in: db).id
    }

    /// Inserts an employer, numbered when it has no id, with its name as its first spelling.
    static func insert(_ employer: Employer, in db: any SQLConnection) throws -> Employer {
        var employer = employer
        employer.name = trimmed(employer.name)
        if employer.id.isEmpty {
            employer.id = try nextNumbered("E", in: "employer", db: db)
        } else if try db.exists(sql: "SELECT 1 FROM employer WHERE id = ?", arguments: [employer.id]) {
            throw EmployerError("employer id \(employer.id) is already taken")
        }
        try db.execute(
            sql: "INSERT INTO employer (id, name, kind, siret, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [employer.id, employer.name, employer.kind.rawValue, employer.siret, storedTimestamp(Date())])
        try keepSpelling(employer.name, of: employer.id, in: db)
        return employer
    }

    /// Adds `employer` when its name is new; else fills in the kind and SIRET the known one
    /// lacks, and refuses details that contradict its own.
    static func merge(_ employer: Employer, in db: any SQLConnection) throws {
        if let problem = employer.problems().first { throw EmployerError("\(employer.name): \(problem)") }
        guard let id = try id(named: employer.name, in: db),
            let known = try db.row(sql: "SELECT * FROM employer WHERE id = ?", arguments: [id]).map(Self.employer)
        else {
            _ = try insert(Employer(id: "", name: employer.name, kind: employer.kind, siret: employer.siret), in: db)
            return
        }
        if known.kind != .other && employer.kind != .other && known.kind != employer.kind {
            throw EmployerError("\(known.name) (\(id)) is \(known.kind.words), not \(employer.kind.words)")
        }
        if let siret = known.siret, let given = employer.siret, siret != given {
            throw EmployerError("\(known.name) (\(id)) has the SIRET \(siret), not \(given)")
        }
        try db.execute(
            sql: "UPDATE employer SET kind = ?, siret = ? WHERE id = ?",
            arguments: [(known.kind == .other ? employer.kind : known.kind).rawValue, known.siret ?? employer.siret, id])
        try keepSpelling(employer.name, of: id, in: db)
    }

    /// Records `spelling` as one of the employer's, once.
    static func keepSpelling(_ spelling: String, of id: String, in db: any SQLConnection) throws {
        guard try !db.exists(sql: "SELECT 1 FROM employerSpelling WHERE spelling = ?", arguments: [spelling]) else { return }
        try db.execute(
            sql: "INSERT INTO employerSpelling (spelling, folded, employerID) VALUES (?, ?, ?)", arguments: [spelling, spelling.folded, id])
    }

    static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func employer(_ row: SQLRow) throws -> Employer {
        let id: String = try row["id"]
        return Employer(
            id: id, name: try row["name"], kind: try row.parsed("kind", of: "employer", key: id, Employer.Kind.init(rawValue:)),
            siret: try row["siret"])
    }

    static func pastEmployment(_ row: SQLRow) throws -> PastEmployment {
        let participantID: String = try row["participantID"]
        return PastEmployment(
            participantID: participantID, employerID: try row["employerID"], profession: try row["profession"],
            hireDate: try row.parsedIfPresent("hireDate", of: "pastEmployment", key: participantID, LocalDate.init),
            roleSince: try row.parsedIfPresent("roleSince", of: "pastEmployment", key: participantID, LocalDate.init),
            leftOn: try row.parsed("leftOn", of: "pastEmployment", key: participantID, LocalDate.init))
    }
}

/// The jobs people left.
enum PastEmploymentRows {
    static func insert(
        participantID: String, employerID: String, profession: String?, hireDate: LocalDate?, roleSince: LocalDate?, leftOn: LocalDate,
        in db: any SQLConnection
    ) throws {
        try db.execute(
            sql:
                "INSERT INTO pastEmployment (participantID, employerID, profession, hireDate, roleSince, leftOn) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [participantID, employerID, profession, hireDate?.description, roleSince?.description, leftOn.description])
    }
}
