internal import Foundation
internal import GRDBSQLite
internal import Synchronization

/// Rows of a query copied out of SQLite, a batch at a time: what a scan that reads ahead hands
/// from the thread stepping the statement to the thread reading the rows. Each value is its
/// type and its integer, its double's bits or where its bytes are in `bytes`. The storage is
/// the batch's own, allocated once: a row read costs no reference counting nor access check.
final class RowBatch: @unchecked Sendable {
    /// A value: SQLite's type of it, and its integer, its double's bits or its bytes' start.
    struct Value {
        var type: Int32
        var length: Int32
        var number: Int64
    }

    /// A row of a batch: its values, and the bytes their texts point into.
    struct Row {
        let values: UnsafePointer<Value>
        let bytes: UnsafePointer<UInt8>
        let columns: Int

        private func value(_ column: Int) -> Value? {
            column >= 0 && column < columns ? values[column] : nil
        }

        /// Whether the value is NULL (as a column past the last reads).
        func isNull(_ column: Int) -> Bool {
            (value(column)?.type ?? SQLITE_NULL) == SQLITE_NULL
        }

        /// The integer; `nil` for a value of another type.
        func integer(_ column: Int) -> Int64? {
            guard let value = value(column), value.type == SQLITE_INTEGER else { return nil }
            return value.number
        }

        /// `parse` over the bytes of a text (or BLOB) value; `nil` for a value of another type.
        func text<T>(_ column: Int, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            guard let value = value(column), value.type == SQLITE_TEXT || value.type == SQLITE_BLOB else { return nil }
            return parse(UnsafeBufferPointer(start: bytes + Int(value.number), count: Int(value.length)))
        }

        /// The value as a row would hold it.
        func sqlValue(_ column: Int) -> SQLValue {
            guard let value = value(column) else { return .null }
            switch value.type {
            case SQLITE_INTEGER: return .integer(value.number)
            case SQLITE_FLOAT: return .real(Double(bitPattern: UInt64(bitPattern: value.number)))
            case SQLITE_NULL: return .null
            default: return .text(text(column) { String(decoding: $0, as: UTF8.self) } ?? "")
            }
        }
    }

    let columns: Int
    /// Room for `capacity` rows of values.
    let capacity: Int
    private let values: UnsafeMutablePointer<Value>
    private var bytes: UnsafeMutablePointer<UInt8>
    private var room: Int
    private var used = 0
    /// How many rows the batch holds.
    private(set) var count = 0

    init(columns: Int, rows: Int) {
        self.columns = columns
        capacity = rows
        values = .allocate(capacity: max(columns * rows, 1))
        room = 64 * 1024
        bytes = .allocate(capacity: room)
    }

    deinit {
        values.deallocate()
        bytes.deallocate()
    }

    var isFull: Bool { count == capacity }

    /// Empties the batch, keeping its room.
    func clear() {
        count = 0
        used = 0
    }

    /// The row at `index`, valid until the batch is cleared.
    func row(_ index: Int) -> Row {
        Row(values: values + index * columns, bytes: bytes, columns: columns)
    }

    /// Copies the row `handle` is on, as ``SQLCursor`` reads it in place: text, and a BLOB,
    /// as the bytes SQLite gives for it as text.
    ///
    /// Each value is read through `sqlite3_column_value`, then asked its type, bytes and
    /// length: the `sqlite3_column_*` calls each look the column up again and check for a
    /// failed allocation, a fifth of the thread's time on a million rows of fifteen columns.
    /// SQLite calls such a value unprotected: safe to read only while no other thread uses
    /// the connection, which none does while the rows are read ahead (see ``ReadAhead``).
    func append(_ handle: OpaquePointer) {
        let row = values + count * columns
        for column in 0..<columns {
            guard let value = sqlite3_column_value(handle, Int32(column)) else {
                row[column] = Value(type: SQLITE_NULL, length: 0, number: 0)
                continue
            }
            let type = sqlite3_value_type(value)
            switch type {
            case SQLITE_INTEGER: row[column] = Value(type: type, length: 0, number: sqlite3_value_int64(value))
            case SQLITE_FLOAT:
                row[column] = Value(type: type, length: 0, number: Int64(bitPattern: sqlite3_value_double(value).bitPattern))
            case SQLITE_NULL: row[column] = Value(type: type, length: 0, number: 0)
            default:
                // The text first, then its length: the order SQLite asks for.
                let text = sqlite3_value_text(value)
                let length = text == nil ? 0 : Int(sqlite3_value_bytes(value))
                if used + length > room { grow(to: used + length) }
                if let text { (bytes + used).update(from: text, count: length) }
                row[column] = Value(type: type, length: Int32(length), number: Int64(used))
                used += length
            }
        }
        count += 1
    }

    /// More room for bytes, the ones there kept.
    private func grow(to needed: Int) {
        var larger = room * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: bytes, count: used)
        bytes.deallocate()
        bytes = moved
        room = larger
    }
}

/// A statement stepped on a thread of its own while the caller reads the rows it has copied:
/// SQLite's work and the caller's overlap, each on a core. A few batches go round between the
/// two, so memory stays flat however many rows the query gives.
///
/// The connection is not used by two threads at once: the caller reads copies, and waits for
/// the stepping thread to be done before it returns, throws, or resets the statement.
final class ReadAhead: @unchecked Sendable {
    /// Rows per batch: large enough that handing one over costs nothing per row, small
    /// enough that the caller starts at once.
    static let rows = 512
    /// The statement, bound and not yet stepped.
    private let handle: OpaquePointer
    private let condition = NSCondition()
    /// Batches ready to be filled, and filled ones in order.
    private var empty: [RowBatch]
    private var filled: [RowBatch] = []
    /// Set by the stepping thread when the statement is done: `nil`, or SQLite's error code and message.
    private var finished: (code: Int32, message: String)??
    /// Set by the caller to stop the stepping thread early.
    private var stopped = false
    /// The same, read by the stepping thread between rows without taking the lock: a stop
    /// waits for a row, not for a batch.
    private let stopping = Atomic(false)

    private init(_ handle: OpaquePointer) {
        self.handle = handle
        let columns = Int(sqlite3_column_count(handle))
        empty = (0..<3).map { _ in RowBatch(columns: columns, rows: Self.rows) }
    }

    /// Steps `handle` (bound, on a connection no one else uses meanwhile) on another thread,
    /// calling `body` here with each row in order; SQLite's failure is thrown as
    /// `failure(code, message)` makes it.
    static func scan(
        _ handle: OpaquePointer, failure: (Int32, String) -> any Error, _ body: (SQLCursor) throws -> Void
    ) throws {
        let reader = ReadAhead(handle)
        // A thread of its own, not one of a pool: it never waits for a pool's thread that
        // may itself be waiting for it.
        Thread { reader.step() }.start()
        do {
            while let batch = reader.next() {
                for row in 0..<batch.count { try body(SQLCursor(source: .copied(batch.row(row)))) }
                reader.recycle(batch)
            }
        } catch {
            reader.stop()
            throw error
        }
        if let (code, message) = reader.failure() { throw failure(code, message) }
    }

    /// The stepping thread: fills batches until the statement is done, fails, or the caller stops.
    private func step() {
        var outcome: (code: Int32, message: String)?
        stepping: while let batch = nextEmpty() {
            while !batch.isFull && !stopping.load(ordering: .relaxed) {
                let code = sqlite3_step(handle)
                if code == SQLITE_ROW {
                    batch.append(handle)
                    continue
                }
                if code != SQLITE_DONE {
                    outcome = (code, String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
                }
                publish(batch)
                break stepping
            }
            publish(batch)
        }
        condition.lock()
        finished = .some(outcome)
        condition.broadcast()
        condition.unlock()
    }

    /// A batch to fill, once the caller has given one back; `nil` when the caller stopped.
    private func nextEmpty() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while empty.isEmpty && !stopped { condition.wait() }
        guard !stopped else { return nil }
        let batch = empty.removeLast()
        batch.clear()
        return batch
    }

    private func publish(_ batch: RowBatch) {
        condition.lock()
        filled.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next filled batch, in order; `nil` once the statement is done and every batch read.
    private func next() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && finished == nil { condition.wait() }
        return filled.isEmpty ? nil : filled.removeFirst()
    }

    private func recycle(_ batch: RowBatch) {
        condition.lock()
        empty.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// SQLite's error code and message, once the statement is done, if it failed.
    private func failure() -> (code: Int32, message: String)? {
        condition.lock()
        defer { condition.unlock() }
        return finished ?? nil
    }

    /// Stops the stepping thread and waits until it no longer uses the statement.
    private func stop() {
        stopping.store(true, ordering: .relaxed)
        condition.lock()
        stopped = true
        condition.broadcast()
        while finished == nil { condition.wait() }
        condition.unlock()
    }
}
