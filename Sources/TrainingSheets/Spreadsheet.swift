internal import CLibXML2
public import Foundation
public import TrainingCore
internal import ZIPFoundation

/// The first sheet, or a named one, of an Excel workbook (`.xlsx`) or an OpenDocument
/// spreadsheet (`.ods`), as rows of text with their row numbers: what a participant list or
/// a sheet of results is when it was never saved as CSV.
///
/// Both are ZIP archives of XML: ZIPFoundation opens the archive, libxml2 parses the parts
/// with the safe options only (no network, no DTD, no entities). A cell's value is read as
/// the spreadsheet shows it where that is text, and dates as `YYYY-MM-DD`; a formula, an
/// error value or a merged cell in the header is refused at its row, since the file holds
/// what was typed, not a computation to redo.
///
/// ```swift
/// let sheet = try Spreadsheet(url: URL(fileURLWithPath: "agents.xlsx"))
/// for row in sheet.rows { print(row.number, row.cells) }
/// ```
public struct Spreadsheet: Sendable, Hashable {
    /// One row holding at least one value.
    public struct Row: Sendable, Hashable {
        /// Its number in the spreadsheet, from 1.
        public var number: Int
        /// Its cells from column A, empty where nothing was typed, up to the last value.
        public var cells: [String]
    }

    /// The sheet's name.
    public let name: String
    /// Every sheet's name, in the workbook's order.
    public let sheets: [String]
    /// Its rows that hold a value, in order.
    public let rows: [Row]

    /// The parts read whole are kept below this size once inflated: a list of people is far
    /// smaller, a ZIP bomb far larger.
    static let largestPart = 64 << 20
    /// The most rows and columns a sheet has (Excel's and LibreOffice's limits).
    static let rowLimit = 1_048_576
    static let columnLimit = 16_384
    /// The most cells with a value read from a sheet: repeated rows and columns multiply.
    static let cellLimit = 4_000_000

    /// Reads the sheet called `sheet`, or the first.
    public init(url: URL, sheet: String? = nil) throws(SpreadsheetError) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SpreadsheetError(row: 0, "not a spreadsheet this tool reads: save it as .xlsx, .ods or CSV")
        }
        let parts = Parts(archive: archive)
        switch url.pathExtension.lowercased() {
        case "ods": (name, sheets, rows) = try OpenDocument.read(parts, sheet: sheet)
        default: (name, sheets, rows) = try Workbook.read(parts, sheet: sheet)
        }
    }
}

/// A spreadsheet that cannot be read, with the row to look at (0: the file as a whole).
public struct SpreadsheetError: TextError, Sendable, Hashable {
    /// The row, from 1; 0 for the file.
    public var row: Int
    /// What is wrong.
    public var message: Text

    init(row: Int, _ message: Text) {
        self.row = row
        self.message = message
    }

    public var text: Text { row == 0 ? message : "row \(row): \(message)" }
}

/// The archive's parts, read whole and parsed.
private struct Parts {
    let archive: Archive

    func data(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize < UInt64(Spreadsheet.largestPart) else {
            throw SpreadsheetError(row: 0, "\(path) is larger than a spreadsheet of people would be")
        }
        var data = Data()
        do {
            let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > Spreadsheet.largestPart { throw SpreadsheetError(row: 0, "\(path) inflates beyond its stated size") }
            }
            // ZIPFoundation computes the checksum of what it hands a consumer but leaves the comparison to the caller.
            guard checksum == entry.checksum else { throw CocoaError(.fileReadCorruptFile) }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(row: 0, "\(path) cannot be read from the archive")
        }
        return data
    }

    func document(_ path: String) throws(SpreadsheetError) -> XMLDocument? {
        guard let data = try data(path) else { return nil }
        return try XMLDocument(data, named: path)
    }
}

/// A parsed XML part, freed when it goes.
private final class XMLDocument {
    let document: xmlDocPtr

    /// libxml2 set up once, as the course reader does: no external entity is ever loaded.
    static let ready: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    init(_ data: Data, named path: String) throws(SpreadsheetError) {
        _ = Self.ready
        // Blank text is kept: in a cell, a space between two spans is a space.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let parsed = data.withUnsafeBytes { bytes -> xmlDocPtr? in
            allervers_silenceGenericErrors()
            defer { allervers_restoreGenericErrors() }
            return xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), path, nil, options)
        }
        guard let parsed else { throw SpreadsheetError(row: 0, "\(path) is not well-formed XML") }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    var root: XMLNode? { xmlDocGetRootElement(document).map { XMLNode($0, in: self) } }
}

/// An element of a parsed part, which it keeps alive.
private struct XMLNode {
    let node: xmlNodePtr
    let document: XMLDocument

    init(_ node: xmlNodePtr, in document: XMLDocument) {
        self.node = node
        self.document = document
    }

    /// The local name.
    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The child elements.
    var children: [XMLNode] {
        var found: [XMLNode] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(XMLNode(current, in: document)) }
            child = current.pointee.next
        }
        return found
    }

    /// The children of every kind, text included.
    var nodes: [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            found.append(current)
            child = current.pointee.next
        }
        return found
    }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The descendants called `name`, in document order.
    func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { child in (child.name == name ? [child] : []) + child.descendants(name) }
    }

    /// The attribute `name` in namespace `namespace` (none when `nil`).
    func attribute(_ name: String, _ namespace: String? = nil) -> String? {
        guard let value = xmlGetNsProp(node, name, namespace) ?? (namespace == nil ? xmlGetProp(node, name) : nil) else { return nil }
        defer { allervers_xmlFree(value) }
        return String(cString: value)
    }

    /// All the text below it.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { allervers_xmlFree(content) }
        return String(cString: content)
    }
}

private enum Namespace {
    /// Transitional OOXML's, then Strict's.
    static let relationships = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
}

/// Office Open XML (`.xlsx`).
private enum Workbook {
    static func read(_ parts: Parts, sheet wanted: String?) throws(SpreadsheetError) -> (String, [String], [Spreadsheet.Row]) {
        guard let workbook = try parts.document("xl/workbook.xml")?.root else {
            throw SpreadsheetError(row: 0, "not a spreadsheet this tool reads: save it as .xlsx, .ods or CSV")
        }
        let sheets = workbook.descendants("sheet").map { sheet in
            (sheet.attribute("name") ?? "", Namespace.relationships.lazy.compactMap { sheet.attribute("id", $0) }.first ?? "")
        }
        guard let (name, relation) = wanted.map({ wanted in sheets.first { $0.0 == wanted } }) ?? sheets.first else {
            throw SpreadsheetError(
                row: 0,
                wanted.map { "no sheet named \($0): the sheets are \(sheets.map(\.0).joined(separator: ", "))" }
                    ?? "the workbook has no sheet")
        }
        // Dates count from 1904 in workbooks made so (old Excel for the Mac), from 1900 otherwise.
        let from1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attribute("date1904") ?? "")
        guard let relations = try parts.document("xl/_rels/workbook.xml.rels")?.root,
            let found = relations.children.first(where: { $0.attribute("Id") == relation })?.attribute("Target")
        else { throw SpreadsheetError(row: 0, "the workbook does not say where its sheet \(name) is") }
        let target = found.hasPrefix("/") ? String(found.dropFirst()) : "xl/" + found
        let strings = try sharedStrings(parts)
        let dateStyles = try Self.dateStyles(parts)
        guard let worksheet = try parts.document(target)?.root else { throw SpreadsheetError(row: 0, "the sheet \(name) is missing") }
        for merge in worksheet.descendants("mergeCell") {
            let range = merge.attribute("ref") ?? ""
            if let first = range.split(separator: ":").first, try Self.position(String(first), row: 1).row == 1 {
                throw SpreadsheetError(row: 1, "the header has merged cells (\(range)): unmerge them, one column name per cell")
            }
        }
        var rows: [Spreadsheet.Row] = []
        var number = 0
        var values = 0
        for row in worksheet.child("sheetData")?.children ?? [] where row.name == "row" {
            number = row.attribute("r").flatMap { Int($0) } ?? number + 1
            guard (1...Spreadsheet.rowLimit).contains(number) else { throw SpreadsheetError(row: 0, "a row is numbered \(number)") }
            var cells: [String] = []
            var next = 0
            for cell in row.children where cell.name == "c" {
                let reference = cell.attribute("r") ?? ""
                // A cell without its reference follows the one before.
                let column = reference.isEmpty ? next : try Self.position(reference, row: number).column
                next = column + 1
                guard cell.child("f") == nil else {
                    throw SpreadsheetError(row: number, "cell \(reference) holds a formula: copy it and paste the values instead")
                }
                let value = cell.child("v")?.text ?? ""
                let text: String
                switch cell.attribute("t") ?? "n" {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        throw SpreadsheetError(row: number, "cell \(reference) names a text the workbook does not hold")
                    }
                    text = strings[index]
                case "inlineStr": text = cell.child("is").map(Self.richText) ?? ""
                case "str": text = value
                case "b": text = value == "1" ? "TRUE" : "FALSE"
                case "e": throw SpreadsheetError(row: number, "cell \(reference) holds an error (\(value))")
                default:
                    let style = cell.attribute("s").flatMap { Int($0) } ?? 0
                    // A blank cell formatted as a date has no value, and stays blank.
                    text =
                        dateStyles.contains(style) && !value.isEmpty
                        ? try Self.date(serial: value, from1904: from1904, row: number, cell: reference) : value
                }
                guard !text.isEmpty else { continue }
                values += 1
                guard values <= Spreadsheet.cellLimit else {
                    throw SpreadsheetError(row: number, "the sheet holds too many cells to be a list")
                }
                if column >= cells.count { cells += Array(repeating: "", count: column - cells.count + 1) }
                cells[column] = text
            }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(Spreadsheet.Row(number: number, cells: cells)) }
        }
        return (name, sheets.map(\.0), rows)
    }

    /// The shared strings, each the text of its runs (phonetic guides left out).
    static func sharedStrings(_ parts: Parts) throws(SpreadsheetError) -> [String] {
        guard let table = try parts.document("xl/sharedStrings.xml")?.root else { return [] }
        return table.children.filter { $0.name == "si" }.map(richText)
    }

    static func richText(_ item: XMLNode) -> String {
        if let plain = item.child("t") { return plain.text }
        return item.children.filter { $0.name == "r" }.compactMap { $0.child("t")?.text }.joined()
    }

    /// The indexes of the cell formats that show a number as a date.
    static func dateStyles(_ parts: Parts) throws(SpreadsheetError) -> Set<Int> {
        guard let styles = try parts.document("xl/styles.xml")?.root else { return [] }
        var custom: [Int: String] = [:]
        for format in styles.child("numFmts")?.children ?? [] {
            if let id = format.attribute("numFmtId").flatMap({ Int($0) }) { custom[id] = format.attribute("formatCode") ?? "" }
        }
        var dates: Set<Int> = []
        for (index, format) in (styles.child("cellXfs")?.children ?? []).enumerated() {
            guard let id = format.attribute("numFmtId").flatMap({ Int($0) }) else { continue }
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(isDateFormat) == true { dates.insert(index) }
        }
        return dates
    }

    /// Whether a format code shows a day: it has a day or a year outside quotes, brackets
    /// and escapes (`dd/mm/yyyy`, `[$-40C]d mmmm yyyy`), not only hours (`h:mm`) nor a
    /// number in colour (`0.00;[Red]-0.00`) or with words (`0" dossiers"`).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if bracket {
                if character == "]" { bracket = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\": escaped = true
            case "d", "y": return true
            default: continue
            }
        }
        return false
    }

    /// A date serial number as `YYYY-MM-DD`: days since 30 December 1899 as Excel counts them
    /// from 1 March 1900 (serial 61; before it Excel counts a 29 February 1900 that never was,
    /// so those serials are refused), or since 1 January 1904 in a workbook made so.
    static func date(serial text: String, from1904: Bool, row: Int, cell: String) throws(SpreadsheetError) -> String {
        guard let serial = Double(text), serial >= (from1904 ? 0 : 61), serial < 2_958_466 else {
            throw SpreadsheetError(row: row, "cell \(cell) is shown as a date but holds \(text)")
        }
        // 1970-01-01 is serial 25569 counted from 1900, 24107 from 1904.
        let days = Int(serial.rounded(.down)) - (from1904 ? 24_107 : 25_569)
        let date = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `B3` → row 3, column 1; a reference beyond a sheet's columns or rows is refused.
    static func position(_ reference: String, row: Int) throws(SpreadsheetError) -> (row: Int, column: Int) {
        var column = 0
        var digits = ""
        for character in reference.uppercased() {
            if let value = character.asciiValue, (65...90).contains(value), digits.isEmpty, column <= Spreadsheet.columnLimit {
                column = column * 26 + Int(value - 64)
            } else if let value = character.asciiValue, (48...57).contains(value), digits.count < 8 {
                digits.append(character)
            } else {
                throw SpreadsheetError(row: row, "a cell is named \(reference)")
            }
        }
        guard (1...Spreadsheet.columnLimit).contains(column), let number = Int(digits), (1...Spreadsheet.rowLimit).contains(number) else {
            throw SpreadsheetError(row: row, "a cell is named \(reference)")
        }
        return (number, column - 1)
    }
}

/// OpenDocument (`.ods`).
private enum OpenDocument {
    static func read(_ parts: Parts, sheet wanted: String?) throws(SpreadsheetError) -> (String, [String], [Spreadsheet.Row]) {
        guard let content = try parts.document("content.xml")?.root else {
            throw SpreadsheetError(row: 0, "not a spreadsheet this tool reads: save it as .xlsx, .ods or CSV")
        }
        let tables = content.descendants("table")
        let names = tables.map { $0.attribute("name", Namespace.table) ?? "" }
        guard let index = wanted.map({ wanted in names.firstIndex(of: wanted) }) ?? (tables.isEmpty ? nil : 0) else {
            throw SpreadsheetError(
                row: 0, wanted.map { "no sheet named \($0): the sheets are \(names.joined(separator: ", "))" } ?? "the file has no sheet")
        }
        var rows: [Spreadsheet.Row] = []
        var number = 0
        var values = 0
        for row in Self.rows(of: tables[index]) {
            let repeated = max(1, row.attribute("number-rows-repeated", Namespace.table).flatMap { Int($0) } ?? 1)
            number += 1
            guard number <= Spreadsheet.rowLimit, repeated <= Spreadsheet.rowLimit else {
                throw SpreadsheetError(row: 0, "the sheet has more rows than a spreadsheet holds")
            }
            var cells: [String] = []
            var column = 0
            for cell in row.children where cell.name == "table-cell" || cell.name == "covered-table-cell" {
                let span = max(1, cell.attribute("number-columns-repeated", Namespace.table).flatMap { Int($0) } ?? 1)
                guard column <= Spreadsheet.columnLimit, span <= Spreadsheet.columnLimit else {
                    throw SpreadsheetError(row: number, "the row has more columns than a spreadsheet holds")
                }
                if cell.attribute("formula", Namespace.table) != nil {
                    throw SpreadsheetError(
                        row: number, "cell \(Self.name(column: column))\(number) holds a formula: copy it and paste the values instead")
                }
                if number == 1,
                    (cell.name == "covered-table-cell"
                        || (cell.attribute("number-columns-spanned", Namespace.table).flatMap { Int($0) } ?? 1) > 1)
                {
                    throw SpreadsheetError(row: 1, "the header has merged cells: unmerge them, one column name per cell")
                }
                let text = Self.value(of: cell)
                if !text.isEmpty {
                    if column > cells.count { cells += Array(repeating: "", count: column - cells.count) }
                    // A value repeated over columns is typed in each (empty ones are not stored).
                    cells += Array(repeating: text, count: span)
                }
                column += span
            }
            if cells.contains(where: { !$0.isEmpty }) {
                values += cells.count * repeated
                guard values <= Spreadsheet.cellLimit else {
                    throw SpreadsheetError(row: number, "the sheet holds too many cells to be a list")
                }
                for offset in 0..<repeated { rows.append(Spreadsheet.Row(number: number + offset, cells: cells)) }
            }
            number += repeated - 1
        }
        return (names[index], names, rows)
    }

    /// The rows of a table, inside header-row and row groups too.
    static func rows(of table: XMLNode) -> [XMLNode] {
        table.children.flatMap { child -> [XMLNode] in
            switch child.name {
            case "table-row": [child]
            case "table-header-rows", "table-row-group", "table-rows": rows(of: child)
            default: []
            }
        }
    }

    /// What a cell shows: a date as `YYYY-MM-DD`, a number as stored, text as typed.
    static func value(of cell: XMLNode) -> String {
        switch cell.attribute("value-type", Namespace.office) {
        case "date": return String((cell.attribute("date-value", Namespace.office) ?? "").prefix(10))
        case "float", "percentage", "currency": return cell.attribute("value", Namespace.office) ?? paragraphs(cell)
        case "boolean": return cell.attribute("boolean-value", Namespace.office) == "true" ? "TRUE" : "FALSE"
        default: return paragraphs(cell)
        }
    }

    /// The cell's paragraphs, one per line, with their spaces, tabs and line breaks.
    static func paragraphs(_ cell: XMLNode) -> String {
        cell.children.filter { $0.name == "p" }.map(text).joined(separator: "\n")
    }

    static func text(_ element: XMLNode) -> String {
        var text = ""
        for node in element.nodes {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                text += XMLNode(node, in: element.document).text
            } else if node.pointee.type == XML_ELEMENT_NODE {
                let child = XMLNode(node, in: element.document)
                switch child.name {
                case "s": text += String(repeating: " ", count: child.attribute("c", Namespace.text).flatMap { Int($0) } ?? 1)
                case "tab": text += "\t"
                case "line-break": text += "\n"
                default: text += Self.text(child)
                }
            }
        }
        return text
    }

    /// `A`, `B`, … `AA` for a column from 0.
    static func name(column: Int) -> String {
        var column = column + 1
        var name = ""
        while column > 0 {
            let rest = (column - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            column = (column - 1) / 26
        }
        return name
    }
}
