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
    ///
    /// Every byte the format gives a meaning to (quote, delimiter, line break, space) is
    /// ASCII, and in UTF-8 no byte of a multi-byte character is: the file is checked to be
    /// UTF-8 once, then split byte by byte, and each field becomes a `String` once.
    public init(bytes: [UInt8]) throws(CSVError) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
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
        let records = try Self.records(in: bytes)
        guard let first = records.first else { throw CSVError(line: 1, message: "the file is empty: a header line is expected") }
        // The header decides: `;` when it has more of them than commas.
        let delimiter = first.raw.count { $0 == Byte.semicolon } > first.raw.count { $0 == Byte.comma } ? Byte.semicolon : Byte.comma
        let header = try Self.fields(of: first, delimiter: delimiter).map { $0.trimmingSpaces() }
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() where !record.raw.allSatisfy({ $0 == Byte.space || $0 == Byte.tab || $0 == Byte.cr }) {
            let fields = try Self.fields(of: record, delimiter: delimiter)
            guard fields.count == header.count else {
                throw CSVError(line: record.line, message: "this row has \(fields.count) fields but the header has \(header.count)")
            }
            rows.append(Row(line: record.line, fields: fields))
        }
        self.header = header
        self.rows = rows
        self.delimiter = Character(Unicode.Scalar(delimiter))
    }

    private enum Byte {
        static let quote = UInt8(ascii: "\""), semicolon = UInt8(ascii: ";"), comma = UInt8(ascii: ",")
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    }

    private struct Record {
        var line: Int
        var raw: ArraySlice<UInt8>
    }

    /// Splits the bytes into records at line breaks (LF or CR LF) outside quotes.
    private static func records(in bytes: ArraySlice<UInt8>) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var start = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == Byte.quote {
                quoted.toggle()
            } else if byte == Byte.lf {
                if !quoted {
                    let end = index > start && bytes[index - 1] == Byte.cr ? index - 1 : index
                    records.append(Record(line: recordLine, raw: bytes[start..<end]))
                    start = index + 1
                    recordLine = line + 1
                }
                line += 1
            }
        }
        if quoted { throw CSVError(line: recordLine, message: "a quoted field is never closed") }
        if start < bytes.endIndex { records.append(Record(line: recordLine, raw: bytes[start...])) }
        return records
    }

    private static func fields(of record: Record, delimiter: UInt8) throws(CSVError) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        let raw = record.raw
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            if quoted {
                if byte == Byte.quote {
                    if index < raw.endIndex && raw[index] == Byte.quote {
                        field.append(Byte.quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == Byte.quote && field.allSatisfy({ $0 == Byte.space }) && !wasQuoted {
                quoted = true
                wasQuoted = true
                field.removeAll(keepingCapacity: true)
            } else if byte == delimiter {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else if byte == Byte.quote {
                throw CSVError(line: record.line, message: "a quote in the middle of a field: quote the whole field and double the quote")
            } else if !(wasQuoted && byte == Byte.space) && byte != Byte.cr {
                field.append(byte)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
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
