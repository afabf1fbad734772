import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore
import TrainingTesting

@testable import AllerVersServer

/// `allervers serve`: the public page where anyone checks a certificate, over the same store.
@Suite struct ServeTests {
    /// The certified week and its first certificate with a credential.
    static func certified() async throws -> (workspace: TemporaryFolder, store: Store, certificate: Certificate) {
        let workspace = try await closedWeekWorkspace()
        // The organisation gives its SIRET before it certifies.
        let identity = WorkspaceService(store: try Stores.open(Workspace(folder: workspace.url)))
        var organisation = try #require(try await identity.identity())
        organisation.siret = Self.siret
        try await identity.setIdentity(organisation)
        let certified = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", workspace.url.path)
        try #require(certified.exitCode == 0, "\(certified.error)")
        let store = try Stores.open(Workspace(folder: workspace.url), readers: 2)
        let certificates = try await CertificationService(store: store).certificates(in: "LYON")
        let certificate = try #require(certificates.first { $0.isEligible && $0.credential != nil })
        return (workspace, store, certificate)
    }

    static let siret = "73282932000074"

    static func get(
        _ app: some ApplicationProtocol, _ uri: String, language: String = "fr-FR,fr;q=0.9,en;q=0.5"
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: String) {
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: language]) { response in
                (response.status, response.headers, String(buffer: response.body))
            }
        }
    }

    static func page(_ store: Store, limits: Server.Limits = .init()) throws -> some ApplicationProtocol {
        Application(router: try Server.router(store: store, limits: limits, clock: { Date(timeIntervalSince1970: 1_780_000_000) }))
    }

    /// A list's rows come from their own template, escaped, the same for the same values
    /// whether rendered afresh or kept from an earlier page.
    @Test func rowsAreRenderedByTheirTemplateEscaped() throws {
        let pages = try Pages()
        let row: KeyValuePairs = ["id": "P-0001", "name": "Zoé <b>\"Durand\" & fils", "state": "unsigned", "note": ""]
        let signed: KeyValuePairs = ["id": "P-0001", "name": "Zoé <b>\"Durand\" & fils", "state": "signed", "note": " — signé"]
        let expected = [
            "<label class=\"unsigned\"><input type=\"radio\" name=\"participant\" value=\"P-0001\" required> "
                + "Zoé &lt;b&gt;&quot;Durand&quot; &amp; fils</label>\n",
            "<label class=\"signed\"><input type=\"radio\" name=\"participant\" value=\"P-0001\" required> "
                + "Zoé &lt;b&gt;&quot;Durand&quot; &amp; fils — signé</label>\n",
        ]
        #expect(pages.rows("person", [row, signed]) == expected.joined())
        #expect(pages.rows("person", [signed, row, signed]) == expected[1] + expected[0] + expected[1])
        #expect(pages.rows("person", []) == "")
        // Two Unicode forms of one name are two rows, each printing its own bytes.
        let composed: KeyValuePairs = ["id": "P-0002", "name": "Zo\u{E9}", "state": "unsigned", "note": ""]
        let decomposed: KeyValuePairs = ["id": "P-0002", "name": "Zoe\u{301}", "state": "unsigned", "note": ""]
        #expect(Array(pages.rows("person", [composed]).utf8).firstRange(of: Array("Zo\u{E9}<".utf8)) != nil)
        #expect(Array(pages.rows("person", [decomposed]).utf8).firstRange(of: Array("Zoe\u{301}<".utf8)) != nil)
    }

    /// A page's values are escaped byte by byte: a `<` followed by a combining mark (one
    /// grapheme with it) is escaped too, and a text with nothing to escape comes back as it is.
    @Test func valuesAreEscapedWhateverFollowsThem() throws {
        let escaped = EscapedHTML()
        #expect(escaped.escapeText("<\u{338}script>alert('é')</script>") == "&lt;\u{338}script&gt;alert(&#39;é&#39;)&lt;/script&gt;")
        #expect(escaped.escapeText("a & \"b\"") == "a &amp; &quot;b&quot;")
        #expect(escaped.escapeText("Zoé Durand — signé") == "Zoé Durand — signé")
        let row: KeyValuePairs = ["id": "P-0001", "name": "<\u{338}b>", "state": "unsigned", "note": ""]
        #expect(try Pages().rows("person", [row]).contains("> &lt;\u{338}b&gt;</label>"))
    }

    /// A form's fields as a browser encodes them: `+` a space, `%XX` a byte of UTF-8; broken
    /// escapes or bytes that are not UTF-8 read as empty, and the last of a name given twice wins.
    @Test func formsAreReadFromTheirBytes() {
        func fields(_ body: String) -> [String: String] {
            Array(body.utf8).withUnsafeBytes(Site.formFields)
        }
        #expect(
            fields("ticket=abc.DEF-_&name=Zo%C3%A9+Durand&signature=data%3Aimage%2Fpng%3Bbase64%2CiVBO%2B%2F%3D%3D")
                == ["ticket": "abc.DEF-_", "name": "Zoé Durand", "signature": "data:image/png;base64,iVBO+/=="])
        #expect(fields("a=%ZZ&b=%C3&c=%FF&d=%4&e=ok") == ["a": "", "b": "", "c": "", "d": "", "e": "ok"])
        #expect(fields("&&flag&x=1&x=2&=v&%41%62=%e9%80%81") == ["flag": "", "x": "2", "": "v", "Ab": "送"])
        #expect(fields("") == [:])
    }

    @Test func aCertificatesPageShowsWhatItPrintsAndNothingMore() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        _ = workspace
        let participant = try store.participant(certificate.participantID)
        let app = try Self.page(store)
        let address = "/verify/\(certificate.number)?code=\(certificate.verificationCode)"

        let french = try await Self.get(app, address)
        #expect(french.status == .ok)
        #expect(french.headers[.contentType] == "text/html; charset=utf-8")
        for expected in [
            "<html lang=\"fr\">", "Certificat \(certificate.number)", "Ce certificat est valide.", participant.displayName,
            "Les fondamentaux de la posture d&#39;aller-vers", "Institut Aller-Vers", "52490123449",
            "<dt>SIRET</dt><dd>\(Self.siret)</dd>",
            "\(certificate.attended) sur \(certificate.planned)", "2026-03-12 – 2026-03-13", "action de formation",
            "/verify/\(certificate.number)/credential.jwt?code=\(certificate.verificationCode)",
        ] {
            #expect(french.body.contains(expected), "\(expected) in \(french.body)")
        }
        // Never the email, and nothing a page could run or frame.
        #expect(!french.body.contains(try #require(participant.email)))
        #expect(!french.body.contains("<script"))
        #expect(french.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(french.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
        #expect(french.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")

        let english = try await Self.get(app, address, language: "en-GB,en;q=0.8")
        #expect(english.body.contains("<html lang=\"en\">") && english.body.contains("This certificate is valid."), "\(english.body)")
        #expect(try await Self.get(app, address + "&lang=en").body.contains("This certificate is valid."))

        let credential = try await Self.get(app, "/verify/\(certificate.number)/credential.jwt?code=\(certificate.verificationCode)")
        #expect(credential.status == .ok && credential.body == certificate.credential)
        #expect(credential.headers[.contentType] == "application/vc+jwt")
    }

    /// A number alone finds nothing, and a wrong code looks like an unknown number.
    @Test func aNumberAloneOrAWrongCodeFindsNothing() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        _ = workspace
        let app = try Self.page(store)
        let unknown = try await Self.get(app, "/verify/AV-2026-999999?code=\(certificate.verificationCode)")
        let alone = try await Self.get(app, "/verify/\(certificate.number)")
        let wrong = try await Self.get(app, "/verify/\(certificate.number)?code=AAAAAAAAAAAAAAAAAAAAAA")
        let credential = try await Self.get(app, "/verify/\(certificate.number)/credential.jwt?code=x")
        for response in [unknown, alone, wrong, credential] {
            #expect(response.status == .notFound)
            #expect(response.body == unknown.body)
            #expect(!response.body.contains(certificate.number))
        }
        #expect(unknown.body.contains("Aucun certificat à cette adresse"), "\(unknown.body)")
        #expect(certificate.verificationCode.count == 22)
    }

    @Test func aRevokedCertificateSaysWhyAndWhatReplacedIt() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        let path = workspace.url.path
        #expect(
            await allervers("certificate", "revoke", certificate.number, "--reason", "émargement corrigé", "--store", path).exitCode == 0)
        let app = try Self.page(store)
        let address = "/verify/\(certificate.number)?code=\(certificate.verificationCode)"
        let revoked = try await Self.get(app, address)
        #expect(revoked.status == .ok)
        #expect(revoked.body.contains("Ce certificat a été révoqué : émargement corrigé."), "\(revoked.body)")
        #expect(revoked.body.contains("class=\"state invalid\""))
        // The certificate's own page still answers after the revocation: that is the point.
        let shown = await allervers("certificate", "show", certificate.number, "--store", path)
        #expect(shown.output.contains(address), "\(shown.output)")
    }

    /// A reissued certificate's page names the one that replaced it, the default reason in
    /// the reader's language.
    @Test func aReissuedCertificateNamesItsReplacement() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        let reissued = await allervers("certificate", "reissue", certificate.number, "--store", workspace.url.path)
        try #require(reissued.exitCode == 0, "\(reissued.error)")
        let replacement = try #require(try store.certificate(certificate.number).revocation?.replacedBy)
        let app = try Self.page(store)
        let address = "/verify/\(certificate.number)?code=\(certificate.verificationCode)"
        let french = try await Self.get(app, address)
        #expect(
            french.body.contains(
                "Ce certificat a été révoqué : réémis sous le numéro \(replacement). Il est remplacé par le certificat \(replacement)."),
            "\(french.body)")
        let english = try await Self.get(app, address, language: "en")
        #expect(
            english.body.contains("This certificate was revoked: reissued as \(replacement). It is replaced by certificate \(replacement).")
        )
    }

    /// Behind a trusted proxy the client is the address it forwards; nobody else can name
    /// themselves; an IPv6 client is its /64.
    @Test func theLimitCountsClientsNotProxies() {
        typealias Limiter = RateLimiter<ServerContext>
        #expect(Limiter.client(peer: "203.0.113.7", forwardedFor: "198.51.100.1", trusting: []) == "203.0.113.7")
        #expect(Limiter.client(peer: "127.0.0.1", forwardedFor: "10.0.0.1, 198.51.100.1", trusting: ["127.0.0.1"]) == "198.51.100.1")
        #expect(Limiter.client(peer: "127.0.0.1", forwardedFor: "10.0.0.1,\t198.51.100.1 ", trusting: ["127.0.0.1"]) == "198.51.100.1")
        #expect(Limiter.client(peer: "127.0.0.1", forwardedFor: nil, trusting: ["127.0.0.1"]) == "127.0.0.1")
        #expect(Limiter.client(peer: "2001:db8:1:2:aaaa::1", forwardedFor: nil, trusting: []) == "2001:db8:1:2::/64")
        #expect(
            Limiter.client(peer: "2001:DB8:1:2:bbbb:cccc:dddd:eeee", forwardedFor: nil, trusting: [])
                == Limiter.client(peer: "2001:db8:1:2::9", forwardedFor: nil, trusting: []))
        #expect(Limiter.client(peer: "::1", forwardedFor: nil, trusting: []) == "0:0:0:0::/64")
    }

    /// A client's hits are counted over the last minute: past the limit, the wait is until
    /// the oldest leaves the minute, and a refused hit does not count.
    @Test func hitsAreCountedOverTheLastMinute() {
        typealias Limiter = RateLimiter<ServerContext>
        let start = ContinuousClock.now
        var hits: [ContinuousClock.Instant] = []
        for second in 0..<3 { #expect(Limiter.hit(&hits, at: start + .seconds(second), within: .seconds(60), limit: 3) == nil) }
        #expect(Limiter.hit(&hits, at: start + .seconds(10), within: .seconds(60), limit: 3) == .seconds(50))
        #expect(hits.count == 3)
        // The first hit leaves the minute at 60 s: one more is taken, then none.
        #expect(Limiter.hit(&hits, at: start + .seconds(60), within: .seconds(60), limit: 3) == nil)
        #expect(hits == [start + .seconds(1), start + .seconds(2), start + .seconds(60)])
        #expect(Limiter.hit(&hits, at: start + .seconds(61), within: .seconds(60), limit: 3) == nil)
        #expect(Limiter.hit(&hits, at: start + .milliseconds(61_500), within: .seconds(60), limit: 3) == .milliseconds(500))
        #expect(hits == [start + .seconds(2), start + .seconds(60), start + .seconds(61)])
        #expect(Limiter.hit(&hits, at: start + .seconds(200), within: .seconds(60), limit: 3) == nil)
        #expect(hits == [start + .seconds(200)])
    }

    /// Every answer carries the headers, an unknown route too.
    @Test func anUnknownRouteIsABareNotFoundWithTheHeaders() async throws {
        let store = try TestDatabase.createStore(in: try TemporaryFolder().url, organisation: nil)
        let missing = try await Self.get(try Self.page(store), "/nowhere")
        #expect(missing.status == .notFound)
        #expect(missing.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        #expect(missing.body == "404 Not Found\n")
    }

    /// The 31st page in a minute from one address is refused with the seconds to wait.
    @Test func tooManyRequestsFromOneAddressWait() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        _ = workspace
        // The limit `allervers serve` runs with: 30 a minute.
        let app = try Self.page(store)
        let address = "/verify/\(certificate.number)?code=\(certificate.verificationCode)"
        let statuses = try await app.test(.router) { client in
            var statuses: [(HTTPResponse.Status, String?)] = []
            for _ in 0..<31 {
                try await client.execute(uri: address, method: .get) { statuses.append(($0.status, $0.headers[.retryAfter])) }
            }
            return statuses
        }
        #expect(statuses.prefix(30).allSatisfy { $0.0 == .ok })
        #expect(statuses[30].0 == .tooManyRequests)
        let wait = try #require(statuses[30].1.flatMap { Int($0) })
        #expect((1...60).contains(wait))
        // Other pages are not counted.
        #expect(try await Self.get(app, "/").status == .ok)
    }

    /// The built binary serves on a free port and stops cleanly on SIGTERM, even when what
    /// read its output has gone (its "Stopped." once crashed it on the broken pipe).
    @Test(arguments: [false, true]) func theServerAnswersThenStopsOnSIGTERM(readerGone: Bool) async throws {
        let workspace = try await initialisedWorkspace()
        let process = Process()
        process.executableURL = try builtBinary
        process.arguments = ["serve", "--port", "0", "--store", workspace.url.path]
        process.environment = ["LANG": "C"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // "Serving on http://127.0.0.1:PORT — stop with Ctrl-C"
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let piece = output.fileHandleForReading.availableData
            try #require(!piece.isEmpty, "the server ended: \(String(decoding: first, as: UTF8.self))")
            first += piece
        }
        let line = String(decoding: first, as: UTF8.self)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "\(line)")
        #expect(line.hasPrefix("Serving on http://127.0.0.1:"), "\(line)")
        let health = try httpGet(port: port, path: "/health")
        #expect(health.hasPrefix("HTTP/1.1 200") && health.hasSuffix("ok\n"), "\(health)")
        if readerGone { try output.fileHandleForReading.close() }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(said)")
        #expect(said.isEmpty, "\(said)")
        if !readerGone {
            let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(rest.contains("Stopped."), "\(rest)")
        }
    }
}

extension ServeTests {
    /// Output that cannot be written (a full disk) is an error, not a silent success.
    @Test func outputToAFullDiskIsAnError() async throws {
        let workspace = try await initialisedWorkspace()
        let process = Process()
        process.executableURL = try builtBinary
        process.arguments = ["organisation", "show", "--store", workspace.url.path]
        process.environment = ["LANG": "C"]
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1, "\(said)")
        #expect(said.hasPrefix("Error: cannot write the output: "), "\(said)")
    }
}

/// One GET to the loopback: the whole answer, headers and body.
func httpGet(port: Int, path: String) throws -> String {
    let answer = try loopbackRequest(port: port, path: path)
    return answer.head + "\r\n\r\n" + String(decoding: answer.body, as: UTF8.self)
}

/// Once the organisation publishes its certificates, new ones point to their page.
@Suite struct PublicAddressTests {
    @Test func newCertificatesLeadToTheirPageAndStillVerifyOffline() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let set = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
            "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice",
            "--public-address", "https://formation.example.org/", "--store", store)
        try #require(set.exitCode == 0, "\(set.error)")
        #expect(await allervers("organisation", "show", "--store", store).output.contains("https://formation.example.org\n"))
        #expect(await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store).exitCode == 0)
        let opened = try Stores.open(Workspace(folder: workspace.url))
        let certificate = try #require(try await CertificationService(store: opened).certificates(in: "LYON").first)
        let page = "https://formation.example.org/verify/\(certificate.number)?code=\(certificate.verificationCode)"

        // The QR code's text: the page, then the signed statement after "#".
        #expect(certificate.qrText(publicAddress: "https://formation.example.org") == page + "#" + certificate.signedPayload)
        #expect(certificate.qrText(publicAddress: nil) == certificate.signedPayload)
        let verified = await allervers("verify", page + "#" + certificate.signedPayload, "--store", store)
        #expect(
            verified.exitCode == 0 && verified.output.hasPrefix("Valid certificate QR payload: certificate \(certificate.number)"),
            "\(verified.output) \(verified.error)")

        // The certificate prints where to check it.
        let out = workspace.url.appendingPathComponent("out")
        #expect(await allervers("export", "records", "LYON", "--out", out.path, "--store", store).exitCode == 0)
        let pdf = out.appendingPathComponent("LYON/certificates/\(certificate.number)-certificat-de-realisation.pdf")
        let printed = try text(of: pdf)
        let joined = printed.filter { $0 != "\n" && $0 != " " }
        #expect(
            printed.contains("Vérifiable sur") && joined.contains("https://formation.example.org/verify/\(certificate.number)"),
            "\(printed)")

        // The address as printed, without the statement, verifies in the workspace; one that
        // names another certificate, a wrong code or another site does not.
        #expect(await allervers("verify", page, "--store", store).exitCode == 0)
        let other = page.replacingOccurrences(of: certificate.number, with: "AV-2026-000002")
        #expect(await allervers("verify", other + "#" + certificate.signedPayload, "--store", store).exitCode == 1)
        let wrongCode = page.replacingOccurrences(of: certificate.verificationCode, with: "AAAAAAAAAAAAAAAAAAAAAA")
        #expect(await allervers("verify", wrongCode, "--store", store).exitCode == 1)
        #expect(await allervers("verify", wrongCode + "#" + certificate.signedPayload, "--store", store).exitCode == 1)
        let elsewhere = page.replacingOccurrences(of: "formation.example.org", with: "formation.example.net")
        let refused = await allervers("verify", elsewhere + "#" + certificate.signedPayload, "--store", store)
        #expect(refused.exitCode == 1 && refused.error.contains("https://formation.example.org"), "\(refused.error)")

        // And the page answers at that path with that code.
        let app = try ServeTests.page(opened)
        let answer = try await ServeTests.get(app, "/verify/\(certificate.number)?code=\(certificate.verificationCode)")
        #expect(answer.status == .ok)
    }

    /// Certificates issued before the address was set keep the QR code they printed; the
    /// address stays when the identity is set again without it.
    @Test func earlierCertificatesKeepTheirQRCode() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let set = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
            "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice",
            "--public-address", "HTTPS://formation.example.org", "--store", store)
        try #require(set.exitCode == 0, "\(set.error)")
        let again = workspace.url.appendingPathComponent("again")
        #expect(await allervers("export", "records", "LYON", "--out", again.path, "--store", store).exitCode == 0)
        let folder = "LYON/certificates"
        let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(folder).path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let before = try Data(contentsOf: out.appendingPathComponent("\(folder)/\(name)"))
            let after = try Data(contentsOf: again.appendingPathComponent("\(folder)/\(name)"))
            #expect(before == after, "\(name) changed")
        }
        let kept = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
            "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Présidente", "--store", store)
        #expect(kept.exitCode == 0)
        #expect(await allervers("organisation", "show", "--store", store).output.contains("https://formation.example.org\n"))
    }

    @Test(arguments: ["ftp://example.org", "https://", "https://example.org/?a=1", "formation.example.org", "https://exa mple.org"])
    func anAddressThatIsNotAWebAddressIsRefused(address: String) async throws {
        let workspace = try await initialisedWorkspace()
        let refused = await allervers(
            "organisation", "set", "--name", "Institut", "--address", "1 rue", "--declaration-number", "52490123449", "--signatory",
            "Claire Martin", "--signatory-title", "Directrice", "--public-address", address, "--store", workspace.url.path)
        #expect(refused.exitCode == 64 && refused.error.contains("the public address is a web address"), "\(refused.error)")
        #expect(await allervers("organisation", "show", "--store", workspace.url.path).output.contains("Institut Aller-Vers"))
    }
}
