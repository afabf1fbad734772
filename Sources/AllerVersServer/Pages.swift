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

    init() throws {
        library = MustacheLibrary(templates: [
            "layout": try MustacheTemplate(string: Self.layout)
        ])
    }

    /// `page` in `language` as an HTML response.
    func html(_ page: Page, language: Language, status: HTTPResponse.Status = .ok) -> Response {
        let view = Language.$current.withValue(language) { Self.view(of: page, language: language) }
        let html = library.render(view, withTemplate: "layout") ?? ""
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
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

    private static func tr(_ text: Text) -> String { text.description }

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

    /// Every field the certificate prints.
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
            ("Issued on", certificate.issuedOn.description),
            ("Valid until", certificate.validUntil?.description ?? tr("does not expire")),
        ]
        if let replaces = certificate.replaces { fields.append(("Replaces", replaces)) }
        return fields.map { ($0.0.description, $0.1) }
    }

    /// The page around every page: its title, its state, its fields, a message.
    static let layout = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <main>
        <h1>{{title}}</h1>
        {{#state}}<p class="state {{class}}">{{text}}</p>{{/state}}
        {{#message}}<p>{{message}}</p>{{/message}}
        {{#hasFields}}<dl>
        {{#fields}}<dt>{{label}}</dt><dd>{{value}}</dd>
        {{/fields}}
        </dl>{{/hasFields}}
        {{#credential}}<p><a href="{{url}}">{{label}}</a></p>{{/credential}}
        </main>
        </body>
        </html>

        """

    /// The one style sheet: readable on a phone, printable.
    static let style = """
        body { font-family: system-ui, sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; background: #fafafa; }
        main { max-width: 40rem; margin: 0 auto; }
        h1 { font-size: 1.4rem; }
        .state { padding: 0.75rem 1rem; border-radius: 0.5rem; font-weight: 600; }
        .state.valid { background: #e3f4e6; color: #14532d; }
        .state.invalid { background: #fde8e8; color: #7f1d1d; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }

        """
}
