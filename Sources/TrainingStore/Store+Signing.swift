internal import Crypto
public import Foundation
public import TrainingCore

/// An account that cannot be added or changed.
public struct AccountError: TextError, Sendable, Hashable {
    public var text: Text

    public init(_ text: Text) {
        self.text = text
    }
}

/// A signature that cannot be recorded: the page says why, and nothing is recorded.
public struct SigningError: TextError, Sendable, Hashable {
    public var text: Text

    public init(_ text: Text) {
        self.text = text
    }
}

/// A browser logged in, as the server finds it from its cookie.
public struct WebSession: Sendable, Hashable {
    /// Whose.
    public var account: Account
    /// The token its forms carry.
    public var csrfToken: String
    /// When it ends.
    public var expiresAt: Date
}

/// A half-day open for signing: the secret its codes are drawn from.
public struct SigningWindow: Sendable, Hashable {
    /// The session.
    public var sessionID: String
    /// The half-day.
    public var slotID: String
    /// The secret, random, as hexadecimal.
    public var secret: String
    /// Who opened it, and when.
    public var openedBy: String
    public var openedAt: Date
}

/// What verifying the workspace's chained logs found.
public struct ChainReports: Sendable, Hashable, Codable {
    /// The attendance log.
    public var attendance: ChainReport
    /// The session log.
    public var sessions: ChainReport
    /// The trainers' sheet signatures.
    public var sheets: ChainReport
    /// The drawn signatures' images, against the SHA-256 the records name them by.
    public var images: ChainReport
    /// The follow-ups of absences.
    public var followUps: ChainReport
    /// The purges past retention, and the rows they erased.
    public var purges: ChainReport

    /// The first log's problem, if any is broken.
    public var problem: Text? {
        attendance.problemText ?? sessions.problemText ?? sheets.problemText ?? images.problemText ?? followUps.problemText
            ?? purges.problemText
    }
}

/// A half-day's sheet as signing reads it (``Store/signingSheet(sessionID:slotID:only:check:)``).
public struct SigningSheet: Sendable {
    /// The window opened for the half-day, if it was.
    public var window: SigningWindow?
    /// The session and its course's title.
    public var session: Session
    public var courseTitle: String
    /// The people holding a seat, their names only, as the session lists them.
    public var seated: [Participant]
    /// Those with a record of the half-day.
    public var recorded: Set<String>
}

/// A trainer's signature certifying a half-day's sheet.
public struct SheetSignature: Sendable, Hashable {
    /// The record's position in the log of sheet signatures, from 1.
    public var sequence: Int64
    /// The session and the half-day.
    public var sessionID: String
    public var slotID: String
    /// The trainer, as the session names them, and the account that signed.
    public var trainer: String
    public var login: String
    /// When, in UTC.
    public var signedAt: Date
    /// The SHA-256 of the drawn signature.
    public var imageSHA256: String
    /// The record's hash, chained to the previous one.
    public var hash: String
}

extension Store {
    // MARK: Accounts

    /// Adds an account with its password's hash. The login must be new.
    public func addAccount(_ account: Account, passwordHash: String, at now: Date = Date()) throws {
        var account = account
        try database.write { db in
            if let key = account.employerID { account.employerID = try EmployerRows.id(for: key, in: db) }
            let problems = account.problems
            guard problems.isEmpty else { throw AccountError(problems.joined(separator: "; ")) }
            if try db.exists(sql: "SELECT 1 FROM account WHERE login = ?", arguments: [account.login]) {
                throw AccountError("there is already an account \(account.login)")
            }
            try db.execute(
                sql: "INSERT INTO account (login, name, role, employerID, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [account.login, account.name, account.role.rawValue, account.employerID, passwordHash, SessionRows.utc(now)])
        }
    }

    /// Every account, by login.
    public func accounts() throws -> [Account] {
        try database.read { db in
            try db.rows(sql: "SELECT * FROM account ORDER BY login").map(AccountRows.account)
        }
    }

    /// An account and its password's hash, by login.
    public func account(login: String) throws -> (account: Account, passwordHash: String)? {
        try database.read { db in
            try db.row(sql: "SELECT * FROM account WHERE login = ?", arguments: [login.lowercased()]).map {
                (try AccountRows.account($0), try $0["passwordHash"] as String)
            }
        }
    }

    /// Sets an account's password hash; ends its browsers' sessions.
    public func setPassword(of login: String, to passwordHash: String) throws {
        let login = login.lowercased()
        try database.write { db in
            guard try db.exists(sql: "SELECT 1 FROM account WHERE login = ?", arguments: [login]) else {
                throw NotFoundError(kind: .account, id: login)
            }
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE login = ?", arguments: [passwordHash, login])
            try db.execute(sql: "DELETE FROM webSession WHERE login = ?", arguments: [login])
        }
    }

    /// Disables an account: it can no longer log in, and its browsers are logged out. Its
    /// signatures stay.
    public func disableAccount(_ login: String, at now: Date = Date()) throws {
        let login = login.lowercased()
        try database.write { db in
            guard try db.exists(sql: "SELECT 1 FROM account WHERE login = ?", arguments: [login]) else {
                throw NotFoundError(kind: .account, id: login)
            }
            try db.execute(
                sql: "UPDATE account SET disabledAt = coalesce(disabledAt, ?) WHERE login = ?", arguments: [SessionRows.utc(now), login])
            try db.execute(sql: "DELETE FROM webSession WHERE login = ?", arguments: [login])
        }
    }

    // MARK: Browsers' sessions

    /// Starts a browser's session; expired ones are dropped on the way.
    public func startWebSession(tokenHash: String, login: String, csrfToken: String, at now: Date, lasting: TimeInterval) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt < ?", arguments: [SessionRows.utc(now)])
            try db.execute(
                sql: "INSERT INTO webSession (tokenHash, login, csrfToken, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [tokenHash, login, csrfToken, SessionRows.utc(now), SessionRows.utc(now.addingTimeInterval(lasting))])
        }
    }

    /// The session of a cookie's token hash, while it lasts and its account is enabled.
    public func webSession(tokenHash: String, at now: Date) throws -> WebSession? {
        try database.read { db in
            guard
                let row = try db.row(
                    sql: """
                        SELECT a.*, w.csrfToken, w.expiresAt FROM webSession w JOIN account a ON a.login = w.login
                        WHERE w.tokenHash = ? AND w.expiresAt > ? AND a.disabledAt IS NULL
                        """, arguments: [tokenHash, SessionRows.utc(now)])
            else { return nil }
            return WebSession(
                account: try AccountRows.account(row), csrfToken: try row["csrfToken"],
                expiresAt: try row.parsed("expiresAt", of: "webSession", key: "", SessionRows.date(utc:)))
        }
    }

    /// Ends a browser's session.
    public func endWebSession(tokenHash: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM webSession WHERE tokenHash = ?", arguments: [tokenHash]) }
    }

    // MARK: Signing windows

    /// Opens a half-day for signing with `secret`, or returns the window already open.
    public func openSigning(sessionID: String, slotID: String, secret: String, by login: String, at now: Date) throws -> SigningWindow {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
            guard session.slots.contains(where: { $0.id == slotID }) else { throw SigningError(session.unknownSlotMessage(slotID)) }
            if let open = try SigningRows.window(sessionID: sessionID, slotID: slotID, db: db) { return open }
            try db.execute(
                sql: "INSERT INTO signingWindow (sessionID, slotID, secret, openedBy, openedAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [sessionID, slotID, secret, login, SessionRows.utc(now)])
            return SigningWindow(sessionID: sessionID, slotID: slotID, secret: secret, openedBy: login, openedAt: now)
        }
    }

    /// What a half-day's signing page shows and a signature checks, in one read: the window
    /// opened for it, the session, its course's title, the people holding a seat (their
    /// names only, by family name; only `participantID` when named) and those with a record
    /// of the half-day (none asked for when a person is named). `check` sees the window first,
    /// before anything else is read, and may refuse.
    public func signingSheet(
        sessionID: String, slotID: String, only participantID: String? = nil, check: (SigningWindow?) throws -> Void = { _ in }
    ) throws -> SigningSheet {
        try database.read { db in
            let window = try SigningRows.window(sessionID: sessionID, slotID: slotID, db: db)
            try check(window)
            return try Self.signingSheet(of: window, sessionID: sessionID, slotID: slotID, only: participantID, db: db)
        }
    }

    /// The sheet of the first half-day open for signing (of a session neither closed nor
    /// cancelled, by session and half-day) whose window `opens` accepts, read with the windows
    /// in one read; `nil` when none does. What a phone's code opens.
    public func signingSheet(openedBy opens: (SigningWindow) throws -> Bool) throws -> SigningSheet? {
        try database.read { db in
            guard let window = try Self.openSigningWindows(db: db).first(where: opens) else { return nil }
            return try Self.signingSheet(of: window, sessionID: window.sessionID, slotID: window.slotID, only: nil, db: db)
        }
    }

    private static func signingSheet(
        of window: SigningWindow?, sessionID: String, slotID: String, only participantID: String?, db: any SQLConnection
    ) throws -> SigningSheet {
        guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
        let title = try CourseRows.title(of: session, db: db)
        var seated: [(participant: Participant, queued: Int)] = []
        // Read by position: the page reads fifty names at each scan of the code.
        try db.scan(
            sql: """
                SELECT p.id, p.firstName, p.lastName, e.queuedAt FROM enrolment e JOIN participant p ON p.id = e.participantID
                WHERE e.sessionID = ? AND e.status = 'enrolled' AND (CAST(? AS TEXT) IS NULL OR p.id = ?)
                """, arguments: [sessionID, participantID, participantID]
        ) { row in
            let id = try row.string(0, "id", of: "participant", key: "?")
            let participant = Participant(
                id: id, firstName: try row.string(1, "firstName", of: "participant", key: id),
                lastName: try row.string(2, "lastName", of: "participant", key: id))
            seated.append((participant, Int(try row.integer(3, "queuedAt", of: "enrolment", key: id))))
        }
        seated.sort { a, b in Self.seatedBefore((a.participant.lastName, a.queued), (b.participant.lastName, b.queued)) }
        let recorded =
            participantID != nil
            ? []
            : Set(
                try db.all(
                    String.self, sql: "SELECT DISTINCT participantID FROM attendanceEvent WHERE sessionID = ? AND slotID = ?",
                    arguments: [sessionID, slotID]))
        return SigningSheet(
            window: window, session: session, courseTitle: title, seated: seated.map(\.participant), recorded: recorded)
    }

    /// The window of a half-day, if it was opened.
    public func signingWindow(sessionID: String, slotID: String) throws -> SigningWindow? {
        try database.read { db in try SigningRows.window(sessionID: sessionID, slotID: slotID, db: db) }
    }

    /// Every window opened for a half-day of a session that is neither closed nor cancelled.
    private static func openSigningWindows(db: any SQLConnection) throws -> [SigningWindow] {
        try db.rows(
            sql: """
                SELECT w.* FROM signingWindow w JOIN session s ON s.id = w.sessionID
                WHERE s.status IN ('planned', 'running') ORDER BY w.sessionID, w.slotID
                """
        ).map(SigningRows.window)
    }

    // MARK: Signatures

    /// Records a signed presence for a half-day, with its image and how it came in, in the
    /// chained log; or, when that person already signed it, returns that record, unchanged.
    /// Refused when the trainer already recorded something else for them, or certified the
    /// sheet. `early`: how long before the half-day starts a signature is taken.
    public func recordSignature(
        participantID: String, sessionID: String, slotID: String, image: SignatureImage?, evidence: SignatureEvidence,
        by recordedBy: String,
        source: String, early: TimeInterval, at now: Date
    ) async throws -> AttendanceEvent {
        // Committed with the signatures other phones send meanwhile: a room signs at once.
        try await commits.write { db in
            let certified = try SheetSignatureRows.certifiedSlots(in: sessionID, db: db)
            let existing = try SigningRows.currentSequence(sessionID: sessionID, slotID: slotID, participantID: participantID, db: db)
            if evidence.method != .trainer {
                if let existing {
                    let event = try SigningRows.event(sequence: existing, db: db)
                    // Their own signature again: the same record, the same receipt.
                    if let method = event.evidence?.method, method != .trainer { return event }
                    throw SigningError(
                        certified.contains(slotID)
                            ? "the trainer has certified this half-day's sheet: ask them to correct it"
                            : "the trainer has already recorded your attendance for this half-day: ask them if it is wrong")
                }
                if certified.contains(slotID) {
                    throw SigningError("the trainer has certified this half-day's sheet: ask them to correct it")
                }
            }
            var evidence = evidence
            evidence.imageSHA256 = try image.map { try SigningRows.store($0, db: db) }
            // The trainer signing on someone's behalf over an earlier record, or after certifying,
            // corrects it with their reason.
            let correcting = evidence.method == .trainer && (existing != nil || certified.contains(slotID))
            let sequences = try Self.record(
                [AttendanceMark(participantID: participantID, slotID: slotID, status: .present)], in: sessionID, by: recordedBy,
                source: source, correctionReason: correcting ? evidence.onBehalfReason : nil,
                at: now, evidence: try SigningRows.json(evidence), early: early, db: db)
            return try SigningRows.event(sequence: sequences[0], db: db)
        }
    }

    /// The sessions a drawn signature was given for, by the image's SHA-256.
    public func sessions(signedWithImage sha256: String) throws -> [String] {
        try database.read { db in
            try db.all(
                String.self,
                sql: """
                    SELECT sessionID FROM sheetSignature WHERE imageSHA256 = ?
                    UNION SELECT sessionID FROM attendanceEvent WHERE evidence LIKE ?
                    """, arguments: [sha256, "%\"imageSHA256\":\"\(sha256)\"%"])
        }
    }

    /// A drawn signature's image, by its SHA-256.
    public func signatureImage(sha256: String) throws -> SignatureImage? {
        try database.read { db in
            try db.row(sql: "SELECT data FROM signatureImage WHERE sha256 = ? AND erasedIn IS NULL", arguments: [sha256]).flatMap { row in
                Data(base64Encoded: try row["data"] as String).flatMap { SignatureImage(png: Array($0)) }
            }
        }
    }

    /// The trainer's signature certifying a half-day's sheet, chained; a second signature by
    /// the same trainer is refused.
    public func signSheet(
        sessionID: String, slotID: String, trainer: String, login: String, image: SignatureImage, at now: Date
    ) throws -> SheetSignature {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
            guard let slot = session.slots.first(where: { $0.id == slotID }) else { throw SigningError(session.unknownSlotMessage(slotID)) }
            guard session.status != .cancelled else { throw SigningError("session \(sessionID) is cancelled") }
            if let start = session.interval(of: slot)?.start, start > now {
                throw SigningError("half-day \(slotID) has not started: its sheet is certified once it has")
            }
            let signed = try SheetSignatureRows.signatures(in: sessionID, db: db)
            if signed.contains(where: { $0.slotID == slotID && $0.trainer.folded == trainer.folded }) {
                throw SigningError("\(trainer) has already certified the sheet of half-day \(slotID)")
            }
            let sha = try SigningRows.store(image, db: db)
            return try SheetSignatureRows.append(
                sessionID: sessionID, slotID: slotID, trainer: trainer, login: login, imageSHA256: sha, at: now, db: db)
        }
    }

    /// Every trainer's signature on a session's sheets, oldest first.
    public func sheetSignatures(of sessionID: String) throws -> [SheetSignature] {
        try database.read { db in try SheetSignatureRows.signatures(in: sessionID, db: db) }
    }

    /// Recomputes every chained log: attendance, the sessions' lives, the trainers' sheet
    /// signatures, the follow-ups of absences.
    public func verifyChains() throws -> ChainReports {
        ChainReports(
            attendance: try verifyAttendanceChain(), sessions: try verifySessionLog(), sheets: try verifySheetSignatures(),
            images: try verifySignatureImages(), followUps: try verifyFollowUps(), purges: try verifyPurges())
    }

    /// Recomputes each drawn signature's SHA-256, which the chained records name it by.
    public func verifySignatureImages() throws -> ChainReport {
        try database.read { db in
            var count = 0
            var problem: ChainReport?
            try db.eachRow(of: "signatureImage", byKey: ["sha256"]) { row in
                count += 1
                // A purge past retention erased its bytes; the records still name it.
                guard (try row["erasedIn"] as Int64?) == nil else { return true }
                let sha: String = try row["sha256"]
                let bytes = Data(base64Encoded: try row["data"] as String) ?? Data()
                guard AttendanceRows.hex(SHA256.hash(data: bytes)) == sha else {
                    problem = ChainReport(
                        recordCount: count, firstBrokenSequence: nil, problem: "the signature image \(sha) was changed after it was written"
                    )
                    return false
                }
                return true
            }
            return problem ?? ChainReport(recordCount: count, firstBrokenSequence: nil, problem: nil)
        }
    }

    /// Recomputes the hash chain of the trainers' sheet signatures.
    public func verifySheetSignatures() throws -> ChainReport {
        try database.read { db in
            try Self.verifyChain(
                table: "sheetSignature", head: "sheetSignatureChain", record: "sheet signature", log: "log of sheet signatures",
                hash: SheetSignatureRows.hash, db: db)
        }
    }
}

enum AccountRows {
    static func account(_ row: SQLRow) throws -> Account {
        Account(
            login: try row["login"], name: try row["name"],
            role: try row.parsed("role", of: "account", key: try row["login"], Account.Role.init(rawValue:)),
            employerID: try row["employerID"], disabled: (try row["disabledAt"] as String?) != nil)
    }
}

enum SigningRows {
    static func window(sessionID: String, slotID: String, db: any SQLConnection) throws -> SigningWindow? {
        try db.row(sql: "SELECT * FROM signingWindow WHERE sessionID = ? AND slotID = ?", arguments: [sessionID, slotID]).map(window)
    }

    static func window(_ row: SQLRow) throws -> SigningWindow {
        SigningWindow(
            sessionID: try row["sessionID"], slotID: try row["slotID"], secret: try row["secret"], openedBy: try row["openedBy"],
            openedAt: try row.parsed("openedAt", of: "signingWindow", key: try row["sessionID"], SessionRows.date(utc:)))
    }

    /// Keeps an image once, by its SHA-256, and returns that.
    static func store(_ image: SignatureImage, db: any SQLConnection) throws -> String {
        let sha = AttendanceRows.hex(SHA256.hash(data: image.png))
        if !(try db.exists(sql: "SELECT 1 FROM signatureImage WHERE sha256 = ?", arguments: [sha])) {
            try db.execute(
                sql: "INSERT INTO signatureImage (sha256, mediaType, data) VALUES (?, 'image/png', ?)",
                arguments: [sha, Data(image.png).base64EncodedString()])
        }
        return sha
    }

    /// The evidence as the log keeps it: its members in the order of their names, those
    /// absent left out, compact (what `JSONEncoder` wrote with sorted keys and slashes left
    /// alone, which ``Store/sessions(signedWithImage:)`` searches), written without
    /// Foundation's encoder: a room's signatures are written one after the other. A text
    /// holding a backspace or a form feed, which `JSONEncoder` escapes as `\b` and `\f` where
    /// JSONWriter writes `\u0008` and `\u000c`, is still written by `JSONEncoder`.
    static func json(_ evidence: SignatureEvidence) throws -> String {
        let texts = [evidence.address, evidence.deviceTime, evidence.imageSHA256, evidence.onBehalfReason, evidence.userAgent]
        if texts.contains(where: { $0?.utf8.contains { $0 == 0x08 || $0 == 0x0C } == true }) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(evidence), as: UTF8.self)
        }
        var json = JSONWriter()
        json.object { json in
            func member(_ name: StaticString, _ value: String?) {
                guard let value else { return }
                json.key(name)
                json.string(value)
            }
            member("address", evidence.address)
            member("deviceTime", evidence.deviceTime)
            member("imageSHA256", evidence.imageSHA256)
            member("method", evidence.method.rawValue)
            member("onBehalfReason", evidence.onBehalfReason)
            member("userAgent", evidence.userAgent)
        }
        return json.text
    }

    static func currentSequence(sessionID: String, slotID: String, participantID: String, db: any SQLConnection) throws -> Int64? {
        try db.row(
            sql: "SELECT max(sequence) AS latest FROM attendanceEvent WHERE sessionID = ? AND participantID = ? AND slotID = ?",
            arguments: [sessionID, participantID, slotID]
        ).flatMap { try $0["latest"] as Int64? }
    }

    static func event(sequence: Int64, db: any SQLConnection) throws -> AttendanceEvent {
        guard let row = try db.row(sql: "SELECT * FROM attendanceEvent WHERE sequence = ?", arguments: [sequence]) else {
            throw CorruptRecordError(table: "attendanceEvent", key: String(sequence), column: "sequence", value: "missing")
        }
        let key = String(sequence)
        return AttendanceEvent(
            sequence: sequence, sessionID: try row["sessionID"], mark: try AttendanceRows.mark(row), recordedBy: try row["recordedBy"],
            recordedAt: try row.parsed("recordedAt", of: "attendanceEvent", key: key, SessionRows.date(utc:)), source: try row["source"],
            supersedes: nil, correctionReason: try row["correctionReason"], evidence: try AttendanceRows.evidence(row),
            hash: try row["hash"])
    }
}

/// The log of trainers' sheet signatures and its hash chain.
enum SheetSignatureRows {
    static func certifiedSlots(in sessionID: String, db: any SQLConnection) throws -> Set<String> {
        Set(try db.all(String.self, sql: "SELECT DISTINCT slotID FROM sheetSignature WHERE sessionID = ?", arguments: [sessionID]))
    }

    static func signatures(in sessionID: String, db: any SQLConnection) throws -> [SheetSignature] {
        try db.rows(sql: "SELECT * FROM sheetSignature WHERE sessionID = ? ORDER BY sequence", arguments: [sessionID]).map { row in
            let sequence: Int64 = try row["sequence"]
            return SheetSignature(
                sequence: sequence, sessionID: try row["sessionID"], slotID: try row["slotID"], trainer: try row["trainer"],
                login: try row["login"],
                signedAt: try row.parsed("signedAt", of: "sheetSignature", key: String(sequence), SessionRows.date(utc:)),
                imageSHA256: try row["imageSHA256"], hash: try row["hash"])
        }
    }

    static func append(
        sessionID: String, slotID: String, trainer: String, login: String, imageSHA256: String, at now: Date, db: any SQLConnection
    ) throws -> SheetSignature {
        let (sequence, previous) = try ChainHead.next(of: "sheetSignatureChain", db: db)
        let signedAt = SessionRows.utc(now)
        let hash = AttendanceRows.digest(
            [String(sequence), sessionID, slotID, trainer, login, signedAt, imageSHA256], previous: previous)
        try db.execute(
            sql: """
                INSERT INTO sheetSignature (sequence, sessionID, slotID, trainer, login, signedAt, imageSHA256, previousHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sequence, sessionID, slotID, trainer, login, signedAt, imageSHA256, previous, hash])
        try ChainHead.advance("sheetSignatureChain", to: sequence, hash: hash, db: db)
        return SheetSignature(
            sequence: sequence, sessionID: sessionID, slotID: slotID, trainer: trainer, login: login,
            signedAt: SessionRows.date(utc: signedAt) ?? now, imageSHA256: imageSHA256, hash: hash)
    }

    static func hash(_ row: SQLRow, previous: String) throws -> String {
        try AttendanceRows.digest(
            [
                String(row["sequence"] as Int64), row["sessionID"], row["slotID"], row["trainer"], row["login"], row["signedAt"],
                row["imageSHA256"],
            ], previous: previous)
    }
}
