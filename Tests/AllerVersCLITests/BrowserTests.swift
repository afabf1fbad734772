import Foundation
import Hummingbird
import Testing
import TrainingCore
import TrainingService
import TrainingStore
import TrainingTesting

@testable import AllerVersServer

/// The pages as people use them, in Debian's Chromium driven over WebDriver: the trainer on a
/// laptop, a participant on a phone-sized screen in another browser context. Screenshots of
/// each page are kept under `.build/test-artifacts/screenshots/`.
@Suite(.serialized) struct BrowserTests {
    /// Serves `store` on a real socket, with `clock`, for the duration of `body`.
    static func serving<T>(
        _ store: Store, clock: @escaping @Sendable () -> Date, _ body: (String) async throws -> T
    ) async throws -> T {
        let port = try freePort()
        let app = try Server.application(
            store: store, host: "127.0.0.1", port: port, limits: .init(passwordCost: 4), clock: clock)
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        for _ in 0..<100 {
            if (try? await offThePool({ try exchange(port: port, method: "GET", path: "/health") }))?.status == 200 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await body("http://127.0.0.1:\(port)")
    }

    @Test func aHalfDayIsSignedOnAPhoneAndCertifiedInARealBrowser() async throws {
        let (workspace, store, clock, _, first) = try await SigningTests.setUp()
        try await ChromeDriver.run { driver in try await Self.signing(store, clock: clock, first: first, driver: driver) }
        // The PDF sheet holds both signatures.
        let pdf = workspace.url.appendingPathComponent("sheets.pdf")
        let exported = await allervers("export", "sheets", "LYON", "--out", pdf.path, "--store", workspace.url.path)
        #expect(exported.exitCode == 0, "\(exported)")
        let images = try execute(URL(fileURLWithPath: "/usr/bin/pdfimages"), ["-list", pdf.path])
        #expect(
            images.output.split(separator: "\n").filter { $0.split(separator: " ").dropFirst(2).first == "image" }.count == 2,
            "\(images.output)")
    }

    static func signing(_ store: Store, clock: TestClock, first: Slot, driver: ChromeDriver) async throws {
        try await Self.serving(store, clock: { clock.now }) { site in
            let trainer = try await driver.browser()
            let phone = try await driver.browser(width: 390, height: 844)

            // The trainer logs in and opens the first half-day.
            try await trainer.go("\(site)/login")
            try await trainer.screenshot("1-login")
            try await trainer.type("claire", into: "input[name=login]")
            try await trainer.type(SigningTests.password, into: "input[name=password]")
            try await trainer.click("form button")
            try await trainer.wait(for: "/trainer")
            try await trainer.go("\(site)/trainer/LYON/\(first.id)")
            try await trainer.click("form[action$='/open'] button")
            try await trainer.wait(for: "/trainer/LYON/\(first.id)/screen")
            let code = try await trainer.property(of: try await trainer.element(".code"), "innerText")
            #expect(code.count == 6, "\(code)")
            try await trainer.screenshot("2-trainer-screen")

            // On the phone: the code, the name, a signature drawn with a pen.
            try await phone.go("\(site)/sign")
            try await phone.type(code, into: "input[name=code]")
            try await phone.click("form button")
            _ = try await phone.text(showing: "ROUX Camille")
            try await phone.click("input[value='P-0001']")
            try await phone.draw(on: "canvas.pad")
            try await phone.screenshot("3-phone-signing")
            try await phone.click("form[data-signature] button:not(.clear)")
            _ = try await phone.text(showing: "Votre signature est enregistrée.")
            try await phone.screenshot("4-phone-receipt")

            let signed = try #require(try store.attendanceHistory(of: "LYON").first)
            #expect(signed.evidence?.method == .code && signed.evidence?.userAgent?.contains("Chrome") == true)
            #expect(signed.evidence?.address == "127.0.0.1")
            let sha = try #require(signed.evidence?.imageSHA256)
            let image = try #require(try store.signatureImage(sha256: sha))
            #expect(image.png.count > 500, "a real drawing, not an empty canvas: \(image.png.count) bytes")

            // The trainer sees the signature, and certifies once the half-day has begun.
            clock.set(try #require(first.interval?.start).addingTimeInterval(30 * 60))
            try await trainer.go("\(site)/trainer/LYON/\(first.id)")
            try await trainer.draw(on: "canvas.pad", kind: "mouse")
            try await trainer.click("form[data-signature] button:not(.clear)")
            _ = try await trainer.text(showing: "Certifiée par Claire Martin")
            try await trainer.screenshot("5-trainer-sheet")
        }
    }

    /// The audit pack's index opens in a browser, and every link it holds reaches a file of
    /// the pack.
    @Test func theAuditPackOpensInARealBrowser() async throws {
        // The workspace is kept until the end: its folder goes with it.
        let (workspace, pack) = try await AuditPackTests.packed()
        defer { withExtendedLifetime(workspace) {} }
        try await ChromeDriver.run { driver in
            let browser = try await driver.browser()
            try await browser.go(pack.appendingPathComponent("index.html").absoluteString)
            let text = try await browser.text(showing: "Dossier d'audit Qualiopi")
            for indicator in ["Programmes des formations dispensées", "Suivi des absences", "Feuilles d'émargement"] {
                #expect(text.contains(indicator), "\(text)")
            }
            try await browser.screenshot("audit-pack-index")
            let links = try #require(try await browser.execute("return Array.from(document.links, a => a.href)") as? [String])
            for link in links {
                let path = try #require(URL(string: link)).path
                #expect(path.hasPrefix(pack.path), "\(link)")
                #expect(FileManager.default.fileExists(atPath: path), "\(link) does not resolve")
            }
            // Every other file of the pack is linked.
            let linked = Set(links.compactMap { URL(string: $0)?.path.dropFirst(pack.path.count + 1) }.map(String.init))
            #expect(linked == Set(try AuditPackTests.files(in: pack)).subtracting(["index.html"]), "\(linked)")
            // A link followed: the programme opens.
            try await browser.go(try #require(links.first { $0.hasSuffix(".xml") }))
            #expect(try await browser.text(showing: "AV-FOND").contains("AV-FOND"))
        }
    }

    @Test func aCertificatesPageInARealBrowser() async throws {
        let (workspace, store, certificate) = try await ServeTests.certified()
        _ = workspace
        let holder = try store.participant(certificate.participantID).displayName
        try await ChromeDriver.run { driver in
            try await Self.certificatePage(store, certificate: certificate, holder: holder, driver: driver)
        }
    }

    static func certificatePage(_ store: Store, certificate: Certificate, holder: String, driver: ChromeDriver) async throws {
        try await Self.serving(store, clock: { Date(timeIntervalSince1970: 1_780_000_000) }) { site in
            let phone = try await driver.browser(width: 390, height: 844)
            try await phone.go("\(site)/verify/\(certificate.number)?code=\(certificate.verificationCode)")
            let page = try await phone.text
            for expected in ["Ce certificat est valide.", holder, "Institut Aller-Vers", "52490123449"] {
                #expect(page.contains(expected), "\(expected) in \(page)")
            }
            try await phone.screenshot("6-certificate")
        }
    }
}
