public import Foundation
internal import GRDB
public import TrainingCore

/// Why certificates could not be issued, revoked or reissued.
public struct CertificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as one sentence.
    public var description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}

/// What `certify` did for one session.
public struct CertificationOutcome: Sendable, Hashable {
    /// The session.
    public var sessionID: String
    /// The certificates issued now.
    public var issued: [Certificate]
    /// Participants skipped because they already hold a live certificate for the session.
    public var alreadyCertified: [String]
}

extension Store {
    /// A session's records as they stand, read in one transaction.
    public func records(of sessionID: String) throws -> SessionRecords {
        try database.read { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: "session", id: sessionID) }
            return try SessionRecords(session, db: db)
        }
    }

    /// Issues a certificate to every seated participant of each session who holds no live
    /// one: all sessions in one transaction, so a batch is issued whole or not at all.
    /// `sign` makes the QR statement and the credential of each new certificate.
    public func certify(
        sessionIDs: [String], on issuedOn: LocalDate, by issuedBy: String, at now: Date = Date(),
        sign: (CertificateContext) throws -> CertificateSignatures
    ) throws -> [CertificationOutcome] {
        try phrasingDatabaseErrors {
            try database.write { db in
                let organisation = try Self.documentOrganisation(db)
                return try sessionIDs.map { sessionID in
                    let records = try SessionRecords(try Self.closedSession(sessionID, db: db), db: db)
                    let live = Set(records.liveCertificates.map(\.participantID))
                    var outcome = CertificationOutcome(sessionID: sessionID, issued: [], alreadyCertified: [])
                    for decision in records.decisions {
                        if live.contains(decision.participantID) {
                            outcome.alreadyCertified.append(decision.participantID)
                            continue
                        }
                        outcome.issued.append(
                            try Self.issue(
                                decision, from: records, organisation: organisation, replacing: nil, on: issuedOn, by: issuedBy,
                                at: now, sign: sign, db: db))
                    }
                    return outcome
                }
            }
        }
    }

    /// Revokes a certificate, for a reason that stays with it.
    public func revoke(_ number: String, reason: String, by revokedBy: String, at now: Date = Date()) throws {
        try phrasingDatabaseErrors {
            try database.write { db in
                _ = try Self.liveCertificate(number, db: db)
                try Self.insertRevocation(of: number, reason: reason, replacedBy: nil, by: revokedBy, at: now, db: db)
            }
        }
    }

    /// Replaces a live certificate with a new one, decided again from the records as they
    /// stand now: the old is revoked, the new has a new number and names the old.
    public func reissue(
        _ number: String, reason: String, on issuedOn: LocalDate, by issuedBy: String, at now: Date = Date(),
        sign: (CertificateContext) throws -> CertificateSignatures
    ) throws -> Certificate {
        try phrasingDatabaseErrors {
            try database.write { db in
                let old = try Self.liveCertificate(number, db: db)
                let organisation = try Self.documentOrganisation(db)
                let records = try SessionRecords(try Self.closedSession(old.sessionID, db: db), db: db)
                guard let decision = records.decisions.first(where: { $0.participantID == old.participantID })
                else { throw CertificationError("\(old.participantID) no longer holds a seat in \(old.sessionID)") }
                let new = try Self.issue(
                    decision, from: records, organisation: organisation, replacing: number, on: issuedOn, by: issuedBy, at: now,
                    sign: sign, db: db)
                try Self.insertRevocation(
                    of: number, reason: reason.isEmpty ? "reissued as \(new.number)" : reason, replacedBy: new.number, by: issuedBy,
                    at: now, db: db)
                return new
            }
        }
    }

    /// The certificates of a session, oldest first, revoked ones included.
    public func certificates(in sessionID: String) throws -> [Certificate] {
        try database.read { db in
            try Self.certificateRows(where: "c.sessionID = ?", [sessionID], db: db)
        }
    }

    /// The certificate with this number.
    public func certificate(_ number: String) throws -> Certificate {
        guard let found = try database.read({ db in try Self.certificateRows(where: "c.number = ?", [number], db: db).first }) else {
            throw NotFoundError(kind: "certificate", id: number)
        }
        return found
    }

    /// The organisation identity that documents and certificates carry; an error that
    /// says how to set it when there is none.
    public func documentOrganisation() throws -> Organisation {
        try database.read { db in try Self.documentOrganisation(db) }
    }

    // MARK: Rows

    private static func documentOrganisation(_ db: Database) throws -> Organisation {
        guard let organisation = try OrganisationRecord.fetchOne(db)?.organisation else {
            throw CertificationError(
                "the workspace has no organisation identity, which documents must carry: set it with `allervers organisation set`")
        }
        return organisation
    }

    private static func closedSession(_ sessionID: String, db: Database) throws -> Session {
        guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: "session", id: sessionID) }
        if session.status != .closed {
            throw CertificationError(
                "\(sessionID) is \(session.status.rawValue), not closed: close it with `allervers session close \(sessionID)` first")
        }
        return session
    }

    private static func issue(
        _ decision: CertificationDecision, from records: SessionRecords, organisation: Organisation, replacing: String?,
        on issuedOn: LocalDate, by issuedBy: String, at now: Date, sign: (CertificateContext) throws -> CertificateSignatures,
        db: Database
    ) throws -> Certificate {
        let session = records.session
        let course = records.course
        guard let first = session.slots.first?.date, let last = session.slots.last?.date,
            let courseRowID = try CourseRows.rowID(of: course.id, version: course.version, in: db)
        else { throw CertificationError("\(session.id) has no half-days or its course is missing") }
        let sequence =
            (try Int.fetchOne(db, sql: "SELECT max(sequence) FROM certificate WHERE year = ?", arguments: [issuedOn.year]) ?? 0) + 1
        var certificate = Certificate(
            number: Certificate.number(prefix: organisation.certificatePrefix, year: issuedOn.year, sequence: sequence),
            sessionID: session.id, participantID: decision.participantID, courseID: course.id, courseVersion: course.version,
            isEligible: decision.isEligible, reasons: decision.reasons.map(\.description), attended: decision.hours.attended,
            planned: decision.hours.planned, firstDay: first, lastDay: last, issuedOn: issuedOn,
            validUntil: decision.isEligible ? course.validUntil(issuedOn: issuedOn) : nil, replaces: replacing, signedPayload: "",
            credential: nil)
        guard let context = records.context(for: certificate, organisation: organisation) else {
            throw NotFoundError(kind: "participant", id: decision.participantID)
        }
        let signatures = try sign(context)
        certificate.signedPayload = signatures.payload
        certificate.credential = decision.isEligible ? signatures.credential : nil
        try db.execute(
            sql: """
                INSERT INTO certificate (number, year, sequence, sessionID, participantID, courseRowID, eligible, reasons,
                  attendedMinutes, plannedMinutes, firstDay, lastDay, issuedOn, validUntil, replaces, signedPayload, credential,
                  issuedBy, issuedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                certificate.number, issuedOn.year, sequence, session.id, decision.participantID, courseRowID, certificate.isEligible,
                CourseRows.json(certificate.reasons), certificate.attended.minutes, certificate.planned.minutes, first.description,
                last.description, issuedOn.description, certificate.validUntil?.description, replacing, certificate.signedPayload,
                certificate.credential, issuedBy, SessionRows.utc(now),
            ])
        return certificate
    }

    private static func liveCertificate(_ number: String, db: Database) throws -> Certificate {
        guard let certificate = try certificateRows(where: "c.number = ?", [number], db: db).first else {
            throw NotFoundError(kind: "certificate", id: number)
        }
        if let revocation = certificate.revocation {
            throw CertificationError(
                "\(number) is already revoked (\(revocation.reason))" + (revocation.replacedBy.map { " and replaced by \($0)" } ?? ""))
        }
        return certificate
    }

    private static func insertRevocation(
        of number: String, reason: String, replacedBy: String?, by revokedBy: String, at now: Date, db: Database
    ) throws {
        guard !reason.allSatisfy(\.isWhitespace) else { throw CertificationError("a revocation needs a reason") }
        try db.execute(
            sql: "INSERT INTO certificateRevocation (number, reason, replacedBy, revokedBy, revokedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [number, reason, replacedBy, revokedBy, SessionRows.utc(now)])
    }

    static func certificateRows(where condition: String, _ arguments: StatementArguments, db: Database) throws -> [Certificate] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, co.id AS courseID, co.version AS courseVersion,
                  r.reason AS revokedReason, r.replacedBy, r.revokedAt
                FROM certificate c JOIN course co ON co.rowID = c.courseRowID
                LEFT JOIN certificateRevocation r ON r.number = c.number
                WHERE \(condition) ORDER BY c.year, c.sequence
                """, arguments: arguments
        ).map { row in
            let revokedAt = (row["revokedAt"] as String?).flatMap(SessionRows.date(utc:))
            return Certificate(
                number: row["number"], sessionID: row["sessionID"], participantID: row["participantID"], courseID: row["courseID"],
                courseVersion: CourseVersion(row["courseVersion"] as String) ?? CourseVersion("1")!, isEligible: row["eligible"],
                reasons: (try? CourseRows.strings(row["reasons"])) ?? [], attended: Hours(minutes: row["attendedMinutes"]),
                planned: Hours(minutes: row["plannedMinutes"]), firstDay: LocalDate(row["firstDay"] as String)!,
                lastDay: LocalDate(row["lastDay"] as String)!, issuedOn: LocalDate(row["issuedOn"] as String)!,
                validUntil: (row["validUntil"] as String?).flatMap(LocalDate.init), replaces: row["replaces"],
                signedPayload: row["signedPayload"], credential: row["credential"],
                revocation: revokedAt.map { Certificate.Revocation(at: $0, reason: row["revokedReason"], replacedBy: row["replacedBy"]) })
        }
    }
}

/// A session's records read in one transaction, so that the documents, exports and
/// certificates made from them agree: the course, the seated participants, the current
/// attendance marks and progress, each participant's certification decision, and the
/// certificates issued.
public struct SessionRecords: Sendable {
    /// The session.
    public let session: Session
    /// The course version it runs.
    public let course: Course
    /// The participants holding a seat, by family name.
    public let participants: [Participant]
    /// The current mark of every participant and half-day recorded.
    public let marks: [AttendanceMark]
    /// Each seated participant's current progress.
    public let progress: [ParticipantProgress]
    /// Each seated participant's certification decision, in the order of `participants`.
    public let decisions: [CertificationDecision]
    /// The session's certificates, oldest first, revoked ones included.
    public let certificates: [Certificate]
    private let holders: [String: Participant]
    private let progressByID: [String: ParticipantProgress]

    init(_ session: Session, db: Database) throws {
        self.session = session
        course = try CourseRows.course(of: session, in: db)
        participants = try Store.enrolments(in: session.id, db: db).filter { $0.status == .enrolled }.map(\.participant)
        marks = try AttendanceRows.currentMarks(in: session.id, participantID: nil, db: db)
        progress = try Store.progress(in: session.id, db: db)
        progressByID = Dictionary(progress.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        decisions = session.certificationDecisions(course: course, participantIDs: participants.map(\.id), marks: marks, progress: progress)
        certificates = try Store.certificateRows(where: "c.sessionID = ?", [session.id], db: db)
        var holders = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(certificates.map(\.participantID)) where holders[id] == nil {
            holders[id] = try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?", arguments: [id]).map(Store.participant)
        }
        self.holders = holders
    }

    /// The certificates not revoked.
    public var liveCertificates: [Certificate] { certificates.filter { $0.revocation == nil } }

    /// What `certificate`'s documents and statements are made from.
    public func context(for certificate: Certificate, organisation: Organisation) -> CertificateContext? {
        holders[certificate.participantID].map { participant in
            CertificateContext(
                certificate: certificate, participant: participant, course: course, session: session, organisation: organisation,
                progress: progressByID[certificate.participantID])
        }
    }
}
