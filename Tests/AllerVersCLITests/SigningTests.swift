import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing
import TrainingCore
import TrainingService
import TrainingTesting

@testable import AllerVersServer
@testable import TrainingStore

/// A clock the test moves.
final class TestClock: Sendable {
    private let instant: NIOLockedValueBox<Date>
    init(_ date: Date) { instant = NIOLockedValueBox(date) }
    var now: Date { instant.withLockedValue { $0 } }
    func set(_ date: Date) { instant.withLockedValue { $0 = date } }
    func advance(_ seconds: TimeInterval) { instant.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
}

/// A browser for the router: it keeps cookies and sends forms.
struct TestBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var userAgent = "AllerVersTests/1"

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let bytes: [UInt8]
        var body: String { String(decoding: bytes, as: UTF8.self) }

        /// The value of the first hidden field `name` on the page.
        func field(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil)
    }

    mutating func post(_ uri: String, _ form: [(String, String)]) async throws -> Page {
        let body = form.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    private mutating func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> Page {
        var headers: HTTPFields = [.acceptLanguage: "fr-FR,fr;q=0.9", .userAgent: userAgent]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let page = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            response in Page(status: response.status, headers: response.headers, bytes: Array(buffer: response.body))
        }
        for cookie in page.headers[values: .setCookie] {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// Signing a half-day on a phone, and the trainer's sheet.
@Suite struct SigningTests {
    /// A 4×2 black PNG, as a canvas would send it.
    static let signature =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAEElEQVR4nGNgYGD4j4ZRBQB7pgf5fzpslgAAAABJRU5ErkJggg=="
    static let password = "correct horse battery"

    /// The week's workspace with Claire Martin's account (and Bruno's, who runs none of it),
    /// the clock ten minutes before the first half-day, and the router.
    static func setUp() async throws -> (
        workspace: TemporaryFolder, store: Store, clock: TestClock, app: some ApplicationProtocol, first: Slot
    ) {
        let workspace = try await weekWorkspace()
        let store = try Stores.open(Workspace(folder: workspace.url), readers: 2)
        let accounts = AccountService(store: store, cost: 4)
        try await accounts.add(Account(login: "claire", name: "Claire Martin", role: .trainer), password: password)
        try await accounts.add(Account(login: "bruno", name: "Bruno Leroy", role: .trainer), password: password)
        let first = try #require(try store.session(id: "LYON").slots.first)
        let clock = TestClock(try #require(first.interval?.start).addingTimeInterval(-600))
        let app = Application(
            router: try Server.router(store: store, limits: .init(passwordCost: 4), clock: { clock.now }))
        return (workspace, store, clock, app, first)
    }

    static func logIn(_ browser: inout TestBrowser, as login: String = "claire", home: String = "/trainer") async throws -> String {
        let form = try await browser.get("/login")
        #expect(!form.body.contains("nil"), "an absent value shows nothing: \(form.body)")
        let loggedIn = try await browser.post(
            "/login", [("csrf", try #require(form.field("csrf"))), ("login", login), ("password", password)])
        try #require(loggedIn.status == .seeOther, "\(loggedIn.body)")
        #expect(loggedIn.headers[.location] == home)
        let cookie = try #require(loggedIn.headers[values: .setCookie].first { $0.hasPrefix("__Host-allervers=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"), "\(cookie)")
        return try #require(try await browser.get(home).field("csrf"))
    }

    /// The code on the trainer's screen.
    static func code(on screen: TestBrowser.Page) throws -> String {
        let range = try #require(screen.body.range(of: "<p class=\"code\">"))
        return String(screen.body[range.upperBound...].prefix { $0 != "<" })
    }

    @Test func aParticipantSignsOnTheirPhoneAndTheTrainerCertifiesTheSheet() async throws {
        let (workspace, store, clock, app, first) = try await Self.setUp()
        let sheet = "/trainer/LYON/\(first.id)"
        try await app.test(.router) { client in
            var trainer = TestBrowser(client: client)
            let csrf = try await Self.logIn(&trainer)
            let sessions = try await trainer.get("/trainer")
            #expect(sessions.body.contains("href=\"/trainer/LYON\""), "\(sessions.body)")

            let unopened = try await trainer.get(sheet)
            #expect(unopened.body.contains("\(sheet)/open") && !unopened.body.contains("nil"), "\(unopened.body)")
            let opened = try await trainer.post("\(sheet)/open", [("csrf", csrf)])
            #expect(opened.status == .seeOther && opened.headers[.location] == "\(sheet)/screen")
            let screen = try await trainer.get("\(sheet)/screen")
            #expect(screen.body.contains("<svg") && screen.body.contains("http-equiv=\"refresh\" content=\"15\""), "\(screen.body)")
            let code = try Self.code(on: screen)
            #expect(code.count == 6)

            // The participant types the code, picks their name, draws and signs.
            var phone = TestBrowser(client: client, userAgent: "Mozilla/5.0 (Android 14; Mobile)")
            let page = try await phone.get("/sign?code=\(code.lowercased())")
            #expect(page.status == .ok, "\(page.body)")
            #expect(page.body.contains("ROUX Camille") && page.body.contains("<canvas"), "\(page.body)")
            #expect(!page.body.contains("PETIT Anne-Laure"), "a waitlisted person is not on the sheet")
            #expect(try Set(store.attendanceHistory(of: "LYON")).isEmpty, "a GET writes nothing")
            let ticket = try #require(page.field("ticket"))
            clock.advance(45)  // drawing takes time: the code has changed, the page's ticket still holds
            let form = [
                ("ticket", ticket), ("participant", "P-0001"), ("signature", Self.signature), ("deviceTime", "2026-03-12T07:51:02.000Z"),
            ]
            let receipt = try await phone.post("/sign", form)
            #expect(receipt.status == .ok, "\(receipt.body)")
            #expect(receipt.body.contains("Votre signature est enregistrée."), "\(receipt.body)")
            let again = try await phone.post("/sign", form)
            #expect(again.body == receipt.body, "signing twice gives the same receipt")

            let history = try store.attendanceHistory(of: "LYON")
            #expect(history.count == 1)
            let signed = try #require(history.first)
            #expect(receipt.body.contains("\(signed.sequence)-\(signed.hash.prefix(8))"))
            #expect(signed.mark == AttendanceMark(participantID: "P-0001", slotID: first.id, status: .present))
            let png = try #require(SignatureImage(dataURL: Self.signature))
            #expect(
                signed.evidence
                    == SignatureEvidence(
                        method: .code, imageSHA256: SHA256.hash(data: png.png).map { String(format: "%02x", $0) }.joined(),
                        deviceTime: "2026-03-12T07:51:02.000Z", address: nil, userAgent: "Mozilla/5.0 (Android 14; Mobile)"))
            #expect(try store.signatureImage(sha256: try #require(signed.evidence?.imageSHA256)) == png)

            // The trainer sees it, marks a late arrival once the half-day has begun, and certifies.
            clock.set(try #require(first.interval?.start).addingTimeInterval(25 * 60))
            let seen = try await trainer.get(sheet)
            #expect(seen.body.contains("/signatures/\(signed.evidence?.imageSHA256 ?? "")"), "\(seen.body)")
            let image = try await trainer.get("/signatures/\(signed.evidence?.imageSHA256 ?? "")")
            #expect(image.headers[.contentType] == "image/png")
            var bruno = TestBrowser(client: client)
            _ = try await Self.logIn(&bruno, as: "bruno")
            #expect(try await bruno.get("/signatures/\(signed.evidence?.imageSHA256 ?? "")").status == .notFound)
            // Someone who cannot sign: the trainer signs for them, with the reason; they cannot
            // then sign over it.
            let onBehalf = try await trainer.post(
                "\(sheet)/mark", [("csrf", csrf), ("participant", "P-0004"), ("status", "on-behalf"), ("reason", "main dans le plâtre")])
            #expect(onBehalf.status == .seeOther, "\(onBehalf.body)")
            let overTrainer = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0004"), ("signature", Self.signature)])
            #expect(overTrainer.status == .forbidden && overTrainer.body.contains("formateur"), "\(overTrainer.body)")
            let late = try await trainer.post(
                "\(sheet)/mark", [("csrf", csrf), ("participant", "P-0002"), ("status", "late"), ("minutes", "20"), ("reason", "")])
            #expect(late.status == .seeOther, "\(late.body)")
            clock.set(try #require(first.interval?.end).addingTimeInterval(60))
            let certified = try await trainer.post("\(sheet)/certify", [("csrf", csrf), ("signature", Self.signature)])
            #expect(certified.status == .seeOther, "\(certified.body)")
            let signatures = try store.sheetSignatures(of: "LYON")
            #expect(signatures.map(\.trainer) == ["Claire Martin"] && signatures.map(\.slotID) == [first.id])
            #expect(try await trainer.get(sheet).body.contains("Certifiée par Claire Martin"))

            // After that, a participant's signature is refused, and a change is a correction.
            let afterwards = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0003"), ("signature", Self.signature)])
            #expect(afterwards.status == .forbidden && afterwards.body.contains("Rien n&#39;a été enregistré."), "\(afterwards.body)")
            let unexplained = try await trainer.post(
                "\(sheet)/mark", [("csrf", csrf), ("participant", "P-0003"), ("status", "absent"), ("reason", "")])
            #expect(unexplained.status == .unprocessableContent && unexplained.body.contains("correction"), "\(unexplained.body)")
            let explained = try await trainer.post(
                "\(sheet)/mark", [("csrf", csrf), ("participant", "P-0003"), ("status", "absent"), ("reason", "parti avant la pause")])
            #expect(explained.status == .seeOther)
            let corrected = try #require(try store.attendanceHistory(of: "LYON").last)
            #expect(corrected.correctionReason == "parti avant la pause" && corrected.recordedBy == "claire")
        }
        let chains = try store.verifyChains()
        #expect(
            chains.problem == nil && chains.attendance.recordCount == 4 && chains.sheets.recordCount == 1 && chains.images.recordCount == 1)
        // The filled sheet prints the signatures with when and how they came, and the trainer's.
        let pdf = workspace.url.appendingPathComponent("sheets.pdf")
        let exported = await allervers("export", "sheets", "LYON", "--out", pdf.path, "--store", workspace.url.path)
        #expect(exported.exitCode == 0, "\(exported)")
        let printed = try text(of: pdf)
        for expected in ["code saisi", "par le formateur : main dans le plâtre", "Claire Martin, le 2026-03-12"] {
            #expect(printed.contains(expected), "\(expected) in \(printed)")
        }
        let images = try execute(URL(fileURLWithPath: "/usr/bin/pdfimages"), ["-list", pdf.path])
        #expect(
            images.output.split(separator: "\n").filter { $0.split(separator: " ").dropFirst(2).first == "image" }.count == 2,
            "the participant's and the trainer's: \(images.output)")
        let blank = workspace.url.appendingPathComponent("blank.pdf")
        _ = await allervers("export", "sheets", "LYON", "--blank", "--out", blank.path, "--store", workspace.url.path)
        #expect(try execute(URL(fileURLWithPath: "/usr/bin/pdfimages"), ["-list", blank.path]).output.split(separator: "\n").count == 2)

        let behalf = try #require(try store.attendanceHistory(of: "LYON", participantID: "P-0004").first)
        #expect(
            behalf.evidence == SignatureEvidence(method: .trainer, onBehalfReason: "main dans le plâtre") && behalf.recordedBy == "claire")
    }

    /// A trainer's account is matched against the sessions' trainers as names are everywhere.
    /// Signatures that arrive while a commit is under way are committed together: each
    /// person's once, the same person twice one record with one receipt, and a signature the
    /// store refuses rolled back alone; the chain verifies.
    @Test func signaturesSentTogetherAreEachRecordedOnce() async throws {
        let (workspace, store, _, _, first) = try await Self.setUp()
        _ = workspace
        let seated = try store.signingSheet(sessionID: "LYON", slotID: first.id).seated.map(\.id)
        try #require(seated.count >= 3)
        let start = try #require(first.interval?.start)
        // The trainer recorded the last one as absent: their own signature is refused.
        let refused = try #require(seated.last)
        try store.record(
            [AttendanceMark(participantID: refused, slotID: first.id, status: .absent)], in: "LYON", by: "claire", source: "test", at: start
        )
        let before = try store.verifyChains().attendance.recordCount
        let holding = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let held = Task {
            try await store.commits.write { _ in
                holding.signal(); gate.wait()
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                holding.wait()
                continuation.resume()
            }
        }
        let signers = seated + [seated[0]]
        let image = try #require(SignatureImage(png: SignatureImage.pngMagic + [1, 2, 3]))
        let outcomes = try await withThrowingTaskGroup(of: (Int, Result<AttendanceEvent, any Error>).self) { group in
            for (index, person) in signers.enumerated() {
                group.addTask {
                    do {
                        return (
                            index,
                            .success(
                                try await store.recordSignature(
                                    participantID: person, sessionID: "LYON", slotID: first.id, image: image,
                                    evidence: SignatureEvidence(method: .qr), by: person, source: "test", early: 900, at: start))
                        )
                    } catch { return (index, .failure(error)) }
                }
            }
            while store.commits.waiting < signers.count { try await Task.sleep(for: .milliseconds(5)) }
            gate.signal()
            try await held.value
            var outcomes = [Result<AttendanceEvent, any Error>?](repeating: nil, count: signers.count)
            for try await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.map { $0! }
        }
        // The held write alone, then every signature in one transaction.
        #expect(store.commits.transactions == 2)
        #expect(throws: SigningError.self) { try outcomes[seated.count - 1].get() }
        let events = try outcomes.enumerated().filter { $0.offset != seated.count - 1 }.map { try $0.element.get() }
        #expect(events.last?.sequence == events.first?.sequence, "the same person twice, the same record")
        #expect(Set(events.map(\.sequence)).count == seated.count - 1)
        let chains = try store.verifyChains()
        #expect(chains.problem == nil)
        #expect(chains.attendance.recordCount == before + seated.count - 1)
        let marks = try store.currentMarks(in: "LYON").filter { $0.slotID == first.id }
        #expect(marks.first { $0.participantID == refused }?.status == .absent)
        #expect(Set(marks.filter { $0.status == .present }.map(\.participantID)) == Set(seated.dropLast()))
    }

    @Test func anAccountRunsTheSessionsListingItsName() {
        #expect(Account(login: "claire", name: "claire  MARTÍN", role: .trainer).isTrainer(of: ["Bruno Leroy", "Claire Martin"]))
        #expect(!Account(login: "claire", name: "Claire Martin", role: .trainer, disabled: true).isTrainer(of: ["Claire Martin"]))
        #expect(!Account(login: "claire", name: "Claire Martine", role: .trainer).isTrainer(of: ["Claire Martin"]))
        #expect(!Account(login: "ccas", name: "Claire Martin", role: .employer, employerID: "E-0001").isTrainer(of: ["Claire Martin"]))
    }

    /// Signing opens and closes when the server's policy says: five minutes before a
    /// half-day, not fifteen, when the server is told so.
    @Test func signingOpensWhenThePolicySays() async throws {
        let (workspace, store, clock, _, first) = try await Self.setUp()
        _ = workspace
        let limits = Server.Limits(signing: SigningPolicy(before: 5 * 60, after: 0), passwordCost: 4)
        let app = Application(router: try Server.router(store: store, limits: limits, clock: { clock.now }))
        try await app.test(.router) { client in
            var trainer = TestBrowser(client: client)
            let csrf = try await Self.logIn(&trainer)
            _ = try await trainer.post("/trainer/LYON/\(first.id)/open", [("csrf", csrf)])
            var phone = TestBrowser(client: client)
            // Ten minutes before: not yet.
            let early = try await phone.get("/sign?code=\(try Self.code(on: try await trainer.get("/trainer/LYON/\(first.id)/screen")))")
            #expect(early.status == .forbidden && early.body.contains("n&#39;a pas commencé"), "\(early.body)")
            // Four minutes before: open.
            clock.advance(6 * 60)
            let open = try await phone.get("/sign?code=\(try Self.code(on: try await trainer.get("/trainer/LYON/\(first.id)/screen")))")
            #expect(open.status == .ok && open.field("ticket") != nil, "\(open.body)")
        }
        #expect(try store.attendanceHistory(of: "LYON").isEmpty)
    }

    @Test func whatIsRefusedRecordsNothing() async throws {
        let (workspace, store, clock, app, first) = try await Self.setUp()
        _ = workspace
        let session = try store.session(id: "LYON")
        let tomorrow = try #require(session.slots.first { $0.date != first.date })
        try await app.test(.router) { client in
            var anonymous = TestBrowser(client: client)
            #expect(try await anonymous.get("/trainer").headers[.location] == "/login")
            #expect(try await anonymous.get("/trainer/LYON/\(first.id)").headers[.location] == "/login")

            var trainer = TestBrowser(client: client)
            let csrf = try await Self.logIn(&trainer)
            // No token, or another's: refused, nothing opened.
            let forged = try await trainer.post("/trainer/LYON/\(first.id)/open", [("csrf", "forged")])
            #expect(forged.status == .forbidden)
            #expect(try store.signingWindow(sessionID: "LYON", slotID: first.id) == nil)

            _ = try await trainer.post("/trainer/LYON/\(first.id)/open", [("csrf", csrf)])
            _ = try await trainer.post("/trainer/LYON/\(tomorrow.id)/open", [("csrf", csrf)])
            let code = try Self.code(on: try await trainer.get("/trainer/LYON/\(first.id)/screen"))
            let future = try Self.code(on: try await trainer.get("/trainer/LYON/\(tomorrow.id)/screen"))

            var phone = TestBrowser(client: client)
            // Tomorrow's half-day: not yet.
            let early = try await phone.get("/sign?code=\(future)")
            #expect(early.status == .forbidden && early.body.contains("n&#39;a pas commencé"), "\(early.body)")
            // A code past its time.
            clock.advance(31)
            let expired = try await phone.get("/sign?code=\(code)")
            #expect(expired.status == .forbidden && expired.body.contains("expiré"), "\(expired.body)")
            // A waitlisted person, and a forged ticket.
            let fresh = try Self.code(on: try await trainer.get("/trainer/LYON/\(first.id)/screen"))
            let ticket = try #require(try await phone.get("/sign?code=\(fresh)").field("ticket"))
            let waitlisted = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0006"), ("signature", Self.signature)])
            #expect(waitlisted.status == .forbidden && waitlisted.body.contains("P-0006"), "\(waitlisted.body)")
            let forgedTicket = try await phone.post(
                "/sign", [("ticket", ticket.dropLast(2) + "AA"), ("participant", "P-0001"), ("signature", Self.signature)])
            #expect(forgedTicket.status == .forbidden)
            let noSignature = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0001"), ("signature", "")])
            #expect(noSignature.status == .unprocessableContent)
            // A form past the size a drawn signature takes: 413, read no further.
            let huge = "data:image/png;base64," + String(repeating: "A", count: 300_000)
            let tooLarge = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0001"), ("signature", huge)])
            #expect(tooLarge.status == .contentTooLarge, "\(tooLarge.status)")
            // A page kept too long.
            clock.advance(601)
            let stale = try await phone.post("/sign", [("ticket", ticket), ("participant", "P-0001"), ("signature", Self.signature)])
            #expect(stale.status == .forbidden && stale.body.contains("expiré"), "\(stale.body)")
            // A half-day past: a valid code of its screen, hours after it ended, opens nothing.
            let end = try #require(first.interval?.end)
            clock.advance(end.addingTimeInterval(31 * 60).timeIntervalSince(clock.now))
            let late = try Self.code(on: try await trainer.get("/trainer/LYON/\(first.id)/screen"))
            let past = try await phone.get("/sign?code=\(late)")
            #expect(past.status == .forbidden && past.body.contains("a fermé"), "\(past.body)")
            #expect(try store.attendanceHistory(of: "LYON").isEmpty)

            // A trainer who does not run the session sees none of it.
            var bruno = TestBrowser(client: client)
            _ = try await Self.logIn(&bruno, as: "bruno")
            let other = try await bruno.get("/trainer/LYON/\(first.id)")
            #expect(other.status == .forbidden && !other.body.contains("ROUX"), "\(other.body)")
            #expect(!(try await bruno.get("/trainer").body.contains("/trainer/LYON")))

            // Logging out ends the session on the server too.
            let token = try #require(trainer.cookies["__Host-allervers"])
            _ = try await trainer.post("/logout", [("csrf", csrf)])
            var replay = TestBrowser(client: client, cookies: ["__Host-allervers": token])
            #expect(try await replay.get("/trainer").headers[.location] == "/login")
        }
    }

    @Test func aWrongPasswordIsRefusedAndLoginsAreThrottled() async throws {
        let (workspace, store, _, _, _) = try await Self.setUp()
        _ = workspace
        // Three tries a minute here (ten by default): all of them within the minute, however
        // slowly a loaded machine runs them.
        let app = Application(router: try Server.router(store: store, limits: .init(loginsPerMinute: 3, passwordCost: 4)))
        try await app.test(.router) { client in
            var browser = TestBrowser(client: client)
            let csrf = try #require(try await browser.get("/login").field("csrf"))
            let wrong = try await browser.post("/login", [("csrf", csrf), ("login", "claire"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized && wrong.body.contains("Identifiant ou mot de passe incorrect."), "\(wrong.body)")
            #expect(browser.cookies["__Host-allervers"] == nil)
            let noToken = try await browser.post("/login", [("login", "claire"), ("password", Self.password)])
            #expect(noToken.status == .forbidden)
            let unknown = try await browser.post("/login", [("csrf", csrf), ("login", "nobody"), ("password", "y")])
            #expect(unknown.status == .unauthorized && unknown.body.contains("Identifiant ou mot de passe incorrect."))
            let fourth = try await browser.post("/login", [("csrf", csrf), ("login", "claire"), ("password", Self.password)])
            #expect(fourth.status == .tooManyRequests && fourth.headers[.retryAfter] != nil, "\(fourth.status)")
            #expect(browser.cookies["__Host-allervers"] == nil)
        }
    }

    /// What a controller rejects: signatures within seconds, a sheet left uncertified, someone
    /// present without a signature; the command lists them and fails.
    @Test func theChecksFindWhatControllersReject() async throws {
        let (workspace, store, clock, _, first) = try await Self.setUp()
        let signing = SigningService(store: store)
        let claire = try #require(try store.account(login: "claire")).account
        let window = try await signing.open(sessionID: "LYON", slotID: first.id, by: claire, at: clock.now)
        let png = try #require(SignatureImage(dataURL: Self.signature))
        for person in ["P-0001", "P-0002", "P-0003"] {
            let page = try await signing.page(for: signing.display(window, at: clock.now).code, at: clock.now)
            _ = try await signing.sign(
                ticket: page.ticket, participantID: person, image: png, deviceTime: nil, address: "10.0.0.9", userAgent: nil, at: clock.now)
            clock.advance(2)
        }
        clock.set(try #require(first.interval?.start).addingTimeInterval(60))
        try await signing.mark(
            AttendanceMark(participantID: "P-0004", slotID: first.id, status: .present), in: "LYON", by: claire, reason: nil,
            onBehalf: false, at: clock.now)
        let checks = AttendanceChecks(store: store)
        let now = try await checks.problems(of: "LYON", at: clock.now).map { $0.rendered(in: .en) }
        #expect(
            now == [
                "\(first.id): all 3 signatures came within 4 seconds, as if signed in a row",
                "\(first.id): MOREAU Julien is counted present without a signature",
            ], "\(now)")
        let nextDay = try #require(first.interval?.end).addingTimeInterval(AttendanceChecks.certificationDelay + 60)
        let later = try await checks.problems(of: "LYON", at: nextDay).map { $0.rendered(in: .en) }
        #expect(later.contains("\(first.id): no trainer has certified the sheet a day after the half-day"), "\(later)")

        let command = await allervers("attendance", "check", "LYON", "--store", workspace.url.path)
        #expect(command.exitCode == 1)
        #expect(command.output.contains("as if signed in a row"), "\(command)")
    }

    @Test func accountsAreAddedWithAPasswordOnStandardInput() async throws {
        let workspace = try await weekWorkspace()
        let binary = try builtBinary
        let store = workspace.url.path
        let short = try execute(binary, ["account", "add", "claire", "--name", "Claire Martin", "--store", store], input: "short\n")
        #expect(short.status == 1 && short.output.contains("12"), "\(short.output)")
        let added = try execute(
            binary, ["account", "add", "claire", "--name", "Claire Martin", "--store", store], input: Self.password + "\n")
        #expect(added == (0, "Added account claire (Claire Martin, trainer)\n"), "\(added.output)")
        let again = try execute(binary, ["account", "add", "claire", "--name", "Claire M", "--store", store], input: Self.password + "\n")
        #expect(again.status == 1 && again.output.contains("already an account claire"))
        let listed = await allervers("account", "list", "--store", store)
        #expect(listed.output.contains("claire") && listed.output.contains("active"), "\(listed)")

        let opened = try Stores.open(Workspace(folder: workspace.url))
        let service = AccountService(store: opened)
        let session = try #require(try await service.logIn("claire", password: Self.password, at: Date()))
        #expect(try await service.session(token: session.token, at: Date())?.account.name == "Claire Martin")
        let disabled = await allervers("account", "disable", "claire", "--store", store)
        #expect(disabled.exitCode == 0)
        #expect(try await service.session(token: session.token, at: Date()) == nil)
        #expect(try await service.logIn("claire", password: Self.password, at: Date()) == nil)
    }
}

/// An employer's account sees its own staff, and nobody else's, on every page and download.
@Suite struct EmployerPagesTests {
    @Test func twoEmployersEachSeeTheirOwnStaffOnly() async throws {
        let workspace = try await closedWeekWorkspace()
        let path = workspace.url.path
        for arguments in [
            ["certify", "LYON", "--date", "2026-03-16"],
            [
                "obligation", "add", "--employer", "CCAS de Villeurbanne", "--title", "Aller-vers, socle", "--course", "AV-FOND",
                "--due-months", "12", "--validity", "36", "--grace", "30",
            ],
            [
                "obligation", "add", "--employer", "Sauvegarde 69", "--title", "Aller-vers, Sauvegarde", "--course", "AV-FOND",
                "--due-months", "12", "--validity", "36",
            ],
        ] {
            let result = await allervers(arguments + ["--store", path])
            try #require(result.exitCode == 0, "\(arguments): \(result)")
        }
        let store = try Stores.open(Workspace(folder: workspace.url), readers: 2)
        let accounts = AccountService(store: store, cost: 4)
        try await accounts.add(
            Account(login: "rh-ccas", name: "Service RH", role: .employer, employerID: "CCAS de Villeurbanne"),
            password: SigningTests.password)
        try await accounts.add(
            Account(login: "rh-s69", name: "Direction", role: .employer, employerID: "Sauvegarde 69"), password: SigningTests.password)
        try await accounts.add(Account(login: "claire", name: "Claire Martin", role: .trainer), password: SigningTests.password)
        let app = Application(
            router: try Server.router(store: store, limits: .init(passwordCost: 4), clock: { Date(timeIntervalSince1970: 1_780_000_000) }))
        let staff = ["rh-ccas": ["ROUX", "BENALI"], "rh-s69": ["LAMBERT", "MOREAU"]]
        let everyone = ["ROUX", "BENALI", "LAMBERT", "MOREAU", "DIALLO", "PETIT"]
        try await app.test(.router) { client in
            for (login, own) in staff {
                var browser = TestBrowser(client: client)
                _ = try await SigningTests.logIn(&browser, as: login, home: "/employer")
                for page in ["/employer", "/employer/matrix", "/employer/certificates", "/employer/report.csv", "/employer/matrix.csv"] {
                    let answer = try await browser.get(page)
                    #expect(answer.status == .ok, "\(login) \(page): \(answer.status)")
                    let seen = answer.body.uppercased()
                    for name in own { #expect(seen.contains(name), "\(login) \(page) shows \(name): \(answer.body)") }
                    for name in everyone where !own.contains(name) {
                        #expect(!seen.contains(name), "\(login) \(page) must not show \(name)")
                    }
                }
                for page in ["/employer/report.pdf", "/employer/matrix.pdf"] {
                    let answer = try await browser.get(page)
                    #expect(answer.headers[.contentType] == "application/pdf")
                    let pdf = workspace.url.appendingPathComponent("\(login)-\(page.split(separator: "/").last ?? "")")
                    try Data(answer.bytes).write(to: pdf)
                    let text = try text(of: pdf).uppercased()
                    for name in own { #expect(text.contains(name), "\(login) \(page) shows \(name)") }
                    for name in everyone where !own.contains(name) {
                        #expect(!text.contains(name), "\(login) \(page) must not show \(name)")
                    }
                }
                // Its certificates link to their public pages; nothing of a trainer's.
                let certificates = try await browser.get("/employer/certificates")
                #expect(certificates.body.contains("/verify/AV-2026-"), "\(certificates.body)")
                #expect(try await browser.get("/trainer").headers[.location] == "/employer")
                #expect(try await browser.get("/signatures/\(String(repeating: "0", count: 64))").headers[.location] == "/employer")
            }
            var trainer = TestBrowser(client: client)
            _ = try await SigningTests.logIn(&trainer)
            #expect(try await trainer.get("/employer").headers[.location] == "/trainer")
            #expect(try await trainer.get("/employer/report.csv").headers[.location] == "/trainer")
        }
    }
}
