public import Foundation

/// A numbered certificate, issued once for one participant of one session and never
/// rewritten: an error is corrected by revoking it and issuing a new one that names it.
///
/// Every seated participant of a closed session gets one: it backs the *certificat de
/// réalisation*, which states the hours actually done whatever the outcome. Eligible
/// participants also get the *attestation de fin de formation* and an Open Badges
/// credential under the same number.
public struct Certificate: Sendable, Hashable, Codable, Identifiable {
    /// The stable number, `PREFIX-YEAR-NNNNNN`.
    public var number: String
    /// The session.
    public var sessionID: String
    /// The participant.
    public var participantID: String
    /// The course and its version.
    public var courseID: String
    /// The version of the course taught.
    public var courseVersion: CourseVersion
    /// Whether the participant met the certification rule.
    public var isEligible: Bool
    /// The reasons the rule was not met, as sentences; empty when eligible.
    public var reasons: [String]
    /// The hours attended, computed from the attendance records at issue.
    public var attended: Hours
    /// The hours the session planned.
    public var planned: Hours
    /// The session's first day.
    public var firstDay: LocalDate
    /// The session's last day.
    public var lastDay: LocalDate
    /// The day of issue.
    public var issuedOn: LocalDate
    /// The last day of validity, when the course has one and the participant is eligible.
    public var validUntil: LocalDate?
    /// The certificate this one replaces, when reissued.
    public var replaces: String?
    /// The signed statement the QR code carries (compact JWS).
    public var signedPayload: String
    /// The Open Badges 3.0 credential as a VC-JWT, for eligible participants.
    public var credential: String?
    /// The revocation, when revoked.
    public var revocation: Revocation?
    /// The purge that erased its holder's details past retention: its statement and
    /// credential went with them, its number, dates and hours stay.
    public var erasedIn: Int64?

    /// When and why a certificate was revoked.
    public struct Revocation: Sendable, Hashable, Codable {
        /// When.
        public var at: Date
        /// Why, in the words of the person who revoked it.
        public var reason: String
        /// The certificate that replaced it, when reissued.
        public var replacedBy: String?

        /// The reason in words: a reissue's default reason in the reader's language, any
        /// other as the person wrote it.
        public var reasonText: Text {
            if let replacedBy, reason == "reissued as \(replacedBy)" { return "reissued as \(replacedBy)" }
            return Text(verbatim: reason)
        }

        /// Creates a revocation.
        public init(at: Date, reason: String, replacedBy: String?) {
            self.at = at
            self.reason = reason
            self.replacedBy = replacedBy
        }
    }

    /// The certificate's number, which identifies it.
    public var id: String { number }

    /// What a certificate is worth on a day.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Eligible, not revoked, and within its validity (or valid for good).
        case valid
        /// Eligible and not revoked, past its last valid day.
        case expired
        /// Revoked (reissued or not).
        case revoked
        /// Issued to someone who did not meet the certification rule: it attests the
        /// attendance, not the certification.
        case notMet = "not-met"
    }

    /// Its state on `day`: the validity's end is its last valid day.
    public func state(on day: LocalDate) -> State {
        if revocation != nil { return .revoked }
        guard isEligible else { return .notMet }
        if let validUntil, validUntil < day { return .expired }
        return .valid
    }

    /// Creates a certificate record.
    public init(
        number: String, sessionID: String, participantID: String, courseID: String, courseVersion: CourseVersion,
        isEligible: Bool, reasons: [String], attended: Hours, planned: Hours, firstDay: LocalDate, lastDay: LocalDate,
        issuedOn: LocalDate, validUntil: LocalDate?, replaces: String?, signedPayload: String, credential: String?,
        revocation: Revocation? = nil
    ) {
        self.number = number
        self.sessionID = sessionID
        self.participantID = participantID
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.isEligible = isEligible
        self.reasons = reasons
        self.attended = attended
        self.planned = planned
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.replaces = replaces
        self.signedPayload = signedPayload
        self.credential = credential
        self.revocation = revocation
    }

    /// The number for the `sequence`-th certificate of `year` under `prefix`:
    /// `AV-2026-000123`.
    public static func number(prefix: String, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

extension Certificate {
    /// The unguessable part of the certificate's public address (`/verify/NUMBER?code=CODE`):
    /// the first 22 characters (132 bits) of its signed statement's Ed25519 signature, which
    /// only the certificate and its QR code carry. Numbers follow each other; a number alone
    /// finds nothing on the public page.
    public var verificationCode: String { Self.verificationCode(of: signedPayload) }

    /// The verification code of a signed statement (a compact JWS): the start of its signature.
    public static func verificationCode(of statement: String) -> String {
        let signature = statement.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        return String(signature.prefix(22))
    }

    /// Whether `code` is this certificate's, compared in constant time.
    public func isVerified(by code: String) -> Bool {
        let expected = Array(verificationCode.utf8)
        let given = Array(code.utf8)
        guard expected.count == 22, given.count == expected.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What the certificate's QR code holds: its signed statement, which `allervers verify`
    /// checks offline; and, when the organisation publishes its certificates at
    /// `publicAddress`, the page's address before it, the statement after `#` (a fragment is
    /// never sent to the server).
    public func qrText(publicAddress: String?) -> String {
        guard let publicAddress else { return signedPayload }
        return "\(publicAddress)/verify/\(number)?code=\(verificationCode)#\(signedPayload)"
    }
}
