import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TrainingCore
import TrainingPDF
import TrainingService
import TrainingStore

/// The pages behind a login, and signing: trainers open a half-day and certify its sheet;
/// participants reach it with the rotating code and sign; employers see their staff (see
/// `Site+Employers.swift`). Every write is a POST carrying a token the page gave (a
/// logged-in browser's, or the signing page's sealed ticket).
struct Site: Sendable {
    let store: Store
    let pages: Pages
    let accounts: AccountService
    let signing: SigningService
    let limits: Server.Limits
    let clock: @Sendable () -> Date

    /// The cookie of a logged-in browser (`__Host-`: secure, for this host and every path).
    static let sessionCookie = "__Host-allervers"
    /// The cookie the login form's token is checked against.
    static let loginCookie = "__Host-allervers-login"
    /// The largest form taken: a drawn signature is a few kilobytes; a PNG is refused above 200 kB.
    static let largestForm = 300_000

    func add(to router: Router<ServerContext>) {
        let logins = RateLimiter<ServerContext>(perMinute: limits.loginsPerMinute, trustedProxies: limits.trustedProxies)
        router.get("/signature.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.script)))
        }
        router.get("/login") { request, _ in try await loginPage(request, refusal: nil) }
        router.group("/login").add(middleware: logins).post { request, _ in try await logIn(request) }
        router.post("/logout") { request, _ in try await logOut(request) }
        addEmployerPages(to: router)
        router.get("/trainer") { request, _ in
            try await trainer(request) { account, csrf in try await sessionsPage(account, csrf, request) }
        }
        router.get("/trainer/:session") { request, context in
            try await trainer(request) { account, csrf in
                try await sessionPage(try context.parameters.require("session"), account, csrf, request)
            }
        }
        router.get("/trainer/:session/:slot") { request, context in
            try await trainer(request) { account, csrf in
                try await sheetPage(
                    try context.parameters.require("session"), try context.parameters.require("slot"), account, csrf, request)
            }
        }
        router.get("/trainer/:session/:slot/screen") { request, context in
            try await trainer(request) { account, csrf in
                try await screenPage(
                    try context.parameters.require("session"), try context.parameters.require("slot"), account, csrf, request)
            }
        }
        for action in ["open", "mark", "certify"] {
            router.post("/trainer/:session/:slot/\(action)") { request, context in
                try await trainerPost(request, context: context, action: action)
            }
        }
        router.get("/signatures/:sha") { request, context in
            try await trainer(request) { account, _ in
                let sha = try context.parameters.require("sha")
                // Only a trainer of a session the signature was drawn for sees it.
                let sessions = try store.sessions(signedWithImage: sha).compactMap { try? store.session(id: $0) }
                guard sessions.contains(where: { account.isTrainer(of: $0.trainers) }), let image = try store.signatureImage(sha256: sha)
                else { throw HTTPError(.notFound) }
                return Response(
                    status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=86400"],
                    body: .init(byteBuffer: ByteBuffer(bytes: image.png)))
            }
        }
        // Codes are tried at most `signingRequestsPerMinute` times a minute from one client: a
        // room of phones behind one address signs in a minute, guessing a code takes centuries.
        let signs = router.group("/sign").add(
            middleware: RateLimiter<ServerContext>(perMinute: limits.signingRequestsPerMinute, trustedProxies: limits.trustedProxies))
        signs.get { request, _ in
            let language = Pages.language(of: request)
            guard let code = request.uri.queryParameters.get("code"), !code.isEmpty else { return codePage(language, refusal: nil) }
            return try await signingPage(for: code, request)
        }
        signs.get(":token") { request, context in try await signingPage(for: try context.parameters.require("token"), request) }
        signs.post { request, context in try await sign(request, context: context) }
    }

    // MARK: Logging in

    private func loginPage(_ request: Request, refusal: Text?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let language = Pages.language(of: request)
        let token = request.cookies[Self.loginCookie]?.value ?? Self.randomToken()
        var response = Language.$current.withValue(language) {
            pages.render(
                "login",
                [
                    "title": Pages.tr("Log in"), "csrf": token, "loginLabel": Pages.tr("Login"), "passwordLabel": Pages.tr("Password"),
                    "submit": Pages.tr("Log in"), "refusal": refusal.map(Pages.tr) as Any,
                ], language: language, status: status)
        }
        response.setCookie(Self.cookie(Self.loginCookie, token, maxAge: 3600))
        return response
    }

    private func logIn(_ request: Request) async throws -> Response {
        var request = request
        let form = try await Self.form(&request, limit: 4_096)
        guard let expected = request.cookies[Self.loginCookie]?.value, Self.same(form["csrf"], expected) else {
            return try await loginPage(request, refusal: "This form has expired: try again.", status: .forbidden)
        }
        guard let (token, _) = try await accounts.logIn(form["login"] ?? "", password: form["password"] ?? "", at: clock()),
            let session = try await accounts.session(token: token, at: clock())
        else {
            return try await loginPage(request, refusal: "Wrong login or password.", status: .unauthorized)
        }
        var response = Self.redirect(Self.home(of: session.account.role))
        response.setCookie(Self.cookie(Self.sessionCookie, token, maxAge: Int(AccountService.sessionLifetime)))
        response.setCookie(Self.cookie(Self.loginCookie, "", maxAge: 0))
        return response
    }

    private func logOut(_ request: Request) async throws -> Response {
        var request = request
        let form = try await Self.form(&request, limit: 4_096)
        if let token = request.cookies[Self.sessionCookie]?.value, let session = try await accounts.session(token: token, at: clock()),
            Self.same(form["csrf"], session.csrfToken)
        {
            try await accounts.logOut(token: token)
        }
        var response = Self.redirect("/login")
        response.setCookie(Self.cookie(Self.sessionCookie, "", maxAge: 0))
        return response
    }

    /// Runs `page` for a logged-in trainer, or sends the browser to log in.
    private func trainer(_ request: Request, _ page: (Account, String) async throws -> Response) async throws -> Response {
        try await signedIn(request, as: .trainer, page)
    }

    /// Runs `page` for a logged-in account of `role`, or sends the browser to log in (or, for
    /// another role, to its own pages).
    func signedIn(_ request: Request, as role: Account.Role, _ page: (Account, String) async throws -> Response) async throws -> Response {
        guard let token = request.cookies[Self.sessionCookie]?.value, let session = try await accounts.session(token: token, at: clock())
        else { return Self.redirect("/login") }
        guard session.account.role == role else { return Self.redirect(Self.home(of: session.account.role)) }
        do {
            return try await page(session.account, session.csrfToken)
        } catch let error as NotFoundError {
            return refusalPage(
                error.text, Pages.language(of: request), status: .notFound, account: session.account, csrf: session.csrfToken)
        } catch let error as any TextError {
            return refusalPage(
                error.text, Pages.language(of: request), status: .forbidden, account: session.account, csrf: session.csrfToken)
        }
    }

    // MARK: Trainers' pages

    private func sessionsPage(_ account: Account, _ csrf: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let sessions = try await signing.sessions(runBy: account)
        return Language.$current.withValue(language) {
            pages.render(
                "sessions",
                [
                    "title": Pages.tr("My sessions"), "account": Self.account(account, csrf), "hasSessions": !sessions.isEmpty,
                    "headers": [Pages.tr("Session"), Pages.tr("Course"), Pages.tr("Dates"), Pages.tr("Status")],
                    "none": Pages.tr("No session lists \(account.name) as a trainer."),
                    "sessions": sessions.map { session in
                        [
                            "url": "/trainer/\(Self.path(session.id))", "id": session.id, "course": session.courseID,
                            "dates": "\(session.firstDay?.description ?? "") – \(session.lastDay?.description ?? "")",
                            "status": session.status.words.description,
                        ]
                    },
                ], language: language)
        }
    }

    private func sessionPage(_ sessionID: String, _ account: Account, _ csrf: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let session = try await signing.session(sessionID, runBy: account)
        let records = try store.records(of: session.id)
        let certified = try store.sheetSignatures(of: session.id)
        let problems = try await AttendanceChecks(store: store).problems(of: session.id, at: clock())
        let seated = try store.seatedParticipants(in: session.id).count
        return Language.$current.withValue(language) {
            pages.render(
                "session",
                [
                    "title": Pages.tr("Session \(session.id)"), "account": Self.account(account, csrf), "course": records.course.title,
                    "hasProblems": !problems.isEmpty, "problems": problems.map(Pages.tr), "back": Pages.tr("My sessions"),
                    "headers": [Pages.tr("Half-day"), Pages.tr("Times"), Pages.tr("Recorded"), Pages.tr("Certified by")],
                    "slots": session.slots.map { slot in
                        [
                            "url": "/trainer/\(Self.path(session.id))/\(Self.path(slot.id))", "label": slot.id,
                            "times": "\(slot.start)–\(slot.end)",
                            "signed": "\(seated == 0 ? 0 : records.marks.filter { $0.slotID == slot.id }.count)/\(seated)",
                            "certified": certified.filter { $0.slotID == slot.id }.map(\.trainer).joined(separator: ", "),
                        ]
                    },
                ], language: language)
        }
    }

    private func sheetPage(
        _ sessionID: String, _ slotID: String, _ account: Account, _ csrf: String, _ request: Request, refusal: Text? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = Pages.language(of: request)
        let sheet = try await signing.sheet(sessionID: sessionID, slotID: slotID, by: account)
        let base = "/trainer/\(Self.path(sheet.session.id))/\(Self.path(slotID))"
        let signable = sheet.session.status == .planned || sheet.session.status == .running
        return Language.$current.withValue(language) {
            let statuses: [(String, Text)] = [
                ("present", "present"), ("late", "arrived late (minutes)"), ("left-early", "left early (minutes)"),
                ("absent", "absent"), ("excused", "excused (reason)"), ("on-behalf", "present, signed for them (reason)"),
            ]
            return pages.render(
                "sheet",
                [
                    "title": Pages.tr("Sign-in sheet, \(slotID)"), "account": Self.account(account, csrf), "csrf": csrf,
                    "sessionURL": "/trainer/\(Self.path(sheet.session.id))", "sessionID": sheet.session.id, "course": sheet.courseTitle,
                    "times": "\(sheet.slot.start)–\(sheet.slot.end)", "refusal": refusal.map(Pages.tr) as Any,
                    "screenURL": sheet.window != nil && signable ? "\(base)/screen" : nil as String? as Any,
                    "showCode": Pages.tr("Show the signing code"),
                    "openURL": sheet.window == nil && signable ? "\(base)/open" : nil as String? as Any,
                    "openLabel": Pages.tr("Open this half-day for signing"),
                    "headers": [Pages.tr("Participant"), Pages.tr("Record"), Pages.tr("Signature"), Pages.tr("Change")],
                    "statusLabel": Pages.tr("Status"), "minutesLabel": Pages.tr("minutes"), "reasonLabel": Pages.tr("reason"),
                    "recordLabel": Pages.tr("Save"), "markURL": "\(base)/mark",
                    "statuses": statuses.map { ["value": $0.0, "label": Pages.tr($0.1)] },
                    "lines": sheet.lines.map { line in
                        [
                            "id": line.participant.id, "name": line.participant.displayName,
                            "mark": line.mark.map { Pages.tr(Self.words(of: $0)) } ?? Pages.tr("not recorded"),
                            "image": line.signature?.evidence?.imageSHA256.map { "/signatures/\($0)" } as Any,
                            "alt": Pages.tr("Signature of \(line.participant.displayName)"),
                            "signed": line.signature.map { event in
                                Pages.tr(
                                    "\(SigningService.clock(event.recordedAt, in: sheet.session)) (\(event.evidence?.method.words ?? ""))")
                            } ?? "",
                        ]
                    },
                    "certifyTitle": Pages.tr("Certify the sheet"),
                    "certifications": sheet.certifications.map { signature in
                        Pages.tr("Certified by \(signature.trainer) on \(SigningService.clock(signature.signedAt, in: sheet.session))")
                    },
                    "certifyURL": "\(base)/certify", "drawLabel": Pages.tr("Draw your signature here"),
                    "drawFirst": Pages.tr("Draw your signature first."), "clearLabel": Pages.tr("Clear"),
                    "certifyLabel": Pages.tr("Sign and certify"),
                ], language: language, status: status, script: true)
        }
    }

    private func screenPage(_ sessionID: String, _ slotID: String, _ account: Account, _ csrf: String, _ request: Request) async throws
        -> Response
    {
        let language = Pages.language(of: request)
        let sheet = try await signing.sheet(sessionID: sessionID, slotID: slotID, by: account)
        let base = "/trainer/\(Self.path(sheet.session.id))/\(Self.path(slotID))"
        guard let window = sheet.window else { return Self.redirect(base) }
        let (token, code) = signing.display(window, at: clock())
        let site = try store.organisation()?.publicAddress ?? "http://\(request.head.authority ?? "localhost")"
        let address = "\(site)/sign/\(token)"
        return Language.$current.withValue(language) {
            pages.render(
                "screen",
                [
                    "title": Pages.tr("Sign the sheet"), "account": Self.account(account, csrf), "course": sheet.courseTitle,
                    "halfDay": slotID, "qr": QRMatrix(address)?.svg ?? "", "code": code, "refresh": Int(signing.policy.step),
                    "explain": Pages.tr("Scan the QR code with your phone, or go to \(site)/sign and type the code."),
                    "sheetURL": base, "back": Pages.tr("Back to the sheet"),
                ], language: language)
        }
    }

    private func trainerPost(_ request: Request, context: ServerContext, action: String) async throws -> Response {
        var request = request
        let form = try await Self.form(&request, limit: Self.largestForm)
        let sessionID = try context.parameters.require("session")
        let slotID = try context.parameters.require("slot")
        return try await trainer(request) { account, csrf in
            guard Self.same(form["csrf"], csrf) else {
                return try await sheetPage(
                    sessionID, slotID, account, csrf, request, refusal: "This form has expired: try again.", status: .forbidden)
            }
            let base = "/trainer/\(Self.path(sessionID))/\(Self.path(slotID))"
            do {
                switch action {
                case "open":
                    try await signing.open(sessionID: sessionID, slotID: slotID, by: account, at: clock())
                    return Self.redirect("\(base)/screen")
                case "certify":
                    guard let image = form["signature"].flatMap(SignatureImage.init(dataURL:)) else {
                        throw SigningError("the signature did not come through: draw it again")
                    }
                    _ = try await signing.certify(sessionID: sessionID, slotID: slotID, by: account, image: image, at: clock())
                default:
                    let (mark, onBehalf) = try Self.mark(from: form, slotID: slotID)
                    try await signing.mark(mark, in: sessionID, by: account, reason: form["reason"], onBehalf: onBehalf, at: clock())
                }
                return Self.redirect(base)
            } catch let error as any TextError where !(error is NotFoundError) {
                return try await sheetPage(sessionID, slotID, account, csrf, request, refusal: error.text, status: .unprocessableContent)
            }
        }
    }

    /// The mark a trainer's form asks for.
    static func mark(from form: [String: String], slotID: String) throws -> (AttendanceMark, onBehalf: Bool) {
        guard let participant = form["participant"], !participant.isEmpty else { throw SigningError("choose a participant") }
        let minutes = Int(form["minutes"]?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        let reason = form["reason"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        var mark = AttendanceMark(participantID: participant, slotID: slotID, status: .present)
        switch form["status"] ?? "" {
        case "present": break
        case "late": mark.minutesLate = minutes
        case "left-early": mark.minutesLeftEarly = minutes
        case "absent": mark.status = .absent
        case "excused":
            mark.status = .excused
            mark.reason = reason
        case "on-behalf": return (mark, true)
        default: throw SigningError("choose what to record")
        }
        return (mark, false)
    }

    /// A mark in words: `present, 20 minutes late`.
    static func words(of mark: AttendanceMark) -> Text {
        switch mark.status {
        case .present:
            var text: Text = "present"
            if mark.minutesLate > 0 { text = text + ", " + "\(mark.minutesLate) minutes late" }
            if mark.minutesLeftEarly > 0 { text = text + ", " + "left \(mark.minutesLeftEarly) minutes early" }
            return text
        case .absent: return "absent"
        case .excused: return "excused: \(mark.reason ?? "")"
        }
    }

    // MARK: Participants' pages

    private func codePage(_ language: Language, refusal: Text?, status: HTTPResponse.Status = .ok) -> Response {
        Language.$current.withValue(language) {
            pages.render(
                "code",
                [
                    "title": Pages.tr("Sign the sheet"), "codeLabel": Pages.tr("The code on the trainer's screen"),
                    "continueLabel": Pages.tr("Continue"), "refusal": refusal.map(Pages.tr) as Any,
                ], language: language, status: status)
        }
    }

    private func signingPage(for typed: String, _ request: Request) async throws -> Response {
        let language = Pages.language(of: request)
        let page: SigningPage
        do {
            page = try await signing.page(for: typed, at: clock())
        } catch let error as SigningError {
            return codePage(language, refusal: error.text, status: .forbidden)
        }
        return Language.$current.withValue(language) {
            let signed = " — " + Pages.tr("signed")
            return pages.render(
                "sign",
                [
                    "title": Pages.tr("Sign the sheet"), "course": page.courseTitle,
                    "halfDay": Pages.tr(
                        "\(page.slot.date.description) \(page.slot.part.name(french: language == .fr)), \(page.slot.start.description)–\(page.slot.end.description)"
                    ),
                    "ticket": page.ticket, "pickName": Pages.tr("Your name"),
                    "people": pages.rows(
                        "person",
                        page.people.map { person -> KeyValuePairs<String, String> in
                            [
                                "id": person.participant.id, "name": person.participant.displayName,
                                "state": person.signed ? "signed" : "unsigned", "note": person.signed ? signed : "",
                            ]
                        }),
                    "drawLabel": Pages.tr("Draw your signature here"), "drawFirst": Pages.tr("Draw your signature first."),
                    "clearLabel": Pages.tr("Clear"), "signLabel": Pages.tr("Sign"),
                ], language: language, script: true)
        }
    }

    private func sign(_ request: Request, context: ServerContext) async throws -> Response {
        var request = request
        let language = Pages.language(of: request)
        let form = try await Self.form(&request, limit: Self.largestForm)
        do {
            guard let image = form["signature"].flatMap(SignatureImage.init(dataURL:)) else {
                return refusedSignature(
                    SigningError("the signature did not come through: draw it again").text, language, .unprocessableContent)
            }
            let receipt = try await signing.sign(
                ticket: form["ticket"] ?? "", participantID: form["participant"] ?? "", image: image, deviceTime: form["deviceTime"],
                address: context.remoteAddress.map { peer in
                    RateLimiter<ServerContext>.client(
                        peer: peer.ipAddress, forwardedFor: request.headers[.xForwardedFor], trusting: limits.trustedProxies,
                        wholeAddress: true)
                },
                userAgent: request.headers[.userAgent], at: clock())
            return Language.$current.withValue(language) {
                pages.render(
                    "certificate",
                    [
                        "title": Pages.tr("Signed"), "state": ["class": "valid", "text": Pages.tr("Your signature is recorded.")],
                        "hasFields": true,
                        "fields": [
                            (Pages.tr("Receipt"), receipt.number), (Pages.tr("Participant"), receipt.holder),
                            (Pages.tr("Course"), receipt.courseTitle), (Pages.tr("Session"), receipt.sessionID),
                            (Pages.tr("Half-day"), receipt.slot.id),
                            (Pages.tr("Recorded at"), receipt.signedAt),
                        ].map { ["label": $0.0, "value": $0.1] },
                    ], language: language)
            }
        } catch let error as any TextError {
            return refusedSignature(error.text, language, .forbidden)
        }
    }

    private func refusedSignature(_ text: Text, _ language: Language, _ status: HTTPResponse.Status) -> Response {
        Language.$current.withValue(language) {
            pages.render(
                "certificate",
                [
                    "title": Pages.tr("Not signed"), "refusal": Pages.tr(text), "message": Pages.tr("Nothing was recorded."),
                    "link": ["url": "/sign", "label": Pages.tr("Type the code again")],
                ], language: language, status: status)
        }
    }

    private func refusalPage(_ text: Text, _ language: Language, status: HTTPResponse.Status, account: Account, csrf: String) -> Response {
        Language.$current.withValue(language) {
            pages.render(
                "certificate",
                [
                    "title": Pages.tr("Not possible"), "refusal": Pages.tr(text), "account": Self.account(account, csrf),
                    "link": ["url": Self.home(of: account.role), "label": Pages.tr("Back")],
                ], language: language, status: status)
        }
    }

    /// Where an account's pages start.
    static func home(of role: Account.Role) -> String {
        switch role {
        case .trainer: "/trainer"
        case .employer: "/employer"
        }
    }

    // MARK: Helpers

    static func account(_ account: Account, _ csrf: String) -> [String: String] { ["name": account.name, "csrf": csrf] }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A cookie only this site's pages send back over HTTPS (or to a browser on this machine).
    static func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16) }.joined()
    }

    static func same(_ given: String?, _ expected: String) -> Bool {
        guard let given, !expected.isEmpty else { return false }
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func path(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? component
    }

    /// An `application/x-www-form-urlencoded` body, at most `limit` bytes (413 beyond).
    static func form(_ request: inout Request, limit: Int) async throws -> [String: String] {
        let body = try await request.collectBody(upTo: limit)
        return body.withUnsafeReadableBytes(formFields)
    }

    /// The fields of a form's body, read on its bytes: `+` is a space, `%XX` a byte, and a name
    /// or value whose escapes are broken or whose bytes are not UTF-8 reads as empty. Of a
    /// name given twice, the last value.
    static func formFields(_ body: UnsafeRawBufferPointer) -> [String: String] {
        func decoded(_ start: Int, _ end: Int) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(end - start)
            var index = start
            while index < end {
                switch body[index] {
                case UInt8(ascii: "+"):
                    bytes.append(UInt8(ascii: " "))
                    index += 1
                case UInt8(ascii: "%"):
                    guard index + 2 < end, let high = hexDigit(body[index + 1]), let low = hexDigit(body[index + 2]) else { return "" }
                    bytes.append(high << 4 | low)
                    index += 3
                case let byte:
                    bytes.append(byte)
                    index += 1
                }
            }
            return String(validating: bytes, as: UTF8.self) ?? ""
        }
        var fields: [String: String] = [:]
        var start = 0
        while start < body.count {
            var end = start
            while end < body.count && body[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var equals = start
                while equals < end && body[equals] != UInt8(ascii: "=") { equals += 1 }
                fields[decoded(start, equals)] = equals < end ? decoded(equals + 1, end) : ""
            }
            start = end + 1
        }
        return fields
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
