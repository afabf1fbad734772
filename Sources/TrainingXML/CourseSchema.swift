internal import CLibXML2
import Foundation
import TrainingCore

/// The XML format of courses: its namespace and its XSD, which the binary carries.
public enum CourseSchema {
    /// The namespace of format version 1.
    public static let namespace = "urn:allervers:course:1"

    /// The XSD of format version 1, byte for byte the file `Courses/schema/course-1.xsd`.
    public static var xsd: String { schemaText }

    /// The schema compiled once per process; libxml2 only reads it afterwards, so every
    /// reader on every thread can share it.
    static let compiled: CompiledSchema = CompiledSchema(xsd: schemaText)
}

final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    init(xsd: String) {
        _ = LibXML2.ready
        let sink = XMLErrorSink()
        let schema: xmlSchemaPtr? = sink.capturing {
            var bytes = Array(xsd.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer -> xmlSchemaPtr? in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                    guard let parser = xmlSchemaNewMemParserCtxt(text, Int32(buffer.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(parser) }
                    return xmlSchemaParse(parser)
                }
            }
        }
        // The schema ships inside the binary and is checked by the tests: failing to compile
        // it is a build defect, not something a user can act on.
        guard let schema else {
            fatalError("a built-in schema does not compile: \(sink.first?.message ?? "unknown error")")
        }
        pointer = schema
    }
}

extension CourseSchema {
    /// The first way `course`, written in the course format, fails the format's XSD; `nil`
    /// when it passes. For a course that did not come through the schema as it was read (made
    /// from an LHEO offer, or carried in an LHEO export's extras, which LHEO's schema leaves
    /// unchecked).
    static func violation(of course: Course) -> String? {
        guard let xml = try? CourseWriter().document(for: [course]) else { return "it cannot be written" }
        return compiled.violation(of: xml, namespace: namespace)
    }
}

extension CompiledSchema {
    /// The first way the document `xml` fails this schema, without `namespace` in the names
    /// it gives; `nil` when it passes. The document is one this tool wrote, parsed whole.
    func violation(of xml: String, namespace: String) -> String? {
        let sink = XMLErrorSink()
        return sink.capturing { () -> String? in
            let bytes = Array(xml.utf8)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
                    xmlReadMemory(text, Int32(buffer.count), "document.xml", nil, Int32(XML_PARSE_NONET.rawValue))
                }
            }
            guard let document else { return sink.first?.message ?? "it cannot be read back" }
            defer { xmlFreeDoc(document) }
            guard let context = xmlSchemaNewValidCtxt(pointer) else { return "libxml2 could not attach the schema" }
            defer { xmlSchemaFreeValidCtxt(context) }
            guard xmlSchemaValidateDoc(context, document) != 0 else { return nil }
            let message = sink.first?.message ?? "it does not match the schema"
            return message.replacingOccurrences(of: "{\(namespace)}", with: "")
        }
    }
}
