import Foundation
public import TrainingCore

/// Progress or a result that cannot be recorded, with every reason.
public struct ProgressError: TextError, Sendable, Hashable {
    /// What is wrong.
    public var reasons: [Text]
    /// In a batch, the position of the result refused.
    public var index: Int?

    /// Creates the error.
    public init(_ reasons: [Text], index: Int? = nil) {
        self.reasons = reasons
        self.index = index
    }

    public var text: Text { reasons.joined(separator: "; ") }
}

extension Store {
    /// Records a module's state for a participant holding a seat in the session.
    public func setProgress(
        _ status: ModuleProgress, of participantKey: String, module moduleID: String, in sessionID: String, by recordedBy: String
    )
        throws
    {
        try writeProgress([participantKey], sessionID) { db, _, participantID, course in
            guard course.modules.contains(where: { $0.id == moduleID }) else {
                throw ProgressError(["course \(course.id) has no module \(moduleID)"])
            }
            try db.execute(
                sql:
                    "INSERT INTO moduleProgress (sessionID, participantID, moduleID, status, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [sessionID, participantID, moduleID, status.rawValue, recordedBy, storedTimestamp(Date())])
        }
    }

    /// Records a positioning or assessment result on an objective.
    public func record(_ result: ObjectiveResult, in sessionID: String, by recordedBy: String) throws {
        try writeProgress([result.participantID], sessionID) { db, _, participantID, course in
            try Self.insert(result, for: participantID, in: sessionID, course: course, by: recordedBy, db: db)
        }
    }

    /// Records results, all or none (a group's assessment); one that cannot be recorded is
    /// refused with its position in `results` (a ``ProgressError`` with an `index`).
    public func record(_ results: [ObjectiveResult], in sessionID: String, by recordedBy: String) throws {
        try writeProgress(results.map(\.participantID), sessionID, batch: true) { db, index, participantID, course in
            try Self.insert(results[index], for: participantID, in: sessionID, course: course, by: recordedBy, db: db)
        }
    }

    private static func insert(
        _ result: ObjectiveResult, for participantID: String, in sessionID: String, course: Course, by recordedBy: String,
        db: any SQLConnection
    ) throws {
        guard course.objectives.contains(where: { $0.id == result.objectiveID }) else {
            throw ProgressError(["course \(course.id) has no objective \(result.objectiveID)"])
        }
        guard result.level != nil || result.score != nil else { throw ProgressError(["give a level or a score"]) }
        if let score = result.score, !(0...100).contains(score) { throw ProgressError(["a score is out of 100, not \(score)"]) }
        try db.execute(
            sql: """
                INSERT INTO objectiveResult (sessionID, participantID, objectiveID, phase, level, score, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sessionID, participantID, result.objectiveID, result.phase.rawValue, result.level?.rawValue, result.score, recordedBy,
                storedTimestamp(Date()),
            ])
    }

    /// Writes for each of `participantKeys` in one transaction, once the session, the person
    /// and their seat are checked; in a batch, a refusal names the position it is about.
    private func writeProgress(
        _ participantKeys: [String], _ sessionID: String, batch: Bool = false,
        _ body: (any SQLConnection, Int, String, Course) throws -> Void
    ) throws {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            guard session.status != .cancelled else { throw SessionError(sessionID: sessionID, reasons: ["it is cancelled"]) }
            let course = try CourseRows.course(of: session, in: db)
            let live = session.status == .closed ? try SessionRows.liveCertificates(in: sessionID, db: db) : [:]
            for (index, key) in participantKeys.enumerated() {
                do {
                    let participantID = try Self.participantID(for: key, inSession: sessionID, db: db)
                    if session.status == .closed, let refusal = SessionRows.checkChangeable(session, for: participantID, live: live) {
                        throw ProgressError([refusal])
                    }
                    guard
                        try db.one(
                            String.self, sql: "SELECT status FROM enrolment WHERE sessionID = ? AND participantID = ?",
                            arguments: [sessionID, participantID])
                            == EnrolmentStatus.enrolled.rawValue
                    else { throw ProgressError(["\(participantID) is not enrolled in session \(sessionID)"]) }
                    try body(db, index, participantID, course)
                } catch let error as ProgressError where batch {
                    throw ProgressError(error.reasons, index: index)
                } catch let error as NotFoundError where batch {
                    throw ProgressError([error.text], index: index)
                }
            }
        }
    }

    /// Every seated participant's current progress in a session.
    public func progress(in sessionID: String) throws -> [ParticipantProgress] {
        try database.read { db in try Self.progress(in: sessionID, db: db) }
    }

    static func progress(in sessionID: String, db: any SQLConnection) throws -> [ParticipantProgress] {
        try progress(seated: [sessionID: try SessionRows.seated(in: sessionID, db: db)], db: db)[sessionID] ?? []
    }

    /// The current progress of each session's seated participants (`seated`: each session's
    /// seats), in the order given: the records of up to 500 sessions in one read of each
    /// table, by their index, each module's and each objective phase's latest record kept —
    /// not a search for the latest of every record, session by session. Each participant's
    /// results come by objective (in the bytes' order), positioning before assessment.
    static func progress(seated: [String: [String]], db: any SQLConnection) throws -> [String: [ParticipantProgress]] {
        var states: [LatestRecords.Key: (sequence: Int64, value: String)] = [:]
        var results: [LatestRecords.Key: (sequence: Int64, value: ObjectiveResult)] = [:]
        try inBatches(seated.keys) { batch in
            try db.each(
                sql:
                    "SELECT sessionID, participantID, moduleID, status, sequence FROM moduleProgress WHERE sessionID IN (\(placeholders(batch.count)))",
                arguments: inList(batch)
            ) { row in
                let key = LatestRecords.Key(session: try row["sessionID"], participant: try row["participantID"], item: try row["moduleID"])
                LatestRecords.keep(&states, key, sequence: try row["sequence"], try row["status"] as String)
            }
            try db.each(
                sql: "SELECT * FROM objectiveResult WHERE sessionID IN (\(placeholders(batch.count)))", arguments: inList(batch)
            ) { row in
                let participantID: String = try row["participantID"]
                let result = ObjectiveResult(
                    participantID: participantID, objectiveID: try row["objectiveID"],
                    phase: try row.parsed("phase", of: "objectiveResult", key: participantID, ObjectiveResult.Phase.init(rawValue:)),
                    level: try row.parsedIfPresent("level", of: "objectiveResult", key: participantID, AcquisitionLevel.init(rawValue:)),
                    score: try row["score"])
                let key = LatestRecords.Key(
                    session: try row["sessionID"], participant: participantID, item: result.objectiveID, phase: result.phase.rawValue)
                LatestRecords.keep(&results, key, sequence: try row["sequence"], result)
            }
        }
        // Session, then participant.
        var modules: [String: [String: [String: ModuleProgress]]] = [:]
        for (key, state) in states {
            modules[key.session, default: [:]][key.participant, default: [:]][key.item] = ModuleProgress(rawValue: state.value)
        }
        var taken: [String: [String: [ObjectiveResult]]] = [:]
        for (key, result) in results { taken[key.session, default: [:]][key.participant, default: []].append(result.value) }
        var progress: [String: [ParticipantProgress]] = [:]
        for (sessionID, seats) in seated {
            progress[sessionID] = seats.map { participantID in
                ParticipantProgress(
                    participantID: participantID, modules: modules[sessionID]?[participantID] ?? [:],
                    results: LatestRecords.inOrder(taken[sessionID]?[participantID] ?? []))
            }
        }
        return progress
    }
}

/// The latest record of each thing a log records again and again (a module's state, an
/// objective's result at a phase), whatever order the log's rows are read in. (The marks of
/// a half-day keep the same rule in ``AttendanceRows/current(in:db:)``, in a dictionary per
/// session: one dictionary of a year's marks spent a third of a dry run growing.)
enum LatestRecords {
    /// What a record is the state of: a session's participant's module, or objective and phase.
    /// Text compared as its bytes, as the stores compare it.
    struct Key: Hashable {
        let session: String
        let participant: String
        let item: String
        var phase = ""

        static func == (a: Key, b: Key) -> Bool {
            a.session.utf8.elementsEqual(b.session.utf8) && a.participant.utf8.elementsEqual(b.participant.utf8)
                && a.item.utf8.elementsEqual(b.item.utf8) && a.phase.utf8.elementsEqual(b.phase.utf8)
        }

        func hash(into hasher: inout Hasher) {
            for var text in [session, participant, item, phase] {
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(0xFF as UInt8)
            }
        }
    }

    /// Keeps `value` for `key` unless a record of a higher sequence is kept already.
    static func keep<Value>(_ kept: inout [Key: (sequence: Int64, value: Value)], _ key: Key, sequence: Int64, _ value: Value) {
        if let known = kept[key], known.sequence > sequence { return }
        kept[key] = (sequence, value)
    }

    /// A participant's results by objective (its bytes' order), positioning before assessment.
    static func inOrder(_ results: [ObjectiveResult]) -> [ObjectiveResult] {
        results.sorted { a, b in
            a.objectiveID.utf8.elementsEqual(b.objectiveID.utf8)
                ? a.phase.rawValue > b.phase.rawValue : a.objectiveID.utf8.lexicographicallyPrecedes(b.objectiveID.utf8)
        }
    }
}
