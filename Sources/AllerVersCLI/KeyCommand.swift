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
                The key is written to .allervers/signing-key.pem, readable by its owner only, with the \
                PDF signing key and certificate that name it. An existing key is never replaced: \
                certificates already issued verify against it; and a workspace that has issued \
                certificates gets no new key (put its own back from a snapshot taken with --with-key).

                Example:
                  allervers key create
                """)
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.openStore()
            let workspace = store.workspace
            // A workspace that issued certificates (restored without its keys, say) would
            // disown them with a new key: the old one must come back instead.
            if !FileManager.default.fileExists(atPath: workspace.signingKeyURL.path), try store.hasIssuedCertificates {
                let issuer = try? PDFSigningIdentity.publicCertificate(at: workspace.pdfSigningCertificateURL).issuer
                throw CLIError(
                    "this workspace has issued certificates"
                        + (issuer.map { " as \($0.did)" } ?? "")
                        + ": put its signing key back (restore a snapshot taken with --with-key) rather than make a new one")
            }
            let key = try SigningKey.create(at: workspace.signingKeyURL)
            // The PDF certificate names the issuer: one naming the old key goes with it.
            if let named = try? PDFSigningIdentity.publicCertificate(at: workspace.pdfSigningCertificateURL).issuer, named != key.issuer {
                try? FileManager.default.removeItem(at: workspace.pdfSigningCertificateURL)
                try? FileManager.default.removeItem(at: workspace.pdfSigningKeyURL)
            }
            if let organisation = try store.organisation() {
                _ = try PDFSigningIdentity.loadOrCreate(
                    keyAt: workspace.pdfSigningKeyURL, certificateAt: workspace.pdfSigningCertificateURL, organisation: organisation.name,
                    issuer: key.issuer)
            }
            say("Signing key: \(key.issuer.did)")
        }
    }
}
