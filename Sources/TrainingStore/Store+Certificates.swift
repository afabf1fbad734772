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
    /// Every seated participant's decision, from the records as they stand.
    public func certificationDecisions(for sessionID: String) throws -> [CertificationDecision] {
        try database.read { db in try Self.decisions(for: try Self.closedOrAnySession(sessionID, closed: false, db: db), db: db) }
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
                    let session = try Self.closedOrAnySession(sessionID, closed: true, db: db)
                    let live = Set(
                        try String.fetchAll(
                            db,
                            sql: """
                                SELECT participantID FROM certificate c WHERE sessionID = ?
                                  AND NOT EXISTS (SELECT 1 FROM certificateRevocation r WHERE r.number = c.number)
                                """, arguments: [sessionID]))
                    var outcome = CertificationOutcome(sessionID: sessionID, issued: [], alreadyCertified: [])
                    for decision in try Self.decisions(for: session, db: db) {
                        if live.contains(decision.participantID) {
                            outcome.alreadyCertified.append(decision.participantID)
                            continue
                        }
                        outcome.issued.append(
                            try Self.issue(
                                decision, session: session, organisation: organisation, replacing: nil, on: issuedOn, by: issuedBy,
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
                let session = try Self.closedOrAnySession(old.sessionID, closed: true, db: db)
                guard let decision = try Self.decisions(for: session, db: db).first(where: { $0.participantID == old.participantID })
                else { throw CertificationError("\(old.participantID) no longer holds a seat in \(old.sessionID)") }
                let new = try Self.issue(
                    decision, session: session, organisation: organisation, replacing: number, on: issuedOn, by: issuedBy, at: now,
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

    /// Each certificate of a session with the participant, course, session and
    /// organisation it speaks of, for its documents.
    public func certificateContexts(in sessionID: String) throws -> [CertificateContext] {
        try database.read { db in
            let session = try Self.closedOrAnySession(sessionID, closed: false, db: db)
            let organisation = try Self.documentOrganisation(db)
            let course = try CourseRows.course(of: session, in: db)
            let progress = try Self.progress(in: sessionID, db: db)
            return try Self.certificateRows(where: "c.sessionID = ?", [sessionID], db: db).map { certificate in
                let participant = try Row.fetchOne(
                    db, sql: "SELECT * FROM participant WHERE id = ?", arguments: [certificate.participantID]
                )
                .map(Self.participant)
                return CertificateContext(
                    certificate: certificate, participant: participant!, course: course, session: session, organisation: organisation,
                    progress: progress.first { $0.participantID == certificate.participantID })
            }
        }
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

    private static func closedOrAnySession(_ sessionID: String, closed: Bool, db: Database) throws -> Session {
        guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: "session", id: sessionID) }
        if closed && session.status != .closed {
            throw CertificationError(
                "\(sessionID) is \(session.status.rawValue), not closed: close it with `allervers session close \(sessionID)` first")
        }
        return session
    }

    private static func decisions(for session: Session, db: Database) throws -> [CertificationDecision] {
        let course = try CourseRows.course(of: session, in: db)
        let seated = try enrolments(in: session.id, db: db).filter { $0.status == .enrolled }.map(\.participant.id)
        let marks = try AttendanceRows.currentMarks(in: session.id, participantID: nil, db: db)
        return session.certificationDecisions(
            course: course, participantIDs: seated, marks: marks, progress: try progress(in: session.id, db: db))
    }

    private static func issue(
        _ decision: CertificationDecision, session: Session, organisation: Organisation, replacing: String?, on issuedOn: LocalDate,
        by issuedBy: String, at now: Date, sign: (CertificateContext) throws -> CertificateSignatures, db: Database
    ) throws -> Certificate {
        let course = try CourseRows.course(of: session, in: db)
        guard let first = session.slots.first?.date, let last = session.slots.last?.date,
            let courseRowID = try CourseRows.rowID(of: course.id, version: course.version, in: db),
            let participantRow = try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE id = ?", arguments: [decision.participantID])
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
        let progress = try Self.progress(in: session.id, db: db).first { $0.participantID == decision.participantID }
        let signatures = try sign(
            CertificateContext(
                certificate: certificate, participant: participant(participantRow), course: course, session: session,
                organisation: organisation, progress: progress))
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

    private static func certificateRows(where condition: String, _ arguments: StatementArguments, db: Database) throws -> [Certificate] {
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
