import Foundation
internal import Logging
internal import NIOConcurrencyHelpers
internal import NIOCore
internal import NIOPosix
internal import PostgresNIO
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

    /// Connects to the store, migrated to this version's schema.
    public static func open(_ location: PostgresLocation) throws -> PostgresStoreDatabase {
        let logger = Logger(label: "allervers.postgres")
        let database = PostgresStoreDatabase(location: location, connection: try connect(location, logger: logger), logger: logger)
        try database.migrate()
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
    func migrate() throws {
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
                for (name, statements) in PostgresMigrations.migrations where !applied.contains(name) {
                    do {
                        try transaction(begin, commit: true) { session in
                            // Another process may have applied it while this one waited for the lock.
                            guard try !session.exists(sql: "SELECT 1 FROM allervers_migrations WHERE identifier = ?", arguments: [name])
                            else { return }
                            for statement in statements { try session.simple(statement) }
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
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
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
/// are sent together, many per statement, before anything else runs on the connection.
final class PostgresSQLConnection: SQLConnection {
    private let database: PostgresStoreDatabase
    private var pending: PostgresInsert?

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

    /// Drops the rows prepared inserts are holding, unsent: the transaction is being rolled back.
    func discard() {
        pending?.discard()
        pending = nil
    }

    /// Sends the rows prepared inserts are holding.
    func flush() throws {
        guard let insert = pending else { return }
        pending = nil
        try insert.send()
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

/// A prepared insert: its rows go to the server in multi-row `INSERT`s of up to a thousand
/// rows, or when anything else is about to run. A query (`yieldsRow`) runs at once.
final class PostgresInsert: SQLStatement {
    let sql: String
    private unowned let connection: PostgresSQLConnection
    private var row: [SQLValue] = []
    private var rows: [[SQLValue]] = []

    init(sql: String, connection: PostgresSQLConnection) {
        self.sql = sql
        self.connection = connection
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
        guard rows.count > 1, let values = sql.range(of: "VALUES (", options: [.backwards, .caseInsensitive]) else {
            for row in rows { _ = try connection.run(sql, row) }
            return
        }
        let group = "(" + Array(repeating: "?", count: first.count).joined(separator: ", ") + ")"
        let statement = sql[..<values.lowerBound] + "VALUES " + Array(repeating: group, count: rows.count).joined(separator: ", ")
        _ = try connection.run(String(statement), rows.flatMap { $0 })
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
