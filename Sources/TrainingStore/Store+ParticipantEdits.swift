public import Foundation
public import TrainingCore

/// One change to a participant's details, as the change log keeps it.
public struct ParticipantChange: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// What changed: a detail (`lastName`, `email`…), or `merged` and `removed`.
    public var field: String
    /// The value before, when there was one.
    public var before: String?
    /// The value after, when there is one.
    public var after: String?
    /// Who changed it.
    public var changedBy: String
    /// When, in UTC.
    public var changedAt: Date
}

/// A participant who is probably someone the workspace already knows.
public struct ProbableDuplicate: Sendable, Hashable {
    /// The position of the newcomer in what was given.
    public var index: Int
    /// The participant already known (or given earlier in the same list, without an id yet).
    public var existing: Participant
    /// Why: `same email`, `same names and birth date`, `same names and employer`.
    public var reason: Text
}

extension Store {
    /// The details a person can have corrected, by the name the change log gives them.
    static let editableFields: [(name: String, value: @Sendable (Participant) -> String?)] = [
        ("firstName", { $0.firstName }), ("lastName", { $0.lastName }), ("email", \.email), ("profession", \.profession),
        ("employer", \.employer), ("hireDate", { $0.hireDate?.description }),
        ("roleSince", { $0.roleSince?.description }), ("externalID", \.externalID),
        ("birthDate", { $0.birthDate?.description }), ("gender", { $0.gender?.rawValue }),
    ]

    /// Changes a participant's details and logs each change (who, when, before → after).
    /// Certificates issued before keep what they printed; those issued after print the new
    /// details. Returns the changes made, none when nothing differs.
    @discardableResult
    public func edit(
        _ key: String, by changedBy: String, at now: Date = Date(), _ change: (inout Participant) -> Void
    ) throws -> [ParticipantChange] {
        try database.write { db in
            let id = try Self.participantID(for: key, in: db)
            try RetentionRows.refuseErased(id, db: db)
            guard
                let before = try Self.participant(id: id, in: db)
            else { throw NotFoundError(kind: .participant, id: key) }
            var after = before
            change(&after)
            after.id = before.id
            // A move to another employer with a new hire date starts a new job: the role taken
            // in the one left stays with it (`save` keeps it in the person's history), unless a
            // new role date is given.
            if after.hireDate != before.hireDate, let employer = after.employer, employer.folded != before.employer?.folded,
                after.roleSince == before.roleSince
            {
                after.roleSince = nil
            }
            if let problem = after.problems().first { throw ParticipantError(problem, index: 0) }
            if let email = after.email, email.caseInsensitiveCompare(before.email ?? "") != .orderedSame,
                let other = try db.one(
                    String.self, sql: "SELECT id FROM participant WHERE \(db.dialect.sameEmail) AND id <> ?", arguments: [email, id])
            {
                throw ParticipantError("\(email) is already participant \(other)", index: 0)
            }
            if let external = after.externalID, external != before.externalID,
                let other = try db.one(
                    String.self, sql: "SELECT id FROM participant WHERE externalID = ? AND id <> ?", arguments: [external, id])
            {
                throw ParticipantError("external id \(external) is already participant \(other)", index: 0)
            }
            let changes = try Self.save(after, replacing: before, by: changedBy, at: now, db: db)
            try Self.log(changes, db: db)
            return changes
        }
    }

    /// Every change to a participant's details, oldest first.
    public func participantChanges(of key: String) throws -> [ParticipantChange] {
        try database.read { db in
            let id = (try? Self.participantID(for: key, in: db)) ?? key
            return try db.rows(sql: "SELECT * FROM participantChange WHERE participantID = ? ORDER BY sequence", arguments: [id])
                .map {
                    row in
                    ParticipantChange(
                        participantID: try row["participantID"], field: try row["field"], before: try row["before"],
                        after: try row["after"],
                        changedBy: try row["changedBy"],
                        changedAt: try row.parsed("changedAt", of: "participantChange", key: id, SessionRows.date(utc:)))
                }
        }
    }

    /// The newcomers who are probably people already known, or given twice in the list:
    /// the same email, or the same names with the same birth date or employer.
    public func probableDuplicates(of newcomers: [Participant]) throws -> [ProbableDuplicate] {
        var byNames: [String: [Participant]] = [:]
        var byEmail: [String: Participant] = [:]
        for known in try participants() {
            byNames[known.foldedNames, default: []].append(known)
            if let email = known.email { byEmail[email.lowercased()] = known }
        }
        var found: [ProbableDuplicate] = []
        for (index, newcomer) in newcomers.enumerated() {
            let names = newcomer.foldedNames
            let candidates = (byNames[names] ?? []) + (newcomer.email.flatMap { byEmail[$0.lowercased()] }.map { [$0] } ?? [])
            if let match = candidates.lazy.compactMap({ known in newcomer.probablySamePerson(as: known).map { (known, $0) } }).first {
                found.append(ProbableDuplicate(index: index, existing: match.0, reason: match.1))
            }
            byNames[names, default: []].append(newcomer)
            if let email = newcomer.email { byEmail[email.lowercased()] = newcomer }
        }
        return found
    }

    /// Merges `drop` into `keep`, all logged: `keep`'s empty details are filled from `drop`'s;
    /// `drop`'s places in open sessions move to `keep`. Records chained and certified under
    /// `drop`'s id in closed sessions stay under it: `drop` then remains as a duplicate merged
    /// into `keep` (asking for it gives `keep`, and its sessions count as `keep`'s); with no
    /// such record it is removed. Refused when both hold a place in one session, or `drop`
    /// has records in a session not yet closed.
    public func merge(keep keepKey: String, drop dropKey: String, by changedBy: String, at now: Date = Date()) throws -> [ParticipantChange]
    {
        try database.write { db in
            let keepID = try Self.participantID(for: keepKey, in: db)
            let dropID = try Self.participantID(for: dropKey, in: db)
            for id in [keepID, dropID] { try RetentionRows.refuseErased(id, db: db) }
            guard keepID != dropID else { throw ParticipantError("\(keepKey) and \(dropKey) are the same participant", index: 0) }
            let records = Self.recordTables.map { "SELECT sessionID FROM \($0.table) WHERE participantID = ?1" }
            let open = try db.all(
                String.self,
                sql: """
                    SELECT DISTINCT r.sessionID FROM (\(records.joined(separator: " UNION "))) r
                    JOIN session s ON s.id = r.sessionID WHERE s.status NOT IN ('closed', 'cancelled') ORDER BY r.sessionID
                    """, arguments: [dropID])
            guard open.isEmpty else {
                throw ParticipantError(
                    "\(dropID) has records in \(open.joined(separator: ", ")), not closed: close it first, so that what \(dropID) did there is final",
                    index: 0)
            }
            let shared = try db.rows(
                sql: """
                    SELECT d.sessionID, s.status FROM enrolment d JOIN enrolment k ON k.sessionID = d.sessionID AND k.participantID = ?
                    JOIN session s ON s.id = d.sessionID
                    WHERE d.participantID = ? AND d.status <> 'withdrawn' AND k.status <> 'withdrawn' ORDER BY d.sessionID
                    """, arguments: [keepID, dropID])
            if let both = shared.first {
                let sessionID: String = try both["sessionID"]
                let open = ["planned", "running"].contains(try both["status"] as String)
                throw ParticipantError(
                    "\(keepID) and \(dropID) both hold a place in \(sessionID)"
                        + (open ? ": withdraw one first" : ", which is final: their records there cannot become one person's"),
                    index: 0)
            }
            guard
                let keep = try Self.participant(id: keepID, in: db),
                let drop = try Self.participant(id: dropID, in: db)
            else { throw NotFoundError(kind: .participant, id: dropID) }
            // Only enrolments in open sessions move; closed and cancelled ones are final. In a
            // session where both have a row, one at most holds a place (checked above): that
            // place stays, the withdrawal beside it goes; two withdrawals leave KEEP's.
            let movable = "SELECT id FROM session WHERE status IN ('planned', 'running')"
            try db.execute(
                sql: """
                    DELETE FROM enrolment WHERE participantID = ? AND status = 'withdrawn' AND sessionID IN (\(movable))
                      AND sessionID IN (SELECT sessionID FROM enrolment WHERE participantID = ? AND status <> 'withdrawn')
                    """, arguments: [keepID, dropID])
            try db.execute(
                sql: """
                    DELETE FROM enrolment WHERE participantID = ? AND sessionID IN (\(movable))
                      AND sessionID IN (SELECT sessionID FROM enrolment WHERE participantID = ?)
                    """, arguments: [dropID, keepID])
            try db.execute(
                sql: "UPDATE enrolment SET participantID = ? WHERE participantID = ? AND sessionID IN (\(movable))",
                arguments: [keepID, dropID])
            // DROP's past jobs are KEEP's, and so is its current one when KEEP works elsewhere
            // (it ends with the merge); so are the duplicates merged into DROP before.
            for table in ["pastEmployment", "externalTraining", "exemption"] {
                try db.execute(sql: "UPDATE \(table) SET participantID = ? WHERE participantID = ?", arguments: [keepID, dropID])
            }
            // (An employer's name designates it alone: names that fold alike are refused.)
            if let dropEmployer = drop.employer, let keepEmployer = keep.employer, dropEmployer != keepEmployer,
                let employerID = try EmployerRows.id(named: dropEmployer, in: db)
            {
                let today = LocalDate.inParis(now)
                try PastEmploymentRows.insert(
                    participantID: keepID, employerID: employerID, profession: drop.profession, hireDate: drop.hireDate,
                    roleSince: drop.roleSince, leftOn: max(today, drop.hireDate ?? today), in: db)
            }
            try db.execute(sql: "UPDATE participant SET mergedInto = ? WHERE mergedInto = ?", arguments: [keepID, dropID])
            // DROP stays, as a duplicate merged into KEEP, when closed sessions' records or an
            // obligation name it.
            let remains =
                try db.one(Bool.self, sql: "SELECT 1 FROM enrolment WHERE participantID = ? LIMIT 1", arguments: [dropID]) == true
                || (try ObligationRows.naming(dropID, in: db)).isEmpty == false
            if remains {
                // DROP keeps its email and external id: its closed sessions' records (the
                // xAPI actor, the credential) name it by them, and a search by them finds
                // DROP, which gives KEEP.
                try db.execute(sql: "UPDATE participant SET mergedInto = ? WHERE id = ?", arguments: [keepID, dropID])
            } else {
                try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [dropID])
            }
            var merged = keep
            merged.email = keep.email ?? (remains ? nil : drop.email)
            merged.profession = keep.profession ?? drop.profession
            merged.employer = keep.employer ?? drop.employer
            merged.hireDate = keep.hireDate ?? drop.hireDate
            // The role date goes with the profession it dates, and never before the hire.
            merged.roleSince = (keep.profession != nil ? keep.roleSince : drop.roleSince).flatMap { role in
                merged.hireDate.map { role >= $0 } ?? true ? role : nil
            }
            merged.externalID = keep.externalID ?? (remains ? nil : drop.externalID)
            merged.birthDate = keep.birthDate ?? drop.birthDate
            merged.gender = keep.gender ?? drop.gender
            let changes =
                [
                    ParticipantChange(
                        participantID: keepID, field: "merged", before: "\(dropID) \(drop.displayName)", after: nil,
                        changedBy: changedBy,
                        changedAt: now),
                    ParticipantChange(
                        participantID: dropID, field: remains ? "merged" : "removed", before: drop.displayName,
                        after: "merged into \(keepID)", changedBy: changedBy, changedAt: now),
                ]
                + (try Self.save(merged, replacing: keep, by: changedBy, at: now, db: db))
            try Self.log(changes, db: db)
            return changes
        }
    }

    /// Removes a participant who has no record at all: never enrolled, nothing recorded.
    public func remove(_ key: String, by changedBy: String, at now: Date = Date()) throws {
        try database.write { db in
            let id = try Self.participantID(for: key, in: db)
            var records = try Self.signedRecords(of: id, db: db)
            if let enrolments = try db.one(Int.self, sql: "SELECT count(*) FROM enrolment WHERE participantID = ?", arguments: [id]),
                enrolments > 0
            {
                records.append("\(enrolments) enrolment(s)")
            }
            let obligations = try ObligationRows.naming(id, in: db)
            if !obligations.isEmpty { records.append("obligation(s) naming them (\(obligations.joined(separator: ", ")))") }
            for (table, noun) in [("externalTraining", "record(s) of training done elsewhere"), ("exemption", "exemption(s)")] {
                let count = try db.one(Int.self, sql: "SELECT count(*) FROM \(table) WHERE participantID = ?", arguments: [id]) ?? 0
                if count > 0 { records.append("\(count) \(noun)") }
            }
            if let aliases = try db.one(Int.self, sql: "SELECT count(*) FROM participant WHERE mergedInto = ?", arguments: [id]),
                aliases > 0
            {
                records.append("\(aliases) duplicate(s) merged into it")
            }
            guard records.isEmpty else {
                throw ParticipantError(
                    "\(id) has \(records.joined(separator: ", ")): only someone with no record at all is removed", index: 0)
            }
            let name = try db.one(String.self, sql: "SELECT lastName || ' ' || firstName FROM participant WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM pastEmployment WHERE participantID = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [id])
            try Self.log(
                [
                    ParticipantChange(
                        participantID: id, field: "removed", before: name, after: nil, changedBy: changedBy, changedAt: now)
                ],
                db: db)
        }
    }

    /// The records kept under a participant's id that cannot be moved or dropped, in words.
    private static func signedRecords(of id: String, db: any SQLConnection) throws -> [String] {
        var records: [String] = []
        for (table, noun) in recordTables {
            let count = try db.one(Int.self, sql: "SELECT count(*) FROM \(table) WHERE participantID = ?", arguments: [id]) ?? 0
            if count > 0 { records.append("\(count) \(noun)\(count == 1 ? "" : "s")") }
        }
        return records
    }

    /// Writes `after` over `before`'s row and returns the details that differ, as changes.
    private static func save(_ after: Participant, replacing before: Participant, by changedBy: String, at now: Date, db: any SQLConnection)
        throws
        -> [ParticipantChange]
    {
        var after = after
        let employerID = try EmployerRows.resolve(after.employer, in: db)
        let formerID = try db.one(String.self, sql: "SELECT employerID FROM participant WHERE id = ?", arguments: [before.id])
        if let formerID, formerID != employerID {
            // A move to another employer, with its new hire date: the job left goes to the
            // person's history, ending the day before. No employer any more: it ends on the
            // day of the change. Another employer with the same hire date corrects a mistake,
            // and leaves no history.
            var leftOn: LocalDate? = nil
            if employerID == nil {
                leftOn = LocalDate.inParis(now)
            } else if let hired = after.hireDate, hired != before.hireDate {
                leftOn = hired.adding(days: -1)
            }
            if var leftOn {
                if let hired = before.hireDate, leftOn < hired { leftOn = hired }
                try PastEmploymentRows.insert(
                    participantID: before.id, employerID: formerID, profession: before.profession, hireDate: before.hireDate,
                    roleSince: before.roleSince, leftOn: leftOn, in: db)
            }
        }
        after.employer = try employerID.flatMap { id in
            try db.one(String.self, sql: "SELECT name FROM employer WHERE id = ?", arguments: [id])
        }
        try db.execute(
            sql: """
                UPDATE participant SET firstName = ?, lastName = ?, email = ?, profession = ?, employerID = ?, hireDate = ?,
                  roleSince = ?, externalID = ?, birthDate = ?, gender = ? WHERE id = ?
                """,
            arguments: [
                after.firstName, after.lastName, after.email, after.profession, employerID, after.hireDate?.description,
                after.roleSince?.description, after.externalID, after.birthDate?.description, after.gender?.rawValue, before.id,
            ])
        return editableFields.filter { $0.value(before) != $0.value(after) }.map { name, value in
            ParticipantChange(
                participantID: before.id, field: name, before: value(before), after: value(after), changedBy: changedBy, changedAt: now)
        }
    }

    private static func log(_ changes: [ParticipantChange], db: any SQLConnection) throws {
        for change in changes {
            try db.execute(
                sql: "INSERT INTO participantChange (participantID, field, before, after, changedBy, changedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    change.participantID, change.field, change.before, change.after, change.changedBy, SessionRows.utc(change.changedAt),
                ])
        }
    }
}
