import Foundation
public import TrainingCore

/// Progress or a result that cannot be recorded, with every reason.
public struct ProgressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var reasons: [String]

    /// Creates the error.
    public init(_ reasons: [String]) {
        self.reasons = reasons
    }

    public var description: String { reasons.joined(separator: "; ") }
}

extension Store {
    /// Records a module's state for a participant holding a seat in the session.
    public func setProgress(
        _ status: ModuleProgress, of participantKey: String, module moduleID: String, in sessionID: String, by recordedBy: String
    )
        throws
    {
        try writeProgress(participantKey, sessionID) { db, participantID, course in
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
        try writeProgress(result.participantID, sessionID) { db, participantID, course in
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
    }

    private func writeProgress(_ participantKey: String, _ sessionID: String, _ body: (any SQLConnection, String, Course) throws -> Void)
        throws
    {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else {
                throw NotFoundError(kind: .session, id: sessionID)
            }
            guard session.status != .cancelled else { throw SessionError(sessionID: sessionID, reasons: ["it is cancelled"]) }
            let participantID = try Self.participantID(for: participantKey, inSession: sessionID, db: db)
            if session.status == .closed,
                let refusal = SessionRows.checkChangeable(
                    session, for: participantID, live: try SessionRows.liveCertificates(in: sessionID, db: db))
            {
                throw ProgressError([refusal])
            }
            guard
                try db.one(
                    String.self, sql: "SELECT status FROM enrolment WHERE sessionID = ? AND participantID = ?",
                    arguments: [sessionID, participantID])
                    == EnrolmentStatus.enrolled.rawValue
            else { throw ProgressError(["\(participantID) is not enrolled in session \(sessionID)"]) }
            try body(db, participantID, try CourseRows.course(of: session, in: db))
        }
    }

    /// Every seated participant's current progress in a session.
    public func progress(in sessionID: String) throws -> [ParticipantProgress] {
        try database.read { db in try Self.progress(in: sessionID, db: db) }
    }

    static func progress(in sessionID: String, db: any SQLConnection) throws -> [ParticipantProgress] {
        let seated = try SessionRows.seated(in: sessionID, db: db)
        var states: [String: [String: ModuleProgress]] = [:]
        for row in try db.rows(
            sql: """
                SELECT participantID, moduleID, status FROM moduleProgress m WHERE sessionID = ?
                  AND sequence = (SELECT max(sequence) FROM moduleProgress
                                  WHERE sessionID = m.sessionID AND participantID = m.participantID AND moduleID = m.moduleID)
                """, arguments: [sessionID])
        {
            states[try row["participantID"], default: [:]][try row["moduleID"]] = ModuleProgress(rawValue: try row["status"])
        }
        var results: [String: [ObjectiveResult]] = [:]
        for row in try db.rows(
            sql: """
                SELECT * FROM objectiveResult r WHERE sessionID = ?
                  AND sequence = (SELECT max(sequence) FROM objectiveResult
                                  WHERE sessionID = r.sessionID AND participantID = r.participantID
                                    AND objectiveID = r.objectiveID AND phase = r.phase)
                ORDER BY objectiveID, phase DESC
                """, arguments: [sessionID])
        {
            let participantID: String = try row["participantID"]
            results[participantID, default: []].append(
                ObjectiveResult(
                    participantID: participantID, objectiveID: try row["objectiveID"],
                    phase: try row.parsed("phase", of: "objectiveResult", key: participantID, ObjectiveResult.Phase.init(rawValue:)),
                    level: try row.parsedIfPresent("level", of: "objectiveResult", key: participantID, AcquisitionLevel.init(rawValue:)),
                    score: try row["score"]))
        }
        return seated.map { participantID in
            ParticipantProgress(participantID: participantID, modules: states[participantID] ?? [:], results: results[participantID] ?? [])
        }
    }
}
