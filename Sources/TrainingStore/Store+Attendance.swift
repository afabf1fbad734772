internal import Crypto
public import Foundation
public import TrainingCore

/// One attendance record as stored: the mark, who recorded it, when, and its place in
/// the workspace's hash chain.
public struct AttendanceEvent: Sendable, Hashable, Codable {
    /// The record's position in the workspace's log, from 1.
    public var sequence: Int64
    /// The session.
    public var sessionID: String
    /// What was recorded.
    public var mark: AttendanceMark
    /// Who recorded it.
    public var recordedBy: String
    /// When, in UTC.
    public var recordedAt: Date
    /// How it came in (`command`, `import FILE`).
    public var source: String
    /// The earlier record of the same participant and slot that this one corrects.
    public var supersedes: Int64?
    /// Why it corrects the earlier record.
    public var correctionReason: String?
    /// How a signature came in, for a record signed on a phone or by the trainer on
    /// someone's behalf.
    public var evidence: SignatureEvidence?
    /// The record's hash, chained to the previous record's.
    public var hash: String
}

/// Attendance that cannot be recorded, with every reason.
public struct AttendanceError: TextError, Sendable, Hashable {
    /// What is wrong.
    public var reasons: [Text]
    /// The session and the position, in the marks given for it, of the first mark at fault,
    /// so that an import can name the line it came from.
    public var firstFault: (sessionID: String, index: Int)? {
        faultSession.flatMap { session in faultIndex.map { (session, $0) } }
    }
    private var faultSession: String?
    private var faultIndex: Int?

    /// Creates the error.
    public init(_ reasons: [Text], sessionID: String? = nil, index: Int? = nil) {
        self.reasons = reasons
        self.faultSession = sessionID
        self.faultIndex = index
    }

    public var text: Text { reasons.joined(separator: "; ") }
}

/// What `verify` found in the attendance log.
public struct ChainReport: Sendable, Hashable, Codable {
    /// How many records were checked.
    public var recordCount: Int
    /// The first record that no longer matches, or `nil` when the chain is intact.
    public var firstBrokenSequence: Int64?
    /// What is wrong with it, in English: what `--json` prints, whatever the user's language.
    public var problem: String? { problemText?.rendered(in: .en) }
    /// What is wrong with it, in words.
    public var problemText: Text?

    /// Whether every record is as it was written.
    public var isIntact: Bool { problemText == nil }

    /// A report of `recordCount` records, broken at `firstBrokenSequence` for `problem`.
    public init(recordCount: Int, firstBrokenSequence: Int64?, problem: Text?) {
        self.recordCount = recordCount
        self.firstBrokenSequence = firstBrokenSequence
        problemText = problem
    }

    private enum CodingKeys: String, CodingKey {
        case recordCount, firstBrokenSequence, problem
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recordCount = try container.decode(Int.self, forKey: .recordCount)
        firstBrokenSequence = try container.decodeIfPresent(Int64.self, forKey: .firstBrokenSequence)
        problemText = try container.decodeIfPresent(String.self, forKey: .problem).map(Text.init(verbatim:))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recordCount, forKey: .recordCount)
        try container.encodeIfPresent(firstBrokenSequence, forKey: .firstBrokenSequence)
        try container.encodeIfPresent(problem, forKey: .problem)
    }
}

extension Store {
    /// Records marks for a session, all or none, appending them to the hash-chained log.
    ///
    /// Each mark must name a half-day of the session that has started by `now` and a
    /// participant holding a seat in it, once, and make sense for that half-day. A mark for
    /// a participant and half-day already recorded is a correction: it needs a
    /// `correctionReason`, and supersedes the earlier record, which stays in the history.
    ///
    /// With `beforeCertifying`, the reason is one the tool gave (a trainer completing a signed
    /// sheet), and the marks are refused once a trainer certified their half-day's sheet.
    public func record(
        _ marks: [AttendanceMark], in sessionID: String, by recordedBy: String, source: String, correctionReason: String? = nil,
        beforeCertifying: Bool = false, at now: Date = Date()
    ) throws {
        try database.write { db in
            try Self.record(
                marks, in: sessionID, by: recordedBy, source: source, correctionReason: correctionReason, at: now,
                beforeCertifying: beforeCertifying, db: db)
        }
    }

    /// Records marks for several sessions in one transaction: all of them, or none.
    public func record(
        _ batch: [(sessionID: String, marks: [AttendanceMark])], by recordedBy: String, source: String, correctionReason: String? = nil,
        at now: Date = Date()
    ) throws {
        try database.write { db in
            for (sessionID, marks) in batch {
                try Self.record(
                    marks, in: sessionID, by: recordedBy, source: source, correctionReason: correctionReason, at: now, db: db)
            }
        }
    }

    /// Records marks after checking them (see ``record(_:in:by:source:correctionReason:at:)``);
    /// signed marks carry their `evidence` (JSON) and may come `early` seconds before their
    /// half-day starts. Returns the records' sequence numbers.
    @discardableResult
    static func record(
        _ marks: [AttendanceMark], in sessionID: String, by recordedBy: String, source: String, correctionReason: String?, at now: Date,
        evidence: String? = nil, early: TimeInterval = 0, beforeCertifying: Bool = false, db: any SQLConnection
    ) throws -> [Int64] {
        guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
        guard session.status != .cancelled else {
            throw AttendanceError(["session \(sessionID) is cancelled: its attendance can no longer change"])
        }
        guard !marks.isEmpty else { throw AttendanceError(["no participant is marked for session \(sessionID)"]) }
        // Who already has a record of which half-day: of the one person marked, when it is one
        // (a signature on a phone), by the index, without reading the records themselves.
        let people = Set(marks.map(\.participantID))
        let only = people.count == 1 ? people.first : nil
        var recorded: Set<String> = []
        try db.each(
            sql: """
                SELECT DISTINCT participantID, slotID FROM attendanceEvent
                WHERE sessionID = ? AND (CAST(? AS TEXT) IS NULL OR participantID = ?)
                """, arguments: [sessionID, only, only]
        ) { row in recorded.insert("\(try row["participantID"] as String) \(try row["slotID"] as String)") }
        let seated = Set(try SessionRows.seated(in: sessionID, db: db))
        let certified = try SheetSignatureRows.certifiedSlots(in: sessionID, db: db)
        let live = session.status == .closed ? try SessionRows.liveCertificates(in: sessionID, db: db) : [:]
        let reason = correctionReason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if let reason, reason.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
            throw AttendanceError(["a correction's reason is text, without control characters"])
        }
        var reasons: [Text] = []
        var firstFault: Int?
        var seen: Set<String> = []
        var unknownSlots: [String] = []
        var notStarted: Set<String> = []
        let slots = Dictionary(session.slots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, mark) in marks.enumerated() {
            defer { if firstFault == nil && !reasons.isEmpty { firstFault = index } }
            guard let slot = slots[mark.slotID] else {
                if !unknownSlots.contains(mark.slotID) {
                    unknownSlots.append(mark.slotID)
                    reasons.append(session.unknownSlotMessage(mark.slotID))
                }
                continue
            }
            if let start = session.interval(of: slot)?.start, start > now.addingTimeInterval(early) {
                if notStarted.insert(slot.id).inserted {
                    reasons.append("half-day \(slot.id) of session \(sessionID) has not started yet: attendance is recorded once it has")
                }
                continue
            }
            if !seated.contains(mark.participantID) {
                reasons.append("\(mark.participantID) is not enrolled in session \(sessionID)")
            }
            let key = "\(mark.participantID) \(mark.slotID)"
            if !seen.insert(key).inserted {
                reasons.append("\(mark.participantID) has two marks for half-day \(mark.slotID)")
            }
            if let refusal = SessionRows.checkChangeable(session, for: mark.participantID, live: live), !reasons.contains(refusal) {
                reasons.append(refusal)
            }
            if certified.contains(slot.id) && (beforeCertifying || (reason == nil && !recorded.contains(key))) {
                reasons.append(
                    "the sheet of half-day \(slot.id) of session \(sessionID) has been certified: a change is a correction and needs its reason (--reason)"
                )
            } else if recorded.contains(key) {
                if reason == nil {
                    reasons.append(
                        "\(mark.participantID) already has a record for half-day \(mark.slotID) of session \(sessionID): a correction needs its reason (--reason)"
                    )
                }
            } else if session.status == .closed {
                // After closing, the record of a half-day can still be corrected for someone
                // holding no live certificate (the correction supersedes, the history keeps
                // both, the certificate is reissued from it), but nothing new is recorded.
                reasons.append(
                    "session \(sessionID) is closed: \(mark.participantID) has no record for \(mark.slotID) to correct, and nothing new is recorded"
                )
            }
            reasons += mark.problems(in: slot)
        }
        guard reasons.isEmpty else { throw AttendanceError(reasons, sessionID: sessionID, index: firstFault) }
        if session.status == .planned {
            try db.execute(sql: "UPDATE session SET status = 'running' WHERE id = ?", arguments: [sessionID])
        }
        // Only corrections carry the reason: a first record of the same batch does not.
        var first: [AttendanceMark] = []
        var corrections: [AttendanceMark] = []
        // A first record after the sheet was certified is a correction too.
        for mark in marks {
            if recorded.contains("\(mark.participantID) \(mark.slotID)") || certified.contains(mark.slotID) {
                corrections.append(mark)
            } else {
                first.append(mark)
            }
        }
        return try AttendanceRows.append(
            first, sessionID: sessionID, recordedBy: recordedBy, source: source, correctionReason: nil, at: now, evidence: evidence, in: db)
            + AttendanceRows.append(
                corrections, sessionID: sessionID, recordedBy: recordedBy, source: source, correctionReason: reason, at: now,
                evidence: evidence, in: db)
    }

    /// The current mark of every participant and slot recorded in a session.
    public func currentMarks(in sessionID: String) throws -> [AttendanceMark] {
        try database.read { db in try AttendanceRows.currentMarks(in: sessionID, participantID: nil, db: db) }
    }

    /// Every record of a session, corrections included, in the order they were made.
    public func attendanceHistory(of sessionID: String, participantID: String? = nil) throws -> [AttendanceEvent] {
        try database.read { db in
            let rows = try db.rows(
                sql: """
                    SELECT * FROM attendanceEvent WHERE sessionID = ? AND (CAST(? AS TEXT) IS NULL OR participantID = ?) ORDER BY sequence
                    """, arguments: [sessionID, participantID, participantID])
            var latest: [String: Int64] = [:]
            return try rows.map { row in
                let mark = try AttendanceRows.mark(row)
                let key = "\(mark.participantID) \(mark.slotID)"
                let sequence: Int64 = try row["sequence"]
                defer { latest[key] = sequence }
                return AttendanceEvent(
                    sequence: sequence, sessionID: try row["sessionID"], mark: mark, recordedBy: try row["recordedBy"],
                    recordedAt: try row.parsed("recordedAt", of: "attendanceEvent", key: String(sequence), SessionRows.date(utc:)),
                    source: try row["source"],
                    supersedes: latest[key], correctionReason: try row["correctionReason"],
                    evidence: try AttendanceRows.evidence(row), hash: try row["hash"])
            }
        }
    }

    /// Recomputes the attendance log's hash chain and names the first record that was
    /// changed, inserted or removed behind the tool's back.
    public func verifyAttendanceChain() throws -> ChainReport {
        try database.read { db in try AttendanceRows.verifyChain(db) }
    }

    /// Recomputes a hash-chained log: each row's `previousHash` and `hash`, the sequence
    /// without gaps, and the head's count and last hash.
    static func verifyChain(
        table: String, head: String, record noun: Text, log: Text, hash: (SQLRow, String) throws -> String, db: any SQLConnection
    ) throws -> ChainReport {
        var previous = AttendanceRows.genesis
        var walk = ChainWalk(record: noun)
        try db.eachRow(of: table, byKey: ["sequence"]) { row in
            let sequence: Int64 = try row["sequence"]
            guard walk.reached(sequence), walk.follows(try row["previousHash"] as String == previous) else { return false }
            let computed = try hash(row, previous)
            guard walk.isIntact(computed == (try row["hash"] as String)) else { return false }
            previous = computed
            return true
        }
        return try walk.report(head: head, log: log, lastHash: previous, db: db)
    }
}

/// A walk along a hash-chained log, record by record in sequence order: what it has checked,
/// and the first record found broken.
struct ChainWalk {
    /// What a record is called in a report (`attendance record`).
    let record: Text
    /// The sequence the next record must have.
    private var expected: Int64 = 1
    /// The records met.
    private var count = 0
    /// The first break, once found.
    private var broken: ChainReport?

    init(record: Text) {
        self.record = record
    }

    /// Meets the record numbered `sequence`: whether it is the next one (none was removed).
    mutating func reached(_ sequence: Int64) -> Bool {
        count += 1
        guard sequence == expected else {
            broken = ChainReport(
                recordCount: count, firstBrokenSequence: expected, problem: "\(record) \(expected) has been removed")
            return false
        }
        return true
    }

    /// Whether the record met names the hash of the one before it.
    mutating func follows(_ follows: Bool) -> Bool {
        guard follows else {
            broken = ChainReport(
                recordCount: count, firstBrokenSequence: expected,
                problem: "\(record) \(expected) does not follow record \(expected - 1): a record before it was changed or removed")
            return false
        }
        return true
    }

    /// Whether the record met hashes to the hash it holds; if so, the next one is expected.
    mutating func isIntact(_ intact: Bool) -> Bool {
        guard intact else {
            broken = ChainReport(
                recordCount: count, firstBrokenSequence: expected, problem: "\(record) \(expected) was changed after it was written")
            return false
        }
        expected += 1
        return true
    }

    /// The report: the first break, or the log's head (`head`, its count and last hash) checked
    /// against the records met, the last of which hashed to `lastHash`.
    func report(head: String, log: Text, lastHash: String, db: any SQLConnection) throws -> ChainReport {
        if let broken { return broken }
        let headRow = try db.row(sql: "SELECT count, lastHash FROM \(head) WHERE id = 1")
        let headCount: Int = try headRow?["count"] ?? 0
        let headHash: String? = try headRow?["lastHash"]
        if headCount != count || (count > 0 && headHash != lastHash) {
            return ChainReport(
                recordCount: count, firstBrokenSequence: Int64(min(count, headCount) + 1),
                problem: headCount > count
                    ? "the newest \(headCount - count) records of the \(log) have been removed (it held \(headCount))"
                    : "the head of the \(log) does not match its records")
        }
        return ChainReport(recordCount: count, firstBrokenSequence: nil, problem: nil)
    }
}

/// The attendance log's rows and its hash chain.
enum AttendanceRows {
    static let genesis = String(repeating: "0", count: 64)

    @discardableResult
    static func append(
        _ marks: [AttendanceMark], sessionID: String, recordedBy: String, source: String, correctionReason: String?, at now: Date,
        evidence: String? = nil, in db: any SQLConnection
    ) throws -> [Int64] {
        guard !marks.isEmpty else { return [] }
        var sequences: [Int64] = []
        var (next, previous) = try ChainHead.next(of: "attendanceChain", db: db)
        let recordedAt = now.formatted(.iso8601)
        let row = try db.prepare(
            sql: """
                INSERT INTO attendanceEvent (sequence, sessionID, slotID, participantID, status, minutesLate, minutesLeftEarly, reason,
                    recordedBy, recordedAt, source, previousHash, hash, correctionReason, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for mark in marks {
            let sequence = next
            let fields = fields(
                sequence: sequence, sessionID: sessionID, slotID: mark.slotID, participantID: mark.participantID,
                status: mark.status.rawValue,
                minutesLate: mark.minutesLate, minutesLeftEarly: mark.minutesLeftEarly, reason: mark.reason, recordedBy: recordedBy,
                recordedAt: recordedAt, source: source, correctionReason: correctionReason, evidence: evidence)
            let hash = digest(fields, previous: previous)
            row.bind(sequence)
            row.bind(sessionID)
            row.bind(mark.slotID)
            row.bind(mark.participantID)
            row.bind(mark.status.rawValue)
            row.bind(mark.minutesLate)
            row.bind(mark.minutesLeftEarly)
            row.bind(mark.reason)
            row.bind(recordedBy)
            row.bind(recordedAt)
            row.bind(source)
            row.bind(previous)
            row.bind(hash)
            row.bind(correctionReason)
            row.bind(evidence)
            try row.insert()
            sequences.append(sequence)
            next += 1
            previous = hash
        }
        try ChainHead.advance("attendanceChain", to: next - 1, hash: previous, db: db)
        return sequences
    }

    /// The fields a record's hash covers, in a fixed order. The correction's reason comes
    /// next and only when there is one, and the signature's evidence last and only when
    /// there is one (after a correction's reason or a NUL for none), so that records
    /// written before either existed keep their hashes.
    static func fields(
        sequence: Int64, sessionID: String, slotID: String, participantID: String, status: String, minutesLate: Int, minutesLeftEarly: Int,
        reason: String?, recordedBy: String, recordedAt: String, source: String, correctionReason: String?, evidence: String?
    ) -> [String] {
        var fields = [
            String(sequence), sessionID, slotID, participantID, status, String(minutesLate), String(minutesLeftEarly), reason ?? "\u{0}",
            recordedBy, recordedAt, source,
        ]
        if let evidence {
            fields += [correctionReason ?? "\u{0}", evidence]
        } else if let correctionReason {
            fields.append(correctionReason)
        }
        return fields
    }

    /// A stored record's evidence, if it was signed.
    static func evidence(_ row: SQLRow) throws -> SignatureEvidence? {
        try row.parsedIfPresent("evidence", of: "attendanceEvent", key: "\(row["sequence"] as Int64? ?? 0)") { text in
            try? JSONDecoder().decode(SignatureEvidence.self, from: Data(text.utf8))
        }
    }

    /// The attendance log's columns as ``verifyChain(_:)`` reads them, by position.
    private static let chained = """
        sequence, sessionID, slotID, participantID, status, minutesLate, minutesLeftEarly, reason, recordedBy, recordedAt, source,
        previousHash, hash, correctionReason, evidence
        """

    /// The text columns hashed after the sequence, and after the minutes and reason: by
    /// position in ``chained``, with their names.
    private static let firstFields = [(1, "sessionID"), (2, "slotID"), (3, "participantID"), (4, "status")]
    private static let recordingFields = [(8, "recordedBy"), (9, "recordedAt"), (10, "source")]

    /// Recomputes the attendance log's hash chain (see ``Store/verifyAttendanceChain()``),
    /// hashing each record from the bytes its row holds, as ``digest(_:previous:)`` hashed its
    /// `fields` when it was written: a log of a million records is read without a string made
    /// for each field. (The bytes as stored: text that is not valid UTF-8, which the tool never writes,
    /// is hashed as it is, not repaired first.) `pageSize` rows are read at a time (by default
    /// the database's ``SQLDialect/pageRows``); on SQLite, the next rows are read on another
    /// core meanwhile.
    static func verifyChain(_ db: any SQLConnection, pageSize: Int? = nil) throws -> ChainReport {
        var walk = ChainWalk(record: "attendance record")
        var previous = Array(genesis.utf8)
        var computed = previous
        let digest = ChainDigest()
        try db.scanRows(of: "attendanceEvent", columns: chained, byKey: "sequence", pageSize: pageSize) { row in
            let sequence = try row.integer(0, "sequence", of: "attendanceEvent", key: "?")
            guard walk.reached(sequence),
                walk.follows(try row.parsed(11, "previousHash", of: "attendanceEvent", key: String(sequence)) { $0.equals(previous) })
            else { return false }
            digest.start()
            digest.field(previous)
            digest.field(sequence)
            for (column, name) in Self.firstFields {
                try digest.field(row, column, name, key: String(sequence))
            }
            digest.field(try row.integer(5, "minutesLate", of: "attendanceEvent", key: String(sequence)))
            digest.field(try row.integer(6, "minutesLeftEarly", of: "attendanceEvent", key: String(sequence)))
            try digest.field(row, 7, "reason", key: String(sequence), orNull: true)
            for (column, name) in Self.recordingFields {
                try digest.field(row, column, name, key: String(sequence))
            }
            // A correction's reason, and a signed record's evidence after the reason (or a NUL
            // for none), as `fields` lists them.
            if !row.isNull(14) {
                try digest.field(row, 13, "correctionReason", key: String(sequence), orNull: true)
                try digest.field(row, 14, "evidence", key: String(sequence))
            } else if !row.isNull(13) {
                try digest.field(row, 13, "correctionReason", key: String(sequence))
            }
            digest.hex(into: &computed)
            guard walk.isIntact(try row.parsed(12, "hash", of: "attendanceEvent", key: String(sequence)) { $0.equals(computed) }) else {
                return false
            }
            swap(&previous, &computed)
            return true
        }
        return try walk.report(
            head: "attendanceChain", log: "attendance log", lastHash: String(decoding: previous, as: UTF8.self), db: db)
    }

    /// A session's records, read in any order (a database gives rows in the order it finds
    /// them), as a grid of marks reads them: in the log's order, so that the latest record of
    /// a seat's half-day is its current mark.
    static func inLogOrder(_ records: [(sequence: Int64, mark: AttendanceMark)]) -> [AttendanceMark] {
        let ordered = zip(records, records.dropFirst()).allSatisfy { $0.sequence < $1.sequence }
        return (ordered ? records : records.sorted { $0.sequence < $1.sequence }).map(\.mark)
    }

    /// SHA-256 of the previous hash and each field, every field prefixed by its length so
    /// that no two different records hash the same text.
    static func digest(_ fields: [String], previous: String) -> String {
        let digest = ChainDigest()
        digest.field(previous)
        for field in fields { digest.field(field) }
        var hex: [UInt8] = []
        digest.hex(into: &hex)
        return String(decoding: hex, as: UTF8.self)
    }

    /// Bytes (a digest) as lower-case hexadecimal.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    static func mark(_ row: SQLRow) throws -> AttendanceMark {
        AttendanceMark(
            participantID: try row["participantID"], slotID: try row["slotID"],
            status: try row.parsed(
                "status", of: "attendanceEvent", key: "\(row["sequence"] as Int64? ?? 0)", AttendanceMark.Status.init(rawValue:)),
            minutesLate: try row["minutesLate"], minutesLeftEarly: try row["minutesLeftEarly"], reason: try row["reason"])
    }

    /// The columns ``record(_:)`` reads, first in a read of records as marks.
    static let markColumns = "sessionID, participantID, slotID, status, minutesLate, minutesLeftEarly, reason, sequence"

    /// A record read as ``markColumns`` lists it: its session, its place in the log, its mark.
    static func record(_ row: SQLCursor) throws -> (sessionID: String, sequence: Int64, mark: AttendanceMark) {
        let sequence = try row.integer(7, "sequence", of: "attendanceEvent", key: "?")
        let key = String(sequence)
        func number(_ column: Int, _ name: String) throws -> Int {
            Int(try row.integer(column, name, of: "attendanceEvent", key: key))
        }
        let mark = AttendanceMark(
            participantID: try row.string(1, "participantID", of: "attendanceEvent", key: key),
            slotID: try row.string(2, "slotID", of: "attendanceEvent", key: key),
            status: try row.parsed(3, "status", of: "attendanceEvent", key: key) {
                AttendanceMark.Status(rawValue: String(decoding: $0, as: UTF8.self))
            },
            minutesLate: try number(4, "minutesLate"), minutesLeftEarly: try number(5, "minutesLeftEarly"),
            reason: try row.stringIfPresent(6, "reason", of: "attendanceEvent", key: key))
        return (try row.string(0, "sessionID", of: "attendanceEvent", key: key), sequence, mark)
    }

    /// The current marks of a session, and the corrections that set them, dated on its
    /// calendar: one read of the log for the records of a session.
    static func current(in session: Session, db: any SQLConnection) throws -> (marks: [AttendanceMark], corrections: [MarkCorrection]) {
        try current(in: [session], db: db)[session.id] ?? ([], [])
    }

    /// The current marks of each session, by participant and half-day, and the corrections
    /// that set them, dated on the session's calendar. One read of the sessions' records, by
    /// their index (a few hundred sessions at a time), each seat's half-day keeping its latest
    /// record: not a search for the latest of every record.
    static func current(in sessions: [Session], db: any SQLConnection) throws -> [String: (
        marks: [AttendanceMark], corrections: [MarkCorrection]
    )] {
        struct Latest {
            var sequence: Int64
            var mark: AttendanceMark
            var correctionReason: String?
            /// When a correction was recorded (read for corrections only).
            var recordedAt: String?
        }
        var latest: [String: [String: Latest]] = [:]
        try inBatches(sessions.map(\.id)) { chunk in
            try db.scanAhead(
                sql: """
                    SELECT \(markColumns), correctionReason, recordedAt
                    FROM attendanceEvent WHERE sessionID IN (\(placeholders(chunk.count)))
                    """, arguments: chunk
            ) { row in
                let (sessionID, sequence, mark) = try record(row)
                let seat = mark.participantID + "\u{0}" + mark.slotID
                if let kept = latest[sessionID]?[seat], kept.sequence > sequence { return }
                let correctionReason = try row.stringIfPresent(8, "correctionReason", of: "attendanceEvent", key: String(sequence))
                latest[sessionID, default: [:]][seat] = Latest(
                    sequence: sequence, mark: mark, correctionReason: correctionReason,
                    recordedAt: correctionReason == nil
                        ? nil : try row.string(9, "recordedAt", of: "attendanceEvent", key: String(sequence)))
            }
        }
        var current: [String: (marks: [AttendanceMark], corrections: [MarkCorrection])] = [:]
        for session in sessions {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: session.timeZone) ?? TimeZone(identifier: "Europe/Paris") ?? .current
            // By participant, then half-day, as a grid and a sheet list them.
            let records = (latest[session.id] ?? [:]).values.sorted {
                ($0.mark.participantID, $0.mark.slotID) < ($1.mark.participantID, $1.mark.slotID)
            }
            var corrections: [MarkCorrection] = []
            for record in records {
                guard let reason = record.correctionReason else { continue }
                let day = record.recordedAt.flatMap(SessionRows.date(utc:)).map {
                    calendar.dateComponents([.year, .month, .day], from: $0)
                }
                guard let day, let on = LocalDate(year: day.year ?? 0, month: day.month ?? 0, day: day.day ?? 0) else {
                    throw CorruptRecordError(
                        table: "attendanceEvent", key: String(record.sequence), column: "recordedAt", value: record.recordedAt ?? "NULL")
                }
                corrections.append(
                    MarkCorrection(participantID: record.mark.participantID, slotID: record.mark.slotID, on: on, reason: reason))
            }
            current[session.id] = (records.map(\.mark), corrections)
        }
        return current
    }

    /// The latest mark per participant and slot of a session.
    static func currentMarks(in sessionID: String, participantID: String?, db: any SQLConnection) throws -> [AttendanceMark] {
        try currentRows(in: sessionID, participantID: participantID, db: db).map { try mark($0) }
    }

    /// The latest record per participant and slot of a session (of one participant, when named).
    private static func currentRows(in sessionID: String, participantID: String?, db: any SQLConnection) throws -> [SQLRow] {
        try db.rows(
            sql: """
                SELECT e.* FROM attendanceEvent e
                WHERE e.sessionID = ? AND (CAST(? AS TEXT) IS NULL OR e.participantID = ?)
                  AND e.sequence = (SELECT max(sequence) FROM attendanceEvent
                                    WHERE sessionID = e.sessionID AND participantID = e.participantID AND slotID = e.slotID)
                ORDER BY e.participantID, e.slotID
                """, arguments: [sessionID, participantID, participantID])
    }
}

/// A participant's attended hours over a period, across every session.
public struct PeriodHours: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// How many sessions had half-days in the period with them seated.
    public var sessionCount: Int
    /// The time attended.
    public var attended: Hours
    /// The time planned for them.
    public var planned: Hours
}

extension Store {
    /// Every seated participant's attended and planned hours over the half-days from
    /// `start` to `end` (both included), session by session through ``TrainingCore/Session/attendedHours(of:marks:)``,
    /// the one place hours are computed. Cancelled sessions do not count.
    public func attendedHours(from start: LocalDate, through end: LocalDate) throws -> [PeriodHours] {
        try database.read { db in
            let period = [start.description, end.description]
            let inPeriod = """
                SELECT DISTINCT sl.sessionID FROM sessionSlot sl JOIN session s ON s.id = sl.sessionID
                WHERE sl.date BETWEEN ? AND ? AND s.status <> 'cancelled'
                """
            let sessionIDs = try db.all(String.self, sql: inPeriod + " ORDER BY sl.sessionID", arguments: period)
            // The seats of every such session: one read, not one a session.
            var seats: [String: [String]] = [:]
            try db.each(
                sql: """
                    SELECT sessionID, participantID FROM enrolment
                    WHERE status = 'enrolled' AND sessionID IN (\(inPeriod)) ORDER BY sessionID, participantID
                    """, arguments: period
            ) { row in seats[try row["sessionID"], default: []].append(try row["participantID"]) }
            // Every record of those sessions, each with its place in the log: a seat's current
            // mark for a half-day is its latest, as the grid keeps it of marks in the log's
            // order. Not a search for the latest of each record (a million searches for a
            // million records): one read. When the period's sessions are more than a quarter
            // of all sessions, the log is read whole, in the order it was written (the id
            // compared as an expression, which no index answers); fewer sessions' records are
            // found by their index.
            let everySession = try db.one(Int.self, sql: "SELECT count(*) FROM session") ?? 0
            let whole = sessionIDs.count * 4 > everySession
            var marks: [String: [(sequence: Int64, mark: AttendanceMark)]] = [:]
            try db.scanAhead(
                sql: """
                    SELECT \(AttendanceRows.markColumns)
                    FROM attendanceEvent WHERE \(whole ? "sessionID || ''" : "sessionID") IN (\(inPeriod))
                    """, arguments: period
            ) { row in
                let (sessionID, sequence, mark) = try AttendanceRows.record(row)
                marks[sessionID, default: []].append((sequence, mark))
            }
            var totals: [String: PeriodHours] = [:]
            // A merged duplicate's hours are the person's it was merged into.
            let merged = Dictionary(
                try db.rows(sql: "SELECT id, mergedInto FROM participant WHERE mergedInto IS NOT NULL").map {
                    (try $0["id"] as String, try Self.participantID(for: $0["id"], in: db))
                }, uniquingKeysWith: { first, _ in first })
            for var session in try SessionRows.sessions(ids: sessionIDs, in: db) {
                let sessionID = session.id
                session.slots = session.slots.filter { $0.date >= start && $0.date <= end }
                for hours in session.attendedHours(of: seats[sessionID] ?? [], marks: AttendanceRows.inLogOrder(marks[sessionID] ?? [])) {
                    let person = merged[hours.participantID] ?? hours.participantID
                    var total =
                        totals[person]
                        ?? PeriodHours(participantID: person, sessionCount: 0, attended: Hours(minutes: 0), planned: Hours(minutes: 0))
                    total.sessionCount += 1
                    total.attended = total.attended + hours.attended
                    total.planned = total.planned + hours.planned
                    totals[person] = total
                }
            }
            return totals.values.sorted { $0.participantID < $1.participantID }
        }
    }
}

/// SHA-256 of a chained record as ``AttendanceRows/digest(_:previous:)`` computes it, fed
/// field by field from bytes: each field's length in decimal and a colon, then the field. The
/// record is put together in one buffer, kept from record to record, and hashed at once.
final class ChainDigest {
    /// The record's bytes so far, in memory of the digest's own that grows as needed.
    private var memory = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
    private var capacity = 1024
    private var count = 0

    deinit { memory.deallocate() }

    /// Room for `more` bytes after those written.
    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: memory, count: count)
        memory.deallocate()
        memory = larger
    }

    /// Starts a record.
    func start() {
        count = 0
    }

    /// Adds a field. The length, colon and bytes are written straight into the buffer, its
    /// room made once: a million records are fifteen million fields.
    func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count + Self.longestDecimal + 1)
        var end = count
        Self.writeDecimal(bytes.count, at: memory, &end)
        memory[end] = UInt8(ascii: ":")
        end += 1
        if let base = bytes.baseAddress { (memory + end).update(from: base, count: bytes.count) }
        count = end + bytes.count
    }

    /// Adds a field given as bytes in a list.
    func field(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { field($0) }
    }

    /// Adds a field given as text.
    func field(_ text: String) {
        var text = text
        text.withUTF8 { field($0) }
    }

    /// Adds a number, as `String` writes it.
    func field(_ number: Int64) {
        guard number >= 0 else { return field(String(number)) }
        reserve(2 * Self.longestDecimal + 1)
        var end = count
        Self.writeDecimal(Self.digits(of: Int(number)), at: memory, &end)
        memory[end] = UInt8(ascii: ":")
        end += 1
        Self.writeDecimal(Int(number), at: memory, &end)
        count = end
    }

    /// Adds the text at `column` of an attendance record's row; with `orNull`, a NUL for
    /// NULL, as a record without a reason is hashed.
    func field(_ row: SQLCursor, _ column: Int, _ name: String, key: @autoclosure () -> String, orNull: Bool = false) throws {
        if orNull && row.isNull(column) { return field("\u{0}") }
        try row.parsed(column, name, of: "attendanceEvent", key: key()) { bytes -> Void? in field(bytes) }
    }

    /// The most digits a non-negative `Int` has.
    private static let longestDecimal = 19

    /// How many decimal digits a non-negative number has.
    private static func digits(of number: Int) -> Int {
        var digits = 1
        var rest = number
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        return digits
    }

    /// Writes a non-negative number in decimal at `end`, moving `end` past it.
    private static func writeDecimal(_ number: Int, at memory: UnsafeMutablePointer<UInt8>, _ end: inout Int) {
        end += digits(of: number)
        var position = end
        var rest = number
        repeat {
            position -= 1
            memory[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
    }

    /// The record's digest as 64 lower-case hexadecimal digits, written over `hex`.
    func hex(into hex: inout [UInt8]) {
        if hex.count != 64 { hex = Array(repeating: 0, count: 64) }
        let bytes = UnsafeRawBufferPointer(start: memory, count: count)
        SHA256.hash(data: bytes).withUnsafeBytes { digest in
            hex.withUnsafeMutableBufferPointer { hex in
                // The digits read from the program's own bytes: no list to look up and count.
                let digits = Self.hexDigits.utf8Start
                for index in 0..<digest.count {
                    let byte = digest[index]
                    hex[2 * index] = digits[Int(byte >> 4)]
                    hex[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are `other`'s, byte for byte.
    func equals(_ other: [UInt8]) -> Bool {
        count == other.count && other.withUnsafeBufferPointer { count == 0 || memcmp($0.baseAddress!, baseAddress!, count) == 0 }
    }
}
