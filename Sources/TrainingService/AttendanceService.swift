public import Foundation
public import TrainingCore
public import TrainingStore

/// A half-day as the trainer names it once it is over: who was present, late, left early,
/// excused or absent, and whether everyone else holding a seat was present.
public struct HalfDaySheet: Sendable, Hashable {
    /// The half-day (`2026-03-12-am`).
    public var slotID: String
    /// People present (by id, email or external id).
    public var present: [String] = []
    /// People who arrived late, with the minutes.
    public var late: [Minutes] = []
    /// People who left early, with the minutes.
    public var leftEarly: [Minutes] = []
    /// People away for a valid reason, with it.
    public var excused: [Excuse] = []
    /// People away without one.
    public var absent: [String] = []
    /// Whether everyone holding a seat and not named was present.
    public var othersPresent = false
    /// Why, when the sheet corrects earlier records.
    public var correctionReason: String?

    /// A person and a number of minutes.
    public struct Minutes: Sendable, Hashable {
        /// The person (id, email or external id).
        public var participant: String
        /// How many minutes.
        public var minutes: Int

        /// Creates the pair.
        public init(participant: String, minutes: Int) {
            self.participant = participant
            self.minutes = minutes
        }
    }

    /// A person away for a valid reason.
    public struct Excuse: Sendable, Hashable {
        /// The person (id, email or external id).
        public var participant: String
        /// Why.
        public var reason: String

        /// Creates the excuse.
        public init(participant: String, reason: String) {
            self.participant = participant
            self.reason = reason
        }
    }

    /// An empty sheet for a half-day.
    public init(slotID: String) {
        self.slotID = slotID
    }
}

/// A session's attendance: a line per seated participant.
public struct AttendanceGrid: Sendable {
    /// The session and its half-days.
    public var session: Session
    /// The seated participants, by family name.
    public var lines: [Line]

    /// A participant's current marks and hours.
    public struct Line: Sendable {
        /// The participant.
        public var participant: Participant
        /// Their current mark of each half-day recorded.
        public var marks: [AttendanceMark]
        /// The hours attended and planned.
        public var hours: AttendedHours
    }
}

/// One line of a digitised paper sheet, as read from its file.
public struct AttendanceLine: Sendable, Hashable {
    /// The line's number in the file, for errors.
    public var line: Int
    /// The fields: session, slot, participant, status, minutes late, minutes left early, reason.
    public var session, slot, participant, status, minutesLate, minutesLeftEarly, reason: String

    /// Creates a line.
    public init(
        line: Int, session: String, slot: String, participant: String, status: String, minutesLate: String, minutesLeftEarly: String,
        reason: String
    ) {
        self.line = line
        self.session = session
        self.slot = slot
        self.participant = participant
        self.status = status
        self.minutesLate = minutesLate
        self.minutesLeftEarly = minutesLeftEarly
        self.reason = reason
    }
}

/// A sheet that cannot be recorded, as one sentence; `line` names the file's line when the
/// sheet came from one.
public struct SheetError: TextError, Sendable, Hashable {
    /// What is wrong.
    public var text: Text
    /// The line of the file at fault, when there is one.
    public var line: Int?

    init(_ text: Text, line: Int? = nil) {
        self.text = text
        self.line = line
    }
}

/// Recording attendance: the rules between what a trainer says and the chained log.
public struct AttendanceService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A session's attendance grid: each seated participant's current marks and the hours
    /// they attended of those planned.
    public func grid(of sessionID: String) async throws -> AttendanceGrid {
        let session = try store.session(id: sessionID)
        let seated = try store.seatedParticipants(in: session.id)
        let marks = try store.currentMarks(in: session.id)
        let hours = session.attendedHours(of: seated.map(\.id), marks: marks)
        let byParticipant = Dictionary(grouping: marks, by: \.participantID)
        return AttendanceGrid(
            session: session,
            lines: zip(seated, hours).map { participant, hours in
                AttendanceGrid.Line(participant: participant, marks: byParticipant[participant.id] ?? [], hours: hours)
            })
    }

    /// Every attendance record of a session, corrections included, of one participant (by
    /// id, email or external id) or all; and the session's life beside them.
    public func history(of sessionID: String, participant: String?) async throws -> (records: [AttendanceEvent], life: [SessionEvent]) {
        let participantID = try participant.map { try store.participantID($0, inSession: sessionID) }
        let id = try store.session(id: sessionID).id
        return (try store.attendanceHistory(of: id, participantID: participantID), try store.sessionHistory(of: id))
    }

    /// Records a contact with a participant (by id, email or external id) after their
    /// unexcused absences in a session: the half-days named, or every one not yet followed up;
    /// by the session's first trainer unless `contactedBy` is given.
    public func followUp(
        in sessionID: String, participant: String, slots: [String], channel: AbsenceFollowUp.Channel, on day: LocalDate,
        by contactedBy: String?, note: String, at now: Date
    ) async throws -> AbsenceFollowUp {
        let session = try store.session(id: sessionID)
        let contactedBy = contactedBy ?? session.trainers.first ?? ""
        for (label, value) in [("--by", contactedBy), ("--note", note)] where value.allSatisfy(\.isWhitespace) {
            throw FollowUpError("\(label) is empty: a follow-up says who made the contact and what was said")
        }
        guard day <= LocalDate.inParis(now) else { throw FollowUpError("a follow-up records a contact made: \(day) is in the future") }
        let participantID = try store.participantID(participant, inSession: session.id)
        return try store.recordFollowUp(
            sessionID: session.id, participantID: participantID, slotIDs: slots, channel: channel, contactedOn: day,
            by: contactedBy.trimmingCharacters(in: .whitespaces), note: note.trimmingCharacters(in: .whitespacesAndNewlines), at: now)
    }

    /// The unexcused absences no follow-up answers yet (of one session when named).
    public func alerts(in sessionID: String?) async throws -> [AbsenceAlert] {
        try store.absenceAlerts(in: try sessionID.map { try store.session(id: $0).id })
    }

    /// The follow-ups recorded for a session, of one participant (by id, email or external id)
    /// or all.
    public func followUps(in sessionID: String, participant: String? = nil) async throws -> [AbsenceFollowUp] {
        let participantID = try participant.map { try store.participantID($0, inSession: sessionID) }
        return try store.followUps(in: try store.session(id: sessionID).id).filter {
            participantID == nil || $0.participantID == participantID
        }
    }

    /// The hours each participant attended over a period, across every session.
    public func hours(from first: LocalDate, through last: LocalDate) async throws -> [PeriodHours] {
        try store.attendedHours(from: first, through: last)
    }

    /// Records a half-day: people are found among those holding a seat; someone named twice
    /// (beyond late together with left early) or nobody is refused; a first record of the
    /// half-day covers every seat, a correction names only whom it changes. Returns the marks
    /// recorded.
    @discardableResult
    public func record(_ sheet: HalfDaySheet, in sessionID: String, by recordedBy: String?, at now: Date) async throws -> [AttendanceMark] {
        let session = try store.session(id: sessionID)
        let slot = sheet.slotID
        guard session.slot(slot) != nil else { throw SheetError(session.unknownSlotMessage(slot)) }
        let seated = try store.seatedParticipants(in: session.id)
        func id(_ key: String) throws -> String {
            guard let participant = seated.first(where: { $0.id == key || $0.email == key || $0.externalID == key }) else {
                throw SheetError("\(key) holds no seat in session \(session.id)")
            }
            return participant.id
        }
        var marks: [String: AttendanceMark] = [:]
        var options: [String: [String]] = [:]
        // Late and left early go together, and with present; anything else named twice for
        // one person is a mistake the sheet cannot settle.
        func set(_ participantID: String, _ option: String, _ change: (inout AttendanceMark) -> Void) throws {
            let named = options[participantID, default: []]
            let presence: Set = ["present", "late", "left-early"]
            if named.contains(option) || !(named + [option]).allSatisfy(presence.contains) && !named.isEmpty {
                throw SheetError(
                    "\(participantID) is named twice for \(slot) (" + (named + [option]).map { "--\($0)" }.joined(separator: " and ")
                        + "): name each participant once")
            }
            options[participantID] = named + [option]
            var mark = marks[participantID] ?? AttendanceMark(participantID: participantID, slotID: slot, status: .present)
            change(&mark)
            marks[participantID] = mark
        }
        for key in sheet.present { try set(try id(key), "present") { $0.status = .present } }
        for late in sheet.late { try set(try id(late.participant), "late") { $0.minutesLate = late.minutes } }
        for early in sheet.leftEarly { try set(try id(early.participant), "left-early") { $0.minutesLeftEarly = early.minutes } }
        for excuse in sheet.excused {
            try set(try id(excuse.participant), "excused") {
                $0.status = .excused
                $0.reason = excuse.reason
            }
        }
        for key in sheet.absent { try set(try id(key), "absent") { $0.status = .absent } }
        if sheet.othersPresent {
            for participant in seated where marks[participant.id] == nil { try set(participant.id, "present") { $0.status = .present } }
        }
        guard !marks.isEmpty else {
            throw SheetError("nobody is marked for \(slot) of \(session.id): name participants, or add --others-present")
        }
        var missing = seated.filter { marks[$0.id] == nil }.map(\.id)
        if !missing.isEmpty {
            let recorded = Set(try store.currentMarks(in: session.id).filter { $0.slotID == slot }.map(\.participantID))
            missing.removeAll(where: recorded.contains)
        }
        guard missing.isEmpty else {
            throw SheetError("no status for \(missing.joined(separator: ", ")): name them, or add --others-present")
        }
        let ordered = seated.compactMap { marks[$0.id] }
        try store.record(
            ordered, in: session.id, by: recordedBy ?? session.trainers.first ?? "unknown", source: "command",
            correctionReason: sheet.correctionReason, at: now)
        return ordered
    }

    /// The statuses a paper sheet may give, in English or French.
    static let statuses: [String: AttendanceMark.Status] = [
        "present": .present, "présent": .present, "presente": .present, "présente": .present, "excused": .excused,
        "excusé": .excused, "excusée": .excused, "absent": .absent, "absente": .absent,
    ]

    /// Records a digitised paper sheet, all of it or none, naming the line of the first fault.
    /// Returns how many records it made.
    @discardableResult
    public func importSheet(
        _ lines: [AttendanceLine], named name: String, by recordedBy: String, correctionReason: String?, at now: Date
    ) async throws -> Int {
        var batch: [(sessionID: String, marks: [AttendanceMark])] = []
        var lineNumbers: [[Int]] = []  // the file line of each mark, session by session
        var resolved: [String: String] = [:]
        var sessionIndex: [String: Int] = [:]
        for line in lines {
            let participantID: String
            let key = "\(line.session)\u{0}\(line.participant)"
            if let known = resolved[key] {
                participantID = known
            } else {
                do { participantID = try store.participantID(line.participant, inSession: line.session) } catch {
                    throw SheetError("\(error)", line: line.line)
                }
                resolved[key] = participantID
            }
            guard let status = Self.statuses[line.status.lowercased()] else {
                throw SheetError("\"\(line.status)\" is not a status: present, excused or absent", line: line.line)
            }
            func minutes(_ text: String) throws -> Int {
                if text.isEmpty { return 0 }
                guard let value = Int(text), value >= 0 else { throw SheetError("\"\(text)\" is not a number of minutes", line: line.line) }
                return value
            }
            let mark = AttendanceMark(
                participantID: participantID, slotID: line.slot, status: status, minutesLate: try minutes(line.minutesLate),
                minutesLeftEarly: try minutes(line.minutesLeftEarly), reason: line.reason.isEmpty ? nil : line.reason)
            if let index = sessionIndex[line.session] {
                batch[index].marks.append(mark)
                lineNumbers[index].append(line.line)
            } else {
                sessionIndex[line.session] = batch.count
                batch.append((line.session, [mark]))
                lineNumbers.append([line.line])
            }
        }
        do {
            try store.record(batch, by: recordedBy, source: "import \(name)", correctionReason: correctionReason, at: now)
        } catch let error as AttendanceError {
            let line = error.firstFault.flatMap { fault in sessionIndex[fault.sessionID].map { lineNumbers[$0][fault.index] } } ?? 0
            throw SheetError(error.text, line: line)
        } catch let error as NotFoundError where error.kind == .session {
            throw SheetError(error.text, line: sessionIndex[error.id].map { lineNumbers[$0][0] } ?? 0)
        }
        return lines.count
    }
}
