import Foundation
import TrainingCore

/// Writes that many tasks ask for at once, committed together: a server's signatures.
///
/// Each write waits for its commit to reach the disk (`synchronous=FULL`, an `fsync` of
/// 1–3 ms here), and writes are serialised. One commit each held a task thread for every
/// `fsync` and capped a room of phones at one signature per `fsync`. Here the writes are
/// run on a thread of their own, and those that arrived while a commit was under way go
/// in the next transaction together, each in a savepoint: a write refused (its body threw
/// a ``TextError``) is rolled back alone and its caller told, while the others commit.
/// Should the transaction itself fail, each write is run again alone, in a transaction of
/// its own, so that each caller learns its own outcome. A caller returns once its write is
/// on disk, as before; a write never sees a state that a serial order would not give.
final class GroupCommit: @unchecked Sendable {
    private final class Pending: @unchecked Sendable {
        let body: (any SQLConnection) throws -> Void
        let finish: (Result<Void, any Error>) -> Void

        init(body: @escaping (any SQLConnection) throws -> Void, finish: @escaping (Result<Void, any Error>) -> Void) {
            self.body = body
            self.finish = finish
        }
    }

    private let database: any SQLDatabase
    private let lock = NSLock()
    private var pending: [Pending] = []
    private var draining = false
    private let thread = DispatchQueue(label: "allervers.group-commit")
    /// Transactions committed or tried, for tests.
    var transactions: Int { lock.withLock { tried } }
    private var tried = 0
    /// Writes waiting for the next transaction, for tests.
    var waiting: Int { lock.withLock { pending.count } }

    init(_ database: any SQLDatabase) {
        self.database = database
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            nonisolated(unsafe) var value: T?
            let write = Pending(
                body: { db in value = try body(db) },
                finish: { result in continuation.resume(with: result.map { value! }) })
            let start = lock.withLock {
                pending.append(write)
                defer { draining = true }
                return !draining
            }
            if start { thread.async { self.drain() } }
        }
    }

    private func drain() {
        while true {
            let batch = lock.withLock {
                let batch = pending
                pending = []
                if batch.isEmpty { draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) {
        if batch.count > 1 {
            lock.withLock { tried += 1 }
            if let outcomes = try? database.write({ db in try batch.map { write in try Self.savepoint(db) { try write.body(db) } } }) {
                for (write, outcome) in zip(batch, outcomes) { write.finish(outcome) }
                return
            }
        }
        for write in batch {
            lock.withLock { tried += 1 }
            write.finish(Result { try database.write(write.body) })
        }
    }

    /// Runs `body` in a savepoint, rolled back if it refuses (throws a ``TextError`` other
    /// than the store's own failure); any other error fails the transaction.
    private static func savepoint(_ db: any SQLConnection, _ body: () throws -> Void) throws -> Result<Void, any Error> {
        try db.execute(sql: "SAVEPOINT batched")
        do {
            try body()
            try db.execute(sql: "RELEASE SAVEPOINT batched")
            return .success(())
        } catch let refusal as any TextError where !(refusal is WorkspaceError) {
            try db.execute(sql: "ROLLBACK TO SAVEPOINT batched")
            try db.execute(sql: "RELEASE SAVEPOINT batched")
            return .failure(refusal)
        }
    }
}
