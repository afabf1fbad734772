import AllerVersServer
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

/// `allervers serve`: the public page where anyone checks a certificate, over the same store.
@Suite struct ServeTests {
    /// The certified week and its first certificate with a credential.
    static func certified() async throws -> (workspace: TemporaryFolder, store: Store, certificate: Certificate) {
        let workspace = try await closedWeekWorkspace()
        let certified = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", workspace.url.path)
        try #require(certified.exitCode == 0, "\(certified.error)")
        let store = try Stores.open(Workspace(folder: workspace.url))
        let certificates = try await CertificationService(store: store).certificates(in: "LYON")
        let certificate = try #require(certificates.first { $0.isEligible && $0.credential != nil })
        return (workspace, store, certificate)
    }

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

    /// The 31st page in a minute from one address is refused with the seconds to wait.
    @Test func tooManyRequestsFromOneAddressWait() async throws {
        let (workspace, store, certificate) = try await Self.certified()
        _ = workspace
        let app = try Self.page(store, limits: .init(verificationsPerMinute: 3))
        let address = "/verify/\(certificate.number)?code=\(certificate.verificationCode)"
        let statuses = try await app.test(.router) { client in
            var statuses: [(HTTPResponse.Status, String?)] = []
            for _ in 0..<4 {
                try await client.execute(uri: address, method: .get) { statuses.append(($0.status, $0.headers[.retryAfter])) }
            }
            return statuses
        }
        #expect(statuses.prefix(3).allSatisfy { $0.0 == .ok })
        #expect(statuses[3].0 == .tooManyRequests)
        let wait = try #require(statuses[3].1.flatMap { Int($0) })
        #expect((1...60).contains(wait))
        // Other pages are not counted.
        #expect(try await Self.get(app, "/").status == .ok)
    }

    /// The built binary serves on a free port and stops cleanly on SIGTERM.
    @Test func theServerAnswersThenStopsOnSIGTERM() async throws {
        let workspace = try await initialisedWorkspace()
        let process = Process()
        process.executableURL = try builtBinary
        process.arguments = ["serve", "--port", "0", "--store", workspace.url.path]
        process.environment = ["LANG": "C"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
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
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(rest)")
        #expect(rest.contains("Stopped."), "\(rest)")
    }
}

/// One GET over a plain socket to the loopback: the whole answer, headers and body.
func httpGet(port: Int, path: String) throws -> String {
    let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socket >= 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(connected == 0, "cannot connect to port \(port)")
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        answer += buffer[0..<count]
    }
    return String(decoding: answer, as: UTF8.self)
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

        // And the page answers at that path with that code.
        let app = try ServeTests.page(opened)
        let answer = try await ServeTests.get(app, "/verify/\(certificate.number)?code=\(certificate.verificationCode)")
        #expect(answer.status == .ok)
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
