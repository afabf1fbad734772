public import Foundation
public import TrainingCore
public import TrainingExport
public import TrainingStore

/// What is checked: a certificate PDF's bytes, or a signed statement (a QR payload or an
/// Open Badges credential).
public enum VerificationInput: Sendable {
    /// A PDF's bytes.
    case pdf(Data)
    /// A compact JWS.
    case token(String)
}

/// What verified, and each check that passed, in words.
public struct VerificationReport: Sendable {
    /// What the statement says.
    public var statement: VerifiedStatement
    /// Each check made, in the order made.
    public var checks: [Text]
}

/// Why something did not verify, as one sentence.
public struct VerificationFailure: TextError, Sendable, Hashable {
    /// What is wrong.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

/// The verification policy: a signature checks alone anywhere, offline; with the workspace
/// at hand, the issuer must be the workspace's, the certificate its own and not revoked, and
/// a signed PDF signed with its certificate.
public struct VerificationService: Sendable {
    let store: Store?

    /// The policy with the workspace at hand, or `nil` without one.
    public init(store: Store?) {
        self.store = store
    }

    /// Checks a certificate PDF or a signed statement; a credential also against `statusList`
    /// (a status list credential), when given, offline.
    public func verify(_ input: VerificationInput, statusList: String? = nil) async throws -> VerificationReport {
        let statement: VerifiedStatement
        switch input {
        case .pdf(let data): statement = try Verifier.verify(pdf: data)
        case .token(let token): statement = try Verifier.verify(token: token)
        }
        var checks: [Text] = ["signature valid (Ed25519, \(statement.issuer.did))"]
        if let statusList { checks.append(try Self.check(statement, against: statusList)) }
        if statement.pdfSigner != nil {
            checks.append("PDF signature (PAdES, RSA-2048) valid over the whole file, its certificate naming the same issuer")
        }
        guard let store else {
            checks.append("no workspace at hand: signature checked alone, revocation not checked")
            return VerificationReport(statement: statement, checks: checks)
        }
        let issuer = try store.workspace.issuer()
        guard issuer == statement.issuer else {
            throw VerificationFailure("signed by \(statement.issuer.did), not by this workspace's key (\(issuer.did))")
        }
        let certificate: Certificate
        do { certificate = try store.certificate(statement.number) } catch is NotFoundError {
            throw VerificationFailure("certificate \(statement.number) is not in this workspace")
        }
        if let revocation = certificate.revocation {
            throw VerificationFailure(
                "certificate \(statement.number) was revoked on \(revocation.at.formatted(.iso8601.year().month().day())): \(revocation.reason)"
                    + (revocation.replacedBy.map { "; replaced by \($0)" } ?? ""))
        }
        checks.append("issued by this workspace, not revoked")
        if let signer = statement.pdfSigner {
            let url = store.workspace.pdfSigningCertificateURL
            guard FileManager.default.fileExists(atPath: url.path), try PDFSigningIdentity.publicCertificate(at: url).der == signer else {
                throw VerificationFailure("its PDF signature was not made with this workspace's certificate")
            }
            checks.append("PDF signed with this workspace's certificate")
        }
        return VerificationReport(statement: statement, checks: checks)
    }

    /// A credential against a revocation status list: the list signed by the same issuer, the
    /// one the credential names, its bit not set.
    static func check(_ statement: VerifiedStatement, against token: String) throws -> Text {
        guard let entry = statement.status else { throw VerificationFailure("it names no status list (credentialStatus)") }
        let published = try Verifier.verify(statusList: token)
        guard published.issuer == statement.issuer else {
            throw VerificationFailure("the status list is signed by \(published.issuer.did), not by the credential's issuer")
        }
        guard published.id == entry.list else {
            throw VerificationFailure("the status list is \(published.id), the credential's is \(entry.list)")
        }
        guard let revoked = published.list.isSet(entry.index) else {
            throw VerificationFailure("its entry \(entry.index) is past the end of the status list")
        }
        if revoked { throw VerificationFailure("revoked: its entry \(entry.index) is set in the status list \(published.id)") }
        return "not revoked in the status list \(published.id) (entry \(entry.index))"
    }

    /// The signed revocation status list of the certificates numbered in `year`, as of `now`,
    /// at the organisation's public address; `nil` when it publishes none or has no key.
    public func statusList(year: Int, at now: Date) async throws -> String? {
        guard let store, let site = try store.organisation()?.publicAddress,
            FileManager.default.fileExists(atPath: store.workspace.signingKeyURL.path)
        else { return nil }
        let key = try SigningKey.load(from: store.workspace.signingKeyURL)
        let revoked = try store.revokedNumbers(year: year).compactMap { number -> Int? in
            guard let position = CertificateSigner.statusPosition(of: number), position.year == year else { return nil }
            return position.index
        }
        return CertificateSigner(key: key).statusList(address: "\(site)/status/\(year)", revoked: revoked, at: now)
    }

    /// The workspace's logs: the attendance chain, the session log, the trainers' sheet
    /// signatures, and every reopening.
    public func verifyLogs() async throws -> (chains: ChainReports, reopenings: [SessionEvent]) {
        guard let store else { throw VerificationFailure("no workspace to verify") }
        return (try store.verifyChains(), try store.reopenings())
    }
}

/// What anyone holding a certificate's address sees of it on the public page: every field the
/// certificate prints, and its state today. Never the holder's email or birth date.
public struct PublicCertificate: Sendable, Hashable {
    /// The certificate's number.
    public var number: String
    /// Valid, expired, revoked, or attended without meeting the rule.
    public var state: Certificate.State
    /// Why it was revoked.
    public var revocationReason: Text?
    /// The certificate that replaced it.
    public var replacedBy: String?
    /// The certificate it replaces.
    public var replaces: String?
    /// The holder's name as the certificate printed it.
    public var holder: String
    /// The course's title and id.
    public var course: String
    /// The course's id and version.
    public var courseID: String
    /// The first and last days of the training.
    public var firstDay: LocalDate
    /// The last day.
    public var lastDay: LocalDate
    /// The hours attended, and those planned.
    public var attended: Hours
    /// The hours planned.
    public var planned: Hours
    /// How the course was delivered: in a room, remote, in the field.
    public var modalities: [Modality]
    /// The organisation as the certificate named it.
    public var organisation: String
    /// Its *numéro de déclaration d'activité*.
    public var declarationNumber: String
    /// Its SIRET, when the organisation gave it.
    public var siret: String?
    /// The day it was issued.
    public var issuedOn: LocalDate
    /// The last day it is valid, when it expires.
    public var validUntil: LocalDate?
    /// Whether an Open Badges credential goes with it.
    public var hasCredential: Bool
}

extension VerificationService {
    /// The certificate `number` as the public page shows it on `day`, when `code` is its
    /// verification code; `nil` when there is no such certificate or the code is not its
    /// own, alike, so that the page tells nothing of which numbers exist.
    public func publicCertificate(_ number: String, code: String, on day: LocalDate) async throws -> PublicCertificate? {
        guard let store, let (certificate, found) = try store.certificateContext(number, if: { $0.isVerified(by: code) }),
            let context = found
        else { return nil }
        var modalities: [Modality] = []
        for module in context.course.modules where !modalities.contains(module.modality) { modalities.append(module.modality) }
        return PublicCertificate(
            number: certificate.number, state: certificate.state(on: day), revocationReason: certificate.revocation?.reasonText,
            replacedBy: certificate.revocation?.replacedBy, replaces: certificate.replaces, holder: context.participant.displayName,
            course: context.course.title, courseID: "\(certificate.courseID) \(certificate.courseVersion)",
            firstDay: certificate.firstDay, lastDay: certificate.lastDay, attended: certificate.attended, planned: certificate.planned,
            modalities: modalities, organisation: context.organisation.name, declarationNumber: context.organisation.declarationNumber,
            siret: context.organisation.siret, issuedOn: certificate.issuedOn, validUntil: certificate.validUntil,
            hasCredential: certificate.credential != nil)
    }

    /// The Open Badges credential of certificate `number`, when `code` is its verification code.
    public func publicCredential(_ number: String, code: String) async throws -> String? {
        try verified(number, code)?.credential
    }

    /// Certificate `number` when `code` is its own.
    private func verified(_ number: String, _ code: String) throws -> Certificate? {
        guard let store else { return nil }
        let certificate: Certificate
        do { certificate = try store.certificate(number) } catch is NotFoundError { return nil }
        return certificate.isVerified(by: code) ? certificate : nil
    }
}
