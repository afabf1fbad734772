public import TrainingCore
public import TrainingStore

/// Following each participant's progress through a session: modules done, objectives
/// positioned and assessed.
public struct ProgressService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Records a module's state for someone holding a seat (by id, email or external id),
    /// recorded by `who` or the session's first trainer.
    public func set(_ status: ModuleProgress, of participant: String, module: String, in sessionID: String, by who: String?) async throws {
        try store.setProgress(status, of: participant, module: module, in: sessionID, by: try recorder(who, sessionID))
    }

    /// Records a positioning or an assessment on an objective.
    public func record(_ result: ObjectiveResult, in sessionID: String, by who: String?) async throws {
        try store.record(result, in: sessionID, by: try recorder(who, sessionID))
    }

    /// Records a group's results, all or none; one refused names its position
    /// (``TrainingStore/ProgressError/index``).
    public func record(_ results: [ObjectiveResult], in sessionID: String, by who: String?) async throws {
        try store.record(results, in: sessionID, by: try recorder(who, sessionID))
    }

    /// Every seated participant's current progress, with the course that names the modules
    /// and objectives.
    public func progress(in sessionID: String) async throws -> (course: Course, lines: [ParticipantProgress]) {
        let session = try store.session(id: sessionID)
        return (try store.course(of: session), try store.progress(in: session.id))
    }

    private func recorder(_ who: String?, _ sessionID: String) throws -> String {
        try who ?? store.session(id: sessionID).trainers.first ?? "unknown"
    }
}
