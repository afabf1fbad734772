public import Foundation
public import TrainingCore
public import TrainingExport
public import TrainingStore

/// What signs a certificate's PDF: the seal (Ed25519, checked by `allervers verify`) and
/// the PDF signature (RSA, checked by PDF readers and `pdfsig`).
public struct DocumentKeys: Sendable {
    /// The workspace's Ed25519 key.
    public let seal: SigningKey
    /// The workspace's PDF signing identity.
    public let pdf: PDFSigningIdentity

    /// The keys of `workspace`. A workspace made before PDF signatures gets its PDF signing
    /// identity on first use, named after the organisation.
    public static func load(for workspace: Workspace, organisation: String) throws -> DocumentKeys {
        let seal = try SigningKey.load(from: workspace.signingKeyURL)
        return DocumentKeys(
            seal: seal,
            pdf: try PDFSigningIdentity.loadOrCreate(
                keyAt: workspace.pdfSigningKeyURL, certificateAt: workspace.pdfSigningCertificateURL, organisation: organisation,
                issuer: seal.issuer))
    }

    /// `pdf` sealed, then signed, on `day`.
    public func sign(_ pdf: Data, number: String, holder: String, on day: LocalDate) throws -> Data {
        try PDFSignature.sign(Verifier.seal(pdf: pdf, number: number, holder: holder, key: seal), on: day, identity: self.pdf)
    }
}

extension Workspace {
    /// The workspace's issuer: from its signing key, or, in a workspace restored without its
    /// keys, from the public PDF signing certificate that names it.
    public func issuer() throws -> IssuerKey {
        if !FileManager.default.fileExists(atPath: signingKeyURL.path),
            FileManager.default.fileExists(atPath: pdfSigningCertificateURL.path),
            let issuer = try PDFSigningIdentity.publicCertificate(at: pdfSigningCertificateURL).issuer
        {
            return issuer
        }
        return try SigningKey.load(from: signingKeyURL).issuer
    }
}
