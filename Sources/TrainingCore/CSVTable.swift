/// A CSV file as French spreadsheets write it: UTF-8 with or without a byte-order mark,
/// `;` or `,` between fields, quoted fields per RFC 4180 (which may hold the delimiter,
/// quotes doubled, and line breaks).
///
/// Hand-written rather than taken from a library: a trainer needs the line of a bad row,
/// which the mirrored CSV libraries do not give, and the delimiter is guessed from the
/// header as spreadsheets vary.
///
/// ```swift
/// let table = try CSVTable(bytes: Array(data))
/// for row in table.rows { print(row.line, row.fields) }
/// ```
public struct CSVTable: Sendable, Hashable {
    /// One record and the line it starts on (counted from 1, the header being line 1).
    public struct Row: Sendable, Hashable {
        /// Where the record starts.
        public var line: Int
        /// Its fields, as many as the header's.
        public var fields: [String]
    }

    /// The header's column names, trimmed.
    public let header: [String]
    /// The records after the header; blank lines are skipped.
    public let rows: [Row]
    /// The delimiter found in the header.
    public let delimiter: Character

    /// Parses the file's bytes.
    public init(bytes: [UInt8]) throws(CSVError) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var index = bytes.startIndex
            // Find the first line that does not decode, to point at it.
            var lineStart = index
            while index < bytes.endIndex {
                if bytes[index] == 0x0A {
                    if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { break }
                    line += 1
                    lineStart = bytes.index(after: index)
                }
                index = bytes.index(after: index)
            }
            throw CSVError(line: line, message: "the file is not UTF-8: save it from the spreadsheet as \"CSV UTF-8\"")
        }
        let records = try Self.records(in: text)
        guard let first = records.first else { throw CSVError(line: 1, message: "the file is empty: a header line is expected") }
        // The header decides: `;` when it has more of them than commas.
        let headerLine = first.raw
        let delimiter: Character = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        let header = try Self.fields(of: first, delimiter: delimiter).map { $0.trimmingSpaces() }
        var rows: [Row] = []
        for record in records.dropFirst() where !record.raw.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            let fields = try Self.fields(of: record, delimiter: delimiter)
            guard fields.count == header.count else {
                throw CSVError(line: record.line, message: "this row has \(fields.count) fields but the header has \(header.count)")
            }
            rows.append(Row(line: record.line, fields: fields))
        }
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }

    private struct Record {
        var line: Int
        var raw: Substring
    }

    /// Splits the text into records at line breaks outside quotes.
    private static func records(in text: String) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                quoted.toggle()
            } else if character == "\n" || character == "\r\n" {
                if !quoted {
                    records.append(Record(line: recordLine, raw: text[start..<index]))
                    start = text.index(after: index)
                    recordLine = line + 1
                }
                line += 1
            }
            index = text.index(after: index)
        }
        if quoted { throw CSVError(line: recordLine, message: "a quoted field is never closed") }
        if start < text.endIndex { records.append(Record(line: recordLine, raw: text[start...])) }
        return records
    }

    private static func fields(of record: Record, delimiter: Character) throws(CSVError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var characters = record.raw.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.allSatisfy({ $0 == " " }) && !wasQuoted {
                quoted = true
                wasQuoted = true
                field = ""
            } else if character == delimiter {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if character == "\"" {
                throw CSVError(line: record.line, message: "a quote in the middle of a field: quote the whole field and double the quote")
            } else if !(wasQuoted && (character == " " || character == "\r")) && character != "\r" {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}

/// A CSV file that cannot be read, with the line to look at.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line, counted from 1.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates the error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

extension String {
    /// The string without spaces and tabs at either end.
    func trimmingSpaces() -> String {
        var characters = Substring(self)
        while let first = characters.first, first == " " || first == "\t" { characters.removeFirst() }
        while let last = characters.last, last == " " || last == "\t" { characters.removeLast() }
        return String(characters)
    }
}
