import Foundation
internal import Logging
internal import NIOConcurrencyHelpers
internal import NIOCore
internal import NIOPosix
internal import PostgresNIO
import TrainingCore
public import TrainingStore

/// The PostgreSQL adapter of the store's port: one connection per process, postgres-nio's
/// futures waited on from the caller's thread (never from an event loop), so that the store's
/// repository code runs over it unchanged.
///
/// Writers are serialised by one transaction-scoped advisory lock per database, taken first
/// in every write transaction: a write sees the state the previous one committed, so every
/// number the store hands out (participant ids, certificate numbers, waiting-list places) is
/// allocated inside it without gaps or duplicates, and each hash chain grows from its head
/// without forking. A write that PostgreSQL still aborts (a serialisation failure, a
/// deadlock with something outside AllerVers) is run again, up to five times.
///
/// Reads are `REPEATABLE READ READ ONLY` transactions: one snapshot, as SQLite gives.
public final class PostgresStoreDatabase: SQLDatabase, @unchecked Sendable {
    /// Where the store is, for messages (without the password).
    public let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger
    /// One transaction at a time on the connection. Safe to share because every use holds it.
    private let lock = NIOLock()
    private let translations = NIOLockedValueBox<[String: String]>([:])
    /// The migrations this process applied when it opened the store.
    public private(set) var appliedOnOpen: [String] = []

    /// The number every writer locks: "AllerVers" on a phone keypad.
    static let writeLock: Int64 = 25_537_837_787

    private init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    /// Connects to the store, migrated to this version's schema (or, for tests of a
    /// migration, only through the one named `last`).
    public static func open(_ location: PostgresLocation, migratingThrough last: String? = nil) throws -> PostgresStoreDatabase {
        let logger = Logger(label: "allervers.postgres")
        let database = PostgresStoreDatabase(location: location, connection: try connect(location, logger: logger), logger: logger)
        try database.migrate(through: last)
        return database
    }

    /// A connection to `location`, or an error naming it without its password.
    static func connect(_ location: PostgresLocation, logger: Logger) throws -> PostgresConnection {
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try location.configuration(), id: 1, logger: logger
            ).wait()
        } catch {
            throw WorkspaceError.unusable(path: location.description, reason: reason(error))
        }
    }

    deinit {
        try? connection.close().wait()
    }

    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try lock.withLock { try transaction(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], commit: false, body) }
    }

    public func write<T>(commit: Bool, _ body: (any SQLConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                // READ COMMITTED whatever the server's default: each statement after the lock
                // sees what the writer before committed.
                return try lock.withLock {
                    try transaction(
                        ["BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_xact_lock(\(Self.writeLock))"], commit: commit, body)
                }
            } catch let error as RetryableError {
                if attempt < 5 { continue }
                throw WorkspaceError.unusable(path: location.description, reason: "\(error.message) (tried \(attempt) times)")
            }
        }
    }

    /// Runs `body` between `begin` and a commit (or a rollback), on the connection, whose
    /// lock the caller holds. However the body or the commit fails, the transaction is rolled
    /// back and the rows it held are dropped, so that the connection is ready for the next.
    private func transaction<T>(_ begin: [String], commit: Bool, _ body: (PostgresSQLConnection) throws -> T) throws -> T {
        let session = PostgresSQLConnection(database: self)
        do {
            for statement in begin { try session.simple(statement) }
            let result = try body(session)
            try session.flush()
            try session.simple(commit ? "COMMIT" : "ROLLBACK")
            return result
        } catch {
            session.discard()
            _ = try? run("ROLLBACK", PostgresBindings())
            throw error
        }
    }

    /// Applies the migrations this store lacks, each in its own transaction under an advisory
    /// lock, so that two processes opening a new store at once apply each migration once. A
    /// store already migrated is only read: a role that may not create tables can use it.
    func migrate(through last: String? = nil) throws {
        let begin = ["BEGIN ISOLATION LEVEL READ COMMITTED", "SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockNumber))"]
        try lock.withLock {
            do {
                let applied = try transaction(begin, commit: true) { session -> Set<String> in
                    if try session.one(String.self, sql: "SELECT CAST(to_regclass('allervers_migrations') AS TEXT)") == nil {
                        try session.simple(
                            "CREATE TABLE allervers_migrations (identifier TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL DEFAULT now())")
                    }
                    return Set(try session.all(String.self, sql: "SELECT identifier FROM allervers_migrations"))
                }
                if let unknown = applied.first(where: { name in !PostgresMigrations.migrations.contains { $0.name == name } }) {
                    throw WorkspaceError.unusable(
                        path: location.description, reason: "it was migrated by a newer AllerVers (\(unknown)): use that version")
                }
                let wanted =
                    PostgresMigrations.migrations.prefix { $0.name != last } + PostgresMigrations.migrations.filter { $0.name == last }
                for (name, statements) in wanted where !applied.contains(name) {
                    do {
                        try transaction(begin, commit: true) { session in
                            // Another process may have applied it while this one waited for the lock.
                            guard try !session.exists(sql: "SELECT 1 FROM allervers_migrations WHERE identifier = ?", arguments: [name])
                            else { return }
                            for statement in statements { try session.simple(statement) }
                            try PostgresMigrations.moves[name]?(session)
                            try session.execute(sql: "INSERT INTO allervers_migrations (identifier) VALUES (?)", arguments: [name])
                            appliedOnOpen.append(name)
                        }
                    } catch {
                        throw WorkspaceError.unusable(path: location.description, reason: "it cannot be migrated (\(name)): \(error)")
                    }
                }
            } catch let error as WorkspaceError {
                throw error
            } catch {
                throw WorkspaceError.unusable(path: location.description, reason: "\(error)")
            }
        }
    }

    fileprivate func run(_ sql: String, _ bindings: PostgresBindings) throws -> PostgresQueryResult {
        try outcome(of: send(sql, bindings))
    }

    /// Queues a statement on the connection without waiting for it.
    fileprivate func send(_ sql: String, _ bindings: PostgresBindings) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
    }

    /// Starts copying `lines` (`COPY`'s text format) into `table`'s `columns`, without
    /// waiting for it.
    ///
    /// PostgresNIO offers `COPY` as an `async` function only. Its task runs on the connection's
    /// event loop (``EventLoopTaskExecutor``), not on Swift's shared pool, so that waiting for
    /// it here never waits for a thread of that pool, which callers (tests, a server) may all
    /// be blocking.
    fileprivate func copy(_ lines: ByteBuffer, into table: String, columns: [String]) -> EventLoopFuture<Void> {
        let connection = connection
        let logger = logger
        let promise = connection.eventLoop.makePromise(of: Void.self)
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in try await writer.write(lines) }
                promise.succeed()
            } catch {
                promise.fail(error)
            }
        }
        return promise.futureResult
    }

    /// Waits for a statement sent, its failure told as the store's.
    fileprivate func outcome<Result: Sendable>(of sent: EventLoopFuture<Result>) throws -> Result {
        do {
            return try sent.wait()
        } catch let error as PSQLError {
            if let state = error.serverInfo?[.sqlState], state == "40001" || state == "40P01" {
                throw RetryableError(message: Self.reason(error))
            }
            throw WorkspaceError.unusable(path: location.description, reason: Self.reason(error))
        }
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`…, outside quoted text; each statement's
    /// translation is kept.
    fileprivate func translated(_ sql: String) -> String {
        if let known = translations.withLockedValue({ $0[sql] }) { return known }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                // `?NNN` names its parameter, as in SQLite; a bare `?` is the next one.
                var digits = ""
                while let next = pending, next.isASCII, next.isNumber {
                    digits.append(next)
                    pending = characters.next()
                }
                if digits.isEmpty {
                    number += 1
                    result += "$\(number)"
                } else {
                    result += "$" + digits
                }
            } else {
                result.append(character)
            }
        }
        translations.withLockedValue { $0[sql] = result }
        return result
    }

    /// The server's message for a failure, or a short description of a connection's.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)" + (error.underlying.map { " (\($0))" } ?? "")
        }
        return String(describing: error)
    }
}

/// A transaction PostgreSQL aborted to keep transactions apart (a serialisation failure, a
/// deadlock): run it again.
struct RetryableError: Error {
    var message: String
}

/// One transaction on the connection, seen through the port. Rows given to prepared inserts
/// are sent together, many per statement, before anything else runs on the connection; those
/// statements are not waited for one by one, so that the server stores a batch while the
/// caller makes the next, and their outcome is known before anything else runs.
final class PostgresSQLConnection: SQLConnection {
    private let database: PostgresStoreDatabase
    private var pending: PostgresInsert?
    private var inFlight: [EventLoopFuture<Void>] = []

    init(database: PostgresStoreDatabase) {
        self.database = database
    }

    var dialect: SQLDialect { Self.dialect }

    static let dialect = SQLDialect(
        jsonArrayLength: { "json_array_length(\($0)::json)" },
        // The unique index is on lower(email).
        // The column folds as SQLite's NOCASE does (ASCII letters only, under COLLATE "C"
        // since v8): the value given must fold alike, not by the database's locale.
        sameEmail: #"lower(email) = lower(CAST(? AS TEXT) COLLATE "C")"#,
        nullSafeEquals: "IS NOT DISTINCT FROM",
        deferLinks: "SET CONSTRAINTS ALL DEFERRED",
        identityAfterCopy: { table, column in
            "SELECT setval(pg_get_serial_sequence('\(table)', '\(column.lowercased())'), COALESCE((SELECT max(\(column)) FROM \(table)), 0) + 1, false)"
        })

    /// Runs one statement without parameters.
    func simple(_ sql: String) throws {
        try flush()
        _ = try database.run(sql, PostgresBindings())
    }

    func execute(sql: String, arguments: [any SQLBindable]) throws {
        try flush()
        _ = try database.run(database.translated(sql), Self.bindings(arguments.map(\.sqlValue)))
    }

    func each(sql: String, arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws {
        try flush()
        let result = try database.run(database.translated(sql), Self.bindings(arguments.map(\.sqlValue)))
        var columns: SQLColumns?
        for row in result.rows {
            let names = columns ?? SQLColumns(row.map(\.columnName))
            columns = names
            try body(SQLRow(columns: names, values: try row.map(Self.value)))
        }
    }

    func prepare(sql: String) throws -> any SQLStatement {
        if let pending, pending.sql == sql { return pending }
        try flush()
        let insert = PostgresInsert(sql: sql, connection: self)
        return insert
    }

    /// Drops the rows prepared inserts are holding, unsent, and waits out those sent: the
    /// transaction is being rolled back.
    func discard() {
        pending?.discard()
        pending = nil
        for sent in inFlight { _ = try? sent.wait() }
        inFlight = []
    }

    /// Sends the rows prepared inserts are holding, and waits until every insert sent is
    /// stored (the first failure thrown).
    func flush() throws {
        if let insert = pending {
            pending = nil
            try insert.send()
        }
        guard !inFlight.isEmpty else { return }
        let sent = inFlight
        inFlight = []
        var failure: (any Error)?
        for statement in sent {
            do { _ = try database.outcome(of: statement) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// Sends an insert without waiting for it; `flush` does. A few at most are in flight, so
    /// that a large import does not queue all its rows in memory.
    fileprivate func queue(_ sql: String, _ values: [SQLValue]) throws {
        try queue(database.send(database.translated(sql), Self.bindings(values)).map { _ in })
    }

    /// Sends rows to `table` by `COPY`, without waiting for them; `flush` does.
    fileprivate func queue(copying rows: [[SQLValue]], into table: String, columns: [String]) throws {
        try queue(database.copy(PostgresInsert.copyLines(rows), into: table, columns: columns))
    }

    private func queue(_ sent: EventLoopFuture<Void>) throws {
        // Kept before waiting, so that a failure leaves every statement sent for `discard`.
        inFlight.append(sent)
        if inFlight.count > 4 { try database.outcome(of: inFlight.removeFirst()) }
    }

    fileprivate func hold(_ insert: PostgresInsert) throws {
        if pending !== insert { try flush() }
        pending = insert
    }

    fileprivate func run(_ sql: String, _ values: [SQLValue]) throws -> PostgresQueryResult {
        try database.run(database.translated(sql), Self.bindings(values))
    }

    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .boolean(let flag): bindings.append(flag)
            }
        }
        return bindings
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid: return .integer(try cell.decode(Int64.self))
        case .bool: return .boolean(try cell.decode(Bool.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            let number = try cell.decode(Decimal.self)
            return .integer(Int64(truncating: number as NSDecimalNumber))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A prepared insert: its rows go to the server a thousand at a time, or when anything else is
/// about to run. A plain `INSERT INTO table (columns) VALUES (?, …)` sends them by `COPY`
/// (rather than as a multi-row `INSERT`, whose thousands of parameters the server spent half
/// its time parsing and binding in a bulk import); any other insert goes as one multi-row
/// `INSERT`. A query (`yieldsRow`) runs at once.
final class PostgresInsert: SQLStatement {
    let sql: String
    private unowned let connection: PostgresSQLConnection
    private var row: [SQLValue] = []
    private var rows: [[SQLValue]] = []
    /// The table and columns a plain insert names, which `COPY` can fill.
    private let target: (table: String, columns: [String])?

    init(sql: String, connection: PostgresSQLConnection) {
        self.sql = sql
        self.connection = connection
        target = Self.plainTarget(of: sql)
    }

    /// The table and columns of `INSERT INTO table (a, b) VALUES (?, ?)` with nothing after,
    /// as PostgreSQL names them (folded to lower case, since the schema does not quote them).
    static func plainTarget(of sql: String) -> (table: String, columns: [String])? {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," })
        guard words.count > 4, words[0].uppercased() == "INSERT", words[1].uppercased() == "INTO",
            let values = words.firstIndex(where: { $0.uppercased() == "VALUES" }), values > 3,
            words.count - values - 1 == values - 3, words[(values + 1)...].allSatisfy({ $0 == "?" }),
            sql.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(")"),
            words[2..<values].allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
        else { return nil }
        return (words[2].lowercased(), words[3..<values].map { $0.lowercased() })
    }

    /// The rows as lines of `COPY`'s text format: tab-separated, `\\N` for NULL, and backslash,
    /// tab, newline and carriage return escaped.
    static func copyLines(_ rows: [[SQLValue]]) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: rows.count * 160)
        for row in rows {
            for (index, value) in row.enumerated() {
                if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                switch value {
                case .null: buffer.writeStaticString("\\N")
                case .integer(let number): buffer.writeString(String(number))
                case .real(let number): buffer.writeString(number.description)
                case .boolean(let flag): buffer.writeStaticString(flag ? "t" : "f")
                case .text(let text):
                    for byte in text.utf8 {
                        switch byte {
                        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                        case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                        case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                        case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                        default: buffer.writeInteger(byte)
                        }
                    }
                }
            }
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }

    func bind(_ value: String?) { row.append(value.map(SQLValue.text) ?? .null) }
    func bind(_ value: Int?) { row.append(value.map { .integer(Int64($0)) } ?? .null) }
    func bind(_ value: Bool) { row.append(.boolean(value)) }
    func bind(_ value: Int64) { row.append(.integer(value)) }
    func bind(_ value: Double) { row.append(.real(value)) }
    func bind(utf8 bytes: UnsafeBufferPointer<UInt8>) { row.append(.text(String(decoding: bytes, as: UTF8.self))) }

    func insert() throws {
        try connection.hold(self)
        rows.append(row)
        // At most a thousand rows, and never more parameters than the protocol counts.
        if rows.count >= min(1000, 65_535 / max(row.count, 1)) { try send() }
        row = []
    }

    func discard() {
        rows = []
        row = []
    }

    func yieldsRow() throws -> Bool {
        defer { row = [] }
        try connection.flush()
        return try connection.run(sql, row).rows.first(where: { _ in true }) != nil
    }

    /// Sends the rows held, as one statement: `VALUES (…), (…), …`.
    func send() throws {
        guard let first = rows.first else { return }
        defer { rows = [] }
        if rows.count > 1, let target {
            return try connection.queue(copying: rows, into: target.table, columns: target.columns)
        }
        guard rows.count > 1, let values = sql.range(of: "VALUES (", options: [.backwards, .caseInsensitive]) else {
            for row in rows { try connection.queue(sql, row) }
            return
        }
        let group = "(" + Array(repeating: "?", count: first.count).joined(separator: ", ") + ")"
        let statement = sql[..<values.lowerBound] + "VALUES " + Array(repeating: group, count: rows.count).joined(separator: ", ")
        try connection.queue(String(statement), rows.flatMap { $0 })
    }
}

extension PostgresLocation {
    /// Runs statements outside any transaction, on a connection of their own (`CREATE
    /// DATABASE` cannot run in one): for set-up and tests.
    public func administer(_ sql: String) throws {
        let logger = Logger(label: "allervers.postgres")
        let connection = try PostgresStoreDatabase.connect(self, logger: logger)
        defer { try? connection.close().wait() }
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        } catch {
            throw WorkspaceError.unusable(path: description, reason: PostgresStoreDatabase.reason(error))
        }
    }
}

/// Runs tasks' jobs on an event loop: for PostgresNIO's `async` calls made from a thread that
/// then waits for them.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
