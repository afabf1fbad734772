import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct Init: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "init", abstract: tr("Create a workspace: the store, and the organisation identity documents carry."),
                discussion: tr(
                    """
                    The workspace is made in the current folder, or in --store FOLDER, with its store and \
                    the Ed25519 key that signs certificates, both readable by their owner only. With --database, the records are kept \
                    in a PostgreSQL database shared by the organisation's trainers, and the folder holds the keys and names the database. The organisation identity can be given now or later with \
                    `allervers organisation set`.

                    Example:
                      allervers init --name "Institut Aller-Vers" \\
                        --address "12 rue des Lices, 49100 Angers" \\
                        --declaration-number 52490123449 --signatory "Claire Martin" \\
                        --signatory-title Directrice
                    """))
        }

        @Option(help: tr("The folder to make the workspace in. Default: the current folder.", valueName: "folder"))
        var store: String?

        @Option(
            help: tr(
                """
                Keep the records in this PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE; the password from PGPASSWORD or \
                ~/.pgpass, never stored) rather than in a SQLite file in the folder. A database that already holds an organisation's \
                records is joined: copy that organisation's keys into the new .allervers/ to sign with them.
                """, valueName: "url"))
        var database: String?

        @OptionGroup var identity: IdentityOptions

        func validate() throws {
            _ = try identity.organisation(required: false)
        }

        func run() async throws {
            let folder = URL(fileURLWithPath: store ?? FileManager.default.currentDirectoryPath)
            let (created, issuer) = try await WorkspaceService.create(
                in: Workspace(folder: folder), databaseURL: database, organisation: try identity.organisation(required: false))
            guard let issuer else {
                say("Joined the records in \(try created.workspace.databaseLocation() ?? "") from \(created.workspace.folder.path)")
                say("Signing keys: copy the organisation's .allervers/*.pem here to issue certificates.")
                return
            }
            say("Created the workspace in \(created.workspace.folder.path)")
            say("Signing key: \(issuer.did)")
            if try await created.identity() == nil {
                say("No organisation identity yet: documents need one. Add it with `allervers organisation set`.")
            }
        }
    }
}

/// The organisation identity, as options.
struct IdentityOptions: ParsableArguments {
    @Option(help: tr("The organisation's name."))
    var name: String?
    @Option(help: tr("The organisation's postal address, on one line."))
    var address: String?
    @Option(help: tr("The numéro de déclaration d'activité (eleven digits).", valueName: "digits"))
    var declarationNumber: String?
    @Option(help: tr("Who signs documents for the organisation."))
    var signatory: String?
    @Option(help: tr("The signatory's title, e.g. Directrice."))
    var signatoryTitle: String?
    @Option(help: tr("What certificate numbers start with (AV gives AV-2026-000123).", valueName: "letters"))
    var certificatePrefix: String = "AV"
    @Option(
        help: tr(
            "Where `allervers serve` publishes the certificates' pages; new QR codes point there. Kept when not given; empty removes it.",
            valueName: "url"))
    var publicAddress: String?
    @Option(
        help: tr(
            "The organisation's SIRET (14 digits), which an LHEO export names it by. Kept when not given; empty removes it.",
            valueName: "digits"))
    var siret: String?

    /// The identity, `nil` when no option was given; all five go together.
    func organisation(required: Bool) throws -> Organisation? {
        let values = [name, address, declarationNumber, signatory, signatoryTitle, publicAddress, siret]
        if values.allSatisfy({ $0 == nil }) && !required { return nil }
        guard let name, let address, let declarationNumber, let signatory, let signatoryTitle else {
            throw ValidationError(
                tr("the organisation identity needs all of --name, --address, --declaration-number, --signatory and --signatory-title"))
        }
        do {
            return try Organisation(
                name: name, address: address, declarationNumber: declarationNumber, signatoryName: signatory,
                signatoryTitle: signatoryTitle, certificatePrefix: certificatePrefix,
                publicAddress: publicAddress.flatMap { $0.isEmpty ? nil : $0 }, siret: siret.flatMap { $0.isEmpty ? nil : $0 })
        } catch {
            throw ValidationError(error.description)
        }
    }
}
