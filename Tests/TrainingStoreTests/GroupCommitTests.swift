import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingStore

/// Writes sent while a commit is under way are committed together, each one all or nothing.
@Suite struct GroupCommitTests {
    static func identity(_ name: String) throws -> Organisation {
        try Organisation(
            name: name, address: "1 rue", declarationNumber: "52490123449", signatoryName: "C. Martin", signatoryTitle: "Directrice")
    }

    /// Holds the writing thread with a write that waits for `gate`, runs `writes` meanwhile
    /// (so that they wait together), then opens the gate once they all wait.
    static func together<T: Sendable>(
        _ store: Store, _ writes: [@Sendable (any SQLConnection) throws -> T]
    ) async throws -> [Result<T, any Error>] {
        let holding = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let held = Task {
            try await store.commits.write { _ in
                holding.signal()
                gate.wait()
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                holding.wait()
                continuation.resume()
            }
        }
        return try await withThrowingTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for (index, write) in writes.enumerated() {
                group.addTask {
                    do { return (index, .success(try await store.commits.write(write))) } catch { return (index, .failure(error)) }
                }
            }
            while store.commits.waiting < writes.count { try await Task.sleep(for: .milliseconds(5)) }
            gate.signal()
            try await held.value
            var results = [Result<T, any Error>?](repeating: nil, count: writes.count)
            for try await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }

    @Test func aRefusedWriteIsRolledBackAloneAndTheOthersCommitOnce() async throws {
        let folder = try TemporaryFolder()
        let store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        let (kept, refused) = (try Self.identity("Institut"), try Self.identity("Refusé"))
        let results = try await Self.together(
            store,
            [
                { @Sendable db in
                    try Store.setOrganisation(kept, db)
                    return ""
                },
                { @Sendable db in
                    try Store.setOrganisation(refused, db)
                    throw SigningError("refused")
                },
                // After the refused one: it sees the first write, not the second.
                { @Sendable db in try Store.organisation(db)?.name ?? "none" },
            ])
        #expect(try results[0].get() == "")
        #expect(throws: SigningError("refused")) { try results[1].get() }
        #expect(try results[2].get() == "Institut")
        // The held write alone, then the three together.
        #expect(store.commits.transactions == 2)
        #expect(try store.organisation() == kept)
    }

    @Test func aBatchThatFailsIsRunAgainOneWriteAtATime() async throws {
        let folder = try TemporaryFolder()
        let store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        let kept = try Self.identity("Institut")
        let results = try await Self.together(
            store,
            [
                { @Sendable db in try Store.setOrganisation(kept, db) },
                // Not a refusal: the database's own failure fails the whole transaction.
                { @Sendable db in try db.execute(sql: "INSERT INTO noSuchTable VALUES (1)") },
                { @Sendable db in _ = try db.one(Int.self, sql: "SELECT count(*) FROM organisation") },
            ])
        #expect((try? results[0].get()) != nil)
        #expect(throws: WorkspaceError.self) { try results[1].get() }
        #expect((try? results[2].get()) != nil)
        // The held write, the batch that failed, then each of the three alone.
        #expect(store.commits.transactions == 5)
        #expect(try store.organisation() == kept)
    }
}
