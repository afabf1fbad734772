/// A CSV file as French spreadsheets write it: UTF-8 with or without a byte-order mark, or
/// Windows-1252 (what Excel saves as "CSV (séparateur: point-virgule)" in France), `;` or
/// `,` between fields, quoted fields per RFC 4180 (which may hold the delimiter, quotes
/// doubled, and line breaks). Rows of empty fields (`;;;`, what a spreadsheet leaves below
/// its last line) are skipped.
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

        /// A row.
        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The header's column names, trimmed.
    public let header: [String]
    /// The records after the header; blank lines are skipped.
    public let rows: [Row]
    /// The delimiter found in the header.
    public let delimiter: Character
    /// The encoding the file was read in.
    public let encoding: Encoding

    /// The encodings a file is read in.
    public enum Encoding: String, Sendable, Hashable {
        /// UTF-8, with or without a byte-order mark.
        case utf8 = "UTF-8"
        /// Windows-1252: Latin-1 with the euro sign and French quotes in 0x80–0x9F.
        case windows1252 = "Windows-1252"
    }

    /// Parses the file's bytes.
    ///
    /// Every byte the format gives a meaning to (quote, delimiter, line break, space) is
    /// ASCII, and in UTF-8 no byte of a multi-byte character is: the file is checked to be
    /// UTF-8 once, then split byte by byte, and each field becomes a `String` once.
    public init(bytes: [UInt8]) throws(CSVError) {
        var bytes = bytes[...]
        var encoding = Encoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        } else if String(validating: bytes, as: UTF8.self) == nil {
            // Not UTF-8: Windows-1252 if every byte means a character there and none is UTF-8's.
            bytes = try Self.fromWindows1252(bytes)[...]
            encoding = .windows1252
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw CSVError(
                line: Self.firstLineNotUTF8(bytes), message: "the file is not UTF-8: save it from the spreadsheet as \"CSV UTF-8\"")
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
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            guard fields.count == header.count else {
                throw CSVError(line: record.line, message: "this row has \(fields.count) fields but the header has \(header.count)")
            }
            rows.append(Row(line: record.line, fields: fields))
        }
        self.header = header
        self.rows = rows
        self.delimiter = Character(Unicode.Scalar(delimiter))
        self.encoding = encoding
    }

    /// The line of the first byte that is not UTF-8.
    private static func firstLineNotUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }

    /// The characters of 0x80–0x9F in Windows-1252; 0 where it has none.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Windows-1252 bytes as UTF-8. Refused, at its line, is a byte Windows-1252 gives no
    /// character (nor a control character but tab and line breaks), and a line holding
    /// UTF-8's accented letters in a file that is not UTF-8: the file mixes encodings.
    private static func fromWindows1252(_ bytes: ArraySlice<UInt8>) throws(CSVError) -> [UInt8] {
        var line = 1
        var lineStart = bytes.startIndex
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A {
                let text = bytes[lineStart..<index]
                if text.contains(where: { $0 >= 0x80 }), String(validating: text, as: UTF8.self) != nil {
                    throw CSVError(
                        line: line,
                        message:
                            "this line is UTF-8 and others are not: the file mixes encodings; save it from the spreadsheet as \"CSV UTF-8\""
                    )
                }
                line += 1
                lineStart = index + 1
            }
            let scalar: UInt32 =
                switch byte {
                case 0x09, 0x0A, 0x0D, 0x20..<0x7F: UInt32(byte)
                case 0x80...0x9F: windows1252High[Int(byte - 0x80)]
                case 0xA0...0xFF: UInt32(byte)
                default: 0
                }
            guard scalar != 0, let character = Unicode.Scalar(scalar) else {
                throw CSVError(
                    line: line, message: "the file is neither UTF-8 nor Windows-1252: save it from the spreadsheet as \"CSV UTF-8\"")
            }
            utf8.append(contentsOf: UTF8.encode(character).map(Array.init) ?? [])
        }
        let last = bytes[lineStart...]
        if last.contains(where: { $0 >= 0x80 }), String(validating: last, as: UTF8.self) != nil {
            throw CSVError(
                line: line,
                message: "this line is UTF-8 and others are not: the file mixes encodings; save it from the spreadsheet as \"CSV UTF-8\"")
        }
        return utf8
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
public struct CSVError: TextError, Sendable, Hashable {
    /// The line, counted from 1.
    public var line: Int
    /// What is wrong.
    public var message: Text

    /// Creates the error.
    public init(line: Int, message: Text) {
        self.line = line
        self.message = message
    }

    public var text: Text { "line \(line): \(message)" }
}

extension String {
    /// The string without spaces and tabs at either end.
    public func trimmingSpaces() -> String {
        var characters = Substring(self)
        while let first = characters.first, first == " " || first == "\t" { characters.removeFirst() }
        while let last = characters.last, last == " " || last == "\t" { characters.removeLast() }
        return String(characters)
    }
}
