public import Foundation
public import TrainingCore
public import TrainingStore

/// How long records are kept, and the purge of the people whose records are all past it.
public struct RetentionService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The rules set; none means six years after each session (ten when EU-funded).
    public func policy() async throws -> RetentionPolicy {
        try store.retentionPolicy()
    }

    /// Sets how long a kind of record is kept, for every session or a funder's.
    public func set(_ rule: RetentionRule, by who: String?, at now: Date) async throws {
        try store.setRetention(rule, by: try store.actor(who), at: now)
    }

    /// Who a purge before `before` would anonymise and keep; nothing changes.
    public func plan(before: LocalDate, today: LocalDate) async throws -> PurgePlan {
        try store.purgePlan(before: before, today: today)
    }

    /// Anonymises the people whose records are all past retention before `before`, and
    /// chains the purge.
    public func purge(before: LocalDate, today: LocalDate, by who: String?, at now: Date) async throws -> (
        plan: PurgePlan, record: PurgeRecord?
    ) {
        try store.purge(before: before, today: today, by: try store.actor(who), at: now)
    }
}
