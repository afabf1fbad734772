public import Foundation
public import TrainingCore
public import TrainingStore

/// Planning sessions and their life: plan, edit, enrol, withdraw, close, reopen, cancel.
public struct SessionService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Every session, by first day then id, with its seats taken.
    public func list(_ filter: SessionFilter = SessionFilter()) async throws -> [SessionSummary] {
        try store.sessionSummaries().filter(filter.keeps)
    }

    /// A session with who holds a seat or waits, and its life (closed, reopened…).
    public func details(of sessionID: String) async throws -> SessionDetails {
        let session = try store.session(id: sessionID)
        return SessionDetails(
            session: session, enrolments: try store.enrolments(in: session.id), history: try store.sessionHistory(of: session.id),
            declaration: try store.declaration(of: session.id))
    }

    /// The closed sessions whose last day falls between `first` and `last` (both included),
    /// by first day: the sessions of a period, for records and certificates.
    public func closedSessions(endingFrom first: LocalDate, through last: LocalDate) async throws -> [String] {
        try store.sessionSummaries().filter { summary in
            guard summary.status == .closed, let end = summary.lastDay else { return false }
            return end >= first && end <= last
        }.map(\.id)
    }

    /// The course version a session runs.
    public func course(of sessionID: String) async throws -> (session: Session, course: Course) {
        let session = try store.session(id: sessionID)
        return (session, try store.course(of: session))
    }

    /// Plans a session, checked against its course and every other session's trainers and place.
    public func plan(_ session: Session, allowingPartial: Bool, by planner: String, at now: Date) async throws {
        try store.plan(session, allowingPartial: allowingPartial, by: planner, at: now)
    }

    /// Changes trainers, place or the times of half-days not started, checked like a plan.
    public func edit(
        _ sessionID: String, trainers: [String]?, place: Place?, times: [String: (start: TimeOfDay, end: TimeOfDay)], by editor: String?,
        at now: Date
    ) async throws -> String {
        let session = try store.session(id: sessionID)
        return try store.edit(
            sessionID: session.id, trainers: trainers, place: place, times: times, by: editor ?? session.trainers.first ?? "unknown",
            at: now)
    }

    /// Enrols people: seats, then the waiting list; the course's prerequisites checked.
    public func enrol(_ participants: [String], in sessionID: String, experienceConfirmed: Bool) async throws -> [EnrolmentResult] {
        try store.enrol(participants, in: sessionID, experienceConfirmed: experienceConfirmed)
    }

    /// Withdraws someone; the first on the waiting list moves up. Returns who did.
    public func withdraw(_ participant: String, from sessionID: String) async throws -> String? {
        try store.withdraw(participant, from: sessionID)
    }

    /// Closes a session whose last half-day has ended and whose seats all have records.
    public func close(_ sessionID: String, recordingUnrecordedAsAbsent: Bool, by closer: String?, at now: Date) async throws {
        let who = try closer ?? store.session(id: sessionID).trainers.first ?? "unknown"
        try store.close(sessionID: sessionID, unrecorded: recordingUnrecordedAsAbsent ? .absent : .refuse, by: who, at: now)
    }

    /// Reopens a closed session none of whose certificates is live, for a reason.
    public func reopen(_ sessionID: String, reason: String, by who: String?, at now: Date) async throws {
        try store.reopen(sessionID: sessionID, reason: reason, by: try store.actor(who), at: now)
    }

    /// Cancels a session not closed.
    public func cancel(_ sessionID: String, by who: String?, at now: Date) async throws {
        try store.cancel(sessionID: sessionID, by: try store.actor(who), at: now)
    }
}

/// A session as its page shows it.
public struct SessionDetails: Sendable, Encodable {
    /// The session, its half-days and place.
    public var session: Session
    /// Everyone enrolled, waiting or withdrawn.
    public var enrolments: [Enrolment]
    /// Its life: closed, reopened, cancelled, edited.
    public var history: [SessionEvent]
    /// What it declares for the BPF: income, subcontracting, European funds, trainees' kinds.
    public var declaration: SessionDeclaration
}

/// What a person did and holds across sessions.
public struct ParticipantHistory: Sendable, Encodable {
    /// Each session they had a place in, by first day.
    public var sessions: [SessionLine]
    /// Their certificates, oldest first, revoked ones included.
    public var certificates: [Certificate]
    /// Where they stand with their employer's obligations.
    public var obligations: [ComplianceReport.Line]

    /// One session in a person's history.
    public struct SessionLine: Sendable, Encodable {
        /// The session.
        public var sessionID: String
        /// Its course.
        public var courseID: String
        /// The course's title.
        public var courseTitle: String
        /// Its first and last days.
        public var firstDay: LocalDate?
        public var lastDay: LocalDate?
        /// The session's status (`planned`, `running`, `closed`, `cancelled`).
        public var sessionStatus: String
        /// The person's place: `enrolled`, `waitlisted` or `withdrawn`.
        public var place: String
        /// The time they attended, and the time planned.
        public var attended: Hours
        public var planned: Hours
    }
}

/// The register of people: add, import, find, edit, merge, remove, and each one's history.
public struct ParticipantService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Everyone in the register, by family name.
    public func list() async throws -> [Participant] {
        try store.participants()
    }

    /// The people whose names, email, employer, id or external id (or a merged duplicate's)
    /// hold every word of `text`, case, accents, hyphens and apostrophes folded (`GARNIÉR` finds
    /// Garnier, `anne laure` Anne-Laure, `p-0007` P-0007), by family name.
    public func find(_ text: String) async throws -> [Participant] {
        try store.find(text)
    }

    /// A person's history: each session they had a place in (status, hours attended), their
    /// certificates and where they stand with their employer's obligations on `today`.
    public func history(of key: String, today: LocalDate) async throws -> ParticipantHistory {
        let person = try store.participant(key)
        var sessions: [ParticipantHistory.SessionLine] = []
        for (sessionID, place, heldBy) in try store.enrolments(of: person.id) {
            let records = try store.records(of: sessionID)
            let session = records.session
            let hours = session.attendedHours(of: [heldBy], marks: records.marks).first
            sessions.append(
                ParticipantHistory.SessionLine(
                    sessionID: sessionID, courseID: session.courseID, courseTitle: records.course.title,
                    firstDay: session.slots.first?.date,
                    lastDay: session.slots.last?.date, sessionStatus: session.status.rawValue, place: place,
                    attended: hours?.attended ?? Hours(minutes: 0), planned: session.plannedHours))
        }
        sessions.sort { ($0.firstDay ?? LocalDate(ordinal: 0), $0.sessionID) < ($1.firstDay ?? LocalDate(ordinal: 0), $1.sessionID) }
        var obligations: [ComplianceReport.Line] = []
        if let employer = person.employer {
            obligations = try await ComplianceService(store: store).report(employer: employer, asOf: today, person: person.id).lines
        }
        return ParticipantHistory(sessions: sessions, certificates: try store.certificates(of: person.id), obligations: obligations)
    }

    /// A person (by id, email or external id) and every change made to their details.
    public func details(of key: String) async throws -> (participant: Participant, changes: [ParticipantChange]) {
        let participant = try store.participant(key)
        return (participant, try store.participantChanges(of: participant.id))
    }

    /// Adds people, all or none, and names the probable duplicates among them (the same
    /// email, or the same names with the same birth date or employer).
    public func add(_ people: [Participant], employers: [Int: Employer] = [:]) async throws -> (
        added: [Participant], duplicates: [ProbableDuplicate]
    ) {
        let duplicates = try store.probableDuplicates(of: people)
        return (try store.add(people, employers: employers), duplicates)
    }

    /// Corrects a person's details; every change is logged.
    public func edit(_ key: String, by who: String?, at now: Date, _ change: (inout Participant) -> Void) async throws
        -> [ParticipantChange]
    {
        try store.edit(key, by: try store.actor(who), at: now, change)
    }

    /// Merges a duplicate into the person to keep.
    public func merge(keep: String, drop: String, by who: String?, at now: Date) async throws -> [ParticipantChange] {
        try store.merge(keep: keep, drop: drop, by: try store.actor(who), at: now)
    }

    /// Removes someone with no record at all.
    public func remove(_ key: String, by who: String?, at now: Date) async throws {
        try store.remove(key, by: try store.actor(who), at: now)
    }
}

/// Which sessions a list keeps: every one by default.
public struct SessionFilter: Sendable, Hashable {
    /// Of this course (its id, in any case).
    public var course: String?
    /// Taught by this trainer: names compared with case, accents and runs of spaces folded
    /// ("Nadia  haddad" is Nadia Haddad).
    public var trainer: String?
    /// Running on a day from this one on (its last day on or after it).
    public var from: LocalDate?
    /// Running on a day up to this one (its first day on or before it).
    public var to: LocalDate?
    /// In this state.
    public var status: SessionStatus?

    /// A filter.
    public init(course: String? = nil, trainer: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil, status: SessionStatus? = nil) {
        self.course = course
        self.trainer = trainer
        self.from = from
        self.to = to
        self.status = status
    }

    /// Whether it keeps `session`. A session with no slot has no days: a period keeps it not.
    public func keeps(_ session: SessionSummary) -> Bool {
        if let course, course.folded != session.courseID.folded { return false }
        if let trainer, !session.trainers.contains(where: { $0.folded == trainer.folded }) { return false }
        if let status, session.status != status { return false }
        if let from, (session.lastDay.map { $0 < from } ?? true) { return false }
        if let to, (session.firstDay.map { $0 > to } ?? true) { return false }
        return true
    }
}
