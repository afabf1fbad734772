import Foundation
import Hummingbird
import Mustache
import NIOCore
import TrainingCore
import TrainingService

/// The pages, rendered from Mustache templates with texts from the catalogue in the
/// request's language. Values are escaped by the templates (`{{value}}`).
struct Pages: Sendable {
    /// What a page shows.
    enum Page {
        case home
        case certificate(PublicCertificate, code: String)
        case notFound
    }

    private let library: MustacheLibrary
    private let renderedRows = RenderedRows()

    init() throws {
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        // Each template escapes its values as `EscapedHTML` does.
        func template(_ text: String) throws -> MustacheTemplate {
            try MustacheTemplate(string: "{{% CONTENT_TYPE: \(EscapedHTML.name) }}" + text)
        }
        var templates = ["layout": try template(Self.layout)]
        precondition(Set(Self.bodies.keys).isDisjoint(with: Self.rowTemplates.keys), "a row template named as a page")
        for (name, text) in Self.bodies.merging(Self.rowTemplates, uniquingKeysWith: { body, _ in body }) {
            templates[name] = try template(text)
        }
        library = MustacheLibrary(templates: templates)
    }

    /// Each of `rows` rendered with the row template `name`, one after the other, for a page
    /// to insert unescaped (`{{{…}}}`): the template escapes their values.
    ///
    /// A row is rendered once for the same values and kept: the signing page lists fifty
    /// names at each scan of the code, and rendering them was a quarter of the server's time
    /// while a room signed (each value costs Mustache a split of its name, casts and a
    /// search of the context), though only the one who just signed had changed.
    /// Each row's names and values come in pairs, in the same order for every row: kept by
    /// them, a row is found again without hashing a dictionary.
    func rows(_ name: String, _ rows: [KeyValuePairs<String, String>]) -> String {
        renderedRows.rows(name, rows) { row in
            library.render(Dictionary(row.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }), withTemplate: name) ?? ""
        }.joined()
    }

    /// `page` in `language` as an HTML response.
    func html(_ page: Page, language: Language, status: HTTPResponse.Status = .ok) -> Response {
        let view = Language.$current.withValue(language) { Self.view(of: page, language: language) }
        return render("certificate", view, language: language, status: status)
    }

    /// The body template `name` filled with `view` (built in `language`), inside the layout.
    /// `view["title"]` names the page; `view["account"]`, when set, shows who is logged in.
    func render(
        _ name: String, _ view: [String: Any], language: Language, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:],
        script: Bool = false
    ) -> Response {
        var view = Self.present(view)
        view["lang"] = language.rawValue
        view["script"] = script
        view["body"] = library.render(view, withTemplate: name) ?? ""
        Language.$current.withValue(language) {
            view["logOut"] = Self.tr("Log out")
        }
        let html = library.render(view, withTemplate: "layout") ?? ""
        var fields: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The language a request asks for: `?lang=fr|en`, else the first of French or English in
    /// its `Accept-Language`, else French, the language of the certificates.
    static func language(of request: Request) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) { return asked }
        for tag in (request.headers[.acceptLanguage] ?? "").split(separator: ",") {
            let code = tag.drop { $0 == " " }.prefix { $0.isLetter }.lowercased()
            if let language = Language(rawValue: code) { return language }
        }
        return .fr
    }

    /// A page's values for the layout, its texts in the current language.
    private static func view(of page: Page, language: Language) -> [String: Any] {
        var view: [String: Any] = ["lang": language.rawValue]
        switch page {
        case .home:
            view["title"] = tr("Check a certificate")
            view["message"] = tr("Scan the QR code printed on the certificate, or type the address printed under it.")
        case .notFound:
            view["title"] = tr("No certificate at this address")
            view["message"] = tr(
                "Check the address printed on the certificate or scan its QR code again: the number alone does not find a certificate.")
        case .certificate(let certificate, let code):
            view["title"] = tr("Certificate \(certificate.number)")
            view["state"] = ["class": stateClass(certificate.state), "text": stateText(certificate)]
            view["fields"] = fields(of: certificate).map { ["label": $0.0, "value": $0.1] }
            view["hasFields"] = true
            if certificate.hasCredential {
                view["credential"] = [
                    "url": "/verify/\(certificate.number)/credential.jwt?code=\(code)", "label": tr("Open Badges credential"),
                ]
            }
        }
        return view
    }

    static func tr(_ text: Text) -> String { text.description }

    /// A view without its absent values: Mustache would take a boxed `nil` for a value, print
    /// "nil" and open its section.
    static func present(_ view: [String: Any]) -> [String: Any] {
        view.compactMapValues(value(_:))
    }

    private static func value(_ value: Any) -> Any? {
        // The common cases first, without reflecting: a cast also unwraps an optional that
        // holds a value.
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        // Lines of text (a table's rows, a certificate's fields) hold no absent value: as they are.
        if type(of: value) == [[String: String]].self || type(of: value) == [String: String].self { return value }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return Self.value(wrapped)
        }
        if let view = value as? [String: Any] { return present(view) }
        if let list = value as? [Any] { return list.compactMap(Self.value(_:)) }
        return value
    }

    private static func stateClass(_ state: Certificate.State) -> String {
        state == .valid ? "valid" : "invalid"
    }

    private static func stateText(_ certificate: PublicCertificate) -> String {
        let text: Text =
            switch certificate.state {
            case .valid: "This certificate is valid."
            case .expired: "This certificate expired after \(certificate.validUntil?.description ?? "")."
            case .notMet:
                "The training took place, but its rule was not met: this certificate attests attendance, not that the course was completed."
            case .revoked:
                "This certificate was revoked: \(certificate.revocationReason ?? "")."
                    + (certificate.replacedBy.map { " It is replaced by certificate \($0)." } ?? "")
            }
        return text.description
    }

    /// Every field the certificate prints, and the organisation's SIRET when it gave one.
    private static func fields(of certificate: PublicCertificate) -> [(String, String)] {
        var fields: [(Text, String)] = [
            ("Holder", certificate.holder),
            ("Course", "\(certificate.course) (\(certificate.courseID))"),
            ("Dates", "\(certificate.firstDay) – \(certificate.lastDay)"),
            ("Hours attended", tr("\(certificate.attended) of \(certificate.planned)")),
            (
                "Nature of the action",
                tr(
                    "training action (article L6313-1 of the Code du travail), \(certificate.modalities.map(\.words).joined(separator: ", "))"
                )
            ),
            ("Training organisation", certificate.organisation),
            ("Declaration number", certificate.declarationNumber),
        ]
        if let siret = certificate.siret { fields.append(("SIRET", siret)) }
        fields += [
            ("Issued on", certificate.issuedOn.description),
            ("Valid until", certificate.validUntil?.description ?? tr("does not expire")),
        ]
        if let replaces = certificate.replaces { fields.append(("Replaces", replaces)) }
        return fields.map { ($0.0.description, $0.1) }
    }

    /// The page around every page: its title, who is logged in, its body.
    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}}</title>
        <link rel="stylesheet" href="/style.css">
        {{#script}}<script src="/signature.js" defer></script>{{/script}}
        </head>
        <body>
        {{#account}}<header><span>{{name}}</span>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button>{{logOut}}</button></form>
        </header>{{/account}}
        <main>
        <h1>{{title}}</h1>
        {{{body}}}
        </main>
        </body>
        </html>

        """

    /// The one style sheet: readable on a phone, printable.
    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fafafa; }
        main { max-width: 60rem; margin: 0 auto; }
        h1 { font-size: 1.4rem; }
        .state { padding: 0.75rem 1rem; border-radius: 0.5rem; font-weight: 600; }
        .state.valid { background: #e3f4e6; color: #14532d; }
        .state.invalid { background: #fde8e8; color: #7f1d1d; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        header { display: flex; justify-content: flex-end; gap: 1rem; align-items: center; max-width: 60rem; margin: 0 auto; }
        header form { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        .banner { background: #fff4d6; color: #6b4500; padding: 0.75rem 1rem; border-radius: 0.5rem; }
        .banner li { margin: 0.2rem 0; }
        .refusal { background: #fde8e8; color: #7f1d1d; padding: 0.75rem 1rem; border-radius: 0.5rem; font-weight: 600; }
        .code { font: 700 3rem/1.2 ui-monospace, monospace; letter-spacing: 0.3rem; text-align: center; }
        .qr { max-width: 22rem; margin: 0 auto; }
        .people label { display: block; padding: 0.6rem; margin: 0.3rem 0; border: 1px solid #ccc; border-radius: 0.4rem; background: #fff; }
        .people .signed { color: #777; }
        canvas.pad { width: 100%; height: 12rem; border: 2px dashed #888; border-radius: 0.4rem; background: #fff; touch-action: none; }
        button, input[type=submit] { font: inherit; padding: 0.5rem 1rem; }
        input, select { font: inherit; padding: 0.3rem; }
        img.signature { max-height: 3rem; background: #fff; }
        form.inline { display: inline; }

        """

    /// Draws a signature with a finger, a pen or a mouse on each `canvas.pad`, and sends it
    /// as a PNG with the device's clock; the only script of the site.
    static let script = """
        document.querySelectorAll('form[data-signature]').forEach(function (form) {
          var pad = form.querySelector('canvas.pad');
          var context = pad.getContext('2d');
          var drawn = false, last = null;
          function size() {
            var ratio = window.devicePixelRatio || 1;
            pad.width = pad.clientWidth * ratio; pad.height = pad.clientHeight * ratio;
            context.scale(ratio, ratio); context.lineWidth = 2.5; context.lineCap = 'round'; context.strokeStyle = '#000';
            drawn = false;
          }
          function point(event) { var box = pad.getBoundingClientRect(); return [event.clientX - box.left, event.clientY - box.top]; }
          pad.addEventListener('pointerdown', function (event) { pad.setPointerCapture(event.pointerId); last = point(event); });
          pad.addEventListener('pointermove', function (event) {
            if (!last) return;
            var next = point(event);
            context.beginPath(); context.moveTo(last[0], last[1]); context.lineTo(next[0], next[1]); context.stroke();
            last = next; drawn = true;
          });
          ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (name) { pad.addEventListener(name, function () { last = null; }); });
          var clear = form.querySelector('button.clear');
          if (clear) clear.addEventListener('click', function (event) { event.preventDefault(); context.clearRect(0, 0, pad.width, pad.height); drawn = false; });
          form.addEventListener('submit', function (event) {
            if (!drawn) { event.preventDefault(); form.querySelector('.missing').hidden = false; return; }
            form.querySelector('input[name=signature]').value = pad.toDataURL('image/png');
            var clock = form.querySelector('input[name=deviceTime]');
            if (clock) clock.value = new Date().toISOString();
          });
          size();
        });

        """
}

/// Rows already rendered, by template and values; forgotten all at once when they fill up.
private final class RenderedRows: @unchecked Sendable {
    /// A row by its bytes: its template's name, then each name and value, each after its
    /// length. Hashed and compared as bytes, not as Unicode text (that normalises accented
    /// names at each comparison, and would give one form of a name the row of another).
    private struct Key: Hashable {
        let bytes: [UInt8]

        init(_ template: String, _ values: KeyValuePairs<String, String>) {
            var bytes: [UInt8] = []
            func append(_ text: String) {
                withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { bytes += $0 }
                bytes += text.utf8
            }
            append(template)
            for (name, value) in values {
                append(name)
                append(value)
            }
            self.bytes = bytes
        }

        /// All the bytes at once: an array of bytes hashes one byte at a time.
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private static let capacity = 20_000
    private let lock = NSLock()
    private var rendered: [Key: String] = [:]

    /// Each row as `render` renders it, or as it was rendered before.
    func rows(
        _ template: String, _ rows: [KeyValuePairs<String, String>], render: (KeyValuePairs<String, String>) -> String
    ) -> [String] {
        let keys = rows.map { Key(template, $0) }
        var html = lock.withLock { keys.map { rendered[$0] } }
        var new: [(Key, String)] = []
        for index in html.indices where html[index] == nil {
            let row = render(rows[index])
            html[index] = row
            new.append((keys[index], row))
        }
        if !new.isEmpty {
            lock.withLock {
                if rendered.count + new.count > Self.capacity { rendered.removeAll(keepingCapacity: true) }
                for (key, row) in new { rendered[key] = row }
            }
        }
        return html.map { $0 ?? "" }
    }
}

/// HTML escaping of a page's values, on their UTF-8 bytes: `<`, `>`, `&`, `"` and `'` become
/// entities, whatever follows them, and a text without them is returned as it is. Mustache's
/// own escaping walks the text by grapheme, which let a `<` followed by a combining mark
/// through unescaped, and cost a dictionary lookup for every character of every value.
struct EscapedHTML: MustacheContentType {
    static let name = "ESCAPED_HTML"

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { Self.entity(for: $0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            if let entity = Self.entity(for: byte) { bytes += entity.utf8 } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
