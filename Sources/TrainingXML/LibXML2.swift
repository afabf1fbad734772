internal import CLibXML2
import TrainingCore

/// Process-wide libxml2 set-up, done once before the first document is read or written.
///
/// The external entity loader is replaced by one that refuses everything: course files
/// are opened by AllerVers itself (``XMLStreamReader`` hands libxml2 a file descriptor), so
/// any other load would be a DTD, an entity or an `xsd:import` that an untrusted file asks
/// for. Refusing here backs up the parser options, which already forbid them.
enum LibXML2 {
    static let ready: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseExternalEntity)
    }()
}

private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}

/// The first error libxml2 reports while a file is read.
///
/// Errors arrive by two roads in libxml2 2.9: the parser's through the reader's own
/// handler (``attach(to:)``), the schema validator's through the thread's structured
/// handler (``capturing(_:)``). Either alone misses some; the sink listens on both.
final class XMLErrorSink {
    struct Report {
        var line: Int
        var column: Int?
        var message: String
    }

    private(set) var first: Report?

    func record(_ error: xmlError) {
        guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "the XML parser stopped (code \(error.code))"
        // Some messages run on ("Input is not proper UTF-8…\nBytes: 0xE1 0x72"): keep the first line.
        message = String(message.prefix { $0 != "\n" }).trimmingWhitespace()
        if message.hasSuffix(".") { message.removeLast() }
        first = Report(line: Int(error.line), column: error.int2 > 0 ? Int(error.int2) : nil, message: message)
    }

    /// Makes `reader` report its parser errors here.
    func attach(to reader: xmlTextReaderPtr) {
        xmlTextReaderSetStructuredErrorHandler(reader, recordStructuredError, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs `body` with this sink receiving the thread's libxml2 errors, then restores silence.
    func capturing<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        _ = LibXML2.ready
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, recordStructuredError)
        allervers_silenceGenericErrors()
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
            allervers_restoreGenericErrors()
        }
        defer { withExtendedLifetime(self) {} }
        return try body()
    }
}

private func recordStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        return String(scalars)
    }
}
