internal import Crypto
public import Foundation
internal import HummingbirdBcrypt
public import TrainingCore
import TrainingExport
public import TrainingPDF
public import TrainingStore

/// How long signing lasts around a half-day, and how long a code lives.
public struct SigningPolicy: Sendable, Hashable {
    /// How long before a half-day starts its participants may sign.
    public var before: TimeInterval
    /// How long after it ends they still may.
    public var after: TimeInterval
    /// How often the code on the trainer's screen changes; a code is taken during its step
    /// and the next, so each lives between one and two steps.
    public var step: TimeInterval
    /// How long a signing page, once opened with a valid code, may take to be sent.
    public var pageLifetime: TimeInterval

    /// 15 minutes before to 30 minutes after, a code every 15 seconds taken for 30, ten
    /// minutes to draw a signature.
    public init(before: TimeInterval = 15 * 60, after: TimeInterval = 30 * 60, step: TimeInterval = 15, pageLifetime: TimeInterval = 600) {
        self.before = before
        self.after = after
        self.step = step
        self.pageLifetime = pageLifetime
    }
}

/// The rotating codes of a half-day open for signing, drawn from its secret: a QR token of
/// 20 characters and a six-character code to type, both from an HMAC of the time step.
public struct SigningCodes: Sendable {
    /// Letters and digits that cannot be mistaken for one another (no I, O, 0 or 1).
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    let secret: [UInt8]
    let step: TimeInterval
    private var key: SymmetricKey { SymmetricKey(data: secret) }

    init(secret: String, step: TimeInterval) {
        self.secret = Array(secret.utf8)
        self.step = step
    }

    func index(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / step).rounded(.down)) }

    private func characters(_ purpose: String, _ index: Int64, count: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(purpose):\(index)".utf8), using: key)
        return String(Array(mac).prefix(count).map { Self.alphabet[Int($0) % Self.alphabet.count] })
    }

    /// The QR code's token at a step: 20 characters of 32 (100 bits).
    func token(_ index: Int64) -> String { codes(index).token }
    /// The code to type at a step.
    func code(_ index: Int64) -> String { codes(index).code }

    /// Both codes of a step, computed once: a phone's code is looked for among every open
    /// half-day's, on every signing page.
    private func codes(_ index: Int64) -> (token: String, code: String) {
        let key = Memo.Key(secret: secret, index: index)
        if let found = Self.memo.lock.withLock({ Self.memo.codes[key] }) { return found }
        let codes = (characters("qr", index, count: 20), characters("code", index, count: 6))
        Self.memo.lock.withLock {
            // Steps go by: the memo holds the last few thousand codes.
            if Self.memo.codes.count >= 4096 { Self.memo.codes.removeAll(keepingCapacity: true) }
            Self.memo.codes[key] = codes
        }
        return codes
    }

    private final class Memo: @unchecked Sendable {
        struct Key: Hashable {
            let secret: [UInt8]
            let index: Int64

            /// The secret's bytes at once: an array of bytes hashes one byte at a time.
            func hash(into hasher: inout Hasher) {
                secret.withUnsafeBytes { hasher.combine(bytes: $0) }
                hasher.combine(index)
            }
        }
        let lock = NSLock()
        var codes: [Key: (token: String, code: String)] = [:]
    }

    private static let memo = Memo()

    /// A code as typed, in capitals, without spaces or dashes.
    static func typed(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    /// How a code, once ``typed(_:)``, reaches this half-day at `date`, if it is its current
    /// or previous token or code.
    func method(ofTyped wanted: String, at date: Date) -> SignatureEvidence.Method? {
        let now = index(at: date)
        for step in [now, now - 1] {
            let both = codes(step)
            if constantTimeEqual(wanted, both.token) { return .qr }
            if constantTimeEqual(wanted, both.code) { return .code }
        }
        return nil
    }

    /// A signing page's ticket: which half-day, how it was reached and when, sealed with the
    /// half-day's secret, so that the page may take minutes to send while the code rotates.
    func ticket(sessionID: String, slotID: String, method: SignatureEvidence.Method, issuedAt: Date) -> String {
        let body = "\(sessionID)\n\(slotID)\n\(method.rawValue)\n\(Int64(issuedAt.timeIntervalSince1970))"
        let mac = HMAC<SHA256>.authenticationCode(for: Array(("ticket\n" + body).utf8), using: key)
        return Base64URL.encode(Array(body.utf8)) + "." + Base64URL.encode(Array(mac))
    }

    /// The parts of a ticket, before its seal is checked.
    static func parts(of ticket: String) -> (sessionID: String, slotID: String, method: SignatureEvidence.Method, issuedAt: Date)? {
        guard let body = ticket.split(separator: ".").first.flatMap({ Base64URL.bytes($0) }) else { return nil }
        let fields = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, let method = SignatureEvidence.Method(rawValue: fields[2]), let seconds = Int64(fields[3]) else {
            return nil
        }
        return (fields[0], fields[1], method, Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

}

/// Compares two texts in a time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var difference: UInt8 = 0
    for (x, y) in zip(a.utf8, b.utf8) { difference |= x ^ y }
    return difference == 0
}

/// A half-day's signing page, as a participant sees it once they reached it with a valid code.
public struct SigningPage: Sendable {
    /// The session, its course's title and the half-day.
    public var session: Session
    public var courseTitle: String
    public var slot: Slot
    /// The people holding a seat, by family name, and whether each has signed.
    public var people: [(participant: Participant, signed: Bool)]
    /// The sealed ticket the form carries back.
    public var ticket: String
}

/// A half-day's sheet on the trainer's screen.
public struct SheetView: Sendable {
    /// The session, its course's title, the half-day.
    public var session: Session
    public var courseTitle: String
    public var slot: Slot
    /// The signing window, once opened.
    public var window: SigningWindow?
    /// Each person holding a seat, by family name.
    public var lines: [Line]
    /// The trainers who certified the sheet.
    public var certifications: [SheetSignature]

    /// A person's line.
    public struct Line: Sendable {
        public var participant: Participant
        /// The current mark, if any.
        public var mark: AttendanceMark?
        /// Their latest signed record of the half-day.
        public var signature: AttendanceEvent?
    }
}

/// What a participant gets once they signed: the record's number and what it says.
public struct SigningReceipt: Sendable, Hashable {
    /// The record's sequence and the start of its hash (`1042-3f9a2c1b`), which a
    /// controller finds in `allervers attendance history`.
    public var number: String
    /// Who signed, which half-day of which session, when the server recorded it.
    public var holder: String
    public var sessionID: String
    public var courseTitle: String
    public var slot: Slot
    /// When, on the session's clock (`2026-03-12 08:52`).
    public var signedAt: String
}

/// The use cases of signing: trainers open a half-day and certify its sheet; participants
/// reach it with a rotating code and sign.
public struct SigningService: Sendable {
    let store: Store
    /// The windows and the codes' lifetime.
    public let policy: SigningPolicy

    /// The use cases over `store`.
    public init(store: Store, policy: SigningPolicy = SigningPolicy()) {
        self.store = store
        self.policy = policy
    }

    // MARK: Trainers

    /// A session that `account` runs, or an error naming it as not theirs.
    public func session(_ sessionID: String, runBy account: Account) async throws -> Session {
        let session = try store.session(id: sessionID)
        guard account.isTrainer(of: session.trainers) else {
            throw SigningError("\(account.name) is not a trainer of session \(sessionID)")
        }
        return session
    }

    /// The sessions `account` runs that are not cancelled, by start.
    public func sessions(runBy account: Account) async throws -> [SessionSummary] {
        try store.sessionSummaries().filter { account.isTrainer(of: $0.trainers) && $0.status != .cancelled }
    }

    /// Opens a half-day for signing (once: opening it again keeps its secret).
    @discardableResult
    public func open(sessionID: String, slotID: String, by account: Account, at now: Date) async throws -> SigningWindow {
        let session = try await session(sessionID, runBy: account)
        guard session.status == .planned || session.status == .running else {
            throw SigningError("session \(sessionID) is \(session.status.words): its half-days are no longer signed")
        }
        let secret = AttendanceKeys.randomHex(bytes: 32)
        return try store.openSigning(sessionID: sessionID, slotID: slotID, secret: secret, by: account.login, at: now)
    }

    /// What the trainer's screen shows at `now`: the QR token and the code, and until when.
    public func display(_ window: SigningWindow, at now: Date) -> (token: String, code: String) {
        let codes = SigningCodes(secret: window.secret, step: policy.step)
        let index = codes.index(at: now)
        return (codes.token(index), codes.code(index))
    }

    /// A half-day's sheet as its trainer sees it: who holds a seat, their current mark and
    /// signature, the trainers' certifications, whether it is open for signing.
    public func sheet(sessionID: String, slotID: String, by account: Account) async throws -> SheetView {
        let session = try await session(sessionID, runBy: account)
        guard let slot = session.slot(slotID) else { throw SigningError(session.unknownSlotMessage(slotID)) }
        let records = try store.records(of: session.id)
        var signatures: [String: AttendanceEvent] = [:]
        for event in try store.attendanceHistory(of: session.id) where event.mark.slotID == slotID && event.evidence != nil {
            signatures[event.mark.participantID] = event
        }
        return SheetView(
            session: session, courseTitle: records.course.title, slot: slot,
            window: try store.signingWindow(sessionID: session.id, slotID: slotID),
            lines: try store.seatedParticipants(in: session.id).map { person in
                SheetView.Line(participant: person, mark: records.grid[person.id, slotID], signature: signatures[person.id])
            },
            certifications: try store.sheetSignatures(of: session.id).filter { $0.slotID == slotID })
    }

    /// What was signed on screen for a session, as its filled sheets print it: each person's
    /// latest signature of each half-day, and the trainers' certifications.
    public func signatures(of session: Session) throws -> SheetSignatures {
        var images: [String: [UInt8]] = [:]
        func png(_ sha: String?) throws -> [UInt8]? {
            guard let sha else { return nil }
            if let known = images[sha] { return known }
            let image = try store.signatureImage(sha256: sha)?.png
            images[sha] = image
            return image
        }
        var signatures = SheetSignatures()
        for event in try store.attendanceHistory(of: session.id) {
            guard let evidence = event.evidence else { continue }
            signatures.participants["\(event.mark.participantID) \(event.mark.slotID)"] = SheetSignatures.Signature(
                png: try png(evidence.imageSHA256), signer: "", at: Self.clock(event.recordedAt, in: session), method: evidence.method,
                onBehalfReason: evidence.onBehalfReason)
        }
        for signature in try store.sheetSignatures(of: session.id) {
            signatures.trainers[signature.slotID, default: []].append(
                SheetSignatures.Signature(
                    png: try png(signature.imageSHA256), signer: signature.trainer, at: Self.clock(signature.signedAt, in: session),
                    method: nil))
        }
        return signatures
    }

    /// Certifies a half-day's sheet with the trainer's drawn signature.
    public func certify(sessionID: String, slotID: String, by account: Account, image: SignatureImage, at now: Date) async throws
        -> SheetSignature
    {
        let session = try await session(sessionID, runBy: account)
        let trainer = session.trainers.first { $0.folded == account.name.folded } ?? account.name
        return try store.signSheet(sessionID: session.id, slotID: slotID, trainer: trainer, login: account.login, image: image, at: now)
    }

    /// Records, for a participant, what the trainer saw: late, left early, absent or excused,
    /// or present on their behalf (without a signature, for a reason). Before the sheet is
    /// certified, a mark over a signature completes it; after, every change needs a reason.
    public func mark(
        _ mark: AttendanceMark, in sessionID: String, by account: Account, reason: String?, onBehalf: Bool, at now: Date
    ) async throws {
        let session = try await session(sessionID, runBy: account)
        let certified = Set(try store.sheetSignatures(of: session.id).map(\.slotID)).contains(mark.slotID)
        let given = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if certified && given == nil {
            throw SigningError("the sheet of half-day \(mark.slotID) has been certified: a change is a correction and needs its reason")
        }
        if let given, given.count > 300 { throw SigningError("a reason holds at most 300 characters") }
        if onBehalf {
            guard let given else { throw SigningError("signing on someone's behalf needs its reason") }
            _ = try await store.recordSignature(
                participantID: mark.participantID, sessionID: session.id, slotID: mark.slotID, image: nil,
                evidence: SignatureEvidence(method: .trainer, onBehalfReason: given), by: account.login, source: "serve: trainer",
                early: 0, at: now)
            return
        }
        let recorded = try store.currentMarks(in: session.id).contains {
            $0.participantID == mark.participantID && $0.slotID == mark.slotID
        }
        // Before certifying, the tool gives the reason; should the sheet be certified meanwhile,
        // the store refuses it.
        try store.record(
            [mark], in: session.id, by: account.login, source: "serve: trainer",
            correctionReason: given ?? (recorded ? "completed by the trainer before certifying the sheet" : nil),
            beforeCertifying: given == nil, at: now)
    }

    // MARK: Participants

    /// The signing page of the half-day that `typed` (a QR token or a typed code) opens at
    /// `now`, or why not.
    public func page(for typed: String, at now: Date) async throws -> SigningPage {
        let wanted = SigningCodes.typed(typed)
        var ticket = ""
        // The windows and the sheet of the one the code opens, in one read.
        let opened = try store.signingSheet { window in
            let codes = SigningCodes(secret: window.secret, step: policy.step)
            guard let method = codes.method(ofTyped: wanted, at: now) else { return false }
            ticket = codes.ticket(sessionID: window.sessionID, slotID: window.slotID, method: method, issuedAt: now)
            return true
        }
        guard let sheet = opened, let window = sheet.window else {
            throw SigningError(
                "this code has expired or is not one: codes change every few seconds, scan or type the one on the trainer's screen now")
        }
        guard let slot = sheet.session.slot(window.slotID) else { throw SigningError(sheet.session.unknownSlotMessage(window.slotID)) }
        try checkTime(of: slot, in: sheet.session, at: now)
        return SigningPage(
            session: sheet.session, courseTitle: sheet.courseTitle, slot: slot,
            people: sheet.seated.map { person in (person, sheet.recorded.contains(person.id)) }, ticket: ticket)
    }

    /// Signing is taken from `before` the half-day starts to `after` it ends.
    private func checkTime(of slot: Slot, in session: Session, at now: Date) throws {
        guard let interval = session.interval(of: slot) else { return }
        let opens = interval.start.addingTimeInterval(-policy.before)
        let closes = interval.end.addingTimeInterval(policy.after)
        if now < opens {
            throw SigningError(
                "half-day \(slot.id) has not begun: signing opens at \(Self.clock(opens, in: session)), \(Int(policy.before / 60)) minutes before it starts"
            )
        }
        if now > closes {
            throw SigningError(
                "signing for half-day \(slot.id) closed at \(Self.clock(closes, in: session)), \(Int(policy.after / 60)) minutes after it ended: ask the trainer"
            )
        }
    }

    /// A time as the session's clock reads it: `2026-03-12 08:45`.
    public static func clock(_ date: Date, in session: Session) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: session.timeZone) ?? TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// Signs a half-day for a participant holding a seat, with the page's ticket; signing
    /// again gives the same receipt.
    public func sign(
        ticket: String, participantID: String, image: SignatureImage, deviceTime: String?, address: String?, userAgent: String?,
        at now: Date
    ) async throws -> SigningReceipt {
        let expired = SigningError("this signing page has expired: scan or type the code on the trainer's screen again")
        guard let parts = SigningCodes.parts(of: ticket) else { throw expired }
        let sheet: SigningSheet
        do {
            // The ticket's seal is checked against its window before anything else is read.
            sheet = try store.signingSheet(sessionID: parts.sessionID, slotID: parts.slotID, only: participantID) { window in
                guard let window else { throw expired }
                let codes = SigningCodes(secret: window.secret, step: policy.step)
                guard
                    constantTimeEqual(
                        ticket,
                        codes.ticket(sessionID: parts.sessionID, slotID: parts.slotID, method: parts.method, issuedAt: parts.issuedAt)),
                    now.timeIntervalSince(parts.issuedAt) <= policy.pageLifetime, now >= parts.issuedAt.addingTimeInterval(-policy.step)
                else { throw expired }
            }
        } catch is NotFoundError { throw expired }
        guard let window = sheet.window, let slot = sheet.session.slot(window.slotID) else { throw expired }
        try checkTime(of: slot, in: sheet.session, at: now)
        guard let person = sheet.seated.first(where: { $0.id == participantID }) else {
            throw SigningError("\(participantID) holds no seat in session \(window.sessionID): only people enrolled sign its sheet")
        }
        let evidence = SignatureEvidence(
            method: parts.method, deviceTime: deviceTime.map { String($0.prefix(40)) }, address: address,
            userAgent: userAgent.map { String($0.prefix(300)) })
        let event = try await store.recordSignature(
            participantID: person.id, sessionID: window.sessionID, slotID: slot.id, image: image, evidence: evidence,
            by: person.id, source: "serve: \(parts.method.rawValue)", early: policy.before, at: now)
        return SigningReceipt(
            number: "\(event.sequence)-\(event.hash.prefix(8))", holder: person.displayName, sessionID: window.sessionID,
            courseTitle: sheet.courseTitle, slot: slot, signedAt: Self.clock(event.recordedAt, in: sheet.session))
    }
}

/// Random secrets for the server.
enum AttendanceKeys {
    static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    static func randomToken(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}

/// The server's accounts: passwords hashed with bcrypt, browsers' sessions by the SHA-256 of
/// their cookie's token.
public struct AccountService: Sendable {
    let store: Store
    /// bcrypt's cost: 2^cost rounds.
    let cost: UInt8
    /// How long a login lasts.
    public static let sessionLifetime: TimeInterval = 12 * 3600
    /// The shortest password taken.
    public static let minimumPasswordLength = 12

    /// The use cases over `store`.
    public init(store: Store, cost: UInt8 = 12) {
        self.store = store
        self.cost = cost
    }

    /// Adds an account with a password of at least 12 characters.
    public func add(_ account: Account, password: String, at now: Date = Date()) async throws {
        try Self.check(password)
        try store.addAccount(account, passwordHash: Bcrypt.hash(password, cost: cost), at: now)
    }

    /// Sets a new password; the account's browsers are logged out.
    public func setPassword(of login: String, to password: String) async throws {
        try Self.check(password)
        try store.setPassword(of: login.lowercased(), to: Bcrypt.hash(password, cost: cost))
    }

    private static func check(_ password: String) throws {
        guard password.count >= minimumPasswordLength else {
            throw AccountError("a password has at least \(minimumPasswordLength) characters")
        }
    }

    /// Logs in: a new session's cookie token and form token, or `nil` for a wrong login or
    /// password (the same time either way) or a disabled account.
    public func logIn(_ login: String, password: String, at now: Date) async throws -> (token: String, csrfToken: String)? {
        let found = try store.account(login: login.trimmingCharacters(in: .whitespaces))
        // Unknown logins are checked against a hash of the same cost, so that timing does not
        // tell them apart.
        let hash = found?.passwordHash ?? Self.unknownLoginHash(cost: cost)
        guard Bcrypt.verify(password, hash: hash), let account = found?.account, !account.disabled else { return nil }
        let token = AttendanceKeys.randomToken()
        let csrf = AttendanceKeys.randomToken()
        try store.startWebSession(
            tokenHash: Self.hash(token), login: account.login, csrfToken: csrf, at: now, lasting: Self.sessionLifetime)
        return (token, csrf)
    }

    /// The session of a cookie's token.
    public func session(token: String, at now: Date) async throws -> WebSession? {
        try store.webSession(tokenHash: Self.hash(token), at: now)
    }

    /// Logs out.
    public func logOut(token: String) async throws {
        try store.endWebSession(tokenHash: Self.hash(token))
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A bcrypt hash of a password no one has, at `cost`, made once per cost.
    private static func unknownLoginHash(cost: UInt8) -> String {
        unknownLoginHashes.lock.lock()
        defer { unknownLoginHashes.lock.unlock() }
        if let hash = unknownLoginHashes.byCost[cost] { return hash }
        let hash = Bcrypt.hash(AttendanceKeys.randomToken(), cost: cost)
        unknownLoginHashes.byCost[cost] = hash
        return hash
    }

    private final class UnknownLoginHashes: @unchecked Sendable {
        let lock = NSLock()
        var byCost: [UInt8: String] = [:]
    }

    private static let unknownLoginHashes = UnknownLoginHashes()
}
