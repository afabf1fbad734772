public import Foundation
public import TrainingCore

/// A session as `session list` shows it.
public struct SessionSummary: Sendable, Hashable, Codable {
    /// The session's id.
    public var id: String
    /// The course's id and version.
    public var courseID: String
    /// The course version.
    public var courseVersion: CourseVersion
    /// The first day.
    public var firstDay: LocalDate?
    /// The last day.
    public var lastDay: LocalDate?
    /// Where.
    public var placeName: String
    /// Where it stands.
    public var status: SessionStatus
    /// Seats taken, and the capacity.
    public var enrolled: Int
    /// The capacity.
    public var capacity: Int
    /// How many wait for a seat.
    public var waiting: Int
    /// The trainers, by name.
    public var trainers: [String]
}

/// A session that cannot be planned or changed, with every reason.
public struct SessionError: TextError, Sendable, Hashable {
    /// The session's id.
    public var sessionID: String
    /// What is wrong.
    public var reasons: [Text]

    /// Creates the error.
    public init(sessionID: String, reasons: [Text]) {
        self.sessionID = sessionID
        self.reasons = reasons
    }

    /// The first reasons, and how many more: one line stays readable when a whole week clashes.
    public var text: Text {
        let shown = reasons.prefix(2).joined(separator: "; ")
        return "session \(sessionID): " + shown + (reasons.count > 2 ? " (and \(reasons.count - 2) more)" : "")
    }
}

/// Something asked for by id that the workspace does not have.
public struct NotFoundError: TextError, Sendable, Hashable {
    /// The kinds of things asked for by id.
    public enum Kind: String, Sendable, Hashable {
        /// A session.
        case session
        /// A participant, by id, email or external id.
        case participant
        /// A certificate, by number.
        case certificate
        /// An employer, by id or name.
        case employer
        /// An employer's obligation, by id.
        case obligation
        /// A record of training done elsewhere, by id.
        case externalTraining = "record of training done elsewhere"
        /// A login of `allervers serve`.
        case account

        /// The kind in words.
        var name: Text {
            switch self {
            case .session: "session"
            case .participant: "participant"
            case .certificate: "certificate"
            case .employer: "employer"
            case .obligation: "obligation"
            case .externalTraining: "record of training done elsewhere"
            case .account: "account"
            }
        }
    }

    /// What kind of thing.
    public var kind: Kind
    /// The id asked for.
    public var id: String

    public var text: Text { "no \(kind.name) \(id) in the workspace" }
}

extension Store {
    /// Plans a session: checks it against its course and against every other session's
    /// trainers and place, then stores it. Nothing is stored when anything is wrong.
    ///
    /// The id of a cancelled session that recorded nothing can be planned again: the
    /// cancelled one is dropped, and the session log says so.
    public func plan(_ session: Session, allowingPartial: Bool = false, by: String = "unknown", at now: Date = Date()) throws {
        let course = try course(id: session.courseID, version: session.courseVersion)
        try database.write { db in try Self.plan(session, of: course, allowingPartial: allowingPartial, by: by, at: now, in: db) }
    }

    /// ``plan(_:allowingPartial:by:at:)`` inside a write transaction.
    static func plan(
        _ session: Session, of course: Course, allowingPartial: Bool, by: String, at now: Date, in db: any SQLConnection
    ) throws {
        let replanned = try freeCancelledID(session.id, db: db)
        var reasons = session.problems(against: course, allowingPartial: allowingPartial)
        if reasons.isEmpty { reasons = try clashes(of: session, in: db) }
        guard reasons.isEmpty else { throw SessionError(sessionID: session.id, reasons: reasons) }
        try SessionRows.insert(session, in: db)
        if replanned {
            try SessionEventRows.append(
                .replanned, sessionID: session.id, detail: "the id of a cancelled session, planned again", by: by, at: now, in: db)
        }
    }

    /// The course version a session runs.
    public func course(of session: Session) throws -> Course {
        try database.read { db in try CourseRows.course(of: session, in: db) }
    }

    /// The participants holding a seat in a session, by family name.
    public func seatedParticipants(in sessionID: String) throws -> [Participant] {
        try enrolments(in: sessionID).filter { $0.status == .enrolled }.map(\.participant)
    }

    /// The session with this id.
    public func session(id: String) throws -> Session {
        guard let session = try database.read({ db in try SessionRows.session(id: id, in: db) }) else {
            throw NotFoundError(kind: .session, id: id)
        }
        return session
    }

    /// Every session, by first day then id.
    public func sessionSummaries() throws -> [SessionSummary] {
        try database.read { db in
            var trainers: [String: [String]] = [:]
            try db.each(sql: "SELECT sessionID, name FROM sessionTrainer ORDER BY sessionID, position", arguments: []) { row in
                trainers[try row["sessionID"], default: []].append(try row["name"])
            }
            return try db.rows(
                sql: """
                    SELECT * FROM (
                        SELECT s.id, c.id AS courseID, c.version, s.placeName, s.status, s.capacity,
                            (SELECT min(date) FROM sessionSlot WHERE sessionID = s.id) AS firstDay,
                            (SELECT max(date) FROM sessionSlot WHERE sessionID = s.id) AS lastDay,
                            (SELECT count(*) FROM enrolment WHERE sessionID = s.id AND status = 'enrolled') AS enrolled,
                            (SELECT count(*) FROM enrolment WHERE sessionID = s.id AND status = 'waitlisted') AS waiting
                        FROM session s JOIN course c ON c.rowID = s.courseRowID
                    ) summary ORDER BY firstDay IS NOT NULL, firstDay, id
                    """
            ).map { row in
                let id: String = try row["id"]
                return SessionSummary(
                    id: id, courseID: try row["courseID"],
                    courseVersion: try row.parsed("version", of: "course", key: row["courseID"], CourseVersion.init),
                    firstDay: try row.parsedIfPresent("firstDay", of: "sessionSlot", key: id, LocalDate.init),
                    lastDay: try row.parsedIfPresent("lastDay", of: "sessionSlot", key: id, LocalDate.init),
                    placeName: try row["placeName"],
                    status: try row.parsed("status", of: "session", key: id, SessionStatus.init(rawValue:)),
                    enrolled: try row["enrolled"], capacity: try row["capacity"], waiting: try row["waiting"], trainers: trainers[id] ?? [])
            }
        }
    }

    /// Whether `id` was a cancelled session's, now dropped so that it can be planned again;
    /// a session that exists and is not cancelled, or recorded anything, keeps its id.
    private static func freeCancelledID(_ id: String, db: any SQLConnection) throws -> Bool {
        guard let status = try db.one(String.self, sql: "SELECT status FROM session WHERE id = ?", arguments: [id]) else { return false }
        guard status == SessionStatus.cancelled.rawValue else {
            throw SessionError(sessionID: id, reasons: ["a session with this id already exists"])
        }
        for (table, _) in recordTables {
            if try db.one(Bool.self, sql: "SELECT 1 FROM \(table) WHERE sessionID = ? LIMIT 1", arguments: [id]) == true {
                throw SessionError(
                    sessionID: id, reasons: ["a cancelled session with this id has records, and keeps its id: choose another"])
            }
        }
        try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
        return true
    }

    /// Changes a session's trainers, place, or the times of half-days that have not started,
    /// with the checks of ``plan(_:allowingPartial:by:at:)``; the change is logged. A half-day keeps its id:
    /// a morning stays a morning.
    public func edit(
        sessionID: String, trainers: [String]? = nil, place: Place? = nil, times: [String: (start: TimeOfDay, end: TimeOfDay)] = [:],
        by recordedBy: String, at now: Date = Date()
    ) throws -> String {
        try database.write { db in
            guard let before = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            guard before.status == .planned || before.status == .running else {
                throw SessionError(sessionID: sessionID, reasons: ["it is \(before.status.words): it can no longer change"])
            }
            var after = before
            var changes: [String] = []
            // The sheets of half-days already held print the session's trainers and place.
            if trainers.map({ $0 != before.trainers }) == true || place.map({ $0 != before.place }) == true,
                let started = before.slots.first(where: { (before.interval(of: $0)?.start).map { $0 <= now } ?? true })
            {
                throw SessionError(
                    sessionID: sessionID,
                    reasons: ["half-day \(started.id) has started: the trainers and place of what was held cannot change"])
            }
            if let trainers, trainers != before.trainers {
                guard !trainers.isEmpty else { throw SessionError(sessionID: sessionID, reasons: ["a session needs a trainer"]) }
                after.trainers = trainers
                changes.append("trainers: \(before.trainers.joined(separator: ", ")) → \(trainers.joined(separator: ", "))")
            }
            if let place, place != before.place {
                after.place = place
                changes.append("place: \(before.place.name), \(before.place.detail) → \(place.name), \(place.detail)")
            }
            var reasons: [Text] = []
            for (slotID, time) in times.sorted(by: { $0.key < $1.key }) {
                guard let index = after.slots.firstIndex(where: { $0.id == slotID }) else {
                    reasons.append(before.unknownSlotMessage(slotID))
                    continue
                }
                let old = after.slots[index]
                if let start = before.interval(of: old)?.start, start <= now {
                    reasons.append("half-day \(slotID) has started: its times are what happened")
                    continue
                }
                var new = old
                new.start = time.start
                new.end = time.end
                // A morning stays a morning; a slot named an afternoon before evenings were told
                // apart may start in the evening still.
                guard new.part == old.namedPart || (old.namedPart == .afternoon && new.part == .evening) else {
                    reasons.append(
                        "\(time.start)–\(time.end) does not fit half-day \(slotID), a slot of the \(old.namedPart.name(french: false)) (a morning starts from 06:00 to 12:59, an afternoon to 17:59, an evening to 20:59, a night from 21:00)"
                    )
                    continue
                }
                if let start = new.interval?.start, start <= now {
                    reasons.append("half-day \(slotID) would start at \(time.start), which is past: its times are what happened")
                    continue
                }
                after.slots[index] = new
                changes.append("\(slotID): \(old.start)–\(old.end) → \(new.start)–\(new.end)")
            }
            if reasons.isEmpty {
                // A session planned whole stays whole: shorter times would lower every rate.
                let course = try CourseRows.course(of: after, in: db)
                reasons = after.problems(against: course, allowingPartial: before.plannedHours < course.duration)
            }
            if reasons.isEmpty { reasons = try Self.clashes(of: after, in: db) }
            guard reasons.isEmpty else { throw SessionError(sessionID: sessionID, reasons: reasons) }
            guard !changes.isEmpty else { return "" }
            let (kind, name, detail) = SessionRows.placeColumns(after.place)
            try db.execute(
                sql: "UPDATE session SET placeKind = ?, placeName = ?, placeDetail = ? WHERE id = ?",
                arguments: [kind, name, detail, sessionID])
            try db.execute(sql: "DELETE FROM sessionTrainer WHERE sessionID = ?", arguments: [sessionID])
            for (position, trainer) in after.trainers.enumerated() {
                try db.execute(
                    sql: "INSERT INTO sessionTrainer (sessionID, position, name) VALUES (?, ?, ?)",
                    arguments: [sessionID, position, trainer])
            }
            for slot in after.slots where slot != before.slots.first(where: { $0.id == slot.id }) {
                guard let interval = after.interval(of: slot) else {
                    throw SessionError(sessionID: sessionID, reasons: ["\(slot.id): that time does not exist in \(after.timeZone)"])
                }
                try db.execute(
                    sql: "UPDATE sessionSlot SET startTime = ?, endTime = ?, startsAt = ?, endsAt = ? WHERE sessionID = ? AND id = ?",
                    arguments: [
                        slot.start.description, slot.end.description, SessionRows.utc(interval.start), SessionRows.utc(interval.end),
                        sessionID, slot.id,
                    ])
            }
            let summary = changes.joined(separator: "; ")
            try SessionEventRows.append(.edited, sessionID: sessionID, detail: summary, by: recordedBy, at: now, in: db)
            return summary
        }
    }

    /// Trainers or a place booked in another session at the same time. A slot is held at
    /// its own place, or the session's; a remote slot books no place.
    private static func clashes(of session: Session, in db: any SQLConnection) throws -> [Text] {
        var reasons: [Text] = []
        // Sessions held at the same times overlap at every slot: each other session's trainers
        // are read, and each place's identity folded, once, not once per overlapping slot.
        var trainersOf: [String: [String]] = [:]
        var identities: [Place: String] = [:]
        func identity(_ place: Place) -> String {
            if let known = identities[place] { return known }
            identities[place] = place.identity
            return place.identity
        }
        let ownTrainers = session.trainers.map { ($0, $0.folded) }
        for slot in session.slots {
            guard let interval = session.interval(of: slot) else { continue }
            // A slot lasts at most `Session.longestSlot` on the clock (an hour more across a
            // clock change), and slots planned before that rule less than a day: one that
            // overlaps this one starts less than two days before it. The bound keeps the
            // search of the index to those days, not every slot ever planned before.
            let arguments: [any SQLBindable] = [
                SessionRows.utc(interval.end), SessionRows.utc(interval.start),
                SessionRows.utc(interval.start.addingTimeInterval(-2 * 86_400)),
            ]
            let place = identity(session.place(of: slot))
            let others = try db.rows(
                sql: """
                    SELECT s.id, s.placeKind AS sessionPlaceKind, s.placeName AS sessionPlaceName, s.placeDetail AS sessionPlaceDetail,
                        sl.id AS slotID, sl.placeKind, sl.placeName, sl.placeDetail, sl.remotePresence
                    FROM sessionSlot sl JOIN session s ON s.id = sl.sessionID
                    WHERE s.status <> 'cancelled' AND s.id <> ? AND sl.startsAt < ? AND sl.endsAt > ? AND sl.startsAt > ?
                    """, arguments: [session.id] + arguments)
            for other in others {
                let otherID: String = try other["id"]
                let otherSlot: String = try other["slotID"]
                // A place is its name and its address: "Salle 1" in Lyon is not "Salle 1" in Marseille.
                if !slot.isRemote, try other["remotePresence"] as String? == nil {
                    let otherPlace = identity(
                        try SessionRows.place(other)
                            ?? SessionRows.place(
                                kind: try other["sessionPlaceKind"], name: try other["sessionPlaceName"],
                                detail: try other["sessionPlaceDetail"]))
                    if place == otherPlace {
                        reasons.append(
                            "the place \(session.place(of: slot).name) is booked by session \(otherID) (slot \(otherSlot)) at the time of slot \(slot.id)"
                        )
                    }
                }
                guard !ownTrainers.isEmpty else { continue }
                let trainers =
                    try trainersOf[otherID]
                    ?? db.all(String.self, sql: "SELECT name FROM sessionTrainer WHERE sessionID = ?", arguments: [otherID]).map(\.folded)
                trainersOf[otherID] = trainers
                for (trainer, folded) in ownTrainers where trainers.contains(folded) {
                    reasons.append("trainer \(trainer) teaches session \(otherID) (slot \(otherSlot)) at the time of slot \(slot.id)")
                }
            }
        }
        return reasons
    }
}

/// The mapping between a ``Session`` and its rows.
enum SessionRows {
    static func insert(_ session: Session, in db: any SQLConnection) throws {
        guard let courseRowID = try CourseRows.rowID(of: session.courseID, version: session.courseVersion, in: db) else {
            throw CourseNotFoundError(id: session.courseID, version: session.courseVersion)
        }
        let (kind, name, detail) = placeColumns(session.place)
        try db.execute(
            sql: """
                INSERT INTO session (id, courseRowID, timeZone, placeKind, placeName, placeDetail, capacity, funder, status, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                session.id, courseRowID, session.timeZone, kind, name, detail, session.capacity, session.funder, session.status.rawValue,
                storedTimestamp(Date()),
            ])
        for (position, trainer) in session.trainers.enumerated() {
            try db.execute(
                sql: "INSERT INTO sessionTrainer (sessionID, position, name) VALUES (?, ?, ?)", arguments: [session.id, position, trainer])
        }
        for slot in session.slots {
            guard let interval = session.interval(of: slot) else { continue }
            let place = slot.place.map(placeColumns)
            try db.execute(
                sql: """
                    INSERT INTO sessionSlot (sessionID, id, date, startTime, endTime, startsAt, endsAt, modules, placeKind, placeName,
                        placeDetail, remotePresence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id, slot.id, slot.date.description, slot.start.description, slot.end.description, utc(interval.start),
                    utc(interval.end), slot.modules.joined(separator: " "), place?.0, place?.1, place?.2, slot.remotePresence,
                ])
        }
    }

    /// The participants holding a seat in a session, by id.
    static func seated(in sessionID: String, db: any SQLConnection) throws -> [String] {
        try db.all(
            String.self, sql: "SELECT participantID FROM enrolment WHERE sessionID = ? AND status = 'enrolled' ORDER BY participantID",
            arguments: [sessionID])
    }

    /// The live (not revoked) certificate of each participant holding one in a session.
    static func liveCertificates(in sessionID: String, db: any SQLConnection) throws -> [String: String] {
        let rows = try db.rows(
            sql: """
                SELECT c.participantID, c.number FROM certificate c LEFT JOIN certificateRevocation r ON r.number = c.number
                WHERE c.sessionID = ? AND r.number IS NULL ORDER BY c.year, c.sequence
                """, arguments: [sessionID])
        return Dictionary(try rows.map { (try $0["participantID"], try $0["number"]) }, uniquingKeysWith: { _, last in last })
    }

    /// Refuses a change to what a closed session recorded for `participantID` while a live
    /// certificate was issued from it: the certificate must be revoked first, so that no live
    /// certificate disagrees with the records.
    static func checkChangeable(_ session: Session, for participantID: String, live: [String: String]) -> Text? {
        guard session.status == .closed, let number = live[participantID] else { return nil }
        return "session \(session.id) is closed and \(participantID) holds live certificate \(number), issued from these records: "
            + "revoke it first, then correct and reissue"
    }

    /// The place as its three columns: kind, name and address or description.
    /// The place in a row's `placeKind`, `placeName` and `placeDetail`; `nil` when it names none.
    static func place(_ row: SQLRow) throws -> Place? {
        guard let kind: String = try row["placeKind"], let name: String = try row["placeName"] else { return nil }
        return place(kind: kind, name: name, detail: try row["placeDetail"] ?? "")
    }

    static func place(kind: String, name: String, detail: String) -> Place {
        kind == "room" ? .room(name: name, address: detail) : .outreachSite(name: name, description: detail)
    }

    static func placeColumns(_ place: Place) -> (String, String, String) {
        switch place {
        case .room(let name, let address): ("room", name, address)
        case .outreachSite(let name, let description): ("site", name, description)
        }
    }

    static func session(id: String, in db: any SQLConnection) throws -> Session? {
        try sessions(ids: [id], in: db).first
    }

    /// The sessions of `ids` that exist, in that order: three statements for up to 500
    /// sessions (their rows, their trainers, their half-days), not three a session.
    static func sessions(ids: [String], in db: any SQLConnection) throws -> [Session] {
        var rows: [String: SQLRow] = [:]
        var trainers: [String: [String]] = [:]
        var slots: [String: [Slot]] = [:]
        // Each session read once, however often asked for.
        try inBatches(ids) { chunk in
            let list = placeholders(chunk.count)
            for row in try db.rows(
                sql:
                    "SELECT s.*, c.id AS courseID, c.version FROM session s JOIN course c ON c.rowID = s.courseRowID WHERE s.id IN (\(list))",
                arguments: chunk)
            {
                rows[try row["id"]] = row
            }
            try db.each(
                sql: "SELECT sessionID, name FROM sessionTrainer WHERE sessionID IN (\(list)) ORDER BY sessionID, position",
                arguments: chunk
            ) { row in trainers[try row["sessionID"], default: []].append(try row["name"]) }
            try db.each(sql: "SELECT * FROM sessionSlot WHERE sessionID IN (\(list)) ORDER BY sessionID, startsAt", arguments: chunk) {
                slot in
                let id: String = try slot["sessionID"]
                let slotID: String = try slot["id"]
                let key = "\(id) \(slotID)"
                // The instants as stored when it was planned: no calendar to consult again.
                let startsAt = try slot.parsed("startsAt", of: "sessionSlot", key: key, SessionRows.date(utc:))
                let endsAt = try slot.parsed("endsAt", of: "sessionSlot", key: key, SessionRows.date(utc:))
                var read = Slot(
                    id: slotID, date: try slot.parsed("date", of: "sessionSlot", key: key, LocalDate.init),
                    start: try slot.parsed("startTime", of: "sessionSlot", key: key, TimeOfDay.init),
                    end: try slot.parsed("endTime", of: "sessionSlot", key: key, TimeOfDay.init),
                    modules: (try slot["modules"] as String).split(separator: " ").map(String.init),
                    timeZone: try rows[id].map { try $0["timeZone"] } ?? "Europe/Paris",
                    interval: DateInterval(start: startsAt, end: max(startsAt, endsAt)))
                read.place = try place(slot)
                read.remotePresence = try slot["remotePresence"]
                slots[id, default: []].append(read)
            }
        }
        return try ids.compactMap { id in
            guard let row = rows[id] else { return nil }
            return Session(
                id: id, courseID: try row["courseID"],
                courseVersion: try row.parsed("version", of: "course", key: row["courseID"], CourseVersion.init),
                timeZone: try row["timeZone"],
                place: try place(row) ?? { throw CorruptRecordError(table: "session", key: id, column: "placeName", value: "NULL") }(),
                trainers: trainers[id] ?? [], capacity: try row["capacity"], funder: try row["funder"],
                status: try row.parsed("status", of: "session", key: id, SessionStatus.init(rawValue:)), slots: slots[id] ?? [])
        }
    }

    /// An instant as ISO 8601 in UTC, which orders as text.
    static func utc(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// The instant written by ``utc(_:)``: `2026-03-12T08:00:00Z` read digit by digit (a
    /// year's sessions hold thousands), any other form of ISO 8601 by Foundation.
    static func date(utc text: String) -> Date? {
        dateWrittenByUTC(text) ?? (try? Date(text, strategy: .iso8601))
    }

    /// An instant in the one form ``utc(_:)`` writes, read on its bytes; `nil` for any other
    /// text, a time past 23:59:59 or a day the calendar does not have.
    static func dateWrittenByUTC(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes in
            func number(_ first: Int, _ last: Int, below limit: Int) -> Int? {
                var value = 0
                for byte in bytes[first...last] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value < limit ? value : nil
            }
            guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                bytes[19] == UInt8(ascii: "Z"), let day = LocalDate(utf8: bytes[0..<10]), let hours = number(11, 12, below: 24),
                let minutes = number(14, 15, below: 60), let seconds = number(17, 18, below: 60)
            else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(day.ordinal * 86_400 + hours * 3_600 + minutes * 60 + seconds))
        }
    }
}
