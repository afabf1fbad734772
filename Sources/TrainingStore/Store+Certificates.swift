public import Foundation
public import TrainingCore

/// Why certificates could not be issued, revoked or reissued.
public struct CertificationError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    /// Creates an error.
    public init(_ text: Text) {
        self.text = text
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
    /// The objectives with no assessment result, by eligible participant issued a certificate
    /// now: their attestation prints them *non évalué*.
    public var unassessed: [String: [String]] = [:]
}

extension Store {
    /// A session's records as they stand, read in one transaction.
    public func records(of sessionID: String) throws -> SessionRecords {
        try database.read { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
            return try SessionRecords(session, db: db)
        }
    }

    /// Each session's certification decisions as the records stand, all read in one
    /// transaction: what `certify --dry-run` shows, without the certificates already issued
    /// and what their documents print, which it does not need.
    public func decisions(of sessionIDs: [String]) throws -> [SessionDecisions] {
        try database.read { db in
            // The sessions, their seats and their marks, each in one read for all; a year's
            // sessions run a few courses: each is read once.
            let sessions = try SessionRows.sessions(ids: sessionIDs, in: db)
            let found = Set(sessions.map(\.id))
            if let missing = sessionIDs.first(where: { !found.contains($0) }) {
                throw NotFoundError(kind: .session, id: missing)
            }
            let enrolments = try Store.enrolments(in: sessionIDs, db: db)
            let marks = try AttendanceRows.current(in: sessions, db: db)
            // Each session's seats in the order the store gives them alone (their ids' bytes).
            let seated = Dictionary(
                sessions.map { session in
                    (
                        session.id,
                        (enrolments[session.id] ?? []).filter { $0.status == .enrolled }.map(\.participant.id)
                            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                    )
                }, uniquingKeysWith: { first, _ in first })
            let progress = try Store.progress(seated: seated, db: db)
            var courses: [String: Course] = [:]
            return try sessions.map { session in
                let key = "\(session.courseID) \(session.courseVersion)"
                let course = try courses[key] ?? CourseRows.course(of: session, in: db)
                courses[key] = course
                return try SessionDecisions(
                    session, course: course, enrolments: enrolments[session.id] ?? [], current: marks[session.id] ?? ([], []),
                    progress: progress[session.id] ?? [], db: db)
            }
        }
    }

    /// Issues a certificate to every seated participant of each session who holds no live
    /// one: all sessions in one transaction, so a batch is issued whole or not at all.
    /// `sign` makes the QR statement and the credential of each new certificate.
    public func certify(
        sessionIDs: [String], on issuedOn: LocalDate, by issuedBy: String, at now: Date = Date(),
        sign: (CertificateContext) throws -> CertificateSignatures
    ) throws -> [CertificationOutcome] {
        try database.write { db in
            let organisation = try Self.documentOrganisation(db)
            let snapshots = CertificateSnapshotRows.Writer()
            return try sessionIDs.map { sessionID in
                let records = try SessionRecords(try Self.closedSession(sessionID, db: db), db: db)
                let live = Set(records.liveCertificates.map(\.participantID))
                var outcome = CertificationOutcome(sessionID: sessionID, issued: [], alreadyCertified: [])
                for decision in records.decisions {
                    if live.contains(decision.participantID) {
                        outcome.alreadyCertified.append(decision.participantID)
                        continue
                    }
                    // A revoked certificate not yet replaced is replaced by this one, which names it.
                    let revoked = records.certificates.last {
                        $0.participantID == decision.participantID && $0.revocation != nil && $0.revocation?.replacedBy == nil
                    }
                    outcome.issued.append(
                        try Self.issue(
                            decision, from: records, organisation: organisation, replacing: revoked, on: issuedOn, by: issuedBy,
                            at: now, sign: sign, snapshots: snapshots, db: db))
                }
                return outcome
            }
        }
    }

    /// Revokes a certificate, for a reason that stays with it.
    public func revoke(_ number: String, reason: String, by revokedBy: String, at now: Date = Date()) throws {
        try database.write { db in
            _ = try Self.liveCertificate(number, db: db)
            try Self.insertRevocation(of: number, reason: reason, replacedBy: nil, by: revokedBy, at: now, db: db)
        }
    }

    /// Replaces a certificate with a new one, decided again from the records as they stand
    /// now: the new has a new number and names the old, and keeps its end of validity; a
    /// live old one is revoked, a revoked one stays as it was. A certificate is replaced once.
    public func reissue(
        _ number: String, reason: String, on issuedOn: LocalDate, by issuedBy: String, at now: Date = Date(),
        sign: (CertificateContext) throws -> CertificateSignatures
    ) throws -> Certificate {
        try database.write { db in
            guard let old = try Self.certificateRows(where: "c.number = ?", [number], db: db).first else {
                throw NotFoundError(kind: .certificate, id: number)
            }
            if let replacement = old.revocation?.replacedBy {
                throw CertificationError("\(number) was already replaced by \(replacement): reissue \(replacement) instead")
            }
            let organisation = try Self.documentOrganisation(db)
            let records = try SessionRecords(try Self.closedSession(old.sessionID, db: db), db: db)
            guard let decision = records.decisions.first(where: { $0.participantID == old.participantID })
            else { throw CertificationError("\(old.participantID) no longer holds a seat in \(old.sessionID)") }
            let new = try Self.issue(
                decision, from: records, organisation: organisation, replacing: old, on: issuedOn, by: issuedBy, at: now,
                sign: sign, snapshots: CertificateSnapshotRows.Writer(), db: db)
            if old.revocation == nil {
                try Self.insertRevocation(
                    of: number, reason: reason.isEmpty ? "reissued as \(new.number)" : reason, replacedBy: new.number, by: issuedBy,
                    at: now, db: db)
            }
            return new
        }
    }

    /// Every certificate of the workspace, revoked ones included, by number.
    public func allCertificates() throws -> [Certificate] {
        try database.read { db in try Self.certificateRows(where: "1 = 1", [], db: db) }
    }

    /// The certificates of a session, oldest first, revoked ones included.
    public func certificates(in sessionID: String) throws -> [Certificate] {
        try database.read { db in
            try Self.certificateRows(where: "c.sessionID = ?", [sessionID], db: db)
        }
    }

    /// The certificates of every session, by number, narrowed by whatever `filter` names.
    public func certificates(matching filter: CertificateFilter) throws -> [Certificate] {
        try database.read { db in
            var conditions = ["1 = 1"]
            var arguments: [any SQLBindable] = []
            let day = filter.datedBy == .issue ? "c.issuedOn" : "c.lastDay"
            if let from = filter.from {
                conditions.append("\(day) >= ?")
                arguments.append(from.description)
            }
            if let to = filter.to {
                conditions.append("\(day) <= ?")
                arguments.append(to.description)
            }
            if let course = filter.courseID {
                guard try db.exists(sql: "SELECT 1 FROM course WHERE id = ?", arguments: [course]) else {
                    throw CourseNotFoundError(id: course, version: nil)
                }
                conditions.append("co.id = ?")
                arguments.append(course)
            }
            if let employer = filter.employer {
                // Whoever holds it now works there, or the person it was merged into (directly
                // or through another) does.
                conditions.append(
                    """
                    c.participantID IN (WITH RECURSIVE alias(id) AS (
                        SELECT id FROM participant WHERE employerID = ? AND mergedInto IS NULL
                        UNION SELECT p.id FROM participant p JOIN alias a ON p.mergedInto = a.id)
                      SELECT id FROM alias)
                    """)
                arguments.append(try EmployerRows.id(for: employer, in: db))
            }
            return try Self.certificateRows(where: conditions.joined(separator: " AND "), arguments, db: db)
        }
    }

    /// A person's certificates (and those of the duplicates merged into them), oldest first,
    /// revoked ones included.
    public func certificates(of participantID: String) throws -> [Certificate] {
        try database.read { db in
            let identities = try Self.identities(of: participantID, in: db)
            return try Self.certificateRows(where: "c.participantID IN (\(placeholders(identities.count)))", identities, db: db)
        }
    }

    /// A person's places in sessions (and those of the duplicates merged into them): each
    /// session with the status of the place (`enrolled`, `waitlisted`, `withdrawn`) and the
    /// id the place is held under.
    /// One place per session: when the person and a duplicate both had one (a merge allows
    /// it when one of them withdrew), the place not withdrawn.
    public func enrolments(of participantID: String) throws -> [(sessionID: String, status: String, heldBy: String)] {
        try database.read { db in
            let identities = try Self.identities(of: participantID, in: db)
            var places: [(sessionID: String, status: String, heldBy: String)] = []
            for row in try db.rows(
                sql:
                    "SELECT sessionID, status, participantID FROM enrolment WHERE participantID IN (\(placeholders(identities.count))) ORDER BY sessionID",
                arguments: identities)
            {
                let place: (sessionID: String, status: String, heldBy: String) = (
                    try row["sessionID"], try row["status"], try row["participantID"]
                )
                if let last = places.last, last.sessionID == place.sessionID {
                    if last.status == "withdrawn" { places[places.count - 1] = place }
                } else {
                    places.append(place)
                }
            }
            return places
        }
    }

    /// Whether the workspace has issued any certificate.
    public var hasIssuedCertificates: Bool {
        get throws { try database.read { db in try db.exists(sql: "SELECT 1 FROM certificate LIMIT 1") } }
    }

    /// Whether the store holds anything: an organisation, a course, a participant or a session.
    public var holdsRecords: Bool {
        get throws {
            try database.read { db in
                try db.exists(
                    sql: """
                        SELECT 1 FROM organisation UNION ALL SELECT 1 FROM course UNION ALL SELECT 1 FROM participant
                        UNION ALL SELECT 1 FROM session LIMIT 1
                        """)
            }
        }
    }

    /// The certificate with this number.
    public func certificate(_ number: String) throws -> Certificate {
        guard let found = try database.read({ db in try Self.certificateRows(where: "c.number = ?", [number], db: db).first }) else {
            throw NotFoundError(kind: .certificate, id: number)
        }
        return found
    }

    /// Certificate `number` and what its documents print, in one read: from its snapshot
    /// when it has one (one row), otherwise from its session's records as they stand; `nil`
    /// when there is no such certificate or it is not `accepted` (checked before anything
    /// else is read).
    public func certificateContext(_ number: String, if accepted: (Certificate) -> Bool = { _ in true }) throws -> (
        certificate: Certificate, context: CertificateContext?
    )? {
        try database.read { db in
            guard let certificate = try Self.certificateRows(where: "c.number = ?", [number], db: db).first, accepted(certificate) else {
                return nil
            }
            if let snapshot = try CertificateSnapshotRows.snapshot(of: number, db: db) {
                return (certificate, snapshot.context(for: certificate))
            }
            guard let session = try SessionRows.session(id: certificate.sessionID, in: db) else { return (certificate, nil) }
            let records = try SessionRecords(session, db: db)
            return (certificate, records.context(for: certificate, organisation: try Self.documentOrganisation(db)))
        }
    }

    /// The numbers of the certificates of `year` that were revoked.
    public func revokedNumbers(year: Int) throws -> [String] {
        try database.read { db in
            try db.all(
                String.self,
                sql:
                    "SELECT c.number FROM certificate c JOIN certificateRevocation r ON r.number = c.number WHERE c.year = ? ORDER BY c.sequence",
                arguments: [year])
        }
    }

    /// The organisation identity that documents and certificates carry; an error that
    /// says how to set it when there is none.
    public func documentOrganisation() throws -> Organisation {
        try database.read { db in try Self.documentOrganisation(db) }
    }

    // MARK: Rows

    private static func documentOrganisation(_ db: any SQLConnection) throws -> Organisation {
        guard let organisation = try Store.organisation(db) else {
            throw CertificationError(
                "the workspace has no organisation identity, which documents must carry: set it with `allervers organisation set`")
        }
        return organisation
    }

    private static func closedSession(_ sessionID: String, db: any SQLConnection) throws -> Session {
        guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
        if session.status != .closed {
            throw CertificationError(
                "\(sessionID) is \(session.status.words), not closed: close it with `allervers session close \(sessionID)` first")
        }
        return session
    }

    /// Issues one certificate. Its validity runs from the end of the training, or is the
    /// replaced certificate's when it had one; what its documents print is stored with it.
    private static func issue(
        _ decision: CertificationDecision, from records: SessionRecords, organisation: Organisation, replacing old: Certificate?,
        on issuedOn: LocalDate, by issuedBy: String, at now: Date, sign: (CertificateContext) throws -> CertificateSignatures,
        snapshots: CertificateSnapshotRows.Writer, db: any SQLConnection
    ) throws -> Certificate {
        let session = records.session
        let course = records.course
        guard let first = session.slots.first?.date, let last = session.slots.last?.date,
            let courseRowID = try CourseRows.rowID(of: course.id, version: course.version, in: db)
        else { throw CertificationError("\(session.id) has no half-days or its course is missing") }
        let sequence =
            (try db.one(Int.self, sql: "SELECT max(sequence) FROM certificate WHERE year = ?", arguments: [issuedOn.year]) ?? 0) + 1
        var validUntil: LocalDate?
        if decision.isEligible {
            validUntil =
                old?.validUntil
                ?? session.lastAttendedDay(of: decision.participantID, grid: records.grid).flatMap {
                    course.validUntil(trainingEndedOn: $0)
                }
        }
        var certificate = Certificate(
            number: Certificate.number(prefix: organisation.certificatePrefix, year: issuedOn.year, sequence: sequence),
            sessionID: session.id, participantID: decision.participantID, courseID: course.id, courseVersion: course.version,
            isEligible: decision.isEligible, reasons: decision.reasons.map { $0.text.rendered(in: .en) }, attended: decision.hours.attended,
            planned: decision.hours.planned, firstDay: first, lastDay: last, issuedOn: issuedOn, validUntil: validUntil,
            replaces: old?.number, signedPayload: "", credential: nil)
        guard let participant = records.holder(decision.participantID) else {
            throw NotFoundError(kind: .participant, id: decision.participantID)
        }
        let context = CertificateContext(
            certificate: certificate, participant: participant, course: course, session: session, organisation: organisation,
            progress: records.progress(of: decision.participantID))
        let signatures = try sign(context)
        certificate.signedPayload = signatures.payload
        certificate.credential = decision.isEligible ? signatures.credential : nil
        try db.execute(
            sql: """
                INSERT INTO certificate (number, year, sequence, sessionID, participantID, courseRowID, eligible, reasons,
                  attendedMinutes, plannedMinutes, firstDay, lastDay, issuedOn, validUntil, replaces, signedPayload, credential,
                  issuedBy, issuedAt, printed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                certificate.number, issuedOn.year, sequence, session.id, decision.participantID, courseRowID, certificate.isEligible,
                CourseRows.json(certificate.reasons), certificate.attended.minutes, certificate.planned.minutes, first.description,
                last.description, issuedOn.description, certificate.validUntil?.description, old?.number, certificate.signedPayload,
                certificate.credential, issuedBy, SessionRows.utc(now), try snapshots.json(CertificateSnapshot(context)),
            ])
        return certificate
    }

    private static func liveCertificate(_ number: String, db: any SQLConnection) throws -> Certificate {
        guard let certificate = try certificateRows(where: "c.number = ?", [number], db: db).first else {
            throw NotFoundError(kind: .certificate, id: number)
        }
        if let revocation = certificate.revocation {
            throw CertificationError(
                "\(number) is already revoked (\(revocation.reason))" + (revocation.replacedBy.map { " and replaced by \($0)" } ?? ""))
        }
        return certificate
    }

    private static func insertRevocation(
        of number: String, reason: String, replacedBy: String?, by revokedBy: String, at now: Date, db: any SQLConnection
    ) throws {
        guard !reason.allSatisfy(\.isWhitespace) else { throw CertificationError("a revocation needs a reason") }
        try db.execute(
            sql: "INSERT INTO certificateRevocation (number, reason, replacedBy, revokedBy, revokedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [number, reason, replacedBy, revokedBy, SessionRows.utc(now)])
    }

    static func certificateRows(where condition: String, _ arguments: [any SQLBindable], db: any SQLConnection) throws -> [Certificate] {
        try db.rows(
            sql: """
                SELECT c.number, c.sessionID, c.participantID, c.eligible, c.reasons, c.attendedMinutes, c.plannedMinutes,
                  c.firstDay, c.lastDay, c.issuedOn, c.validUntil, c.replaces, c.signedPayload, c.credential, c.erasedIn,
                  co.id AS courseID, co.version AS courseVersion, r.reason AS revokedReason, r.revokedAt,
                  coalesce(r.replacedBy, (SELECT n.number FROM certificate n WHERE n.replaces = c.number)) AS replacedBy
                FROM certificate c JOIN course co ON co.rowID = c.courseRowID
                LEFT JOIN certificateRevocation r ON r.number = c.number
                WHERE \(condition) ORDER BY c.year, c.sequence
                """, arguments: arguments
        ).map { row in
            let number: String = try row["number"]
            func day(_ column: String) throws -> LocalDate { try row.parsed(column, of: "certificate", key: number, LocalDate.init) }
            let revokedAt = try row.parsedIfPresent("revokedAt", of: "certificateRevocation", key: number, SessionRows.date(utc:))
            var certificate = Certificate(
                number: number, sessionID: try row["sessionID"], participantID: try row["participantID"], courseID: try row["courseID"],
                courseVersion: try row.parsed("courseVersion", of: "course", key: row["courseID"], CourseVersion.init),
                isEligible: try row["eligible"],
                reasons: try row.parsed("reasons", of: "certificate", key: number) { try? CourseRows.strings($0) },
                attended: Hours(minutes: try row["attendedMinutes"]), planned: Hours(minutes: try row["plannedMinutes"]),
                firstDay: try day("firstDay"), lastDay: try day("lastDay"), issuedOn: try day("issuedOn"),
                validUntil: try row.parsedIfPresent("validUntil", of: "certificate", key: number, LocalDate.init),
                replaces: try row["replaces"],
                signedPayload: try row["signedPayload"], credential: try row["credential"],
                revocation: try revokedAt.map {
                    Certificate.Revocation(at: $0, reason: try row["revokedReason"], replacedBy: try row["replacedBy"])
                })
            certificate.erasedIn = try row["erasedIn"]
            if certificate.erasedIn != nil { certificate.credential = nil }
            return certificate
        }
    }
}

/// Which certificates a listing across sessions keeps.
public struct CertificateFilter: Sendable, Hashable {
    /// The first and last days, of the training's end or of the issue (`datedBy`).
    public var from: LocalDate?
    public var to: LocalDate?
    /// Which day `from` and `to` bound.
    public var datedBy: Dating = .training
    /// Only this course's.
    public var courseID: String?
    /// Only those held by people this employer (id or name) employs now.
    public var employer: String?

    /// The day a certificate is dated by in a listing.
    public enum Dating: String, Sendable, Hashable, CaseIterable {
        /// The training's last day.
        case training
        /// The day it was issued.
        case issue
    }

    /// Creates a filter; nothing named keeps everything.
    public init(from: LocalDate? = nil, to: LocalDate? = nil, datedBy: Dating = .training, courseID: String? = nil, employer: String? = nil)
    {
        self.from = from
        self.to = to
        self.datedBy = datedBy
        self.courseID = courseID
        self.employer = employer
    }
}

/// What a session's certification decisions are made of, read in one transaction: the
/// course, the seated participants, the current attendance marks (with the corrections that
/// set them) and progress, and each participant's decision.
public struct SessionDecisions: Sendable {
    /// The session.
    public let session: Session
    /// The course version it runs.
    public let course: Course
    /// The participants holding a seat, by family name.
    public let participants: [Participant]
    /// The current mark of every participant and half-day recorded.
    public let marks: [AttendanceMark]
    /// The corrections that set current marks, for the filled sign-in sheets.
    public let corrections: [MarkCorrection]
    /// Each seated participant's current progress.
    public let progress: [ParticipantProgress]
    /// Each seated participant's certification decision, in the order of `participants`.
    public let decisions: [CertificationDecision]

    /// `course`, `enrolments`, `current` and `progress`, when given, are the session's course,
    /// enrolments, current marks and progress, read already.
    init(
        _ session: Session, course: Course? = nil, enrolments: [Enrolment]? = nil,
        current: (marks: [AttendanceMark], corrections: [MarkCorrection])? = nil, progress: [ParticipantProgress]? = nil,
        db: any SQLConnection
    ) throws {
        self.session = session
        self.course = try course ?? CourseRows.course(of: session, in: db)
        participants = try (enrolments ?? Store.enrolments(in: session.id, db: db)).filter { $0.status == .enrolled }.map(\.participant)
        (marks, corrections) = try current ?? AttendanceRows.current(in: session, db: db)
        self.progress = try progress ?? Store.progress(in: session.id, db: db)
        decisions = session.certificationDecisions(
            course: self.course, participantIDs: participants.map(\.id), marks: marks, progress: self.progress)
    }
}

/// A session's records read in one transaction, so that the documents, exports and
/// certificates made from them agree: its decisions and what they are made of (see
/// ``SessionDecisions``), and the certificates issued with what their documents print.
public struct SessionRecords: Sendable {
    /// The session.
    public var session: Session { base.session }
    /// The course version it runs.
    public var course: Course { base.course }
    /// The participants holding a seat, by family name.
    public var participants: [Participant] { base.participants }
    /// The current mark of every participant and half-day recorded.
    public var marks: [AttendanceMark] { base.marks }
    /// Each seated participant's current progress.
    public var progress: [ParticipantProgress] { base.progress }
    /// Each seated participant's certification decision, in the order of `participants`.
    public var decisions: [CertificationDecision] { base.decisions }
    /// The corrections that set current marks, for the filled sign-in sheets.
    public var corrections: [MarkCorrection] { base.corrections }
    /// The session's certificates, oldest first, revoked ones included.
    public let certificates: [Certificate]
    /// The current marks as a grid.
    public let grid: MarkGrid
    private let base: SessionDecisions
    private let holders: [String: Participant]
    private let progressByID: [String: ParticipantProgress]
    private let snapshots: [String: CertificateSnapshot]

    init(_ session: Session, db: any SQLConnection) throws {
        base = try SessionDecisions(session, db: db)
        grid = MarkGrid(base.marks)
        progressByID = Dictionary(base.progress.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        certificates = try Store.certificateRows(where: "c.sessionID = ?", [session.id], db: db)
        var holders = Dictionary(base.participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(certificates.map(\.participantID)) where holders[id] == nil {
            holders[id] = try Store.participant(id: id, in: db)
        }
        self.holders = holders
        snapshots = try CertificateSnapshotRows.snapshots(in: session.id, db: db)
    }

    /// The certificates not revoked.
    public var liveCertificates: [Certificate] { certificates.filter { $0.revocation == nil } }

    /// A seated participant or certificate holder of the session, as they stand now.
    func holder(_ participantID: String) -> Participant? { holders[participantID] }

    /// A seated participant's current progress.
    func progress(of participantID: String) -> ParticipantProgress? { progressByID[participantID] }

    /// What `certificate`'s documents print: as fixed at its issue, or, for a certificate
    /// issued before issues were fixed (before migration v6), from the records as they
    /// stand and `organisation`.
    public func context(for certificate: Certificate, organisation: Organisation) -> CertificateContext? {
        if let snapshot = snapshots[certificate.number] { return snapshot.context(for: certificate) }
        // Such a certificate's QR code held its signed statement alone: it was issued before
        // the organisation could publish its certificates.
        var organisation = organisation
        organisation.publicAddress = nil
        return holders[certificate.participantID].map { participant in
            CertificateContext(
                certificate: certificate, participant: participant, course: course, session: session, organisation: organisation,
                progress: progressByID[certificate.participantID])
        }
    }
}

/// The JSON of a ``CertificateSnapshot`` on its certificate's row.
enum CertificateSnapshotRows {
    /// How snapshots are encoded: keys sorted, slashes as they are.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes the snapshots of a batch of certificates, the JSON ``encoder()`` makes of them, encoding
    /// the course, the session and the organisation once for all the certificates that share
    /// them: they were three quarters of each snapshot's encoding, and a session's seats all
    /// share them. Sorted keys make an object's JSON the same wherever it stands, so the
    /// snapshot is the shared parts and the holder's, put together in the order of the keys.
    final class Writer {
        private let encoder = CertificateSnapshotRows.encoder()
        private var shared: (course: Course, session: Session, organisation: Organisation, json: [String])?

        func json(_ snapshot: CertificateSnapshot) throws -> String {
            let parts: [String]
            if let shared, shared.course == snapshot.course, shared.session == snapshot.session,
                shared.organisation == snapshot.organisation
            {
                parts = shared.json
            } else {
                parts = try [encode(snapshot.course), encode(snapshot.organisation), encode(snapshot.session)]
                shared = (snapshot.course, snapshot.session, snapshot.organisation, parts)
            }
            // The keys of `CertificateSnapshot`, sorted; `progress` is left out when there is none.
            var json = "{\"course\":\(parts[0]),\"format\":\(snapshot.format),\"organisation\":\(parts[1])"
            json += ",\"participant\":\(try encode(snapshot.participant))"
            if let progress = snapshot.progress { json += ",\"progress\":\(try encode(progress))" }
            return json + ",\"session\":\(parts[2])}"
        }

        private func encode(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
    }

    /// The session's snapshots by certificate number; one that cannot be read is an error
    /// naming the certificate, never a document printed from something else.
    static func snapshots(in sessionID: String, db: any SQLConnection) throws -> [String: CertificateSnapshot] {
        var snapshots: [String: CertificateSnapshot] = [:]
        let decoder = JSONDecoder()
        for row in try db.rows(
            sql: "SELECT number, printed FROM certificate WHERE sessionID = ? AND printed IS NOT NULL", arguments: [sessionID])
        {
            let number: String = try row["number"]
            snapshots[number] = try snapshot(row, number: number, decoder: decoder)
        }
        return snapshots
    }

    /// One certificate's snapshot, if it has one.
    static func snapshot(of number: String, db: any SQLConnection) throws -> CertificateSnapshot? {
        try db.row(sql: "SELECT printed FROM certificate WHERE number = ? AND printed IS NOT NULL", arguments: [number]).map {
            try snapshot($0, number: number, decoder: JSONDecoder())
        }
    }

    private static func snapshot(_ row: SQLRow, number: String, decoder: JSONDecoder) throws -> CertificateSnapshot {
        let snapshot = try row.parsed("printed", of: "certificate", key: number) {
            try? decoder.decode(CertificateSnapshot.self, from: Data($0.utf8))
        }
        // A later shape must still read the formats written before; a newer one is refused.
        guard snapshot.format <= CertificateSnapshot.currentFormat else {
            throw CorruptRecordError(table: "certificate", key: number, column: "printed", value: "format \(snapshot.format)")
        }
        return snapshot
    }
}

extension CertificateFilter.Dating: Worded {}
