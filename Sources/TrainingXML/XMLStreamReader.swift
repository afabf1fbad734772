internal import CLibXML2
import Foundation
import TrainingCore

#if canImport(Glibc)
    import Glibc
#endif

/// A forward-only reader over one XML file, validating against a schema while it streams.
///
/// It owns the libxml2 reader and the file descriptor and frees both when it goes. Only
/// safe parser options are used: no network, no DTD loading, no entity substitution, no
/// lifting of libxml2's size limits. Every error, from the parser or the schema, surfaces as
/// a ``CourseImportError`` with the file's path and the line and column libxml2 gives.
///
/// The root is read on one thread and the rest on another, one after the other, never at
/// once: hence `@unchecked Sendable`.
final class XMLStreamReader: @unchecked Sendable {
    enum NodeKind {
        case element, endElement, text, documentType, other
    }

    /// The file's path as the user gave it, for messages.
    let path: String
    private let descriptor: Int32
    private let errors = XMLErrorSink()
    private var reader: xmlTextReaderPtr?
    private var elementNames: [UnsafePointer<xmlChar>?] = []
    private var attributeNames: [UnsafePointer<xmlChar>?] = []
    private var isPreflight = false
    private var validates = false
    private var shownNamespace = ""

    static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Opens the file. Reading starts with ``readRoot(_:)``.
    ///
    /// Messages name the file as the user wrote it (`url.relativePath`: `Courses/a.xml`
    /// stays relative), while it is opened by its full path.
    init(url: URL, shownAs shown: String? = nil) throws(CourseImportError) {
        _ = LibXML2.ready
        let path = shown ?? url.relativePath
        self.path = path
        // Not opened unless it is a file: opening a named pipe waits for a writer, for ever.
        var named = stat()
        if stat(url.path, &named) == 0, (named.st_mode & S_IFMT) != S_IFREG {
            throw CourseImportError(SourceLocation(path: path, line: 0), "not a regular file")
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw CourseImportError(SourceLocation(path: path, line: 0), "cannot open the file: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw CourseImportError(SourceLocation(path: path, line: 0), "not a regular file")
        }
        guard status.st_size > 0 else {
            close(descriptor)
            throw CourseImportError(SourceLocation(path: path, line: 0), "the file is empty")
        }
        self.descriptor = descriptor
    }

    deinit {
        // Freeing a reader can finish parsing work (entity checks) that reports errors.
        if let reader { errors.capturing { xmlFreeTextReader(reader) } }
        close(descriptor)
    }

    /// Runs `body` with this reader's errors captured; every read must happen inside.
    func reading<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try errors.capturing(body)
    }

    /// Reads the document's prolog and root element without a schema, and returns what
    /// `check` makes of the root: which format the file is in, or an error saying what it is.
    ///
    /// Once a schema is attached, libxml2 reports "no matching global declaration" on a
    /// foreign root and stops before a DOCTYPE can be seen, and the user deserves to hear
    /// what the file is; the root also says which schema to attach. That pass costs one
    /// chunk of parsing; ``startValidating(schema:names:namespace:)`` then starts from byte 0.
    ///
    /// A file declaring an encoding other than UTF-8 is refused unless `acceptsEncoding` says
    /// its format may (a learning platform's manifest in ISO-8859-1 is what it says it is).
    func readRoot<T>(
        _ check: (XMLStreamReader) throws(CourseImportError) -> T, acceptsEncoding: (T) -> Bool = { _ in false }
    ) throws(CourseImportError) -> T {
        reader = try makeReader()
        isPreflight = true
        defer {
            isPreflight = false
            if let reader { xmlFreeTextReader(reader) }
            reader = nil
        }
        while try advance() {
            try refuseDocumentType()
            if kind == .element {
                let found = try check(self)
                if !acceptsEncoding(found) { try checkEncoding() }
                return found
            }
        }
        throw CourseImportError(SourceLocation(path: path, line: 0), "the file holds no XML element")
    }

    /// Starts the validating read from the file's first byte, recording the elements and
    /// attributes of `names` (see ``record(into:)``). Schema messages leave out `namespace`,
    /// the one every element of the format is in.
    func startValidating(schema: CompiledSchema, names: TapeNames, namespace: String) throws(CourseImportError) {
        try startReading()
        guard let validating = reader else { return }
        guard xmlTextReaderSetSchema(validating, schema.pointer) == 0 else {
            throw CourseImportError(SourceLocation(path: path, line: 0), "libxml2 could not attach the schema")
        }
        validates = true
        shownNamespace = "{\(namespace)}"
        elementNames = names.elements.map { xmlTextReaderConstString(validating, $0) }
        attributeNames = names.attributes.map { xmlTextReaderConstString(validating, $0) }
    }

    /// Starts reading from the file's first byte again, without a schema: for formats whose
    /// rules are checked in code (a package's manifest).
    func startReading() throws(CourseImportError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw CourseImportError(SourceLocation(path: path, line: 0), "cannot read the file from its start again")
        }
        reader = try makeReader()
    }

    private func makeReader() throws(CourseImportError) -> xmlTextReaderPtr {
        guard let reader = xmlReaderForFd(descriptor, path, nil, Self.options) else {
            throw CourseImportError(SourceLocation(path: path, line: 0), "libxml2 could not create a reader for the file")
        }
        // Parser errors come through the reader's own handler; schema errors through the
        // thread's (see XMLErrorSink). Set before the schema is attached: after, it crashes.
        errors.attach(to: reader)
        return reader
    }

    /// Moves to the next node. Returns `false` at the end of the document.
    func advance() throws(CourseImportError) -> Bool {
        let result = xmlTextReaderRead(reader)
        if let report = errors.first {
            // An entity bomb fails while the prolog is read, before the DTD node comes back:
            // name the DOCTYPE, the actual reason the file is refused.
            if isPreflight, case let location = documentTypeLocation(), location.line > 0 {
                throw CourseImportError(location, Self.documentTypeMessage)
            }
            // Schema messages name every element with its namespace; in a file of one format there is one.
            let message = shownNamespace.isEmpty ? report.message : report.message.replacingOccurrences(of: shownNamespace, with: "")
            throw CourseImportError(SourceLocation(path: path, line: report.line, column: report.column), Text(verbatim: message))
        }
        if result < 0 {
            let line = Int(xmlTextReaderGetParserLineNumber(reader))
            throw CourseImportError(SourceLocation(path: path, line: line), "the XML parser stopped on malformed input")
        }
        if result == 0 && validates && xmlTextReaderIsValid(reader) != 1 {
            throw CourseImportError(location, "the file does not match its schema")
        }
        return result == 1
    }

    /// A DOCTYPE is refused outright: a course file needs no DTD, and a DTD is how entity
    /// bombs and external entities get in. libxml2 parses the internal subset without
    /// loading or expanding anything; the reader hands the DTD over as a node or, once the
    /// root is reached, as the document's subset.
    private func refuseDocumentType() throws(CourseImportError) {
        if kind != .documentType {
            guard let node = xmlTextReaderCurrentNode(reader), let document = node.pointee.doc,
                document.pointee.intSubset != nil || document.pointee.extSubset != nil
            else { return }
        }
        throw CourseImportError(documentTypeLocation(), Self.documentTypeMessage)
    }

    static let documentTypeMessage: Text = "a DOCTYPE is not allowed in a course file (DTDs and entities are refused for safety)"

    /// Where `<!DOCTYPE` stands, found in the file's head; libxml2 keeps no line for it.
    private func documentTypeLocation() -> SourceLocation {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let marker = Array("<!DOCTYPE".utf8)
        var line = 1
        var column = 1
        var index = 0
        while count > 0 && index + marker.count <= count {
            if buffer[index..<index + marker.count].elementsEqual(marker) {
                return SourceLocation(path: path, line: line, column: column)
            }
            if buffer[index] == 0x0A {
                line += 1
                column = 1
            } else if buffer[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(path: path, line: 0)
    }

    /// Course files are UTF-8. A declaration of any other encoding is refused rather than
    /// trusted: a file labelled ISO-8859-1 but written in UTF-8 would otherwise import
    /// quietly garbled.
    private func checkEncoding() throws(CourseImportError) {
        guard let declared = xmlTextReaderConstEncoding(reader) else { return }
        let name = String(cString: declared)
        guard name.uppercased() != "UTF-8" else { return }
        throw CourseImportError(
            SourceLocation(path: path, line: 1), "the file declares the encoding \"\(name)\"; course files must be UTF-8")
    }

    var kind: NodeKind {
        switch UInt32(xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT.rawValue: .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue: .text
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: .documentType
        default: .other
        }
    }

    var depth: Int32 { xmlTextReaderDepth(reader) }

    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    var namespace: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The line of the current node. libxml2 keeps exact lines on nodes up to 65,535 (and
    /// beyond for text); past that the parser's own position, a little ahead, is the best left.
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 && line < 65535 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    var location: SourceLocation { SourceLocation(path: path, line: line) }

    /// The text of the current text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The current element's attributes by local name (`xml:base` is `base`) with their
    /// namespace (`nil` without prefix), in document order; not the namespace declarations.
    var attributes: [(name: String, namespace: String?, value: String)] {
        var found: [(name: String, namespace: String?, value: String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
        repeat {
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
                let value = xmlTextReaderConstValue(reader)
            else { continue }
            found.append(
                (String(cString: name), xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }, String(cString: value)))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return found
    }

    /// Reads on to the next node the course decoder needs (an element, an element's end,
    /// a text) and appends its record to `tape` (see ``TapeRecord``). Returns `false` at
    /// the end of the document.
    ///
    /// Attribute values are read in place (moving to each attribute and back), without the
    /// copy `xmlTextReaderGetAttribute` makes; names are compared as libxml2's interned pointers.
    /// Lengths fit the record's 32 bits: without `XML_PARSE_HUGE`, libxml2 refuses any text or
    /// attribute value over 10 MB.
    func record(into tape: inout [UInt8]) throws(CourseImportError) -> Bool {
        while try advance() {
            switch UInt32(xmlTextReaderNodeType(reader)) {
            case XML_READER_TYPE_ELEMENT.rawValue:
                let header = tape.count
                tape.append(TapeRecord.element)
                tape.append(Self.index(of: xmlTextReaderConstLocalName(reader), in: elementNames))
                tape.append(isEmptyElement ? 1 : 0)
                tape.append(0)
                TapeRecord.append(depth, to: &tape)
                TapeRecord.append(Int32(clamping: line), to: &tape)
                var count: UInt8 = 0
                if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                    repeat {
                        let index = Self.index(of: xmlTextReaderConstLocalName(reader), in: attributeNames)
                        guard index != TapeNames.unknown, count < UInt8.max, let value = xmlTextReaderConstValue(reader) else {
                            continue
                        }
                        let length = strlen(value)
                        tape.append(index)
                        TapeRecord.append(Int32(length), to: &tape)
                        tape.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
                        count += 1
                    } while xmlTextReaderMoveToNextAttribute(reader) == 1
                    xmlTextReaderMoveToElement(reader)
                }
                tape[header + 3] = count
                return true
            case XML_READER_TYPE_END_ELEMENT.rawValue:
                tape.append(TapeRecord.endElement)
                TapeRecord.append(depth, to: &tape)
                return true
            case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue:
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                let length = strlen(value)
                tape.append(TapeRecord.text)
                TapeRecord.append(Int32(length), to: &tape)
                tape.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
                return true
            default:
                continue
            }
        }
        return false
    }

    private static func index(of name: UnsafePointer<xmlChar>?, in names: [UnsafePointer<xmlChar>?]) -> UInt8 {
        guard let name, let index = names.firstIndex(where: { $0 == name }) else { return TapeNames.unknown }
        return UInt8(index)
    }
}
