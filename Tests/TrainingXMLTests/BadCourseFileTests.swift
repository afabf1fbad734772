import Foundation
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

/// One bad input: how to make it from a valid course document, and what the error must say.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let make: @Sendable (String) -> [UInt8]
    let message: String
    let line: Int?

    var testDescription: String { name }

    static func text(_ name: String, line: Int? = nil, _ message: String, _ change: @escaping @Sendable (String) -> String) -> BadInput {
        BadInput(name: name, make: { Array(change($0).utf8) }, message: message, line: line)
    }
}

@Suite struct BadCourseFileTests {
    static let valid: String = try! CourseWriter().document(for: [Fixtures.course()])

    static let cases: [BadInput] = [
        .text("malformed", "Opening and ending tag mismatch") { $0.replacingOccurrences(of: "</title>", with: "</titre>") },
        .text("wrong namespace", line: 2, "the root element is {urn:example}course") {
            $0.replacingOccurrences(of: "urn:allervers:course:1", with: "urn:example")
        },
        .text("future format version", line: 2, "this is course format version 2") {
            $0.replacingOccurrences(of: "urn:allervers:course:1", with: "urn:allervers:course:2")
        },
        .text("LHEO 1.3 file", line: 2, "this is LHEO 1.3.0; this allervers reads LHEO 2.2") { _ in
            "<?xml version=\"1.0\"?>\n<lheo xmlns=\"http://www.lheo.org/1.3.0\"><offres/></lheo>\n"
        },
        .text("invalid against the XSD", "Element 'summary': This element is not expected. Expected is ( title )") {
            $0.replacingOccurrences(of: "<title>Aller-vers : essai</title>", with: "")
        },
        .text("unknown modality", "'outdoors' is not an element of the set") {
            $0.replacingOccurrences(of: "\"terrain\"", with: "\"outdoors\"")
        },
        .text("DOCTYPE", line: 2, "a DOCTYPE is not allowed") {
            $0.replacingOccurrences(of: "?>\n", with: "?>\n<!DOCTYPE course [<!ENTITY x \"y\">]>\n")
        },
        .text("external file entity", line: 2, "a DOCTYPE is not allowed") {
            $0.replacingOccurrences(of: "?>\n", with: "?>\n<!DOCTYPE course [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n")
                .replacingOccurrences(of: "Un résumé.", with: "&x;")
        },
        .text("encoding that lies", line: 1, "declares the encoding \"ISO-8859-1\"; course files must be UTF-8") {
            $0.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        },
        BadInput(
            name: "Latin-1 bytes labelled UTF-8",
            make: { text in Array(text.replacingOccurrences(of: "Un résumé.", with: "Un r\u{0}sum\u{0}.").utf8).map { $0 == 0 ? 0xE9 : $0 }
            },
            message: "Input is not proper UTF-8", line: nil),
        .text("huge text node", "huge text node") {
            $0.replacingOccurrences(of: "Un résumé.", with: String(repeating: "long ", count: 2_400_000))
        },
        .text("duplicate objective id", "objective id \"O1\" is used twice") {
            $0.replacingOccurrences(of: "<objective id=\"O2\">", with: "<objective id=\"O1\">")
        },
        .text("dangling objective reference", "module M2 refers to objective \"O7\"") {
            $0.replacingOccurrences(of: "objectives=\"O2\"", with: "objectives=\"O7\"")
        },
        .text("dangling required module", "requires module \"M9\"") { $0.replacingOccurrences(of: "ref=\"M2\"", with: "ref=\"M9\"") },
        .text("hours that do not add up", line: 2, "add up to 7 hours but the course states 8 hours") {
            $0.replacingOccurrences(of: "hours=\"7\"", with: "hours=\"8\"")
        },
        .text("hours that are not whole minutes", "\"3.51\" hours is not a whole number of minutes") {
            $0.replacingOccurrences(of: "hours=\"3.5\" modality=\"terrain\"", with: "hours=\"3.51\" modality=\"terrain\"")
        },
        .text("empty file", "the file is empty") { _ in "" },
    ]

    @Test(arguments: cases)
    func refusedWithOneLocatedLine(input: BadInput) throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("bad.xml", bytes: input.make(Self.valid))
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: file) }
        #expect(error.location.path == file.path)
        #expect(error.message.description.contains(input.message), "\(error)")
        #expect(!error.description.contains("\n"))
        if let line = input.line {
            #expect(error.location.line == line, "\(error)")
        } else if input.name != "empty file" {
            #expect(error.location.line >= 1)
        }
    }

    @Test func errorNamesTheFileAsTheUserWroteIt() throws {
        let folder = try TemporaryFolder()
        try folder.file("sub/bad.xml", "<html/>")
        let relative = URL(fileURLWithPath: "sub/bad.xml", relativeTo: folder.url)
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: relative) }
        #expect(error.location.path == "sub/bad.xml")
    }

    @Test func validTemplateIsValid() throws {
        let folder = try TemporaryFolder()
        #expect(try CourseReader().courses(from: try folder.file("ok.xml", Self.valid)).count == 1)
    }

    @Test func missingFile() throws {
        let error = try #require(throws: CourseImportError.self) {
            try CourseReader().courses(from: URL(fileURLWithPath: "/nonexistent/course.xml"))
        }
        #expect(error.description == "/nonexistent/course.xml: cannot open the file: No such file or directory")
    }

    @Test func folderIsNotAFile() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: folder.url) }
        #expect(error.message == "not a regular file")
    }

    @Test func libxml2ColumnIsKept() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("bad.xml", "<course xmlns=\"urn:allervers:course:1\" id=\"a\" id=\"b\"/>")
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: file) }
        #expect(error.location.line == 1)
        #expect(error.location.column != nil)
        #expect(error.message.description.contains("Attribute id redefined"))
    }
}

/// The third-party hostile corpus: every file is refused with one located line, quickly,
/// and the entity payloads are named as the DOCTYPE they come in.
@Suite struct HostileCorpusTests {
    static let files: [URL] =
        Fixtures.corpusFiles("hostile-xml/defusedxml") + Fixtures.corpusFiles("hostile-xml/libxml2/test/errors")
        + Fixtures.corpusFiles("hostile-xml/libxml2/test/recurse")

    @Test(.enabled(if: Fixtures.corpora != nil, "../shared/corpora is absent: the hostile corpus is skipped"))
    func corpusIsComplete() {
        #expect(Self.files.count > 60, "../shared/corpora/hostile-xml is incomplete")
    }

    @Test(arguments: files)
    func refused(file: URL) throws {
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: file) }
        #expect(error.location.path == file.path)
        #expect(!error.description.contains("\n"))
        let head = String(decoding: (try Data(contentsOf: file)).prefix(65536), as: UTF8.self)
        if head.contains("<!DOCTYPE") && !head.contains("<!--\n<!DOCTYPE") {
            #expect(error.message.description.contains("DOCTYPE") || error.location.line >= 1, "\(error)")
        }
    }

    @Test(arguments: ["xmlbomb.xml", "xmlbomb2.xml", "quadratic.xml", "cyclic.xml", "external.xml", "external_file.xml", "dtd.xml"])
    func entityPayloadsAreRefusedAsDocumentTypes(name: String) throws {
        let file = try #require(Self.files.first { $0.lastPathComponent == name })
        let error = try #require(throws: CourseImportError.self) { try CourseReader().courses(from: file) }
        #expect(error.message.description.hasPrefix("a DOCTYPE is not allowed"), "\(error)")
    }
}
