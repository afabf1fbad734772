import Foundation
import TrainingCore
import TrainingSheets
import TrainingXML

/// A CSV file named on the command line, read whole (participant lists and sign-in sheets
/// are small) and parsed as French spreadsheets write it; or an `.xlsx` or `.ods` file, its
/// first sheet or `sheet`, its rows numbered as the spreadsheet numbers them.
struct CSVFile {
    let path: String
    var sheet: String? = nil

    /// Whether the file is a spreadsheet rather than a CSV, by its name.
    var isSpreadsheet: Bool { ["xlsx", "ods"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) }

    /// The header and the rows, from a CSV or a spreadsheet.
    /// The header and the rows, and, for a workbook of several sheets read from its first,
    /// which sheet that was and how to choose another (for a header that does not fit).
    private func parsed() throws -> (header: [String], rows: [CSVTable.Row], sheetNote: String) {
        if isSpreadsheet {
            let spreadsheet: Spreadsheet
            do {
                spreadsheet = try Spreadsheet(url: URL(fileURLWithPath: path), sheet: sheet)
            } catch {
                throw Self.error(path, error.row, error.message)
            }
            guard let first = spreadsheet.rows.first else {
                throw Self.error(path, 1, "the sheet \(spreadsheet.name) is empty: a header row is expected")
            }
            let header = first.cells.map { CSVFile.Table.trimmed($0) }
            let rows = try spreadsheet.rows.dropFirst().map { row in
                if let extra = row.cells.indices.first(where: { $0 >= header.count && !row.cells[$0].isEmpty }) {
                    throw Self.error(path, row.number, "a value in column \(extra + 1), beyond the header's \(header.count) columns")
                }
                return CSVTable.Row(
                    line: row.number, fields: (row.cells + Array(repeating: "", count: header.count)).prefix(header.count).map { $0 })
            }
            let note =
                sheet == nil && spreadsheet.sheets.count > 1
                ? " (in sheet \(spreadsheet.name), the first; the sheets are \(spreadsheet.sheets.joined(separator: ", ")): choose one with --sheet NAME)"
                : ""
            return (header, rows, note)
        }
        if sheet != nil { throw Self.error(path, 0, "--sheet is for an .xlsx or .ods file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError(SourceLocation(path: path, line: 0), "cannot read the file")
        }
        let table: CSVTable
        do {
            table = try CSVTable(bytes: Array(data))
        } catch {
            throw Self.error(path, error.line, error.message)
        }
        if table.encoding != .utf8 { sayError("\(path): read as \(table.encoding.rawValue) (not UTF-8)") }
        return (table.header, table.rows, "")
    }

    /// The table, with its header checked: every column must be one of `columns` or one of
    /// their `aliases` (in any order, matched without case or accents), and `required` ones
    /// must be there. Columns are known by their name in `columns` afterwards.
    func table(expecting columns: [String], aliases: [String: [String]] = [:], required: [String]? = nil) throws -> Table {
        let parsed = try parsed()
        let names = parsed.header.map(Self.normalised).map { name in
            columns.first { $0 == name || (aliases[$0] ?? []).contains(name) } ?? name
        }
        for (index, name) in names.enumerated() where !columns.contains(name) {
            // Each column with the name a French spreadsheet gives it.
            let known = columns.map { column in aliases[column]?.first.map { "\(column) (\($0))" } ?? column }
            throw Self.error(
                path, 1, "unknown column \"\(parsed.header[index])\"\(parsed.sheetNote): the columns are \(known.joined(separator: ", "))")
        }
        for (index, name) in names.enumerated() {
            if let first = names.firstIndex(of: name), first < index {
                throw Self.error(
                    path, 1,
                    "the columns \"\(parsed.header[first])\" (column \(first + 1)) and \"\(parsed.header[index])\" (column \(index + 1)) are the same: keep one"
                )
            }
        }
        for column in required ?? columns where !names.contains(column) {
            throw Self.error(path, 1, "the header lacks the column \"\(column)\"")
        }
        return Table(columns: names, rows: parsed.rows)
    }

    struct Table {
        let columns: [String]
        let rows: [CSVTable.Row]

        /// The row's values for these columns, trimmed; empty for a column the file lacks.
        func fields(_ row: CSVTable.Row, _ names: [String]) -> [String] {
            names.map { name in columns.firstIndex(of: name).map { Self.trimmed(row.fields[$0]) } ?? "" }
        }

        /// `field` without the spaces and tabs around it (what `CharacterSet.whitespaces`
        /// holds, no-break spaces included), returned as it is when there are none: this runs
        /// for every field of lists of many thousands of people.
        static func trimmed(_ field: String) -> String {
            func isSpace(_ scalar: Unicode.Scalar) -> Bool {
                scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
            }
            let scalars = field.unicodeScalars
            guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return field }
            guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else {
                return ""
            }
            return String(scalars[start...end])
        }
    }

    /// `prénom` → `prenom`, `Date d'embauche` → `date_d_embauche`, `N° agent` → `n_agent`.
    static func normalised(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
        return folded.split { !($0.isLetter || $0.isNumber) }.joined(separator: "_")
    }

    static func error(_ path: String, _ line: Int, _ message: Text) -> InputFileError {
        InputFileError(SourceLocation(path: path, line: line), message)
    }
}

/// A file on the command line that is not what the command expects: where, and what.
struct InputFileError: TextError {
    let location: SourceLocation
    let message: Text

    init(_ location: SourceLocation, _ message: Text) {
        self.location = location
        self.message = message
    }

    var text: Text { "\(location): \(message)" }
}

/// Why `text` is not a date ``parseDate(_:)`` reads: a year of two digits says how to write it.
func dateProblem(_ text: String) -> Text {
    let parts = text.split(separator: "/")
    if parts.count == 3, parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
        return "\(text): write the year with four digits (\(parts[0])/\(parts[1])/20\(parts[2]) or \(parts[0])/\(parts[1])/19\(parts[2]))"
    }
    return "\"\(text)\" is not a date that exists (DD/MM/YYYY or YYYY-MM-DD)"
}

/// `2026-03-12` or, as French spreadsheets write it, `12/03/2026`.
func parseDate(_ text: String) -> LocalDate? {
    if let date = LocalDate(text) { return date }
    let parts = text.split(separator: "/")
    guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
        return nil
    }
    return LocalDate(year: year, month: month, day: day)
}
