internal import Crypto
public import Foundation
public import TrainingCore

/// A follow-up that cannot be recorded.
public struct FollowUpError: TextError, Sendable, Hashable {
    public var text: Text

    /// Creates the error.
    public init(_ text: Text) {
        self.text = text
    }
}

extension Store {
    /// Records a contact with a participant after their unexcused absences in a session: the
    /// half-days named, or, when none is named, every one no follow-up answers yet.
    public func recordFollowUp(
        sessionID: String, participantID: String, slotIDs: [String], channel: AbsenceFollowUp.Channel, contactedOn: LocalDate,
        by contactedBy: String, note: String, at now: Date
    ) throws -> AbsenceFollowUp {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
            for slot in slotIDs where session.slot(slot) == nil { throw FollowUpError(session.unknownSlotMessage(slot)) }
            let absences = try FollowUpRows.absences(sessionID: session.id, participantID: participantID, db: db)
            let answered = Set(
                try FollowUpRows.followUps(sessionID: session.id, participantID: participantID, db: db).flatMap(\.slotIDs))
            let answering: [String]
            if slotIDs.isEmpty {
                answering = absences.filter { !answered.contains($0) }
                guard !answering.isEmpty else {
                    throw FollowUpError(
                        absences.isEmpty
                            ? "\(participantID) has no unexcused absence in session \(session.id) to follow up"
                            : "every absence of \(participantID) in session \(session.id) has its follow-up: name a half-day with --slot to record another contact"
                    )
                }
            } else {
                for slot in slotIDs where !absences.contains(slot) {
                    throw FollowUpError(
                        "\(participantID) is not recorded absent without excuse on half-day \(slot) of session \(session.id)")
                }
                answering = session.slots.map(\.id).filter(slotIDs.contains)
            }
            let firstAbsence = session.slots.first { answering.contains($0.id) }?.date
            if let firstAbsence, contactedOn < firstAbsence {
                throw FollowUpError("a follow-up comes after the absence: \(contactedOn) is before \(firstAbsence)")
            }
            return try FollowUpRows.append(
                sessionID: session.id, participantID: participantID, slotIDs: answering, channel: channel, contactedOn: contactedOn,
                contactedBy: contactedBy, note: note, at: now, db: db)
        }
    }

    /// The follow-ups of a session (of every session when `nil`), oldest first.
    public func followUps(in sessionID: String? = nil) throws -> [AbsenceFollowUp] {
        try database.read { db in try FollowUpRows.followUps(in: sessionID, db: db) }
    }

    /// The unexcused absences no follow-up answers yet, in sessions not cancelled (of one
    /// session when named), by session, participant and half-day.
    public func absenceAlerts(in sessionID: String? = nil) throws -> [AbsenceAlert] {
        try database.read { db in
            let absent = try db.rows(
                sql: """
                    SELECT e.sessionID, e.participantID, e.slotID FROM attendanceEvent e
                    WHERE e.status = 'absent' AND (CAST(? AS TEXT) IS NULL OR e.sessionID = ?)
                      AND e.sequence = (SELECT max(sequence) FROM attendanceEvent
                                        WHERE sessionID = e.sessionID AND participantID = e.participantID AND slotID = e.slotID)
                    ORDER BY e.sessionID, e.participantID, e.slotID
                    """, arguments: [sessionID, sessionID])
            guard !absent.isEmpty else { return [] }
            var answered: Set<[String]> = []
            for followUp in try FollowUpRows.followUps(in: sessionID, db: db) {
                for slot in followUp.slotIDs { answered.insert([followUp.sessionID, followUp.participantID, slot]) }
            }
            var sessions: [String: (session: Session, title: String)?] = [:]
            var names: [String: String] = [:]
            var alerts: [AbsenceAlert] = []
            for row in absent {
                let (id, participantID, slotID): (String, String, String) = (
                    try row["sessionID"], try row["participantID"], try row["slotID"]
                )
                guard !answered.contains([id, participantID, slotID]) else { continue }
                if sessions[id] == nil {
                    sessions[id] = try SessionRows.session(id: id, in: db).map { ($0, try CourseRows.title(of: $0, db: db)) }
                }
                guard let (session, title) = sessions[id] ?? nil, session.status != .cancelled, let slot = session.slot(slotID) else {
                    continue
                }
                if names[participantID] == nil {
                    names[participantID] = try Self.participant(id: participantID, in: db)?.displayName ?? participantID
                }
                alerts.append(
                    AbsenceAlert(
                        sessionID: id, courseTitle: title, overTwoDays: Set(session.slots.map(\.date)).count > 2,
                        participantID: participantID, participantName: names[participantID] ?? participantID, slotID: slotID,
                        date: slot.date))
            }
            return alerts
        }
    }

    /// Recomputes the hash chain of the follow-ups, and each note kept against its hash.
    public func verifyFollowUps() throws -> ChainReport {
        try database.read { db in
            try Self.verifyChain(
                table: "absenceFollowUp", head: "absenceFollowUpChain", record: "follow-up", log: "log of follow-ups",
                hash: FollowUpRows.hash, db: db)
        }
    }
}

/// The head of a chained log: how many records it holds and the last one's hash.
enum ChainHead {
    /// The next record's sequence and the hash it follows.
    static func next(of head: String, db: any SQLConnection) throws -> (sequence: Int64, previous: String) {
        let row = try db.row(sql: "SELECT count, lastHash FROM \(head) WHERE id = 1")
        return (Int64((try row?["count"] ?? 0) as Int + 1), try row?["lastHash"] ?? AttendanceRows.genesis)
    }

    /// Moves the head to record `sequence`, whose hash is `hash`.
    static func advance(_ head: String, to sequence: Int64, hash: String, db: any SQLConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO \(head) (id, count, lastHash) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET count = excluded.count, lastHash = excluded.lastHash
                """, arguments: [sequence, hash])
    }
}

/// The log of follow-ups and its hash chain.
enum FollowUpRows {
    /// The half-days a participant is currently recorded absent without excuse, in order.
    static func absences(sessionID: String, participantID: String, db: any SQLConnection) throws -> [String] {
        try AttendanceRows.currentMarks(in: sessionID, participantID: participantID, db: db).filter { $0.status == .absent }.map(\.slotID)
    }

    /// The follow-ups of a session (of every session when `nil`), oldest first.
    static func followUps(in sessionID: String?, db: any SQLConnection) throws -> [AbsenceFollowUp] {
        try db.rows(
            sql: "SELECT * FROM absenceFollowUp WHERE CAST(? AS TEXT) IS NULL OR sessionID = ? ORDER BY sequence",
            arguments: [sessionID, sessionID]
        ).map(followUp)
    }

    static func followUps(sessionID: String, participantID: String, db: any SQLConnection) throws -> [AbsenceFollowUp] {
        try db.rows(
            sql: "SELECT * FROM absenceFollowUp WHERE sessionID = ? AND participantID = ? ORDER BY sequence",
            arguments: [sessionID, participantID]
        ).map(followUp)
    }

    static func append(
        sessionID: String, participantID: String, slotIDs: [String], channel: AbsenceFollowUp.Channel, contactedOn: LocalDate,
        contactedBy: String, note: String, at now: Date, db: any SQLConnection
    ) throws -> AbsenceFollowUp {
        let (sequence, previous) = try ChainHead.next(of: "absenceFollowUpChain", db: db)
        let recordedAt = SessionRows.utc(now)
        let slots = try json(slotIDs)
        let noteSHA256 = AttendanceRows.hex(SHA256.hash(data: Array(note.utf8)))
        let hash = AttendanceRows.digest(
            fields(
                sequence: sequence, sessionID: sessionID, participantID: participantID, slotIDs: slots, channel: channel.rawValue,
                contactedOn: contactedOn.description, contactedBy: contactedBy, noteSHA256: noteSHA256, recordedAt: recordedAt),
            previous: previous)
        try db.execute(
            sql: """
                INSERT INTO absenceFollowUp (sequence, sessionID, participantID, slotIDs, channel, contactedOn, contactedBy, note,
                    noteSHA256, recordedAt, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sequence, sessionID, participantID, slots, channel.rawValue, contactedOn.description, contactedBy, note, noteSHA256,
                recordedAt, previous, hash,
            ])
        try ChainHead.advance("absenceFollowUpChain", to: sequence, hash: hash, db: db)
        return AbsenceFollowUp(
            sequence: sequence, sessionID: sessionID, participantID: participantID, slotIDs: slotIDs, channel: channel,
            contactedOn: contactedOn, contactedBy: contactedBy, note: note, recordedAt: SessionRows.date(utc: recordedAt) ?? now, hash: hash
        )
    }

    /// The fields a follow-up's hash covers, in a fixed order: the note by its SHA-256.
    private static func fields(
        sequence: Int64, sessionID: String, participantID: String, slotIDs: String, channel: String, contactedOn: String,
        contactedBy: String, noteSHA256: String, recordedAt: String
    ) -> [String] {
        [String(sequence), sessionID, participantID, slotIDs, channel, contactedOn, contactedBy, noteSHA256, recordedAt]
    }

    /// A follow-up's hash from its row; a note that no longer matches its SHA-256 breaks it.
    static func hash(_ row: SQLRow, previous: String) throws -> String {
        let noteSHA256: String = try row["noteSHA256"]
        if let note = try row["note"] as String?, AttendanceRows.hex(SHA256.hash(data: Array(note.utf8))) != noteSHA256 {
            return "the note was changed"
        }
        return AttendanceRows.digest(
            fields(
                sequence: try row["sequence"], sessionID: try row["sessionID"], participantID: try row["participantID"],
                slotIDs: try row["slotIDs"], channel: try row["channel"], contactedOn: try row["contactedOn"],
                contactedBy: try row["contactedBy"], noteSHA256: noteSHA256, recordedAt: try row["recordedAt"]),
            previous: previous)
    }

    static func followUp(_ row: SQLRow) throws -> AbsenceFollowUp {
        let sequence: Int64 = try row["sequence"]
        let key = String(sequence)
        let slots: String = try row["slotIDs"]
        guard let slotIDs = try? JSONDecoder().decode([String].self, from: Data(slots.utf8)) else {
            throw CorruptRecordError(table: "absenceFollowUp", key: key, column: "slotIDs", value: slots)
        }
        return AbsenceFollowUp(
            sequence: sequence, sessionID: try row["sessionID"], participantID: try row["participantID"], slotIDs: slotIDs,
            channel: try row.parsed("channel", of: "absenceFollowUp", key: key, AbsenceFollowUp.Channel.init(rawValue:)),
            contactedOn: try row.parsed("contactedOn", of: "absenceFollowUp", key: key, LocalDate.init),
            contactedBy: try row["contactedBy"], note: try row["note"] ?? "",
            recordedAt: try row.parsed("recordedAt", of: "absenceFollowUp", key: key, SessionRows.date(utc:)), hash: try row["hash"])
    }

    private static func json(_ slotIDs: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(slotIDs), as: UTF8.self)
    }
}
