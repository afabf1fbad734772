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

    /// Checks a certificate PDF or a signed statement.
    public func verify(_ input: VerificationInput) async throws -> VerificationReport {
        let statement: VerifiedStatement
        switch input {
        case .pdf(let data): statement = try Verifier.verify(pdf: data)
        case .token(let token): statement = try Verifier.verify(token: token)
        }
        var checks: [Text] = ["signature valid (Ed25519, \(statement.issuer.did))"]
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

    /// The workspace's logs: the attendance chain, the session log, and every reopening.
    public func verifyLogs() async throws -> (attendance: ChainReport, sessions: ChainReport, reopenings: [SessionEvent]) {
        guard let store else { throw VerificationFailure("no workspace to verify") }
        return (try store.verifyAttendanceChain(), try store.verifySessionLog(), try store.reopenings())
    }
}
