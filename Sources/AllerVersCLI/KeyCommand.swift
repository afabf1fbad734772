import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingStore

extension AllerVers {
    struct KeyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "The workspace's signing key, which certificates and credentials are signed with.",
            subcommands: [Show.self, Create.self])
    }
}

extension AllerVers.KeyCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the issuer's did:key, which anyone can check signatures against.",
            discussion: "Example:\n  allervers key show")
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let workspace = try storeOptions.workspace()
            say(try SigningKey.load(from: workspace.signingKeyURL).issuer.did)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the signing key of a workspace that has none (init makes one).",
            discussion: """
                The key is written to .allervers/signing-key.pem, readable by its owner only. An existing \
                key is never replaced: certificates already issued verify against it.

                Example:
                  allervers key create
                """)
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let workspace = try storeOptions.workspace()
            say("Signing key: \(try SigningKey.create(at: workspace.signingKeyURL).issuer.did)")
        }
    }
}

extension StoreOptions {
    /// The workspace's signing key, checked: present, readable, owner-only.
    func signingKey() throws -> SigningKey {
        try SigningKey.load(from: try workspace().signingKeyURL)
    }

    /// The keys that sign certificate PDFs: the Ed25519 seal's and the PDF signature's. A
    /// workspace made before PDF signatures gets its PDF signing identity on first use,
    /// named after the organisation.
    func documentKeys(organisation: String) throws -> DocumentKeys {
        let workspace = try workspace()
        let seal = try SigningKey.load(from: workspace.signingKeyURL)
        return DocumentKeys(
            seal: seal,
            pdf: try PDFSigningIdentity.loadOrCreate(
                keyAt: workspace.pdfSigningKeyURL, certificateAt: workspace.pdfSigningCertificateURL, organisation: organisation,
                issuer: seal.issuer))
    }

    /// The workspace's issuer: from its signing key, or, in a workspace restored without its
    /// keys, from the public PDF signing certificate that names it.
    func issuer() throws -> IssuerKey {
        let workspace = try workspace()
        if !FileManager.default.fileExists(atPath: workspace.signingKeyURL.path),
            FileManager.default.fileExists(atPath: workspace.pdfSigningCertificateURL.path),
            let issuer = try PDFSigningIdentity.publicCertificate(at: workspace.pdfSigningCertificateURL).issuer
        {
            return issuer
        }
        return try signingKey().issuer
    }
}

/// What signs a certificate's PDF: the seal (Ed25519, checked by `allervers verify`) and
/// the PDF signature (RSA, checked by PDF readers and `pdfsig`).
struct DocumentKeys {
    let seal: SigningKey
    let pdf: PDFSigningIdentity

    /// `pdf` sealed, then signed, on `day`.
    func sign(_ pdf: Data, number: String, holder: String, on day: LocalDate) throws -> Data {
        try PDFSignature.sign(Verifier.seal(pdf: pdf, number: number, holder: holder, key: seal), on: day, identity: self.pdf)
    }
}
