/// How far a participant is through a module.
public enum ModuleProgress: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not begun.
    case notStarted = "not-started"
    /// Begun, not finished.
    case inProgress = "in-progress"
    /// Finished.
    case completed
}

/// How well an objective is mastered, as assessed at work or in the room.
public enum AcquisitionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// *Acquis*.
    case acquired
    /// *En cours d'acquisition*.
    case partlyAcquired = "partly-acquired"
    /// *Non acquis*.
    case notAcquired = "not-acquired"
}

extension AcquisitionLevel {
    /// The level written in English or in French, as a trainer types it or a spreadsheet holds
    /// it: `acquired` or `acquis`, `partly-acquired` or `en cours d'acquisition`,
    /// `not-acquired` or `non acquis` (case, accents, hyphens and apostrophes folded; the
    /// abbreviations A, ECA, PA, NA too); `nil` for anything else.
    public init?(words text: String) {
        switch text.searchFolded {
        case "acquired", "acquis", "acquise", "a": self = .acquired
        case "partly acquired", "partially acquired", "en cours d acquisition", "en cours", "partiellement acquis", "eca", "pa":
            self = .partlyAcquired
        case "not acquired", "non acquis", "non acquise", "na": self = .notAcquired
        default: return nil
        }
    }
}

/// One participant's result on one objective: at the initial positioning, or at the
/// assessment of learning. A level, a score out of 100, or both.
public struct ObjectiveResult: Sendable, Hashable, Codable {
    /// When the result was taken.
    public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
        /// Before the course (*positionnement initial*).
        case positioning
        /// During or after it (*évaluation des acquis*).
        case assessment
    }

    /// The participant.
    public var participantID: String
    /// The objective.
    public var objectiveID: String
    /// Positioning or assessment.
    public var phase: Phase
    /// The level reached, when assessed by level.
    public var level: AcquisitionLevel?
    /// The score out of 100, when assessed by score.
    public var score: Int?

    /// Creates a result.
    public init(participantID: String, objectiveID: String, phase: Phase, level: AcquisitionLevel?, score: Int?) {
        self.participantID = participantID
        self.objectiveID = objectiveID
        self.phase = phase
        self.level = level
        self.score = score
    }
}

/// A participant's current progress in a session: each module's state and each objective's results.
public struct ParticipantProgress: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// The modules with a recorded state, by id.
    public var modules: [String: ModuleProgress]
    /// The current results, positioning and assessment, by objective.
    public var results: [ObjectiveResult]

    /// Creates a participant's progress.
    public init(participantID: String, modules: [String: ModuleProgress], results: [ObjectiveResult]) {
        self.participantID = participantID
        self.modules = modules
        self.results = results
    }

    /// The current assessment result on `objectiveID`, if any.
    public func assessment(of objectiveID: String) -> ObjectiveResult? {
        results.first { $0.objectiveID == objectiveID && $0.phase == .assessment }
    }

    /// The objectives of `course` with no assessment result in `progress` (every one when
    /// nothing was recorded): what an attestation would print as *non évalué*, when it must
    /// state the results of the assessment (L6353-1).
    public static func unassessed(_ progress: ParticipantProgress?, in course: Course) -> [String] {
        course.objectives.map(\.id).filter { progress?.assessment(of: $0) == nil }
    }
}

extension ObjectiveResult {
    /// The least score out of 100 that passes an objective assessed by score alone.
    public static let passingScore = 50

    /// Whether this result shows the objective mastered: the level *acquis*, or, with no
    /// level, a score of at least ``passingScore``.
    public var isPassed: Bool {
        if let level { return level == .acquired }
        return (score ?? 0) >= Self.passingScore
    }
}
