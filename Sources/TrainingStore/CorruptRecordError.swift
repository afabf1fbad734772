public import TrainingCore

/// A stored record that holds what AllerVers never writes: a row changed by hand (with
/// `sqlite3`, say) into an impossible state. Reading it fails with this error, naming the
/// record, rather than trapping or reading something else in its place.
public struct CorruptRecordError: TextError, Sendable, Hashable {
    /// The table (`session`, `certificate`), empty when the read does not know it.
    public var table: String
    /// The record's key (a session id, a certificate number), empty when unknown.
    public var key: String
    /// The column that cannot be read.
    public var column: String
    /// What it holds, as text.
    public var value: String

    public var text: Text {
        (table.isEmpty ? "the store holds a damaged record" : "the store's \(table) record \(key) is damaged")
            + ": its \(column) \"\(value)\" cannot be read (it was changed outside AllerVers; restore a backup, or correct the row)"
    }
}

extension CorruptRecordError {
    /// A value of the wrong type in `column` of a row whose table the read does not know.
    init(column: String, value: SQLValue) {
        self.init(table: "", key: "", column: column, value: String.decode(value) ?? value.text)
    }
}

extension SQLRow {
    /// The text of `column` made into a value by `parse`, or an error naming the record.
    func parsed<T>(_ column: String, of table: String, key: String, _ parse: (String) -> T?) throws -> T {
        let stored = value(column)
        guard let text = String.decode(stored), let value = parse(text) else {
            throw CorruptRecordError(table: table, key: key, column: column, value: String.decode(stored) ?? stored.text)
        }
        return value
    }

    /// As ``parsed(_:of:key:_:)``, with NULL read as `nil`.
    func parsedIfPresent<T>(_ column: String, of table: String, key: String, _ parse: (String) -> T?) throws -> T? {
        if value(column) == .null { return nil }
        return try parsed(column, of: table, key: key, parse)
    }
}
