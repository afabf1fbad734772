import Foundation
import TrainingCore
import TrainingXML

/// A bounded hand-over of courses from the thread that parses files to the one that
/// writes the store, so that on two cores parsing and writing overlap.
///
/// The producer blocks when `capacity` courses wait; the consumer blocks when none does.
/// Either side can end the exchange: the producer with its error (or none) at the end, the
/// consumer by cancelling, after which the producer's next `put` returns `false`.
final class CoursePipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Course, SourceLocation)] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var producerDone = false
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// Runs `produce` on its own thread, feeding the pipe; ``take()`` then yields its courses.
    func startProducing(_ produce: @escaping @Sendable (CoursePipe) throws -> Void) {
        let thread = Thread { [self] in
            do {
                try produce(self)
                finish(nil)
            } catch {
                finish(error)
            }
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Adds a course; `false` once the consumer has cancelled.
    func put(_ course: Course, at location: SourceLocation) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        if head > capacity {
            queue.removeFirst(head)
            head = 0
        }
        queue.append((course, location))
        condition.broadcast()
        return true
    }

    /// The next course, `nil` at the end, or the producer's error.
    func take() throws -> (Course, SourceLocation)? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !finished { condition.wait() }
        if head < queue.count {
            defer { head += 1 }
            condition.broadcast()
            return queue[head]
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits until its thread has let go of its files.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }
}

/// The producer stopped because the consumer did; never shown to the user.
struct CoursePipeCancelled: Error {}
