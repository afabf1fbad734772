import ArgumentParser
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct OrganisationCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "organisation",
                abstract: tr("Show or set the organisation identity printed on documents."),
                subcommands: [Show.self, Set.self])
        }
    }
}

extension AllerVers.OrganisationCommand {
    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show the organisation identity."),
                discussion: tr("Example:\n  allervers organisation show --json"))
        }

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            guard let organisation = try await WorkspaceService(store: try storeOptions.openStore()).identity() else {
                throw CLIError("the workspace has no organisation identity yet: set it with `allervers organisation set`")
            }
            if format.json { return try printJSON(organisation) }
            printFields([
                ("Name", organisation.name),
                ("Address", organisation.address),
                ("Déclaration d'activité", organisation.declarationNumber),
                ("SIRET", organisation.siret ?? tr("not given")),
                ("Signatory", "\(organisation.signatoryName), \(organisation.signatoryTitle)"),
                ("Certificate numbers", tr("\(organisation.certificatePrefix)-YEAR-NNNNNN")),
                ("Public address", organisation.publicAddress ?? tr("none: QR codes hold the signed statement alone")),
            ])
        }
    }

    struct Set: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "set", abstract: tr("Set the organisation identity (all five parts)."),
                discussion: tr(
                    """
                    Example:
                      allervers organisation set --name "Institut Aller-Vers" \\
                        --address "12 rue des Lices, 49100 Angers" \\
                        --declaration-number 52490123449 --signatory "Claire Martin" \\
                        --signatory-title Directrice
                    """))
        }

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var identity: IdentityOptions

        func validate() throws {
            _ = try identity.organisation(required: true)
        }

        func run() async throws {
            guard var organisation = try identity.organisation(required: true) else { return }
            let service = WorkspaceService(store: try storeOptions.openStore())
            // The public address and the SIRET stay as they were unless given (empty removes them).
            let before = try await service.identity()
            if identity.publicAddress == nil { organisation.publicAddress = before?.publicAddress }
            if identity.siret == nil { organisation.siret = before?.siret }
            try await service.setIdentity(organisation)
            say("Organisation identity set: \(organisation.name)")
        }
    }
}

/// A command-line failure that is neither the library's nor the arguments' own.
struct CLIError: TextError {
    let text: Text

    init(_ text: Text) {
        self.text = text
    }
}
