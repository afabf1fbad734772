import Foundation
import TrainingCore

// The store's port to a database: the few operations its repository code needs, written once
// in SQL that SQLite and PostgreSQL both accept. Each adapter (SQLite through GRDB in this
// module, PostgreSQL through postgres-nio in TrainingStorePostgres) implements it; no driver
// type crosses it. The handful of constructs the two databases spell differently are named
// in ``SQLDialect``, which each adapter fills in.

/// A value as the store writes it and reads it back.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// SQLite stores it as the integer 0 or 1; PostgreSQL as a `boolean`.
    case boolean(Bool)
}

/// A Swift value that binds to a statement's `?`.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// A Swift value read from a column.
public protocol SQLDecodable {
    /// The value, or `nil` when the stored value is not one (NULL included).
    static func decode(_ value: SQLValue) -> Self?
}

extension SQLValue: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { self }
    public static func decode(_ value: SQLValue) -> SQLValue? { value }
}

extension String: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .text(self) }
    public static func decode(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(self) }
    public static func decode(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .boolean(let flag): flag ? 1 : 0
        default: nil
        }
    }
}

extension Int: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func decode(_ value: SQLValue) -> Int? { Int64.decode(value).map { Int($0) } }
}

extension Bool: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .boolean(self) }
    public static func decode(_ value: SQLValue) -> Bool? {
        switch value {
        case .boolean(let flag): flag
        case .integer(let number): number != 0
        default: nil
        }
    }
}

extension Double: SQLBindable, SQLDecodable {
    public var sqlValue: SQLValue { .real(self) }
    public static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// The names of a result's columns, found without regard to ASCII case: PostgreSQL folds
/// unquoted names to lower case, SQLite keeps them as written.
public final class SQLColumns: Sendable {
    /// The names, in order, as the database gave them.
    public let names: [String]
    private let index: [Key: Int]
    /// The names as given: most lookups spell a column as the database does, and a plain
    /// string's hash is several times cheaper than a case-folded one (reports read columns
    /// by the million).
    private let exact: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        var index: [Key: Int] = [:]
        var exact: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[Key(name)] == nil {
            index[Key(name)] = position
            exact[name] = position
        }
        self.index = index
        self.exact = exact
        self.firsts = names.count <= 16 ? names.enumerated().map { exact[$0.element] == $0.offset ? $0.element : "" } : nil
    }

    /// The first of each name that folds alike, the others blank: a short list is searched
    /// in order, comparing a few short names costing less than hashing one.
    private let firsts: [String]?

    func position(of name: String) -> Int? {
        if let firsts, let position = firsts.firstIndex(of: name) { return position }
        return exact[name] ?? index[Key(name)]
    }

    private struct Key: Hashable {
        let name: String
        init(_ name: String) { self.name = name }

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.name.caseFoldedEquals(rhs.name) }

        func hash(into hasher: inout Hasher) {
            for byte in name.utf8 { hasher.combine(String.caseFolded(byte)) }
        }
    }
}

/// One row of a result.
public struct SQLRow: Sendable {
    public let columns: SQLColumns
    public let values: [SQLValue]

    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The stored value of `column` (NULL when the result has no such column).
    public func value(_ column: String) -> SQLValue {
        columns.position(of: column).map { values[$0] } ?? .null
    }

    /// The value of `column`; a NULL or a value of another type is a damaged record.
    public subscript<T: SQLDecodable>(_ column: String) -> T {
        get throws {
            let stored = value(column)
            guard let decoded = T.decode(stored) else { throw CorruptRecordError(column: column, value: stored) }
            return decoded
        }
    }

    /// The value of `column`, `nil` for NULL; a value of another type is a damaged record.
    public subscript<T: SQLDecodable>(_ column: String) -> T? {
        get throws {
            let stored = value(column)
            if stored == .null { return nil }
            guard let decoded = T.decode(stored) else { throw CorruptRecordError(column: column, value: stored) }
            return decoded
        }
    }
}

extension SQLValue {
    /// The value as a person would read it in a message.
    var text: String {
        switch self {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): "\"\(text)\""
        case .boolean(let flag): String(flag)
        }
    }
}

/// What the two databases spell differently.
public struct SQLDialect: Sendable {
    /// An expression giving the number of elements of the JSON array held as text in `column`.
    public var jsonArrayLength: @Sendable (_ column: String) -> String
    /// A condition that `participant.email` is the email bound to `?`, whatever its case
    /// (in the way the database's unique index on emails compares them).
    public var sameEmail: String
    /// The operator that compares two values with NULL equal to NULL (`IS` in SQLite, which
    /// also reads the standard `IS NOT DISTINCT FROM` only from 3.39).
    public var nullSafeEquals: String
    /// The statement that defers the checks of links between rows to the commit, inside a
    /// transaction that copies rows in an order that may name a row before it is there.
    public var deferLinks: String
    /// After rows were copied in with their own keys, the statement that makes the table's
    /// generated key continue after the highest, or `nil` when the database needs none.
    public var identityAfterCopy: @Sendable (_ table: String, _ column: String) -> String?
    /// How many rows a read of a whole table in pages takes at a time: many where the rows are
    /// read ahead a few hundred at a time whatever the page (SQLite), fewer where a page is
    /// held whole in memory (PostgreSQL).
    public var pageRows: Int

    public init(
        jsonArrayLength: @escaping @Sendable (String) -> String, sameEmail: String, nullSafeEquals: String, deferLinks: String,
        identityAfterCopy: @escaping @Sendable (String, String) -> String?, pageRows: Int = 5000
    ) {
        self.pageRows = pageRows
        self.deferLinks = deferLinks
        self.jsonArrayLength = jsonArrayLength
        self.sameEmail = sameEmail
        self.nullSafeEquals = nullSafeEquals
        self.identityAfterCopy = identityAfterCopy
    }
}

/// A connection inside one transaction: the store's repository code talks to nothing else.
public protocol SQLConnection: AnyObject {
    /// How this database spells what the other spells differently.
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no row.
    func execute(sql: String, arguments: [any SQLBindable]) throws
    /// Runs a query and calls `body` with each row, in order.
    func each(sql: String, arguments: [any SQLBindable], _ body: (SQLRow) throws -> Void) throws
    /// A statement prepared once and run many times with values bound one by one: the path
    /// of bulk inserts.
    func prepare(sql: String) throws -> any SQLStatement
    /// Runs a query and calls `body` with each row read in place: values by their position,
    /// decoded only when asked, nothing copied for the row itself. The cursor is valid only
    /// inside `body`.
    func scan(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws
    /// As ``scan(sql:arguments:_:)``, the database's side of the work done on another core
    /// meanwhile where it can be: the path of reports that read hundreds of thousands of rows
    /// and do real work on each. `body` must not use the connection.
    func scanAhead(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws
}

/// A row of a query being read (see ``SQLConnection/scan(sql:arguments:_:)``), its values by
/// position in the select list. It is valid only inside the call that gave it, as are the
/// bytes ``withText(_:_:)`` lends: keep what is read, never the cursor nor the bytes.
public struct SQLCursor {
    enum Source {
        /// SQLite's statement, on the row just stepped to.
        case statement(OpaquePointer)
        /// A row read whole, from a database whose driver gives rows so.
        case row(SQLRow)
        /// A row copied out of SQLite's statement, in a batch (see ``ReadAhead``).
        case copied(RowBatch.Row)
    }

    let source: Source

    /// The value at `column` as a row would hold it (the slow path, for messages).
    public func value(_ column: Int) -> SQLValue {
        switch source {
        case .row(let row): row.values.indices.contains(column) ? row.values[column] : .null
        case .statement(let handle): Self.value(handle, column)
        case .copied(let row): row.sqlValue(column)
        }
    }

    /// Whether the value at `column` is NULL.
    public func isNull(_ column: Int) -> Bool {
        switch source {
        case .row(let row): !row.values.indices.contains(column) || row.values[column] == .null
        case .statement(let handle): Self.isNull(handle, column)
        case .copied(let row): row.isNull(column)
        }
    }

    /// The integer at `column`; `nil` for NULL or a value of another type. A boolean reads
    /// as 0 or 1, as SQLite stores it.
    public func integer(_ column: Int) -> Int64? {
        switch source {
        case .row: Int64.decode(value(column))
        case .statement(let handle): Self.integer(handle, column)
        case .copied(let row): row.integer(column)
        }
    }

    /// The text at `column`; `nil` for NULL or a value of another type.
    public func text(_ column: Int) -> String? {
        switch source {
        case .row: String.decode(value(column))
        case .statement(let handle): Self.text(handle, column) { String(decoding: $0, as: UTF8.self) }
        case .copied(let row): row.text(column) { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `parse` over the UTF-8 bytes of the text at `column`, without making a string of
    /// them; `nil` for NULL or a value of another type.
    public func withText<T>(_ column: Int, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        switch source {
        case .row:
            guard var text = text(column) else { return nil }
            return text.withUTF8(parse)
        case .statement(let handle): return Self.text(handle, column, parse)
        case .copied(let row): return row.text(column, parse)
        }
    }

    /// Whether the value at `column` is text, and `text` byte for byte.
    public func hasText(_ column: Int, equalTo text: String) -> Bool {
        withText(column) { text.hasUTF8($0) } ?? false
    }

    /// The value at `column`, named `name` in the query, parsed from its text; a NULL, a
    /// value of another type or text that does not parse is a damaged record of `table`, row
    /// `key`.
    public func parsed<T>(
        _ column: Int, _ name: String, of table: String, key: @autoclosure () -> String, _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) throws -> T {
        guard let value = withText(column, parse) else {
            let stored = value(column)
            throw CorruptRecordError(table: table, key: key(), column: name, value: String.decode(stored) ?? stored.text)
        }
        return value
    }

    /// The text at `column`, named `name` in the query; a NULL or a value of another type is
    /// a damaged record of `table`, row `key`.
    public func string(_ column: Int, _ name: String, of table: String, key: @autoclosure () -> String) throws -> String {
        try parsed(column, name, of: table, key: key()) { String(decoding: $0, as: UTF8.self) }
    }

    /// As ``string(_:_:of:key:)``, with NULL read as `nil`.
    public func stringIfPresent(_ column: Int, _ name: String, of table: String, key: @autoclosure () -> String) throws -> String? {
        isNull(column) ? nil : try string(column, name, of: table, key: key())
    }

    /// The integer at `column`, named `name` in the query; a NULL or a value of another type
    /// is a damaged record of `table`, row `key`.
    public func integer(_ column: Int, _ name: String, of table: String, key: @autoclosure () -> String) throws -> Int64 {
        guard let number = integer(column) else {
            let stored = value(column)
            throw CorruptRecordError(table: table, key: key(), column: name, value: String.decode(stored) ?? stored.text)
        }
        return number
    }

    /// As ``parsed(_:_:of:key:_:)``, with NULL read as `nil`.
    public func parsedIfPresent<T>(
        _ column: Int, _ name: String, of table: String, key: @autoclosure () -> String, _ parse: (UnsafeBufferPointer<UInt8>) -> T?
    ) throws -> T? {
        isNull(column) ? nil : try parsed(column, name, of: table, key: key(), parse)
    }
}

/// A prepared statement: bind every `?` in order, then run it; it is then ready for the next values.
public protocol SQLStatement: AnyObject {
    func bind(_ value: String?)
    func bind(_ value: Int?)
    func bind(_ value: Bool)
    func bind(_ value: Int64)
    func bind(_ value: Double)
    /// Binds UTF-8 bytes as text.
    func bind(utf8 bytes: UnsafeBufferPointer<UInt8>)
    /// Runs an insert with the values bound. An adapter may send several rows together; a
    /// failure then shows at the latest when the transaction commits.
    func insert() throws
    /// Runs a query with the values bound and says whether it gave a row.
    func yieldsRow() throws -> Bool
}

/// A database holding a store: transactions, each all or nothing.
public protocol SQLDatabase: Sendable {
    /// Runs `body` in a transaction that sees one state of the store and writes nothing.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T
    /// Runs `body` in a write transaction, committed when it returns, rolled back when it
    /// throws or when `commit` is false (a dry run). Writers are serialised.
    func write<T>(commit: Bool, _ body: (any SQLConnection) throws -> T) throws -> T
}

extension SQLDatabase {
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try write(commit: true, body) }
}

extension SQLConnection {
    public func execute(sql: String) throws { try execute(sql: sql, arguments: []) }

    /// A driver that gives rows whole scans them as ``each(sql:arguments:_:)`` reads them.
    public func scan(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws {
        try each(sql: sql, arguments: arguments) { row in try body(SQLCursor(source: .row(row))) }
    }

    /// A driver that does not read ahead scans as it reads.
    public func scanAhead(sql: String, arguments: [any SQLBindable], _ body: (SQLCursor) throws -> Void) throws {
        try scan(sql: sql, arguments: arguments, body)
    }

    /// Every row of a query.
    public func rows(sql: String, arguments: [any SQLBindable] = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try each(sql: sql, arguments: arguments) { rows.append($0) }
        return rows
    }

    /// The first row of a query, or `nil`.
    public func row(sql: String, arguments: [any SQLBindable] = []) throws -> SQLRow? {
        try rows(sql: sql, arguments: arguments).first
    }

    /// The first column of the first row, `nil` when there is no row or it is NULL.
    public func one<T: SQLDecodable>(_ type: T.Type, sql: String, arguments: [any SQLBindable] = []) throws -> T? {
        guard let row = try row(sql: sql, arguments: arguments), let first = row.values.first, first != .null else { return nil }
        guard let value = T.decode(first) else { throw CorruptRecordError(column: row.columns.names.first ?? "", value: first) }
        return value
    }

    /// The first column of every row.
    public func all<T: SQLDecodable>(_ type: T.Type, sql: String, arguments: [any SQLBindable] = []) throws -> [T] {
        try rows(sql: sql, arguments: arguments).map { row in
            let first = row.values.first ?? .null
            guard let value = T.decode(first) else { throw CorruptRecordError(column: row.columns.names.first ?? "", value: first) }
            return value
        }
    }

    /// Every row of `table` in the order of `key` (columns that are unique together), read a
    /// page at a time after the last key read: no database is asked for a whole table at
    /// once, nor to skip again what it already gave. `body` returns false to stop.
    func eachRow(of table: String, byKey key: [String], pageSize: Int = 5000, _ body: (SQLRow) throws -> Bool) throws {
        precondition(pageSize > 0, "a page holds at least one row")
        let order = key.joined(separator: ", ")
        var after: [SQLValue]?
        var going = true
        var page = 0
        repeat {
            page = 0
            let condition = after == nil ? "" : "WHERE (\(order)) > (\(placeholders(key.count)))"
            try each(sql: "SELECT * FROM \(table) \(condition) ORDER BY \(order) LIMIT \(pageSize)", arguments: after ?? []) { row in
                page += 1
                guard going else { return }
                after = key.map { row.value($0) }
                going = try body(row)
            }
        } while going && page == pageSize
    }

    /// As ``eachRow(of:byKey:pageSize:_:)``, over `columns` read ahead (see
    /// ``scanAhead(sql:arguments:_:)``), the first being `key`, the table's integer key; pages
    /// of the database's ``SQLDialect/pageRows`` unless `pageSize` says otherwise.
    func scanRows(of table: String, columns: String, byKey key: String, pageSize: Int? = nil, _ body: (SQLCursor) throws -> Bool)
        throws
    {
        let pageSize = pageSize ?? dialect.pageRows
        precondition(pageSize > 0, "a page holds at least one row")
        var after: Int64?
        var going = true
        var page = 0
        repeat {
            page = 0
            let condition = after == nil ? "" : "WHERE \(key) > ?"
            try scanAhead(
                sql: "SELECT \(columns) FROM \(table) \(condition) ORDER BY \(key) LIMIT \(pageSize)", arguments: after.map { [$0] } ?? []
            ) { row in
                page += 1
                guard going else { return }
                after = try row.integer(0, key, of: table, key: "?")
                going = try body(row)
            }
        } while going && page == pageSize
    }

    /// Whether a query gives a row.
    public func exists(sql: String, arguments: [any SQLBindable] = []) throws -> Bool {
        try row(sql: sql, arguments: arguments) != nil
    }
}

/// `?, ?, ?`: the placeholders of an `IN` list of `count` values (at least one, so that an
/// empty list still makes valid SQL that matches nothing when given a NULL).
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: max(count, 1)).joined(separator: ", ")
}

/// `values`, each once, in batches of 500: the `IN` lists of a read of many keys, each under
/// the databases' limits on a statement's parameters.
func inBatches(_ values: some Sequence<String>, _ body: ([String]) throws -> Void) rethrows {
    let unique = Array(Set(values))
    for start in stride(from: 0, to: unique.count, by: 500) { try body(Array(unique[start..<min(start + 500, unique.count)])) }
}

/// The values of an `IN` list made by ``placeholders(_:)``.
func inList(_ values: [String]) -> [any SQLBindable] {
    values.isEmpty ? [String?.none] : values
}

/// A time as the store has always written its `createdAt`, `importedAt` and progress times:
/// `2026-03-12 09:30:00.000`, in UTC (GRDB's text form of a `Date`, which the first stores used).
func storedTimestamp(_ date: Date) -> String {
    let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
    let milliseconds = min((parts.nanosecond ?? 0) / 1_000_000, 999)
    let year = String(parts.year ?? 1970)
    let fraction = String(milliseconds)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(parts.month) + "-" + two(parts.day) + " "
        + two(parts.hour) + ":" + two(parts.minute) + ":" + two(parts.second) + "."
        + String(repeating: "0", count: 3 - fraction.count) + fraction
}

/// The time written by ``storedTimestamp(_:)``, or `nil`.
func date(storedTimestamp text: String) -> Date? {
    let scalars = Array(text.utf8)
    guard scalars.count >= 19 else { return nil }
    func number(_ range: Range<Int>) -> Int? { Int(String(decoding: scalars[range], as: UTF8.self)) }
    var parts = DateComponents()
    parts.year = number(0..<4)
    parts.month = number(5..<7)
    parts.day = number(8..<10)
    parts.hour = number(11..<13)
    parts.minute = number(14..<16)
    parts.second = number(17..<19)
    if scalars.count > 20 { parts.nanosecond = number(20..<scalars.count).map { $0 * 1_000_000 } }
    return Calendar.utc.date(from: parts)
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()
}

/// The values a column repeats (a profession), each made a string once and shared by the rows
/// that hold it: a hundred thousand people have a few professions. Past the first 16 values,
/// each row's is a string of its own.
struct Interned {
    /// The values met, up to a few.
    private var known: [String] = []

    /// The text at `column` (see ``SQLCursor/stringIfPresent(_:_:of:key:)``), the string of a
    /// row before when it held the same.
    mutating func stringIfPresent(_ row: SQLCursor, _ column: Int, _ name: String, of table: String, key: @autoclosure () -> String)
        throws -> String?
    {
        if row.isNull(column) { return nil }
        let found = row.withText(column) { bytes in known.firstIndex { $0.hasUTF8(bytes) } }
        if let found { return known[found] }
        let text = try row.string(column, name, of: table, key: key())
        if known.count < 16 { known.append(text) }
        return text
    }
}

extension String {
    /// Whether the string is `bytes`, byte for byte.
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        var text = self
        return text.withUTF8 { $0.count == 0 || memcmp($0.baseAddress!, bytes.baseAddress!, $0.count) == 0 }
    }
}

extension SQLStatement {
    /// Binds the JSON that `body` writes into `writer`, as text.
    func bind(json writer: inout JSONWriter, _ body: (inout JSONWriter) -> Void) {
        writer.reset()
        body(&writer)
        writer.bytes.withUnsafeBufferPointer { bind(utf8: $0) }
    }
}
