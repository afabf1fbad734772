public import Foundation
public import TrainingCore

/// One step in a session's life, as the session log keeps it.
public struct SessionEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Closed: the records became final.
        case closed
        /// Reopened, for a reason, after its certificates were revoked or before any was issued.
        case reopened
        /// Cancelled.
        case cancelled
        /// Its trainers, place or times changed.
        case edited
        /// Its id, left by a cancelled session, was planned again.
        case replanned
    }

    /// The event's position in the workspace's session log, from 1.
    public var sequence: Int64
    /// The session.
    public var sessionID: String
    /// What happened.
    public var kind: Kind
    /// The reason or what changed, in words.
    public var detail: String
    /// Who did it.
    public var recordedBy: String
    /// When, in UTC.
    public var recordedAt: Date
}

/// What to do, on closing, with the half-days of seated participants that have no record.
public enum UnrecordedHalfDays: Sendable, Hashable {
    /// Refuse to close, naming them.
    case refuse
    /// Record them as absent, in the chained log, then close.
    case absent
}

extension Store {
    /// Closes a session once its last half-day has ended, after which its records are
    /// final. Refused while a seated participant has no record for a half-day, unless
    /// `unrecorded` is ``UnrecordedHalfDays/absent``.
    public func close(
        sessionID: String, unrecorded: UnrecordedHalfDays = .refuse, by recordedBy: String, at now: Date = Date()
    ) throws {
        try changeStatus(of: sessionID, to: .closed, by: recordedBy, at: now) { session, db in
            if session.status == .cancelled { throw SessionError(sessionID: sessionID, reasons: ["a cancelled session cannot be closed"]) }
            if session.status == .closed { throw SessionError(sessionID: sessionID, reasons: ["it is already closed"]) }
            if let last = session.slots.last, let end = session.interval(of: last)?.end, end > now {
                throw SessionError(sessionID: sessionID, reasons: ["its last half-day (\(last.id)) has not ended yet"])
            }
            let seated = try SessionRows.seated(in: sessionID, db: db)
            let grid = MarkGrid(try AttendanceRows.currentMarks(in: sessionID, participantID: nil, db: db))
            let missing = session.slots.map { slot in (slot, seated.filter { grid[$0, slot.id] == nil }) }.filter { !$0.1.isEmpty }
            guard !missing.isEmpty else { return "" }
            switch unrecorded {
            case .refuse:
                let named = missing.map { slot, people -> Text in
                    "\(slot.id): \(counted(people.count, "participant")) without a record"
                }
                throw SessionError(
                    sessionID: sessionID,
                    reasons: [
                        named.joined(separator: ", ")
                            + "; record them with `allervers attendance record`, or close with --unrecorded absent"
                    ])
            case .absent:
                let marks = missing.flatMap { slot, people in
                    people.map { AttendanceMark(participantID: $0, slotID: slot.id, status: .absent) }
                }
                try AttendanceRows.append(
                    marks, sessionID: sessionID, recordedBy: recordedBy, source: "close --unrecorded absent", correctionReason: nil,
                    at: now,
                    in: db)
                return "\(marks.count) unrecorded half-day record(s) closed as absent"
            }
        }
    }

    /// Cancels a session that has not been closed. Its records stay.
    public func cancel(sessionID: String, by recordedBy: String, at now: Date = Date()) throws {
        try changeStatus(of: sessionID, to: .cancelled, by: recordedBy, at: now) { session, _ in
            if session.status == .closed { throw SessionError(sessionID: sessionID, reasons: ["a closed session cannot be cancelled"]) }
            if session.status == .cancelled { throw SessionError(sessionID: sessionID, reasons: ["it is already cancelled"]) }
            return ""
        }
    }

    /// Reopens a closed session so that its records can change again: allowed while none
    /// of its certificates is live (none issued, or every one revoked). The reopening,
    /// with who, when and why, stays in the session log.
    public func reopen(sessionID: String, reason: String, by recordedBy: String, at now: Date = Date()) throws {
        try changeStatus(of: sessionID, to: .running, by: recordedBy, at: now, kind: .reopened) { session, db in
            guard session.status == .closed else {
                throw SessionError(
                    sessionID: sessionID, reasons: ["it is \(session.status.words), not closed: there is nothing to reopen"])
            }
            guard !reason.allSatisfy(\.isWhitespace) else {
                throw SessionError(sessionID: sessionID, reasons: ["a reopening needs its reason (--reason)"])
            }
            let live = try SessionRows.liveCertificates(in: sessionID, db: db).values.sorted()
            guard live.isEmpty else {
                throw SessionError(
                    sessionID: sessionID,
                    reasons: [
                        "\(live.count) of its certificates are live (\(live.prefix(3).joined(separator: ", "))\(live.count > 3 ? "…" : "")): revoke them first"
                    ])
            }
            return reason
        }
    }

    /// The session's life, oldest first: closings, reopenings, cancellations and edits.
    public func sessionHistory(of sessionID: String) throws -> [SessionEvent] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM sessionEvent WHERE sessionID = ? ORDER BY sequence", arguments: [sessionID]).map {
                try SessionEventRows.event($0)
            }
        }
    }

    /// Every reopening in the workspace, oldest first.
    public func reopenings() throws -> [SessionEvent] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM sessionEvent WHERE kind = 'reopened' ORDER BY sequence").map {
                try SessionEventRows.event($0)
            }
        }
    }

    /// Recomputes the session log's hash chain, as ``verifyAttendanceChain()`` does for attendance.
    public func verifySessionLog() throws -> ChainReport {
        try database.read { db in
            try Self.verifyChain(
                table: "sessionEvent", head: "sessionEventChain", record: "session event", log: "session log", hash: SessionEventRows.hash,
                db: db)
        }
    }

    /// Changes a session's status in one transaction after `rule` agreed; the rule may write
    /// (closing records the unrecorded as absent) and returns the event's detail.
    func changeStatus(
        of sessionID: String, to status: SessionStatus, by recordedBy: String, at now: Date, kind: SessionEvent.Kind? = nil,
        checking rule: (Session, any SQLConnection) throws -> String
    ) throws {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            let detail = try rule(session, db)
            try db.execute(sql: "UPDATE session SET status = ? WHERE id = ?", arguments: [status.rawValue, sessionID])
            let eventKind = kind ?? (status == .closed ? .closed : .cancelled)
            try SessionEventRows.append(eventKind, sessionID: sessionID, detail: detail, by: recordedBy, at: now, in: db)
        }
    }
}

/// The session log's rows and its hash chain.
enum SessionEventRows {
    static func append(
        _ kind: SessionEvent.Kind, sessionID: String, detail: String, by recordedBy: String, at now: Date, in db: any SQLConnection
    )
        throws
    {
        let (sequence, previous) = try ChainHead.next(of: "sessionEventChain", db: db)
        let recordedAt = SessionRows.utc(now)
        let hash = AttendanceRows.digest(
            [String(sequence), sessionID, kind.rawValue, detail, recordedBy, recordedAt], previous: previous)
        try db.execute(
            sql: """
                INSERT INTO sessionEvent (sequence, sessionID, kind, detail, recordedBy, recordedAt, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sequence, sessionID, kind.rawValue, detail, recordedBy, recordedAt, previous, hash])
        try ChainHead.advance("sessionEventChain", to: sequence, hash: hash, db: db)
    }

    static func hash(_ row: SQLRow, previous: String) throws -> String {
        try AttendanceRows.digest(
            [
                String(row["sequence"] as Int64), row["sessionID"], row["kind"], row["detail"], row["recordedBy"], row["recordedAt"],
            ], previous: previous)
    }

    static func event(_ row: SQLRow) throws -> SessionEvent {
        let key = String(try row["sequence"] as Int64? ?? 0)
        return SessionEvent(
            sequence: try row["sequence"], sessionID: try row["sessionID"],
            kind: try row.parsed("kind", of: "sessionEvent", key: key, SessionEvent.Kind.init(rawValue:)),
            detail: try row["detail"], recordedBy: try row["recordedBy"],
            recordedAt: try row.parsed("recordedAt", of: "sessionEvent", key: key, SessionRows.date(utc:)))
    }
}

extension SessionEvent.Kind: Worded {}
