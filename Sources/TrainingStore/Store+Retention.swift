public import Foundation
public import TrainingCore

/// A retention rule or a purge that cannot be made.
public struct RetentionError: TextError, Sendable, Hashable {
    public var text: Text

    /// Creates the error.
    public init(_ text: Text) {
        self.text = text
    }
}

/// A purge as the chain keeps it.
public struct PurgeRecord: Sendable, Hashable, Codable {
    /// Its position in the log of purges, from 1.
    public var sequence: Int64
    /// Records kept until a day before this one were past retention.
    public var before: LocalDate
    /// The people anonymised, by id.
    public var participantIDs: [String]
    /// Who ran it, and when.
    public var recordedBy: String
    public var recordedAt: Date
}

extension Store {
    /// The retention rules set, by kind and funder; none means six years after each session.
    public func retentionPolicy() throws -> RetentionPolicy {
        try database.read { db in try RetentionRows.policy(db) }
    }

    /// Sets how long a kind of record is kept, for every session or a funder's; refused
    /// below the minimum, and for a funder at no more than every session's.
    public func setRetention(_ rule: RetentionRule, by who: String, at now: Date = Date()) throws {
        try database.write { db in
            if let problem = try RetentionRows.policy(db).problems(of: rule).first { throw RetentionError(problem) }
            try db.execute(
                sql: """
                    INSERT INTO retentionRule (kind, funder, years, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (kind, funder) DO UPDATE SET years = excluded.years, recordedBy = excluded.recordedBy,
                      recordedAt = excluded.recordedAt
                    """, arguments: [rule.kind.rawValue, rule.funder?.rawValue ?? "", rule.years, who, SessionRows.utc(now)])
        }
    }

    /// Who a purge of the records past retention before `before` would anonymise, and who it
    /// would keep for an open session or an obligation; nothing changes.
    public func purgePlan(before: LocalDate, today: LocalDate) throws -> PurgePlan {
        try RetentionRows.check(before: before, today: today)
        return try database.read { db in try RetentionRows.plan(before: before, today: today, db: db).plan }
    }

    /// Anonymises the people whose records are all past retention before `before`, in one
    /// transaction, and chains a record of it naming them; returns the plan carried out and
    /// the purge's record (none when nobody was past retention).
    public func purge(before: LocalDate, today: LocalDate, by who: String, at now: Date = Date()) throws -> (
        plan: PurgePlan, record: PurgeRecord?
    ) {
        try RetentionRows.check(before: before, today: today)
        return try database.write { db in
            let (plan, policy, aliases) = try RetentionRows.plan(before: before, today: today, db: db)
            guard !plan.anonymised.isEmpty || !plan.removed.isEmpty else { return (plan, nil) }
            let people = plan.anonymised.flatMap { aliases[$0.participantID] ?? [$0.participantID] }
            // Duplicates merged into them and removed since: their change log still names them.
            let dropped = try RetentionRows.dropped(into: people, db: db)
            let ids = (people + dropped + plan.removed).sorted()
            let record = try RetentionRows.append(before: before, participantIDs: ids, policy: policy, by: who, at: now, db: db)
            for id in people { try RetentionRows.erase(id, in: record.sequence, db: db) }
            for id in dropped + plan.removed { try RetentionRows.eraseChanges(of: id, in: record.sequence, db: db) }
            try RetentionRows.eraseSignatures(of: people, in: record.sequence, db: db)
            return (plan, record)
        }
    }

    /// Recomputes the chain of purges, and checks that every erased row belongs to someone
    /// the purge it names anonymised.
    public func verifyPurges() throws -> ChainReport {
        try database.read { db in
            let report = try Self.verifyChain(
                table: "purge", head: "purgeChain", record: "purge", log: "log of purges", hash: RetentionRows.hash, db: db)
            guard report.problem == nil else { return report }
            var named: [Int64: Set<String>] = [:]
            // Who that purge or an earlier one anonymised.
            var namedSoFar: [Int64: Set<String>] = [:]
            var soFar: Set<String> = []
            for record in try db.rows(sql: "SELECT * FROM purge ORDER BY sequence").map(RetentionRows.record) {
                named[record.sequence] = Set(record.participantIDs)
                soFar.formUnion(record.participantIDs)
                namedSoFar[record.sequence] = soFar
            }
            // An erased drawing: everyone who signed with it was anonymised by then, and no
            // trainer certified a sheet with it.
            let signers = try RetentionRows.signers(db)
            for row in try db.rows(
                sql: """
                    SELECT i.sha256, i.erasedIn, EXISTS (SELECT 1 FROM sheetSignature s WHERE s.imageSHA256 = i.sha256) AS certified
                    FROM signatureImage i WHERE i.erasedIn IS NOT NULL
                    """)
            {
                let (sha, purge): (String, Int64) = (try row["sha256"], try row["erasedIn"])
                let anonymised = namedSoFar[purge] ?? []
                guard !(try row["certified"] as Bool), (signers[sha] ?? []).isSubset(of: anonymised), !anonymised.isEmpty else {
                    return ChainReport(
                        recordCount: report.recordCount, firstBrokenSequence: purge,
                        problem: "the drawn signature \(sha) was erased, but purge \(purge) does not name everyone who signed with it")
                }
            }
            for (table, column) in [("participant", "id"), ("participantChange", "participantID"), ("certificate", "participantID")] {
                for row in try db.rows(sql: "SELECT \(column) AS person, erasedIn FROM \(table) WHERE erasedIn IS NOT NULL") {
                    let (person, purge): (String, Int64) = (try row["person"], try row["erasedIn"])
                    guard named[purge]?.contains(person) == true else {
                        return ChainReport(
                            recordCount: report.recordCount, firstBrokenSequence: purge,
                            problem: "\(person)'s details in \(table) were erased, but purge \(purge) does not name them")
                    }
                }
            }
            return report
        }
    }
}

/// Retention rules, purges and their chain, and the erasure of a person's details.
enum RetentionRows {
    static func policy(_ db: any SQLConnection) throws -> RetentionPolicy {
        RetentionPolicy(
            rules: try db.rows(sql: "SELECT kind, funder, years FROM retentionRule ORDER BY kind, funder").map { row in
                let kind: String = try row["kind"]
                let funder: String = try row["funder"]
                return RetentionRule(
                    kind: try row.parsed("kind", of: "retentionRule", key: kind, RecordKind.init(rawValue:)),
                    funder: funder.isEmpty
                        ? nil : try row.parsed("funder", of: "retentionRule", key: kind, Funding.Source.init(rawValue:)),
                    years: try row["years"])
            })
    }

    /// Refuses to change or enrol someone a purge anonymised.
    static func refuseErased(_ id: String, db: any SQLConnection) throws {
        if let purge = try db.one(Int64.self, sql: "SELECT erasedIn FROM participant WHERE id = ?", arguments: [id]) {
            throw RetentionError(
                "\(id) was anonymised by purge \(purge) once their records were past retention: they can no longer be changed or enrolled")
        }
    }

    static func check(before: LocalDate, today: LocalDate) throws {
        guard before <= today else {
            throw RetentionError(
                "the purge date \(before.description) is after today (\(today.description)): only records whose retention has ended are purged"
            )
        }
    }

    /// The plan, with the policy it followed and each person's merged duplicates (whom a
    /// purge anonymises with them: their records are one person's).
    static func plan(before: LocalDate, today: LocalDate, db: any SQLConnection) throws -> (
        plan: PurgePlan, policy: RetentionPolicy, aliases: [String: [String]]
    ) {
        let policy = try policy(db)
        struct SessionFacts {
            var ends: LocalDate
            var open: Bool
            var euFunded: Bool
            var funders: Set<Funding.Source> = []
        }
        var sessions: [String: SessionFacts] = [:]
        for row in try db.rows(
            sql: """
                SELECT s.id, s.status, s.euFunded, s.createdAt, (SELECT max(date) FROM sessionSlot WHERE sessionID = s.id) AS lastDay
                FROM session s
                """)
        {
            let id: String = try row["id"]
            let created: String = try row["createdAt"]
            let status: String = try row["status"]
            sessions[id] = SessionFacts(
                ends: try (row["lastDay"] as String?).flatMap(LocalDate.init) ?? LocalDate(String(created.prefix(10))) ?? today,
                open: status == "planned" || status == "running", euFunded: try row["euFunded"])
        }
        for row in try db.rows(sql: "SELECT sessionID, source FROM sessionFunding") {
            if let source = Funding.Source(rawValue: try row["source"]) { sessions[try row["sessionID"]]?.funders.insert(source) }
        }
        // People, each under the person their duplicates were merged into.
        struct Person {
            var id: String
            var name: String
            var recordedOn: LocalDate
            var employerID: String?
            var profession: String?
            var mergedInto: String?
        }
        var people: [String: Person] = [:]
        for row in try db.rows(
            sql: "SELECT id, firstName, lastName, createdAt, employerID, profession, mergedInto FROM participant WHERE erasedIn IS NULL")
        {
            let id: String = try row["id"]
            let created: String = try row["createdAt"]
            people[id] = Person(
                id: id, name: "\((try row["lastName"] as String).uppercased()) \(try row["firstName"] as String)",
                recordedOn: LocalDate(String(created.prefix(10))) ?? today, employerID: try row["employerID"],
                profession: try row["profession"], mergedInto: try row["mergedInto"])
        }
        func root(_ id: String) -> String {
            var current = id
            for _ in 0..<16 {
                guard let next = people[current]?.mergedInto, people[next] != nil else { break }
                current = next
            }
            return current
        }
        var aliases: [String: [String]] = [:]
        for id in people.keys { aliases[root(id), default: []].append(id) }
        var records: [String: [RetainedRecord]] = [:]
        var open: [String: Set<String>] = [:]
        func add(_ kind: RecordKind, sql: String) throws {
            for row in try db.rows(sql: sql) {
                let person: String = try row["participantID"]
                guard people[person] != nil, let session = sessions[try row["sessionID"]] else { continue }
                records[root(person), default: []].append(
                    RetainedRecord(kind: kind, ends: session.ends, funders: session.funders, euFunded: session.euFunded))
                if session.open { open[root(person), default: []].insert(try row["sessionID"]) }
            }
        }
        try add(.signInSheets, sql: "SELECT sessionID, participantID FROM enrolment")
        try add(
            .assessments,
            sql:
                "SELECT DISTINCT sessionID, participantID FROM objectiveResult UNION SELECT DISTINCT sessionID, participantID FROM moduleProgress"
        )
        try add(.followUps, sql: "SELECT DISTINCT sessionID, participantID FROM absenceFollowUp")
        try add(.certificates, sql: "SELECT DISTINCT sessionID, participantID FROM certificate")
        for row in try db.rows(sql: "SELECT participantID, completedOn FROM externalTraining") {
            let person: String = try row["participantID"]
            guard people[person] != nil, let day = LocalDate(try row["completedOn"] as String) else { continue }
            records[root(person), default: []].append(RetainedRecord(kind: .trainingElsewhere, ends: day))
        }
        // The obligations of each employer still in force, for its current staff.
        let obligations = Dictionary(grouping: try ObligationRows.obligations(of: nil, in: db), by: \.employerID)
        let facts = aliases.keys.compactMap { id -> PersonRetention? in
            guard let person = people[id] else { return nil }
            let needing = person.employerID.flatMap { obligations[$0] } ?? []
            return PersonRetention(
                participantID: id, name: person.name, recordedOn: person.recordedOn, records: records[id] ?? [],
                openSessions: (open[id] ?? []).sorted(),
                // An obligation may name a duplicate merged into them: it names them.
                obligations: needing.filter { obligation in
                    (aliases[id] ?? [id]).contains { obligation.rule.applies(toRole: person.profession, participantID: $0) }
                }.map { "\($0.title) (\($0.id))" })
        }
        var plan = PurgePlan(people: facts, policy: policy, before: before)
        plan.removed = try removed(before: before, db: db)
        return (plan, policy, aliases)
    }

    /// People removed from the workspace (they had no record) whose names the change log
    /// still holds, removed more than the default retention before `before`.
    static func removed(before: LocalDate, db: any SQLConnection) throws -> [String] {
        try db.rows(
            sql: """
                SELECT c.participantID, c.changedAt FROM participantChange c
                WHERE c.field = 'removed' AND c.after IS NULL AND c.erasedIn IS NULL
                  AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = c.participantID)
                ORDER BY c.participantID
                """
        ).compactMap { row in
            let changed: String = try row["changedAt"]
            guard let day = LocalDate(String(changed.prefix(10))),
                day.adding(months: 12 * RetentionPolicy.defaultYears) < before
            else { return nil }
            return try row["participantID"] as String
        }
    }

    /// The duplicates merged into these people and removed since (they had no record of their
    /// own left), and those merged into them, and so on.
    static func dropped(into people: [String], db: any SQLConnection) throws -> [String] {
        var found: [String] = []
        var waiting = people
        while let id = waiting.popLast() {
            let more = try db.all(
                String.self,
                sql: """
                    SELECT DISTINCT c.participantID FROM participantChange c
                    WHERE c.after = ? AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.id = c.participantID)
                    """, arguments: ["merged into \(id)"])
            for other in more where !found.contains(other) && !people.contains(other) {
                found.append(other)
                waiting.append(other)
            }
        }
        return found
    }

    /// Erases the values of someone's change log.
    static func eraseChanges(of id: String, in purge: Int64, db: any SQLConnection) throws {
        try db.execute(
            sql: "UPDATE participantChange SET before = NULL, after = NULL, erasedIn = ? WHERE participantID = ? AND erasedIn IS NULL",
            arguments: [purge, id])
    }

    static func append(
        before: LocalDate, participantIDs: [String], policy: RetentionPolicy, by who: String, at now: Date, db: any SQLConnection
    ) throws -> PurgeRecord {
        let (sequence, previous) = try ChainHead.next(of: "purgeChain", db: db)
        let recordedAt = SessionRows.utc(now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let ids = String(decoding: try encoder.encode(participantIDs), as: UTF8.self)
        let rules = String(decoding: try encoder.encode(policy.rules), as: UTF8.self)
        let hash = AttendanceRows.digest(
            [String(sequence), before.description, ids, rules, who, recordedAt], previous: previous)
        try db.execute(
            sql: """
                INSERT INTO purge (sequence, before, participantIDs, rules, recordedBy, recordedAt, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sequence, before.description, ids, rules, who, recordedAt, previous, hash])
        try ChainHead.advance("purgeChain", to: sequence, hash: hash, db: db)
        return PurgeRecord(
            sequence: sequence, before: before, participantIDs: participantIDs, recordedBy: who,
            recordedAt: SessionRows.date(utc: recordedAt) ?? now)
    }

    static func hash(_ row: SQLRow, previous: String) throws -> String {
        AttendanceRows.digest(
            [
                String(try row["sequence"] as Int64), try row["before"], try row["participantIDs"], try row["rules"], try row["recordedBy"],
                try row["recordedAt"],
            ], previous: previous)
    }

    static func record(_ row: SQLRow) throws -> PurgeRecord {
        let sequence: Int64 = try row["sequence"]
        let key = String(sequence)
        return PurgeRecord(
            sequence: sequence, before: try row.parsed("before", of: "purge", key: key, LocalDate.init),
            participantIDs: try row.parsed("participantIDs", of: "purge", key: key) {
                try? JSONDecoder().decode([String].self, from: Data($0.utf8))
            }, recordedBy: try row["recordedBy"],
            recordedAt: try row.parsed("recordedAt", of: "purge", key: key, SessionRows.date(utc:)))
    }

    /// Replaces a person's names, email, external id, birth date and gender, wherever the
    /// records hold them: their row, the log of their changes, their certificates' snapshots
    /// and signed statements, their follow-ups' notes, the reasons of their exemptions and the
    /// file names of their training elsewhere (the drawn images of their signatures:
    /// ``eraseSignatures(of:in:db:)``). Ids, employer, profession, dates and
    /// hours stay: the counts made from them do not change.
    static func erase(_ id: String, in purge: Int64, db: any SQLConnection) throws {
        try db.execute(
            sql: """
                UPDATE participant SET firstName = ?, lastName = ?, email = NULL, externalID = NULL, birthDate = NULL,
                  gender = NULL, erasedIn = ? WHERE id = ?
                """, arguments: [Participant.anonymisedFirstName(of: id), Participant.anonymisedLastName, purge, id])
        try eraseChanges(of: id, in: purge, db: db)
        for row in try db.rows(
            sql: "SELECT number, eligible, printed FROM certificate WHERE participantID = ? AND erasedIn IS NULL", arguments: [id])
        {
            let number: String = try row["number"]
            // Only the holder's details in what was printed: everything else of the snapshot,
            // whatever release wrote it, stays as it was.
            var printed: String?
            if let json = try row["printed"] as String? {
                guard var snapshot = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
                    var holder = snapshot["participant"] as? [String: Any]
                else { throw CorruptRecordError(table: "certificate", key: number, column: "printed", value: json) }
                holder["firstName"] = Participant.anonymisedFirstName(of: id)
                holder["lastName"] = Participant.anonymisedLastName
                for key in ["email", "externalID", "birthDate", "gender"] { holder[key] = nil }
                snapshot["participant"] = holder
                printed = String(
                    decoding: try JSONSerialization.data(withJSONObject: snapshot, options: [.sortedKeys, .withoutEscapingSlashes]),
                    as: UTF8.self)
            }
            try db.execute(
                sql: "UPDATE certificate SET printed = ?, signedPayload = '', credential = ?, erasedIn = ? WHERE number = ?",
                arguments: [printed, (try row["eligible"] as Bool) ? "" : nil, purge, number])
        }
        try db.execute(sql: "UPDATE absenceFollowUp SET note = NULL WHERE participantID = ? AND note IS NOT NULL", arguments: [id])
        try db.execute(sql: "UPDATE externalTraining SET fileName = NULL WHERE participantID = ?", arguments: [id])
        // Why someone was exempt (a leave, an illness) is theirs too.
        try db.execute(sql: "UPDATE exemption SET reason = ? WHERE participantID = ?", arguments: [Self.erasedText, id])
    }

    /// What an erased free text reads.
    static let erasedText = "—"

    /// Who signed with each drawn image, by its SHA-256.
    static func signers(_ db: any SQLConnection) throws -> [String: Set<String>] {
        var signers: [String: Set<String>] = [:]
        let decoder = JSONDecoder()
        try db.each(sql: "SELECT participantID, evidence FROM attendanceEvent WHERE evidence IS NOT NULL", arguments: []) { row in
            let evidence: String = try row["evidence"]
            guard let sha = (try? decoder.decode(SignatureEvidence.self, from: Data(evidence.utf8)))?.imageSHA256 else { return }
            signers[sha, default: []].insert(try row["participantID"])
        }
        return signers
    }

    /// Erases the drawn images of the signatures of `people`, whom `purge` anonymised, except
    /// an image someone not anonymised signed with too, or a trainer certified a sheet with.
    static func eraseSignatures(of people: [String], in purge: Int64, db: any SQLConnection) throws {
        let theirs = Set(people)
        let anonymised = Set(try db.all(String.self, sql: "SELECT id FROM participant WHERE erasedIn IS NOT NULL"))
        for (sha, signed) in try signers(db).sorted(by: { $0.key < $1.key })
        where !signed.isDisjoint(with: theirs) && signed.isSubset(of: anonymised) {
            try db.execute(
                sql: """
                    UPDATE signatureImage SET data = '', erasedIn = ?
                    WHERE sha256 = ? AND erasedIn IS NULL AND NOT EXISTS (SELECT 1 FROM sheetSignature WHERE imageSHA256 = ?)
                    """, arguments: [purge, sha, sha])
        }
    }
}
